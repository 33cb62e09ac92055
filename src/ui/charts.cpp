// charts.cpp — chart geometry (see charts.hpp).
#include "ui/charts.hpp"

#include <algorithm>
#include <cmath>

namespace versus::ui {

SplitBar split_bar(Rect bar, int ship, int skip, float min_segment) {
    SplitBar s;
    s.ship = {bar.min, ImVec2(bar.min.x, bar.max.y)};
    s.skip = {ImVec2(bar.max.x, bar.min.y), bar.max};
    const int total = std::max(ship, 0) + std::max(skip, 0);
    if (total == 0 || bar.width() <= 0) return s;
    const float w = bar.width();
    float ship_w = w * static_cast<float>(std::max(ship, 0)) / static_cast<float>(total);
    const float min_w = std::min(min_segment, w * 0.5f);
    if (ship > 0 && skip > 0) ship_w = std::clamp(ship_w, min_w, w - min_w);
    ship_w = std::round(ship_w);
    const float split = bar.min.x + ship_w;
    s.ship = {bar.min, ImVec2(split, bar.max.y)};
    s.skip = {ImVec2(split, bar.min.y), bar.max};
    return s;
}

MatrixLayout matrix_layout(float width, int columns, float label_width, float min_column_width,
                           float max_column_width, float header_height, float row_height,
                           float block_gap) {
    MatrixLayout m;
    m.header_height = header_height;
    m.row_height = row_height;
    m.block_gap = block_gap;
    if (columns <= 0) return m;
    // Narrow screens: the label column gives way first, down to 40% of the width.
    m.label_width = std::min(label_width, std::max(width * 0.4f, 60.0f));
    const float avail = std::max(width - m.label_width, min_column_width);
    const int fit = std::max(1, static_cast<int>(std::floor(avail / min_column_width)));
    m.columns_per_block = std::min(fit, columns);
    m.blocks = (columns + m.columns_per_block - 1) / m.columns_per_block;
    m.column_width = std::min(max_column_width, avail / static_cast<float>(m.columns_per_block));
    return m;
}

Rect MatrixLayout::cell(ImVec2 o, int row, int column, int rows) const {
    const int block = column / columns_per_block, col = column % columns_per_block;
    const float y = o.y + static_cast<float>(block) * (block_height(rows) + block_gap) + header_height +
                    static_cast<float>(row) * row_height;
    const float x = o.x + label_width + static_cast<float>(col) * column_width;
    return {ImVec2(x, y), ImVec2(x + column_width, y + row_height)};
}

Rect MatrixLayout::header(ImVec2 o, int column, int rows) const {
    const int block = column / columns_per_block, col = column % columns_per_block;
    const float y = o.y + static_cast<float>(block) * (block_height(rows) + block_gap);
    const float x = o.x + label_width + static_cast<float>(col) * column_width;
    return {ImVec2(x, y), ImVec2(x + column_width, y + header_height)};
}

Rect MatrixLayout::label(ImVec2 o, int row, int block, int rows) const {
    const float y = o.y + static_cast<float>(block) * (block_height(rows) + block_gap) + header_height +
                    static_cast<float>(row) * row_height;
    return {ImVec2(o.x, y), ImVec2(o.x + label_width, y + row_height)};
}

float MatrixLayout::total_height(int rows) const {
    if (blocks == 0) return 0;
    return static_cast<float>(blocks) * block_height(rows) + static_cast<float>(blocks - 1) * block_gap;
}

}  // namespace versus::ui
