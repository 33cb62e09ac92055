// The default payload (assets/payloads/haiku-vs-mistral.json), embedded by cmake/assets.cmake.
#include "model/payload.hpp"

namespace versus {
namespace assets {
extern const unsigned char default_payload[];
extern const unsigned int default_payload_size;
}  // namespace assets

std::string_view default_payload_text() {
    return {reinterpret_cast<const char*>(assets::default_payload), assets::default_payload_size};
}
std::string_view default_payload_name() { return "haiku-vs-mistral.json"; }
}  // namespace versus
