# Embedded assets, built into both targets:
#  - imgui_font: Inter Regular (Debian's fonts-inter) cut to ASCII with pyftsubset, for ImGui's own
#    atlas (its white pixel and internals). The widget draws no text through ImGui: every string
#    goes through the text engine (src/text), which uses the platform's fonts (desktop:
#    fontconfig, Inter first; web: the browser's, Inter served as woff2 beside versus.js).
#  - the default payload (the seed comparison).
find_program(PYFTSUBSET pyftsubset)
if(NOT PYFTSUBSET)
  message(FATAL_ERROR "pyftsubset not found (Debian package fonttools). Run shell/setup.sh.")
endif()
if(NOT EXISTS "${INTER_FONT_DIR}/Inter-Regular.otf")
  message(FATAL_ERROR "${INTER_FONT_DIR}/Inter-Regular.otf not found (Debian package fonts-inter).")
endif()

set(VERSUS_GEN_DIR "${CMAKE_BINARY_DIR}/generated")
file(MAKE_DIRECTORY ${VERSUS_GEN_DIR})

set(otf "${VERSUS_GEN_DIR}/Inter-Regular.ascii.otf")
# On the web nothing draws text through ImGui's atlas (not even a baseline benchmark), so the face
# keeps only what ImGui itself looks up (space, '.' for its ellipsis, '?' as fallback): 6 KB less
# on every first load. ImGui skips the ASCII code points the face lacks (style.cpp asks for all).
if(EMSCRIPTEN)
  set(VERSUS_IMGUI_FONT_UNICODES "U+0020,U+002E,U+003F")
else()
  set(VERSUS_IMGUI_FONT_UNICODES "U+0020-007E")
endif()
set(VERSUS_FONTS_CPP "${VERSUS_GEN_DIR}/font_imgui.cpp")
add_custom_command(OUTPUT ${otf}
  COMMAND ${PYFTSUBSET} "${INTER_FONT_DIR}/Inter-Regular.otf" "--unicodes=${VERSUS_IMGUI_FONT_UNICODES}"
          "--layout-features=" --no-hinting --desubroutinize "--output-file=${otf}"
  DEPENDS "${INTER_FONT_DIR}/Inter-Regular.otf" ${CMAKE_SOURCE_DIR}/cmake/assets.cmake
  COMMENT "Subsetting Inter Regular to ASCII for ImGui's atlas" VERBATIM)
add_custom_command(OUTPUT ${VERSUS_FONTS_CPP}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${otf} -DOUTPUT=${VERSUS_FONTS_CPP} -DNAMESPACE=versus::assets
          -DSYMBOL=imgui_font -P ${CMAKE_SOURCE_DIR}/cmake/embed.cmake
  DEPENDS ${otf} ${CMAKE_SOURCE_DIR}/cmake/embed.cmake VERBATIM)

set(VERSUS_DEFAULT_PAYLOAD "${CMAKE_SOURCE_DIR}/assets/payloads/haiku-vs-mistral.json")
set(VERSUS_PAYLOAD_BYTES_CPP "${VERSUS_GEN_DIR}/default_payload_bytes.cpp")
add_custom_command(OUTPUT ${VERSUS_PAYLOAD_BYTES_CPP}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${VERSUS_DEFAULT_PAYLOAD} -DOUTPUT=${VERSUS_PAYLOAD_BYTES_CPP}
          -DNAMESPACE=versus::assets -DSYMBOL=default_payload -P ${CMAKE_SOURCE_DIR}/cmake/embed.cmake
  DEPENDS ${VERSUS_DEFAULT_PAYLOAD} ${CMAKE_SOURCE_DIR}/cmake/embed.cmake VERBATIM)
set(VERSUS_PAYLOAD_CPP ${VERSUS_PAYLOAD_BYTES_CPP} ${CMAKE_SOURCE_DIR}/cmake/default_payload.cpp)
