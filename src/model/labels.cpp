// labels.cpp — label ids by Label and back (labels.hpp).
#include "model/labels.hpp"

namespace versus {

namespace {
constexpr const char* kIds[] = {
#define VERSUS_LABEL_ID(id, ...) #id,
    VERSUS_LABELS(VERSUS_LABEL_ID) VERSUS_PLURAL_LABELS(VERSUS_LABEL_ID)
#undef VERSUS_LABEL_ID
};
constexpr int kSingular = 0
#define VERSUS_LABEL_ONE(id, ...) +1
    VERSUS_LABELS(VERSUS_LABEL_ONE)
#undef VERSUS_LABEL_ONE
    ;
static_assert(sizeof(kIds) / sizeof(kIds[0]) == kLabelCount, "one id per label");
}  // namespace

const char* label_id(Label label) {
    const int i = static_cast<int>(label);
    return i >= 0 && i < kLabelCount ? kIds[i] : nullptr;
}

Label label_of(std::string_view id) {
    for (int i = 0; i < kLabelCount; ++i)
        if (id == kIds[i]) return static_cast<Label>(i);
    return Label::count;
}

bool is_plural(Label label) {
    const int i = static_cast<int>(label);
    return i >= kSingular && i < kLabelCount;
}

}  // namespace versus
