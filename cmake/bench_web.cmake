# The baseline of the web benchmark (tests/bench/web/bench-web.mjs), included from cmake/web.cmake:
# an ImGui 1.90.1 hello-world (tests/bench/web/hello.cpp) as a typical ImGui web app builds it —
# Emscripten's GLFW + imgui_impl_glfw + imgui_impl_opengl3, the default ProggyClean font, ImGui's
# default configuration (not versus's imconfig), nlohmann::json — with the same compile flags as
# the core (this tree's: MinSizeRel -Oz with the inliner on, -fno-exceptions), the same link flags
# (VERSUS_WEB_COMMON_LINK_FLAGS) and the same steps after linking (versus_web_finish: wasm-opt, minified glue).
# Output: build/web/bench/{hello.js,hello.wasm,hello.html}, never dist/.
set(VERSUS_WEB_BENCH_DIR "${CMAKE_BINARY_DIR}/bench")
file(MAKE_DIRECTORY ${VERSUS_WEB_BENCH_DIR})

# ImGui as it comes: the `imgui` target carries versus's configuration (no default font, 32-bit indices).
add_library(imgui_hello STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_hello SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
set_target_properties(imgui_hello PROPERTIES EXCLUDE_FROM_ALL ON)

add_executable(bench_hello ${CMAKE_SOURCE_DIR}/tests/bench/web/hello.cpp)
target_link_libraries(bench_hello PRIVATE imgui_hello nlohmann_json_headers)
target_compile_options(bench_hello PRIVATE ${VERSUS_WARNINGS})
set_target_properties(bench_hello PROPERTIES
  OUTPUT_NAME "hello" SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY ${VERSUS_WEB_BENCH_DIR})
target_link_options(bench_hello PRIVATE
  ${VERSUS_WEB_COMMON_LINK_FLAGS}
  "SHELL:-s EXPORT_NAME=createHello"
  "SHELL:-s USE_GLFW=3")
versus_web_finish(bench_hello)   # as the core (cmake/web.cmake)
add_custom_command(OUTPUT ${VERSUS_WEB_BENCH_DIR}/hello.html
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${CMAKE_SOURCE_DIR}/tests/bench/web/hello.html ${VERSUS_WEB_BENCH_DIR}/hello.html
  DEPENDS ${CMAKE_SOURCE_DIR}/tests/bench/web/hello.html COMMENT "bench/hello.html" VERBATIM)
add_custom_target(versus_web_bench ALL DEPENDS ${VERSUS_WEB_BENCH_DIR}/hello.html bench_hello)
