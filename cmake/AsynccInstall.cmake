# cmake --install: the layout the driver expects around bin/asyncc
# (../include/asyncc/prelude.h, ../lib/libasyncc_rt*.a), which the build tree
# mirrors, plus the CMake package, asyncc.pc, the man page and gdb's extension.  Fixed lib/ and
# include/ (not GNUInstallDirs' lib/x86_64-linux-gnu): the driver looks there.
install(TARGETS asyncc RUNTIME DESTINATION bin)
install(TARGETS asyncc_rt asyncc_rt_san asyncc_rt_tsan asyncc_rt_shared
  ARCHIVE DESTINATION lib LIBRARY DESTINATION lib)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/runtime/include/asyncc DESTINATION include
  FILES_MATCHING PATTERN "*.h")

# The CMake package, also copied into the build tree so that
# -Dasyncc_DIR=<build>/lib/cmake/asyncc works without installing.
set(ASYNCC_PACKAGE_FILES
  asyncc-config.cmake
  CMakeDetermineASYNCCCompiler.cmake
  CMakeASYNCCCompiler.cmake.in
  CMakeASYNCCInformation.cmake
  CMakeTestASYNCCCompiler.cmake
  asyncc-compile-commands.cmake)
set(pkgdir ${PROJECT_BINARY_DIR}/lib/cmake/asyncc)
foreach(f ${ASYNCC_PACKAGE_FILES})
  configure_file(${CMAKE_CURRENT_LIST_DIR}/${f} ${pkgdir}/${f} COPYONLY)
endforeach()
include(CMakePackageConfigHelpers)
write_basic_package_version_file(${pkgdir}/asyncc-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
list(TRANSFORM ASYNCC_PACKAGE_FILES PREPEND ${pkgdir}/)
install(FILES ${ASYNCC_PACKAGE_FILES} ${pkgdir}/asyncc-config-version.cmake
  DESTINATION lib/cmake/asyncc)

configure_file(${CMAKE_CURRENT_LIST_DIR}/asyncc.pc.in ${PROJECT_BINARY_DIR}/lib/pkgconfig/asyncc.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/lib/pkgconfig/asyncc.pc DESTINATION lib/pkgconfig)

install(FILES ${PROJECT_SOURCE_DIR}/docs/asyncc.1 DESTINATION share/man/man1)

# gdb's extension (docs/inspecting.md), in the build tree too: gdb -x <prefix>/share/asyncc/gdb/asyncc.py
configure_file(${PROJECT_SOURCE_DIR}/tools/gdb/asyncc.py ${PROJECT_BINARY_DIR}/share/asyncc/gdb/asyncc.py COPYONLY)
install(FILES ${PROJECT_SOURCE_DIR}/tools/gdb/asyncc.py DESTINATION share/asyncc/gdb)
