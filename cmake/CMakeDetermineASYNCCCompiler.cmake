# The ASYNCC language (.ac sources), part 1 of 4: which compiler.  Found by
# enable_language(ASYNCC), which asyncc-config.cmake calls with
# CMAKE_ASYNCC_COMPILER already set to the package's bin/asyncc.
if(NOT CMAKE_ASYNCC_COMPILER)
  if(DEFINED ENV{ASYNCC})
    set(CMAKE_ASYNCC_COMPILER "$ENV{ASYNCC}")
  else()
    find_program(CMAKE_ASYNCC_COMPILER asyncc)
  endif()
endif()
mark_as_advanced(CMAKE_ASYNCC_COMPILER)
set(CMAKE_ASYNCC_COMPILER_ENV_VAR "ASYNCC")
configure_file(${CMAKE_CURRENT_LIST_DIR}/CMakeASYNCCCompiler.cmake.in
  ${CMAKE_PLATFORM_INFO_DIR}/CMakeASYNCCCompiler.cmake @ONLY)
