# `cmake --install` of the native build: the loupe command, the SDK headers,
# the schema (.proto, generated headers, libloupe_proto) and a CMake package.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

file(STRINGS ${PROJECT_SOURCE_DIR}/core/include/loupe/plugin_abi.h abi_line
     REGEX "^#define LOUPE_PLUGIN_ABI_VERSION [0-9]+")
string(REGEX MATCH "[0-9]+$" LOUPE_PLUGIN_ABI_VERSION "${abi_line}")

set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/Loupe)
install(EXPORT LoupeTargets NAMESPACE Loupe:: DESTINATION ${config_dir})
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/LoupeConfig.cmake.in
  ${PROJECT_BINARY_DIR}/LoupeConfig.cmake
  INSTALL_DESTINATION ${config_dir}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_BINDIR)
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/LoupeConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/LoupeConfig.cmake
              ${PROJECT_BINARY_DIR}/LoupeConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/LoupePlugin.cmake
        DESTINATION ${config_dir})
