# Desktop viewer: GLFW 3 + OpenGL 3.
find_package(glfw3 3.3 REQUIRED)
find_package(OpenGL REQUIRED)

add_library(imgui_backend_desktop STATIC
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_link_libraries(imgui_backend_desktop PUBLIC imgui glfw OpenGL::GL ${CMAKE_DL_LIBS})

file(GLOB VERSUS_DESKTOP_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/platform/desktop/*.cpp)
add_executable(versus ${VERSUS_DESKTOP_SOURCES})
target_link_libraries(versus PRIVATE versus_ui imgui_backend_desktop nlohmann_json_headers)
target_compile_options(versus PRIVATE ${VERSUS_WARNINGS})
target_compile_definitions(versus PRIVATE VERSUS_VERSION="${PROJECT_VERSION}")

# --votes URL: the vote service's live tallies, fetched on a background thread with cpp-httplib's
# client (Debian's libcpp-httplib-dev; http and https).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(VERSUS_HTTP_CLIENT REQUIRED IMPORTED_TARGET cpp-httplib)
target_link_libraries(versus PRIVATE PkgConfig::VERSUS_HTTP_CLIENT Threads::Threads)
