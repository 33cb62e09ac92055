// store_internal.hpp — what the two stores share: migrations, hex, the constructors.
#pragma once

#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "service/store.hpp"

namespace versus::service {

struct Migration {
    int version;
    const char* sql;
};

template <std::size_t N>
void check_known_version(std::int64_t have, const Migration (&known)[N]) {
    const int newest = known[N - 1].version;
    if (have > newest) {
        throw StoreError("the store's schema is version " + std::to_string(have) +
                         ", made by a newer versus-votes; this one knows versions up to " +
                         std::to_string(newest));
    }
}

std::string to_hex(const std::vector<std::uint8_t>& bytes);
std::vector<std::uint8_t> from_hex(const std::string& hex);   // throws StoreError

std::unique_ptr<Store> open_sqlite_store(const std::string& path);
std::unique_ptr<Store> open_postgres_store(const std::string& uri);

}  // namespace versus::service
