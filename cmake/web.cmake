# The web target: the Emscripten + WebGL2 core behind the <versus-widget> element, and the
# deployable folder build/web/dist/ a publisher copies anywhere:
#   index.html          demo page (the public embed snippet)
#   versus.js           the loader / custom element (ES module bundled from web/src/; compiles the wasm once per page)
#   versus-actions.js, versus-service.js  chunks versus.js fetches on demand (the actions menu; votes="…")
#   versus-core.js      Emscripten's glue (MODULARIZE + EXPORT_ES6: `createVersusCore(options)`)
#   versus-core.wasm    ImGui + model + UI, driven by the exported C functions of src/platform/web
#   embed.html/.js      iframe mode: one widget from ?src=..., posts its height to the parent
#   iframe-demo.html/.js  a host page resizing such an iframe (the documented parent snippet)
#   editor.html/.css/.js  the publisher's editor (CodeMirror 6 + the core's validator + a live widget)
#   versus.schema.json  the payload's JSON Schema (copy of assets/schema/versus.schema.json)
#   payloads/*.json     copies of assets/payloads
#   fonts/*.woff2       Inter cut by Unicode range × weight (web/src/fonts.js): the canvas's and the
#                       rendition's default font, fetched by the browser only for the ranges drawn
#   i18n/<lang>.json    the widget's words in each shipped language but English (fetched when needed)
#   package.json, README.md  dist/ as an npm package (version: the project's)
# No Emscripten GLFW (it listens to keys on the whole window): the glue creates the WebGL2 context
# itself and versus.js forwards the canvas's own events. See src/platform/web/core.cpp.

set(VERSUS_DIST_DIR "${CMAKE_BINARY_DIR}/dist")
file(MAKE_DIRECTORY ${VERSUS_DIST_DIR})

# [SECTION] The core: versus-core.js + versus-core.wasm -----------------------------------------
file(GLOB VERSUS_WEB_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/platform/web/*.cpp)
add_executable(versus_core ${VERSUS_WEB_SOURCES})
# ImGui is drawn by src/platform/web/webgl_renderer.cpp, not imgui_impl_opengl3 (it says why).
target_link_libraries(versus_core PRIVATE versus_ui)
target_compile_options(versus_core PRIVATE ${VERSUS_WARNINGS})
target_compile_definitions(versus_core PRIVATE VERSUS_VERSION="${PROJECT_VERSION}")
set_target_properties(versus_core PROPERTIES
  OUTPUT_NAME "versus-core" SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY ${VERSUS_DIST_DIR})

# The C functions versus.js calls (all EMSCRIPTEN_KEEPALIVE in core.cpp), plus the allocator used
# to hand the payload text over.
set(VERSUS_WEB_EXPORTS
  _malloc _free
  _versus_init _versus_set_theme _versus_set_accent _versus_resize _versus_set_payload
  _versus_problem_count _versus_problem _versus_problems_json
  _versus_pointer_move _versus_pointer_down _versus_pointer_up _versus_pointer_leave _versus_pointer_cancel
  _versus_key _versus_text _versus_focus
  _versus_frame _versus_content_height _versus_mouse_cursor _versus_max_drawing_buffer _versus_nav_rect
  _versus_set_votes _versus_set_tallies _versus_title _versus_rendition_json _versus_palette_json
  _versus_set_host_lang _versus_add_translation _versus_wanted_lang _versus_lang _versus_chrome_json
  _versus_record _versus_record_json _versus_destroy _versus_fonts_changed)
list(JOIN VERSUS_WEB_EXPORTS "," VERSUS_WEB_EXPORTS_CSV)

# Optimisation and link flags shared by the core and the hello-world baseline of the web benchmark
# (cmake/bench_web.cmake): one list, so the baseline is always built the way the core is.
set(VERSUS_WEB_COMMON_LINK_FLAGS
  -Oz -flto
  "SHELL:-s MODULARIZE=1" "SHELL:-s EXPORT_ES6=1"
  "SHELL:-s ENVIRONMENT=web"
  "SHELL:-s USE_WEBGL2=1" "SHELL:-s MIN_WEBGL_VERSION=2" "SHELL:-s MAX_WEBGL_VERSION=2"
  "SHELL:-s ALLOW_MEMORY_GROWTH=1"
  "SHELL:-s NO_FILESYSTEM=1"
  "SHELL:-s DYNAMIC_EXECUTION=0"          # no eval / new Function: works under a strict CSP
  "SHELL:-s TEXTDECODER=2"                # browsers have TextDecoder: drop the JS fallback
  "SHELL:-s MALLOC=emmalloc"              # smaller than dlmalloc; the widget allocates little
  # Parts of Emscripten's GL layer nothing here uses (each measured on versus-core.js, gzip -9; the
  # wasm is unchanged but for errno's 14 bytes; docs/performance.md): ImGui's WebGL2 backend
  # enables no extension, asks for none by name, reads its version with glGetIntegerv, not
  # glGetString, and checks no glGetError.
  "SHELL:-s GL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0"   # −0.29 KB
  "SHELL:-s GL_TRACK_ERRORS=0"                          # −0.21 KB
  "SHELL:-s GL_EMULATE_GLES_VERSION_STRING_FORMAT=0"    # −0.16 KB
  "SHELL:-s GL_EXTENSIONS_IN_PREFIXED_FORMAT=0"         # −0.03 KB
  "SHELL:-s SUPPORT_ERRNO=0")             # no filesystem, no JS syscalls that set errno
# Tried and left out, no byte saved: GL_POOL_TEMP_BUFFERS=0 (its pool is WebGL 1 only, already gone
# with MIN_WEBGL_VERSION=2), GL_SUPPORT_SIMPLE_ENABLE_EXTENSIONS=0 (nothing more than the line above),
# ASSERTIONS=0 and ALLOW_TABLE_GROWTH=0 (already so at -Oz).

# After each link, for the core and the baseline alike (versus_web_finish):
#  - the wasm goes through binaryen's wasm-opt once more, inlining functions of up to 4 size units
#    everywhere (wasm-opt's default, used by emcc's own -Oz pass, is 2). The wasm has fewer and
#    larger functions, and is smaller: the core 1360 → 1196 functions, 157.1 → 154.8 KB gzip.
#    Chromium compiles a wasm function when it is first called (lazy compilation), one at a time
#    on the main thread: the seed's first frame compiled 949 functions before, 812 after (Chrome
#    trace, main-thread CPU 99.9 → 96.3 ms from navigation to versus-ready, medians of 12; 705
#    and 630 functions at 6 and 8 units, for +0.5 and +1.1 KB: docs/performance.md). Those figures
#    predate the compiler's own inlining (CMakeLists.txt, INLINING_LIMIT=0): since then the pass
#    takes 864 → 824 functions and 0.2 KB gzip, and 6 or 8 units cost bytes for few. The features
#    are the ones the compiler was allowed (VERSUS_WEB_FEATURES), and mutable globals (emcc's own);
#  - emcc leaves the glue's names long (no Closure compiler here): web/tools/glue.mjs minifies it in
#    place (−2.6 KB gzip on versus-core.js).
find_program(NODE_EXECUTABLE node REQUIRED)
find_program(VERSUS_WASM_OPT wasm-opt REQUIRED)   # binaryen, which Debian's emscripten depends on
set(VERSUS_WASM_OPT_FLAGS --enable-mutable-globals)
foreach(feature ${VERSUS_WEB_FEATURES})
  string(REPLACE "-mnontrapping-fptoint" "--enable-nontrapping-float-to-int" feature "${feature}")
  string(REGEX REPLACE "^-m" "--enable-" feature "${feature}")
  list(APPEND VERSUS_WASM_OPT_FLAGS ${feature})
endforeach()
if(CMAKE_EXE_LINKER_FLAGS MATCHES "profiling")
  list(APPEND VERSUS_WASM_OPT_FLAGS -g)   # a profiling build keeps its function names
endif()
function(versus_web_finish target)
  set(wasm "$<TARGET_FILE_DIR:${target}>/$<TARGET_FILE_BASE_NAME:${target}>.wasm")
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${VERSUS_WASM_OPT} ${VERSUS_WASM_OPT_FLAGS} --always-inline-max-function-size=4 -Oz ${wasm} -o ${wasm}
    COMMAND ${NODE_EXECUTABLE} ${CMAKE_SOURCE_DIR}/web/tools/glue.mjs $<TARGET_FILE:${target}>
    COMMENT "optimising the wasm (wasm-opt) and minifying the glue (web/tools/glue.mjs) of ${target}" VERBATIM)
endfunction()

target_link_options(versus_core PRIVATE
  ${VERSUS_WEB_COMMON_LINK_FLAGS}
  "SHELL:-s EXPORT_NAME=createVersusCore"
  "SHELL:-s INCOMING_MODULE_JS_API=[canvas,instantiateWasm,locateFile,print,printErr,onAbort,versusText]"
  "SHELL:-s EXPORTED_FUNCTIONS=[${VERSUS_WEB_EXPORTS_CSV}]"
  "SHELL:-s EXPORTED_RUNTIME_METHODS=[UTF8ToString]")
versus_web_finish(versus_core)

# [SECTION] Web files and payloads copied into dist/ ---------------------------------------------
# One custom command per file, so an edit re-copies just that file on the next build.
file(GLOB VERSUS_DIST_PAYLOADS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/payloads/*.json)
set(VERSUS_DIST_FILES "")
set(VERSUS_WEB_FILES index.html embed.html embed.js iframe-demo.html iframe-demo.js iframe-demo.css
  editor/editor.html editor/editor.css)
list(TRANSFORM VERSUS_WEB_FILES PREPEND ${CMAKE_SOURCE_DIR}/web/)
# Translations too (dist/i18n/<lang>.json, cmake/translations.cmake): fetched only for a language
# other than English.
foreach(src ${VERSUS_WEB_FILES} ${CMAKE_SOURCE_DIR}/assets/schema/versus.schema.json ${VERSUS_DIST_PAYLOADS}
            ${VERSUS_TRANSLATION_FILES})
  file(RELATIVE_PATH rel ${CMAKE_SOURCE_DIR} ${src})
  string(REGEX REPLACE "^web/(editor/)?" "" rel "${rel}")
  string(REGEX REPLACE "^assets/schema/" "" rel "${rel}")
  string(REGEX REPLACE "^assets/" "" rel "${rel}")
  set(dst "${VERSUS_DIST_DIR}/${rel}")
  add_custom_command(OUTPUT ${dst}
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${src} ${dst}
    DEPENDS ${src} COMMENT "dist/${rel}" VERBATIM)
  list(APPEND VERSUS_DIST_FILES ${dst})
endforeach()
# versus.js, the file every reader downloads first: the ES modules of web/src/ bundled into one
# minified module by esbuild (web/package.json, installed by shell/setup.sh), with the project's
# version; what a first frame doesn't need is split into chunks beside it, fetched on demand
# (web/tools/bundle.mjs --split): versus-actions.js (what the actions menu does, and Ctrl+C:
# web/src/menu.js) and versus-service.js (the vote service's client, only with votes="…").
# web/src/ stays the readable source.
if(NOT EXISTS "${CMAKE_SOURCE_DIR}/web/node_modules/esbuild")
  message(FATAL_ERROR "esbuild is not installed in web/node_modules: run shell/setup.sh "
                      "(or npm ci in web/)")
endif()
file(GLOB VERSUS_WEB_MODULES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/src/*.js)
set(VERSUS_WEB_CHUNKS versus-actions.js versus-service.js)
list(TRANSFORM VERSUS_WEB_CHUNKS PREPEND ${VERSUS_DIST_DIR}/)
add_custom_command(OUTPUT ${VERSUS_DIST_DIR}/versus.js ${VERSUS_WEB_CHUNKS}
  COMMAND ${NODE_EXECUTABLE} ${CMAKE_SOURCE_DIR}/web/tools/bundle.mjs ${CMAKE_SOURCE_DIR}/web/src/index.js
          ${VERSUS_DIST_DIR}/versus.js ${PROJECT_VERSION} --split
  DEPENDS ${VERSUS_WEB_MODULES} ${CMAKE_SOURCE_DIR}/web/tools/bundle.mjs
          ${VERSUS_TRANSLATION_FILES} ${CMAKE_SOURCE_DIR}/src/model/labels.hpp   # the loading line
  COMMENT "dist/versus.js (bundled, minified)" VERBATIM)
list(APPEND VERSUS_DIST_FILES ${VERSUS_DIST_DIR}/versus.js ${VERSUS_WEB_CHUNKS})
# The publisher's editor: editor.html + editor.css (copied above) and editor.js, the editor's own
# bundle (CodeMirror 6 and web/editor/, with the core loader of web/src/): only editor.html loads it.
file(GLOB VERSUS_EDITOR_MODULES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/editor/*.js)
add_custom_command(OUTPUT ${VERSUS_DIST_DIR}/editor.js
  COMMAND ${NODE_EXECUTABLE} ${CMAKE_SOURCE_DIR}/web/tools/bundle.mjs ${CMAKE_SOURCE_DIR}/web/editor/main.js
          ${VERSUS_DIST_DIR}/editor.js ${PROJECT_VERSION}
  DEPENDS ${VERSUS_EDITOR_MODULES} ${VERSUS_WEB_MODULES} ${CMAKE_SOURCE_DIR}/web/tools/bundle.mjs
          ${CMAKE_SOURCE_DIR}/web/package-lock.json
  COMMENT "dist/editor.js (bundled, minified)" VERBATIM)
list(APPEND VERSUS_DIST_FILES ${VERSUS_DIST_DIR}/editor.js)

# dist/ is an npm package too (`npm pack` in it): package.json with the project's version, and
# its README (web/README.npm.md). See docs/packages.md.
configure_file(${CMAKE_SOURCE_DIR}/web/package.dist.json.in ${VERSUS_DIST_DIR}/package.json @ONLY)
configure_file(${CMAKE_SOURCE_DIR}/web/README.npm.md ${VERSUS_DIST_DIR}/README.md @ONLY)
add_custom_target(versus_web_dist ALL DEPENDS ${VERSUS_DIST_FILES} versus_core)

# [SECTION] Fonts: Inter cut into woff2 faces by Unicode range × weight ---------------------------
# The table is web/src/fonts.js (also read at run time to register the faces): one truth.
find_program(PYFTSUBSET pyftsubset)
if(NOT PYFTSUBSET)
  message(FATAL_ERROR "pyftsubset not found (Debian package fonttools). Run shell/setup.sh.")
endif()
set(VERSUS_FONTS_STAMP ${VERSUS_DIST_DIR}/fonts/.faces)
add_custom_command(OUTPUT ${VERSUS_FONTS_STAMP}
  COMMAND ${NODE_EXECUTABLE} --no-warnings ${CMAKE_SOURCE_DIR}/web/tools/fonts.mjs ${INTER_FONT_DIR}
          ${VERSUS_DIST_DIR} ${PYFTSUBSET}
  COMMAND ${CMAKE_COMMAND} -E touch ${VERSUS_FONTS_STAMP}
  DEPENDS ${CMAKE_SOURCE_DIR}/web/src/fonts.js ${CMAKE_SOURCE_DIR}/web/tools/fonts.mjs
          ${INTER_FONT_DIR}/Inter-Regular.otf ${INTER_FONT_DIR}/Inter-SemiBold.otf
  COMMENT "dist/fonts/*.woff2 (Inter by Unicode range)" VERBATIM)
add_custom_target(versus_web_fonts ALL DEPENDS ${VERSUS_FONTS_STAMP})

# The web benchmark's hello-world baseline, built into build/web/bench/ (not dist/): tests/bench/web/.
include(cmake/bench_web.cmake OPTIONAL)
