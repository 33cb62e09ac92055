// charts.hpp — the data-to-pixel geometry of the reviewer-split charts, as small pure functions
// (the ImPlot way: fit extents → transform → render). Drawing lives in view_charts.cpp; these
// functions know rectangles only, so tests check them without a GPU.
#pragma once

#include <imgui.h>

#include <vector>

namespace versus::ui {

struct Rect {
    ImVec2 min, max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
    bool contains(ImVec2 p) const { return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y; }
};

// A horizontal bar split into ship (left) and skip (right) segments proportional to the counts.
// A non-zero count never gets a segment narrower than `min_segment` (so it stays visible and
// tappable) unless the bar itself is too short. Zero reviews: both segments empty (width 0).
struct SplitBar {
    Rect ship, skip;
};
SplitBar split_bar(Rect bar, int ship, int skip, float min_segment = 8.0f);

// The reviewer × tool matrix, cut into blocks of columns that fit the width (a narrow screen
// stacks several blocks rather than scrolling sideways).
struct MatrixLayout {
    int columns_per_block = 1;
    int blocks = 0;
    float label_width = 0;     // the reviewer-name column
    float column_width = 0;
    float header_height = 0;   // the tool-name header of each block
    float row_height = 0;
    float block_gap = 0;
    // Cell of (row, column) where column indexes the shown tools; origin = top-left of the matrix.
    Rect cell(ImVec2 origin, int row, int column, int rows) const;
    // Header cell of a column (tool name).
    Rect header(ImVec2 origin, int column, int rows) const;
    // Label cell of a row in the block holding `column`.
    Rect label(ImVec2 origin, int row, int block, int rows) const;
    float block_height(int rows) const { return header_height + row_height * static_cast<float>(rows); }
    float total_height(int rows) const;
};
MatrixLayout matrix_layout(float width, int columns, float label_width, float min_column_width,
                           float max_column_width, float header_height, float row_height,
                           float block_gap);

}  // namespace versus::ui
