// json_number.hpp — the one conversion of a JSON number's decimal text to a double.
//
// Why this file exists: the model reads numbers in one place (json_scan.cpp, for the document
// json_read.hpp builds and for the "too large" check), and this is the only function that turns
// decimal text into a double. It is its own small file so that a target can give it another
// implementation (the web core may, to leave the C library's strtod and locale out of the wasm)
// without touching the scanner. Every implementation must return the double nearest the decimal
// value (IEEE round-to-nearest-even, as strtod does), ±infinity when the magnitude is too large
// for a double, and 0 or a subnormal when it is too small.
#pragma once

#include <string_view>

namespace versus::detail {

// `token` is one JSON number as RFC 8259 writes it (the scanner checked its syntax): an optional
// '-', digits, an optional fraction and an optional exponent. Its value as the nearest double,
// whatever the C locale's decimal point.
double decimal_to_double(std::string_view token);

}  // namespace versus::detail
