// json_number_web.cpp — decimal_to_double() for the web core: the browser's own Number().
//
// Why this file exists: the model turns a JSON number's text into a double in one function
// (src/model/json_number.hpp). Natively that is the C library's strtod; in the wasm, strtod is
// musl's decimal reader on 128-bit software floats (with fmodl, scalbnl and the soft-float
// routines it pulls in): 4–5 KB gzip of the core for a handful of numbers per payload. The
// browser already has a correctly rounded decimal reader — the one JSON.parse uses — so the web
// core asks it. ECMAScript's StringToNumber gives the double nearest the decimal value, ties to
// even (V8, SpiderMonkey and JavaScriptCore round exactly at any length; the standard lets an
// engine round past the 20th significant digit, which no payload figure has), "1e400" is
// Infinity and "-0" is -0: what json_number.hpp asks of every implementation. The token is one
// JSON number the scanner checked (ASCII: '-', digits, '.', 'e', 'E', '+'), which JavaScript's
// numeric-string grammar reads the same way. CMake builds the web core's model without
// src/model/json_number.cpp and links this file instead; tests/browser/numbers.test.mjs checks
// that numbers at the edge of the double range are read as the desktop reads them.
#include "model/json_number.hpp"

#include <emscripten.h>

EM_JS(double, vt_decimal_to_double, (const char* text, int length), {
    return Number(UTF8ToString(text, length));
});

namespace versus::detail {

double decimal_to_double(std::string_view token) {
    return vt_decimal_to_double(token.data(), static_cast<int>(token.size()));
}

}  // namespace versus::detail
