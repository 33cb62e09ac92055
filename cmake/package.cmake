# Packages of the desktop tools: a Debian package made by CPack (`cmake --build --preset native
# --target package` → build/native/versus_<version>_<arch>.deb), installable with
# `apt install ./versus_*.deb`. It holds `versus` (and `versus-votes`, the vote service, once
# that target exists in this tree), each with a man page made from its own --help by Debian's
# help2man. The version is the project's (CMakeLists.txt): the same number `versus --version`,
# Versus.version in the browser and dist/package.json (cmake/web.cmake) carry. See docs/packages.md.
include(GNUInstallDirs)

find_program(HELP2MAN_EXECUTABLE help2man)
find_program(GZIP_EXECUTABLE gzip)

set(VERSUS_MAN_DIR "${CMAKE_BINARY_DIR}/man")
file(MAKE_DIRECTORY ${VERSUS_MAN_DIR})

# versus_package_tool(TARGET NAME DESCRIPTION): installs the program and its man page.
function(versus_package_tool target name description)
  install(TARGETS ${target} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tools)
  if(NOT HELP2MAN_EXECUTABLE OR NOT GZIP_EXECUTABLE)
    message(WARNING "help2man not found (Debian package help2man; shell/setup.sh installs it): "
                    "the package has no man page for ${name}")
    return()
  endif()
  set(page "${VERSUS_MAN_DIR}/${name}.1")
  add_custom_command(OUTPUT ${page}.gz
    COMMAND ${HELP2MAN_EXECUTABLE} --no-info --no-discard-stderr --name=${description}
            --output=${page} $<TARGET_FILE:${target}>
    COMMAND ${GZIP_EXECUTABLE} -9nf ${page}
    DEPENDS ${target} COMMENT "man page ${name}.1 (help2man)" VERBATIM)
  add_custom_target(${target}_man ALL DEPENDS ${page}.gz)
  install(FILES ${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT tools)
endfunction()

versus_package_tool(versus versus "view, check and render versus comparison payloads")
install(FILES ${CMAKE_SOURCE_DIR}/CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT tools)

# The vote service joins the package when its target is part of the tree (it may be defined by a
# file included after this one, hence deferred to the end of the configure step).
function(versus_package_votes)
  foreach(t versus-votes versus_votes)
    if(TARGET ${t})
      versus_package_tool(${t} versus-votes "the versus community vote service")
      return()
    endif()
  endforeach()
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL versus_package_votes)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME versus)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "versus")
set(CPACK_PACKAGE_CONTACT "versus maintainers <maintainers@versus.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "interactive comparison widget: desktop viewer, validator and PNG export")
set(CPACK_PACKAGE_DESCRIPTION
  "versus draws one JSON comparison payload (tools, reviewer verdicts and quotes, pricing,\n"
  "license filters, community votes) with Dear ImGui. This package holds the desktop tools:\n"
  "the live viewer, `versus --validate` (problems with line:column) and `versus --screenshot`.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)               # versus_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)                # Depends: from the linked libraries (dpkg-shlibdeps)
set(CPACK_STRIP_FILES ON)
include(CPack)

# Package tests (label package): tests/package/*.test.sh, given the build tree, the desktop
# binary and the web dist folder.
if(VERSUS_TESTS)
  file(GLOB PACKAGE_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/package/*.test.sh)
  foreach(t ${PACKAGE_TESTS})
    get_filename_component(name ${t} NAME_WE)
    add_test(NAME "package: ${name}" COMMAND bash ${t})
    set_tests_properties("package: ${name}" PROPERTIES TIMEOUT 300 ENVIRONMENT
      "VERSUS_BUILD_DIR=${CMAKE_BINARY_DIR};VERSUS_BIN=$<TARGET_FILE:versus>;VERSUS_WEB_DIST=${VERSUS_WEB_DIST};VERSUS_SOURCE_DIR=${CMAKE_SOURCE_DIR};VERSUS_VERSION=${PROJECT_VERSION}")
  endforeach()
endif()
