# Every test is registered with CTest: unit (model), headless UI, browser, desktop window.
# Each test is named "<group>: <name>" and carries the label <group> (versus_label_tests below), so
# one group runs alone: `ctest --preset native -L model`.
find_package(Catch2 REQUIRED)
include(Catch)

set(VERSUS_WEB_DIST "${CMAKE_SOURCE_DIR}/build/web/dist" CACHE PATH
    "the built web folder the browser tests serve (cmake --preset web && cmake --build --preset web)")

file(GLOB MODEL_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/model/*.cpp)
if(MODEL_TEST_SOURCES)
  add_executable(model_tests ${MODEL_TEST_SOURCES})
  target_link_libraries(model_tests PRIVATE versus_model nlohmann_json_headers Catch2::Catch2)
  target_compile_definitions(model_tests PRIVATE VERSUS_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  catch_discover_tests(model_tests TEST_PREFIX "model: " PROPERTIES LABELS model)
endif()

file(GLOB UI_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/ui/*.cpp)
if(UI_TEST_SOURCES)
  add_executable(ui_tests ${UI_TEST_SOURCES})
  target_link_libraries(ui_tests PRIVATE versus_ui versus_text_native nlohmann_json_headers Catch2::Catch2)
  target_compile_definitions(ui_tests PRIVATE VERSUS_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  catch_discover_tests(ui_tests TEST_PREFIX "ui: " PROPERTIES LABELS ui)
endif()

# The presentation layer (src/present/): words, plural rules, number formats, figures, rendition.
# locale_dump prints its number formats and plural categories for tests/present/intl.test.mjs.
file(GLOB PRESENT_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/present/*.cpp)
if(PRESENT_TEST_SOURCES)
  add_executable(present_tests ${PRESENT_TEST_SOURCES})
  target_link_libraries(present_tests PRIVATE versus_ui nlohmann_json_headers Catch2::Catch2)
  target_compile_definitions(present_tests PRIVATE VERSUS_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  catch_discover_tests(present_tests TEST_PREFIX "present: " PROPERTIES LABELS present)
endif()
add_executable(locale_dump ${CMAKE_SOURCE_DIR}/tests/tools/locale_dump.cpp)
target_link_libraries(locale_dump PRIVATE versus_present)

# Desktop window tests under Xvfb, and the CLI: shell scripts in tests/desktop/.
file(GLOB DESKTOP_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/desktop/*.test.sh)
foreach(t ${DESKTOP_TESTS})
  get_filename_component(name ${t} NAME_WE)
  add_test(NAME "desktop: ${name}" COMMAND bash ${t} $<TARGET_FILE:versus>)
  set_tests_properties("desktop: ${name}" PROPERTIES TIMEOUT 120
    ENVIRONMENT "VERSUS_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
endforeach()

# Node tests, one CTest test per tests/<group>/*.test.mjs file:
#  web:     node:test unit tests of the browser code's pure modules (web/src/), no browser;
#  browser: Playwright + Debian's Chromium against build/web/dist (run one at a time);
#  schema:  the JSON Schema (ajv) and the C++ validator agree on the corpus in tests/payloads;
#  present: the C++ number formats and plural rules agree with Node's Intl (tests/present/).
# Each gets VERSUS_WEB_DIST, VERSUS_SOURCE_DIR and VERSUS_BIN (the desktop binary).
find_program(NODE_EXECUTABLE node REQUIRED)
foreach(group web browser schema present)
  file(GLOB NODE_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/${group}/*.test.mjs)
  foreach(t ${NODE_TESTS})
    get_filename_component(name ${t} NAME_WE)
    add_test(NAME "${group}: ${name}" COMMAND ${NODE_EXECUTABLE} ${t}
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/${group})
    set_tests_properties("${group}: ${name}" PROPERTIES TIMEOUT 180
      ENVIRONMENT "VERSUS_WEB_DIST=${VERSUS_WEB_DIST};VERSUS_SOURCE_DIR=${CMAKE_SOURCE_DIR};VERSUS_BIN=$<TARGET_FILE:versus>;VERSUS_LOCALE_DUMP=$<TARGET_FILE:locale_dump>")
    if(group STREQUAL "browser")
      set_tests_properties("${group}: ${name}" PROPERTIES RUN_SERIAL TRUE)
    endif()
  endforeach()
endforeach()

# The script corpus read back with tesseract (13 payloads at 2x, issue 9): ~60 s on an idle
# machine, up to ~150 s on a busy one.
set_tests_properties("browser: scripts" PROPERTIES TIMEOUT 360)
# Two readers, three scenarios and a real vote service in one browser test: more time than one page.
if(TEST "browser: live-votes")
  set_tests_properties("browser: live-votes" PROPERTIES TIMEOUT 360)
endif()

# Benchmarks (smoke), sanitizer runs (build/asan) and the fuzz target (build/fuzz): issue 6.
include(cmake/bench.cmake OPTIONAL)

# Every test added by add_test() in this tree gets the label of its group: the word before the ':'
# of its name. Deferred to the end of the configure step, so tests registered by files included
# later get theirs too. (Catch2 tests are discovered at test time: their labels are set above.)
function(versus_label_tests)
  get_property(tests DIRECTORY ${CMAKE_SOURCE_DIR} PROPERTY TESTS)
  foreach(t IN LISTS tests)
    if(t MATCHES "^([a-z0-9-]+):")
      set_tests_properties("${t}" PROPERTIES LABELS "${CMAKE_MATCH_1}")
    endif()
  endforeach()
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL versus_label_tests)
