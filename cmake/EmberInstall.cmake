# cmake --install and CPack (.deb). Two components:
#   emberc  emberc, the CMake package (find_package(Ember), ember_add_model),
#           ember.mk, the board catalogue, the docs
#   studio  ember-studio, its translations, the desktop entry and the icon
# Installed binaries find their data relative to themselves
# (<bindir>/../share/ember), so any prefix, DESTDIR or unpacked .deb works.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(EMBER_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/Ember")
set(EMBER_INSTALL_DATADIR "${CMAKE_INSTALL_DATADIR}/ember")

# The board catalogue is compiled in; the installed copy is also read (and
# boards dropped next to it) from <bindir>/<this>/boards.
file(RELATIVE_PATH _ember_bin_to_data "/prefix/${CMAKE_INSTALL_BINDIR}" "/prefix/${EMBER_INSTALL_DATADIR}")
if(TARGET ember_boards)
  target_compile_definitions(ember_boards PRIVATE EMBER_INSTALLED_DATA_DIR="${_ember_bin_to_data}")
endif()

install(TARGETS emberc RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT emberc)
install(DIRECTORY "${CMAKE_SOURCE_DIR}/resources/boards/" DESTINATION "${EMBER_INSTALL_DATADIR}/boards"
        COMPONENT emberc FILES_MATCHING PATTERN "*.json")

configure_package_config_file("${CMAKE_SOURCE_DIR}/cmake/EmberConfig.cmake.in"
  "${CMAKE_BINARY_DIR}/cmake/EmberConfig.cmake"
  INSTALL_DESTINATION "${EMBER_INSTALL_CMAKEDIR}"
  PATH_VARS CMAKE_INSTALL_BINDIR EMBER_INSTALL_DATADIR)
# 0.x: a new minor version may change the generated API. ARCH_INDEPENDENT:
# emberc is a host tool, used by 32-bit (arm-none-eabi) builds too.
write_basic_package_version_file("${CMAKE_BINARY_DIR}/cmake/EmberConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES "${CMAKE_BINARY_DIR}/cmake/EmberConfig.cmake" "${CMAKE_BINARY_DIR}/cmake/EmberConfigVersion.cmake"
              "${CMAKE_SOURCE_DIR}/cmake/EmberModel.cmake"
        DESTINATION "${EMBER_INSTALL_CMAKEDIR}" COMPONENT emberc)

file(RELATIVE_PATH EMBER_MK_TO_EMBERC "/prefix/${EMBER_INSTALL_DATADIR}" "/prefix/${CMAKE_INSTALL_BINDIR}/emberc")
configure_file("${CMAKE_SOURCE_DIR}/cmake/ember.mk.in" "${CMAKE_BINARY_DIR}/cmake/ember.mk" @ONLY)
install(FILES "${CMAKE_BINARY_DIR}/cmake/ember.mk" DESTINATION "${EMBER_INSTALL_DATADIR}" COMPONENT emberc)

foreach(doc README.md docs/GENERATED_API.md docs/INTEGRATION.md)
  if(EXISTS "${CMAKE_SOURCE_DIR}/${doc}")
    install(FILES "${CMAKE_SOURCE_DIR}/${doc}" DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT emberc)
  endif()
endforeach()

if(TARGET ember-studio)
  install(TARGETS ember-studio RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT studio)
  install(FILES "${CMAKE_SOURCE_DIR}/resources/ember-studio.desktop"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/applications" COMPONENT studio)
  install(FILES "${CMAKE_SOURCE_DIR}/resources/icons/ember-studio.svg"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps" COMPONENT studio)
  # The translations are embedded (:/i18n); the .qm files are installed too
  # for translators and for tools that list what a package provides.
  foreach(lang de zh_CN)
    install(FILES "${CMAKE_BINARY_DIR}/app/studio/ember_${lang}.qm"
            DESTINATION "${EMBER_INSTALL_DATADIR}/translations" COMPONENT studio OPTIONAL)
  endforeach()
endif()

# CPack: one .deb (cpack -G DEB in the build folder). Depends: the shared
# libraries found by dpkg-shlibdeps plus what is loaded at run time (Qt's
# SQLite driver and platform plugins); the board tools are recommended.
set(CPACK_PACKAGE_NAME "ember")
set(CPACK_PACKAGE_VENDOR "Ember")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "TFLite to dependency-free C99 compiler for microcontrollers (emberc, Ember Studio)")
set(CPACK_PACKAGE_DESCRIPTION "Ember compiles TensorFlow Lite models into readable, dependency-free C99 for\n microcontrollers, bit-exact with TensorFlow Lite Micro. It ships emberc, Ember\n Studio, a CMake package (find_package(Ember), ember_add_model) and ember.mk.")
set(CPACK_PACKAGE_CONTACT "Ember maintainers <ember@example.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_GENERATOR "DEB")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps finds Qt, QScintilla, Graphviz and the C++ runtime (with
# versions); listed here is only what is loaded at run time without linking.
set(_ember_deb_depends "")
if(TARGET ember-studio)
  set(_ember_deb_depends "libqt6sql6-sqlite, qt6-qpa-plugins")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_ember_deb_depends}")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gcc | clang, cmake, ninja-build, gcc-arm-none-eabi, libnewlib-arm-none-eabi, qemu-system-arm, openocd, gdb-multiarch")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/ember")
include(CPack)
