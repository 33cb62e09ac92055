# Fuzzing build (preset `fuzz`: clang-14, VERSUS_FUZZ=ON, build/fuzz). Builds only what the
# libFuzzer target needs: imgui, versus_model, versus_text (+ the native engine), versus_ui and fuzz_payload —
# no GLFW, no GL, no tests. Everything is instrumented with ASan + UBSan (UB aborts, so libFuzzer
# sees it) and coverage; Dear ImGui's IM_ASSERTs stay on (no NDEBUG).
#
#   cmake --preset fuzz && cmake --build --preset fuzz
#   build/fuzz/fuzz_payload -max_total_time=60 CORPUS_DIR SEED_DIRS...   (or shell/fuzz.sh)
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "VERSUS_FUZZ needs clang (libFuzzer); use `cmake --preset fuzz`.")
endif()

set(VERSUS_FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
    -fno-omit-frame-pointer -g -O1 -UNDEBUG)
foreach(t imgui unibreak versus_model versus_text versus_text_native versus_ui)
  target_compile_options(${t} PRIVATE ${VERSUS_FUZZ_FLAGS})
endforeach()

add_executable(fuzz_payload ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_payload.cpp)
target_link_libraries(fuzz_payload PRIVATE versus_ui versus_text_native)
target_compile_options(fuzz_payload PRIVATE ${VERSUS_FUZZ_FLAGS} ${VERSUS_WARNINGS})
target_link_options(fuzz_payload PRIVATE -fsanitize=fuzzer,address,undefined)

# The request parsing of versus-votes (src/service/request.cpp): route, content type, Origin,
# X-Forwarded-For, the vote body. Needs nlohmann/json and the model (its describe() of a value).
add_executable(fuzz_vote_request ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_vote_request.cpp
               ${CMAKE_SOURCE_DIR}/src/service/request.cpp)
target_include_directories(fuzz_vote_request PRIVATE ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(fuzz_vote_request PRIVATE versus_model nlohmann_json_headers)
target_compile_options(fuzz_vote_request PRIVATE ${VERSUS_FUZZ_FLAGS} ${VERSUS_WARNINGS})
target_link_options(fuzz_vote_request PRIVATE -fsanitize=fuzzer,address,undefined)
