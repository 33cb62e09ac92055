// json_number.cpp — decimal_to_double() with the C library's strtod (see json_number.hpp).
#include "model/json_number.hpp"

#include <clocale>
#include <cstdlib>
#include <string>

namespace versus::detail {

double decimal_to_double(std::string_view token) {
    std::string copy(token);
    // strtod reads the locale's decimal point; nlohmann/json's lexer does the same swap.
    const char decimal_point = *std::localeconv()->decimal_point;
    for (char& c : copy) {
        if (c == '.') c = decimal_point;
    }
    return std::strtod(copy.c_str(), nullptr);
}

}  // namespace versus::detail
