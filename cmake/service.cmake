# versus-votes, the vote service (issue 11, docs/votes.md): src/service/, native build only.
# Debian packages: libcpp-httplib-dev (HTTP), libsqlite3-dev, libpq-dev (PostgreSQL client),
# libssl-dev (HMAC-SHA256, random key); the tests also start Debian's postgresql server.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(VOTES_DEPS REQUIRED IMPORTED_TARGET cpp-httplib sqlite3 libpq libcrypto)

file(GLOB VERSUS_SERVICE_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/service/*.cpp)
list(REMOVE_ITEM VERSUS_SERVICE_SOURCES ${CMAKE_SOURCE_DIR}/src/service/main.cpp)
add_library(versus_service STATIC ${VERSUS_SERVICE_SOURCES})
target_include_directories(versus_service PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(versus_service PUBLIC versus_model nlohmann_json_headers PkgConfig::VOTES_DEPS Threads::Threads)
target_compile_options(versus_service PRIVATE ${VERSUS_WARNINGS})
target_compile_definitions(versus_service PRIVATE VERSUS_VERSION="${PROJECT_VERSION}")

add_executable(versus-votes ${CMAKE_SOURCE_DIR}/src/service/main.cpp)
target_link_libraries(versus-votes PRIVATE versus_service)
target_compile_options(versus-votes PRIVATE ${VERSUS_WARNINGS})
