// words.cpp — translations, the catalogue and the resolved words of a comparison (words.hpp).
#include "present/words.hpp"

#include <nlohmann/json.hpp>

#include "model/json_read.hpp"

namespace versus::present {

namespace {

// English, from the label list (model/labels.hpp).
struct English {
    std::array<std::array<const char*, 2>, kLabelCount> texts{};   // {one, other}
    English() {
        int i = 0;
#define VERSUS_EN_ONE(id, text) texts[static_cast<std::size_t>(i++)] = {text, text};
#define VERSUS_EN_PLURAL(id, one, other) texts[static_cast<std::size_t>(i++)] = {one, other};
        VERSUS_LABELS(VERSUS_EN_ONE)
        VERSUS_PLURAL_LABELS(VERSUS_EN_PLURAL)
#undef VERSUS_EN_ONE
#undef VERSUS_EN_PLURAL
    }
};

const English& english_texts() {
    static const English e;
    return e;
}

}  // namespace

std::string parse_translation(std::string_view text, Translation& out) {
    using nlohmann::json;
    json doc;
    if (const auto problem = versus::detail::read_json_text(text, doc))
        return "a translation is not JSON: " + *problem;
    if (!doc.is_object()) return "a translation must be a JSON object";
    const auto lang = doc.find("lang");
    if (lang == doc.end() || !lang->is_string() || lang->get_ref<const std::string&>().empty())
        return "a translation needs \"lang\"";
    const auto labels = doc.find("labels");
    if (labels == doc.end() || !labels->is_object()) return "a translation needs \"labels\" (an object)";
    out = Translation{};
    out.lang = primary_language(lang->get_ref<const std::string&>());
    for (auto it = labels->begin(); it != labels->end(); ++it) {
        const Label label = label_of(it.key());
        if (label == Label::count) return "unknown label \"" + it.key() + "\"";
        auto& slot = out.texts[static_cast<std::size_t>(label)];
        if (is_plural(label)) {
            if (!it->is_object()) return "label \"" + it.key() + "\" takes a count: an object of plural forms";
            for (auto form = it->begin(); form != it->end(); ++form) {
                if (!form->is_string()) return "label \"" + it.key() + "\": forms are strings";
                slot[static_cast<std::size_t>(plural_of(form.key()))] = form->get<std::string>();
            }
        } else {
            if (!it->is_string()) return "label \"" + it.key() + "\" must be a string";
            slot[static_cast<std::size_t>(Plural::Other)] = it->get<std::string>();
        }
    }
    return "";
}

std::string Catalogue::add(std::string_view json) {
    auto t = std::make_unique<Translation>();
    std::string error = parse_translation(json, *t);
    if (!error.empty()) return error;
    for (auto& existing : list_) {
        if (existing->lang == t->lang) {
            existing = std::move(t);
            return "";
        }
    }
    list_.push_back(std::move(t));
    return "";
}

const Translation* Catalogue::find(std::string_view lang) const {
    const std::string primary = primary_language(lang);
    for (const auto& t : list_)
        if (t->lang == primary) return t.get();
    return nullptr;
}

std::vector<std::string> Catalogue::languages() const {
    std::vector<std::string> out;
    for (const auto& t : list_) out.push_back(t->lang);
    return out;
}

Catalogue& catalogue() {
    static Catalogue* cat = [] {
        auto* c = new Catalogue();
        for (std::string_view doc : builtin_translations()) c->add(doc);
        return c;
    }();
    return *cat;
}

std::string fill_placeholders(std::string_view text, std::initializer_list<Arg> args) {
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                const std::string_view key = text.substr(i + 1, close - i - 1);
                bool done = false;
                for (const Arg& a : args) {
                    if (a.first == key) {
                        out += a.second;
                        done = true;
                        break;
                    }
                }
                if (done) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

Words::Words() : locale_(&english()) {
    resolve(nullptr, "", Catalogue());
}

void Words::resolve(const Payload* payload, std::string_view host_lang, const Catalogue& cat) {
    const std::string_view payload_lang = payload ? std::string_view(payload->lang) : std::string_view();
    // The first shipped language of: payload lang, host lang; English otherwise.
    const Locale* wanted = nullptr;
    for (std::string_view tag : {payload_lang, host_lang}) {
        if (tag.empty()) continue;
        if ((wanted = find_locale(tag))) break;
    }
    if (!wanted) wanted = &english();
    wanted_ = wanted->lang;
    const Translation* translation = wanted == &english() ? nullptr : cat.find(wanted->lang);
    locale_ = translation || wanted == &english() ? wanted : &english();
    lang_ = locale_->lang;
    content_lang_ = !payload_lang.empty() ? std::string(payload_lang) : lang_;

    if (payload && payload->dir != TextDirection::Auto) {
        dir_ = payload->dir == TextDirection::Rtl ? Direction::Rtl : Direction::Ltr;
    } else if (!payload_lang.empty()) {
        dir_ = is_rtl_language(payload_lang) ? Direction::Rtl : Direction::Ltr;
    } else {
        dir_ = is_rtl_language(host_lang) ? Direction::Rtl : Direction::Ltr;
    }

    const English& en = english_texts();
    for (int k = 0; k < kLabelCount; ++k) {
        auto& slot = texts_[static_cast<std::size_t>(k)];
        const std::string& own = payload ? payload->labels[static_cast<std::size_t>(k)] : std::string();
        publisher_[static_cast<std::size_t>(k)] = !own.empty();
        for (int p = 0; p < kPluralCount; ++p) {
            std::string& text = slot[static_cast<std::size_t>(p)];
            if (!own.empty()) {
                text = own;
                continue;
            }
            text.clear();
            if (translation) {
                const auto& forms = translation->texts[static_cast<std::size_t>(k)];
                text = forms[static_cast<std::size_t>(p)];
                if (text.empty()) text = forms[static_cast<std::size_t>(Plural::Other)];
            }
            if (text.empty()) text = en.texts[static_cast<std::size_t>(k)][p == static_cast<int>(Plural::One) ? 0 : 1];
        }
    }
}

const std::string& Words::text(Label label) const {
    return texts_[static_cast<std::size_t>(label)][static_cast<std::size_t>(Plural::Other)];
}

std::string Words::fill(Label label, std::initializer_list<Arg> args) const {
    return fill_placeholders(text(label), args);
}

std::string Words::count(Label label, std::uint64_t n, std::initializer_list<Arg> args) const {
    const Plural p = locale_->plural(n);
    const std::string& form = texts_[static_cast<std::size_t>(label)][static_cast<std::size_t>(p)];
    const std::string number = format_integer(*locale_, n);
    std::vector<Arg> all(args);
    all.emplace_back("n", number);
    std::string out;
    // fill_placeholders takes an initializer_list; go through the few args by hand.
    out = std::string(form);
    for (const Arg& a : all) out = fill_placeholders(out, {a});
    return out;
}

std::vector<std::string_view> Words::all_texts() const {
    std::vector<std::string_view> out;
    for (const auto& slot : texts_)
        for (const std::string& t : slot) out.push_back(t);
    return out;
}

}  // namespace versus::present
