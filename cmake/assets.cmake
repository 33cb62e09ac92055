# Embedded assets, built into both targets:
#  - the default payload (the seed comparison).
if(NOT EXISTS "${INTER_FONT_DIR}/Inter-Regular.otf")
  message(FATAL_ERROR "${INTER_FONT_DIR}/Inter-Regular.otf not found (Debian package fonts-inter).")
endif()

set(VERSUS_GEN_DIR "${CMAKE_BINARY_DIR}/generated")
file(MAKE_DIRECTORY ${VERSUS_GEN_DIR})

set(VERSUS_DEFAULT_PAYLOAD "${CMAKE_SOURCE_DIR}/assets/payloads/haiku-vs-mistral.json")
set(VERSUS_PAYLOAD_BYTES_CPP "${VERSUS_GEN_DIR}/default_payload_bytes.cpp")
add_custom_command(OUTPUT ${VERSUS_PAYLOAD_BYTES_CPP}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${VERSUS_DEFAULT_PAYLOAD} -DOUTPUT=${VERSUS_PAYLOAD_BYTES_CPP}
          -DNAMESPACE=versus::assets -DSYMBOL=default_payload -P ${CMAKE_SOURCE_DIR}/cmake/embed.cmake
  DEPENDS ${VERSUS_DEFAULT_PAYLOAD} ${CMAKE_SOURCE_DIR}/cmake/embed.cmake VERBATIM)
set(VERSUS_PAYLOAD_CPP ${VERSUS_PAYLOAD_BYTES_CPP} ${CMAKE_SOURCE_DIR}/cmake/default_payload.cpp)
