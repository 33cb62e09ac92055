# Embedded assets, built into both targets:
#  - Inter Regular and SemiBold (Debian's fonts-inter), subset at build time with pyftsubset to the
#    ranges the product draws. Keep this list in sync with kGlyphRanges in src/ui/fonts.cpp.
#  - the default payload (the seed comparison).
find_program(PYFTSUBSET pyftsubset)
if(NOT PYFTSUBSET)
  message(FATAL_ERROR "pyftsubset not found (Debian package fonttools). Run shell/setup.sh.")
endif()
foreach(w Regular SemiBold)
  if(NOT EXISTS "${INTER_FONT_DIR}/Inter-${w}.otf")
    message(FATAL_ERROR "${INTER_FONT_DIR}/Inter-${w}.otf not found (Debian package fonts-inter).")
  endif()
endforeach()

# Basic Latin, Latin-1, Latin Extended-A, General Punctuation, currency signs, arrows, minus, ≤ ≥,
# replacement character.
set(VERSUS_FONT_UNICODES "U+0020-007E,U+00A0-017F,U+2000-206F,U+20A0-20CF,U+2190-2193,U+2212,U+2264-2265,U+FFFD")
set(VERSUS_GEN_DIR "${CMAKE_BINARY_DIR}/generated")
file(MAKE_DIRECTORY ${VERSUS_GEN_DIR})

set(VERSUS_FONTS_CPP "")
foreach(w Regular SemiBold)
  string(TOLOWER ${w} wl)
  set(otf "${VERSUS_GEN_DIR}/Inter-${w}.subset.otf")
  set(cpp "${VERSUS_GEN_DIR}/font_inter_${wl}.cpp")
  add_custom_command(OUTPUT ${otf}
    COMMAND ${PYFTSUBSET} "${INTER_FONT_DIR}/Inter-${w}.otf" "--unicodes=${VERSUS_FONT_UNICODES}"
            "--layout-features=" --no-hinting --desubroutinize "--output-file=${otf}"
    DEPENDS "${INTER_FONT_DIR}/Inter-${w}.otf" ${CMAKE_SOURCE_DIR}/cmake/assets.cmake
    COMMENT "Subsetting Inter ${w}" VERBATIM)
  add_custom_command(OUTPUT ${cpp}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${otf} -DOUTPUT=${cpp} -DNAMESPACE=versus::assets
            -DSYMBOL=inter_${wl} -P ${CMAKE_SOURCE_DIR}/cmake/embed.cmake
    DEPENDS ${otf} ${CMAKE_SOURCE_DIR}/cmake/embed.cmake VERBATIM)
  list(APPEND VERSUS_FONTS_CPP ${cpp})
endforeach()

set(VERSUS_DEFAULT_PAYLOAD "${CMAKE_SOURCE_DIR}/assets/payloads/haiku-vs-mistral.json")
set(VERSUS_PAYLOAD_BYTES_CPP "${VERSUS_GEN_DIR}/default_payload_bytes.cpp")
add_custom_command(OUTPUT ${VERSUS_PAYLOAD_BYTES_CPP}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${VERSUS_DEFAULT_PAYLOAD} -DOUTPUT=${VERSUS_PAYLOAD_BYTES_CPP}
          -DNAMESPACE=versus::assets -DSYMBOL=default_payload -P ${CMAKE_SOURCE_DIR}/cmake/embed.cmake
  DEPENDS ${VERSUS_DEFAULT_PAYLOAD} ${CMAKE_SOURCE_DIR}/cmake/embed.cmake VERBATIM)
set(VERSUS_PAYLOAD_CPP ${VERSUS_PAYLOAD_BYTES_CPP} ${CMAKE_SOURCE_DIR}/cmake/default_payload.cpp)
