// URLs (tool url, cta url): absolute http: or https: with a host. Other schemes, relative URLs,
// a missing host, blanks and control characters are errors.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support.hpp"

using versus::load_payload;
using versus::test::Lines;
using versus::test::problems_of;

namespace {

// `url` is written into the JSON text as is; the value starts at column 72.
std::string with_url(const std::string& url) {
    return R"({"version": 1, "title": "A", "tools": [{"id": "a", "name": "A", "url": ")" + url +
           R"(", "license": {"name": "MIT", "commercial_use": true}}]})";
}

}  // namespace

TEST_CASE("url: absolute http and https URLs are accepted", "[url]") {
    const std::vector<std::string> good = {
        "https://example.com",
        "http://example.com",
        "HTTPS://EXAMPLE.COM/a?b=c#d",
        "https://user:pw@example.com:8080/x",
        "https://[::1]:8080/",
        "http://localhost",
        "https://\u4f8b\u3048.jp/\u30d1\u30b9",
    };
    for (const std::string& url : good) {
        INFO(url);
        const auto result = load_payload(with_url(url));
        REQUIRE(result.ok());
        CHECK(result.payload->tools[0].url == url);
    }
}

TEST_CASE("url: anything else is an error", "[url]") {
    // As written in JSON, which is also how the message quotes them.
    const std::vector<std::string> bad = {
        "javascript:alert(1)",
        "data:text/html,hi",
        "file:///etc/passwd",
        "ftp://example.com",
        "/relative/path",
        "example.com",
        "//example.com",
        "https://",
        "https:///path",
        "https://:80/",
        "http:example.com",
        " https://example.com",
        "https://exa mple.com",
        "https://example.com/\\tx",
        "https://example.com\\n",
        "https://example.com:80x/",
        "https://example.com:123456/",
        "https://[::1/",
        "https://evil.example\\\\@good.example",
        "",
    };
    for (const std::string& url : bad) {
        INFO(url);
        CHECK(problems_of(with_url(url)) ==
              Lines{"1:72: error: /tools/0/url: must be an absolute http: or https: URL, got \"" +
                    url + "\""});
    }
    // Unicode blanks too; the message shows the character itself.
    CHECK(problems_of(with_url("https://example.com/\\u00a0")) ==
          Lines{"1:72: error: /tools/0/url: must be an absolute http: or https: URL, got "
                "\"https://example.com/\u00a0\""});
}
