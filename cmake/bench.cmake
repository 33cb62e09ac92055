# Issue 6 in the native tree (included from cmake/tests.cmake):
#  - versus_bench (tests/bench/bench.cpp): parse, frame, allocation and reload benchmarks;
#    CTest runs it in smoke mode only (it must run, not meet a time). The full run and the
#    table: shell/bench.sh.
#  - the desktop start benchmark (tests/bench/desktop_start.py) in smoke mode, under Xvfb, with
#    its baselines bench_window (tests/bench/bare_window.cpp);
#  - the sanitizer runs: build/asan/{model_tests,ui_tests} (preset asan, ASan + UBSan);
#  - the fuzz target build/fuzz/fuzz_payload (preset fuzz, clang): replay of the regressions and
#    seeds, then 60 s of fuzzing.
# The asan and fuzz binaries come from their own build trees (shell/test.sh builds them first). A
# missing binary FAILS its test with the command that builds it: nothing is silently skipped.

add_executable(versus_bench ${CMAKE_SOURCE_DIR}/tests/bench/bench.cpp)
target_link_libraries(versus_bench PRIVATE versus_ui versus_text_native nlohmann_json_headers)
target_compile_options(versus_bench PRIVATE ${VERSUS_WARNINGS})
target_link_options(versus_bench PRIVATE -rdynamic)   # --alloc-sites names functions
add_test(NAME "bench: native (smoke)" COMMAND versus_bench --smoke)
set_tests_properties("bench: native (smoke)" PROPERTIES TIMEOUT 120)

# Desktop baselines: a bare GLFW + GL 3.3 window, and an ImGui hello-world (tests/bench/bare_window.cpp).
add_executable(bench_window ${CMAKE_SOURCE_DIR}/tests/bench/bare_window.cpp)
target_link_libraries(bench_window PRIVATE versus_ui versus_text_native imgui_backend_desktop)
target_compile_options(bench_window PRIVATE ${VERSUS_WARNINGS})

find_program(PYTHON3_EXECUTABLE python3 REQUIRED)
add_test(NAME "bench: desktop start (smoke)"
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/bench/with_xvfb.sh ${PYTHON3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/bench/desktop_start.py --smoke
                 $<TARGET_FILE:versus> $<TARGET_FILE:versus_bench> $<TARGET_FILE:bench_window>)
set_tests_properties("bench: desktop start (smoke)" PROPERTIES TIMEOUT 120)

# Runs a binary of another build tree; fails when it is missing.
set(VERSUS_SIBLING_RUN ${CMAKE_SOURCE_DIR}/tests/bench/run_built.sh)

# Leaks of third-party libraries that are not ours to fix (tests/lsan.supp says which and why).
set(VERSUS_LSAN_OPTIONS "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")

foreach(suite model ui)
  add_test(NAME "asan: ${suite}"
           COMMAND bash ${VERSUS_SIBLING_RUN} "cmake --preset asan && cmake --build --preset asan"
                   ${CMAKE_SOURCE_DIR}/build/asan/${suite}_tests)
  set_tests_properties("asan: ${suite}" PROPERTIES TIMEOUT 600
    ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1;${VERSUS_LSAN_OPTIONS}")
endforeach()

set(VERSUS_FUZZ_BIN ${CMAKE_SOURCE_DIR}/build/fuzz/fuzz_payload)
set(VERSUS_FUZZ_BUILD "cmake --preset fuzz && cmake --build --preset fuzz")
add_test(NAME "fuzz: regressions and seeds"
         COMMAND bash ${VERSUS_SIBLING_RUN} ${VERSUS_FUZZ_BUILD} ${VERSUS_FUZZ_BIN} -runs=0
                 ${CMAKE_SOURCE_DIR}/tests/fuzz/regressions ${CMAKE_SOURCE_DIR}/tests/payloads/valid
                 ${CMAKE_SOURCE_DIR}/tests/payloads/invalid ${CMAKE_SOURCE_DIR}/assets/payloads)
set_tests_properties("fuzz: regressions and seeds" PROPERTIES TIMEOUT 300 ENVIRONMENT "${VERSUS_LSAN_OPTIONS}")
# 60 s of fuzzing from the seeds, in a corpus folder of this build tree (emptied each time).
add_test(NAME "fuzz: 60 s"
         COMMAND bash ${VERSUS_SIBLING_RUN} ${VERSUS_FUZZ_BUILD} ${VERSUS_FUZZ_BIN}
                 -max_total_time=60 -max_len=131072 -timeout=20 -rss_limit_mb=2048
                 -dict=${CMAKE_SOURCE_DIR}/tests/fuzz/payload.dict
                 -artifact_prefix=${CMAKE_BINARY_DIR}/fuzz-artifacts/
                 --fresh-dir ${CMAKE_BINARY_DIR}/fuzz-corpus
                 ${CMAKE_SOURCE_DIR}/tests/fuzz/regressions ${CMAKE_SOURCE_DIR}/tests/payloads/valid
                 ${CMAKE_SOURCE_DIR}/tests/payloads/invalid ${CMAKE_SOURCE_DIR}/assets/payloads)
set_tests_properties("fuzz: 60 s" PROPERTIES TIMEOUT 300 ENVIRONMENT "${VERSUS_LSAN_OPTIONS}")

# The web benchmarks (tests/bench/web/bench-web.mjs) in smoke mode, against VERSUS_WEB_DIST and the
# hello-world baseline beside it (bench/, built by the web tree: cmake/bench_web.cmake). They must
# measure; a figure never fails them. A missing build fails with the command that makes it.
add_test(NAME "bench: web (smoke)"
         COMMAND ${NODE_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/bench/web/bench-web.mjs --smoke --dist ${VERSUS_WEB_DIST})
set_tests_properties("bench: web (smoke)" PROPERTIES TIMEOUT 180 RUN_SERIAL TRUE)
