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

# Tests (label `service`): Python 3 scripts in tests/service/, against the real binary over real
# HTTP. The store-dependent ones run twice: on SQLite and on a PostgreSQL server each test starts
# in a temporary folder (as the `postgres` user when run as root).
if(VERSUS_TESTS)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  set(VERSUS_SERVICE_TEST_ENV "VERSUS_VOTES_BIN=$<TARGET_FILE:versus-votes>;VERSUS_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1")
  foreach(name contract concurrency crash origins rate sigterm cli)
    set(stores sqlite postgresql)
    if(name STREQUAL "cli")
      set(stores sqlite)
    endif()
    foreach(store ${stores})
      set(test_name "service: ${name} (${store})")
      add_test(NAME "${test_name}" COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/service/${name}.test.py ${store}
               WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/service)
      set_tests_properties("${test_name}" PROPERTIES TIMEOUT 180 ENVIRONMENT "${VERSUS_SERVICE_TEST_ENV}")
    endforeach()
  endforeach()
endif()

# The request-parsing fuzz target (build/fuzz/fuzz_vote_request, preset fuzz; cmake/fuzz.cmake):
# its regressions and seeds replayed, then 30 s of fuzzing. A missing binary fails with the
# command that builds it (shell/test.sh builds the fuzz preset first).
if(VERSUS_TESTS)
  set(VERSUS_VOTE_FUZZ_BIN ${CMAKE_SOURCE_DIR}/build/fuzz/fuzz_vote_request)
  add_test(NAME "fuzz: vote request regressions"
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/bench/run_built.sh "cmake --preset fuzz && cmake --build --preset fuzz"
                   ${VERSUS_VOTE_FUZZ_BIN} -runs=0 ${CMAKE_SOURCE_DIR}/tests/fuzz/vote-request-regressions)
  set_tests_properties("fuzz: vote request regressions" PROPERTIES TIMEOUT 120)
  add_test(NAME "fuzz: vote request 30 s"
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/bench/run_built.sh "cmake --preset fuzz && cmake --build --preset fuzz"
                   ${VERSUS_VOTE_FUZZ_BIN} -max_total_time=30 -max_len=2048 -timeout=10 -rss_limit_mb=1024
                   -dict=${CMAKE_SOURCE_DIR}/tests/fuzz/vote_request.dict
                   -artifact_prefix=${CMAKE_BINARY_DIR}/vote-fuzz-artifacts/
                   --fresh-dir ${CMAKE_BINARY_DIR}/vote-fuzz-corpus ${CMAKE_SOURCE_DIR}/tests/fuzz/vote-request-regressions)
  set_tests_properties("fuzz: vote request 30 s" PROPERTIES TIMEOUT 120)
endif()

# Benchmarks (shell/bench.sh; CTest "bench: votes (smoke)"): the HTTP ceiling and the store
# ceiling baselines, driven with wrk (Debian) by tests/bench/votes_bench.py.
add_executable(votes_http_baseline ${CMAKE_SOURCE_DIR}/tests/bench/votes_http_baseline.cpp)
target_link_libraries(votes_http_baseline PRIVATE versus_service)
add_executable(votes_store ${CMAKE_SOURCE_DIR}/tests/bench/votes_store.cpp)
target_link_libraries(votes_store PRIVATE versus_service)
if(VERSUS_TESTS)
  add_test(NAME "bench: votes (smoke)"
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/bench/votes_bench.py --smoke ${CMAKE_BINARY_DIR})
  set_tests_properties("bench: votes (smoke)" PROPERTIES TIMEOUT 180 RUN_SERIAL TRUE
    ENVIRONMENT "VERSUS_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1")
endif()
