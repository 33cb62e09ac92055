// json_read.cpp — read_json(): the scanner's events build an nlohmann::json (see json_read.hpp).
#include "model/json_read.hpp"

#include <utility>
#include <vector>

namespace versus::detail {

namespace {

using nlohmann::json;

// Builds the document from the events, as nlohmann/json's DOM parser does: the open containers
// are a stack of pointers (a container's address is stable while it is the last element of its
// parent array, and std::map nodes never move), a value goes into the innermost one, and a
// member's value replaces an earlier member of the same key.
class Builder : public JsonEvents {
public:
    Builder(json& root, JsonEvents* also) : root_(root), also_(also) {}

    void begin_object(TextPos pos) override {
        stack_.push_back(place(json(json::value_t::object)));
        if (also_) also_->begin_object(pos);
    }
    void begin_array(TextPos pos) override {
        stack_.push_back(place(json(json::value_t::array)));
        if (also_) also_->begin_array(pos);
    }
    void end_object() override {
        stack_.pop_back();
        if (also_) also_->end_object();
    }
    void end_array() override {
        stack_.pop_back();
        if (also_) also_->end_array();
    }
    void key(const std::string& name, TextPos pos) override {
        key_ = name;
        if (also_) also_->key(name, pos);
    }
    void scalar(const JsonScalar& value, TextPos pos) override {
        switch (value.kind) {
        case JsonScalar::Kind::String: place(json(std::string(value.string))); break;
        case JsonScalar::Kind::Unsigned: place(json(value.unsigned_value)); break;
        case JsonScalar::Kind::Integer: place(json(value.integer_value)); break;
        case JsonScalar::Kind::Float: place(json(value.float_value)); break;
        case JsonScalar::Kind::Boolean: place(json(value.boolean)); break;
        case JsonScalar::Kind::Null: place(json(nullptr)); break;
        }
        if (also_) also_->scalar(value, pos);
    }

private:
    json* place(json&& value) {
        if (stack_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        json& parent = *stack_.back();
        if (parent.is_array()) {
            auto& elements = parent.get_ref<json::array_t&>();
            elements.push_back(std::move(value));
            return &elements.back();
        }
        json& member = parent.get_ref<json::object_t&>()[key_];
        member = std::move(value);
        return &member;
    }

    json& root_;
    JsonEvents* also_;
    std::vector<json*> stack_;
    std::string key_;
};

}  // namespace

std::optional<ScanError> read_json(std::string_view text, json& document, JsonEvents* also) {
    document = nullptr;
    if (auto error = check_utf8(text)) return error;
    Builder builder(document, also);
    if (auto error = scan_json(text, builder)) {
        document = nullptr;
        return error;
    }
    return std::nullopt;
}

std::string_view without_bom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

std::string placed(const ScanError& error) {
    return "line " + std::to_string(error.pos.line) + ", column " + std::to_string(error.pos.column) +
           ": " + error.message;
}

std::optional<std::string> read_json_text(std::string_view text, json& document, JsonEvents* also) {
    if (const auto error = read_json(without_bom(text), document, also)) return placed(*error);
    return std::nullopt;
}

}  // namespace versus::detail
