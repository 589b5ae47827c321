# find_package(asyncc): the asyncc compiler, its runtime, and
#
#   asyncc_add_executable(<name> <source>...)
#   asyncc_add_library(<name> [STATIC|SHARED|MODULE|OBJECT] <source>...)
#
# which take .ac and .c sources alike.  .ac sources are compiled by asyncc
# (the ASYNCC language this file enables) with the target's include
# directories, definitions and compile options, and dependency files, so a
# changed header rebuilds them.  The targets link the asyncc runtime.
#
# Imported targets: asyncc::asyncc (the compiler), asyncc::runtime (static,
# what asyncc links by default), asyncc::runtime_shared, asyncc::runtime_san
# (ASan + UBSan), asyncc::runtime_tsan (TSan).
#
# ASYNCC_SANITIZE (address or thread): the targets the two functions make are
# instrumented and link the matching runtime variant.
#
# Variables: ASYNCC_EXECUTABLE, ASYNCC_PRELUDE, ASYNCC_INCLUDE_DIR,
# ASYNCC_CLANG_FLAGS (the flags that make clang parse a .ac file as asyncc
# does: see docs/build.md on clangd).
#
# Call find_package(asyncc) from the top-level CMakeLists.txt (file scope,
# not in a function): it enables a language.  See docs/build.md.
if(CMAKE_VERSION VERSION_LESS 3.20) # DEPFILE support for custom languages
  set(${CMAKE_FIND_PACKAGE_NAME}_FOUND FALSE)
  set(${CMAKE_FIND_PACKAGE_NAME}_NOT_FOUND_MESSAGE "asyncc needs CMake 3.20 or newer")
  return()
endif()
get_filename_component(_asyncc_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)

set(ASYNCC_EXECUTABLE "${_asyncc_prefix}/bin/asyncc")
set(ASYNCC_INCLUDE_DIR "${_asyncc_prefix}/include")
set(ASYNCC_PRELUDE "${ASYNCC_INCLUDE_DIR}/asyncc/prelude.h")
set(ASYNCC_CLANG_FLAGS -x c -std=gnu17 -include "${ASYNCC_PRELUDE}" "-I${ASYNCC_INCLUDE_DIR}")
foreach(_asyncc_file "${ASYNCC_EXECUTABLE}" "${ASYNCC_PRELUDE}" "${_asyncc_prefix}/lib/libasyncc_rt.a")
  if(NOT EXISTS "${_asyncc_file}")
    set(${CMAKE_FIND_PACKAGE_NAME}_FOUND FALSE)
    set(${CMAKE_FIND_PACKAGE_NAME}_NOT_FOUND_MESSAGE "asyncc: '${_asyncc_file}' is missing")
    return()
  endif()
endforeach()

include(CMakeFindDependencyMacro)
find_dependency(Threads)

if(NOT TARGET asyncc::runtime)
  add_executable(asyncc::asyncc IMPORTED)
  set_target_properties(asyncc::asyncc PROPERTIES IMPORTED_LOCATION "${ASYNCC_EXECUTABLE}")

  function(_asyncc_import name type file)
    add_library(asyncc::${name} ${type} IMPORTED)
    set_target_properties(asyncc::${name} PROPERTIES
      IMPORTED_LOCATION "${_asyncc_prefix}/lib/${file}"
      INTERFACE_INCLUDE_DIRECTORIES "${ASYNCC_INCLUDE_DIR}"
      INTERFACE_LINK_LIBRARIES "uring;Threads::Threads")
    if(ARGN)
      set_target_properties(asyncc::${name} PROPERTIES
        INTERFACE_COMPILE_OPTIONS "${ARGN}" INTERFACE_LINK_OPTIONS "${ARGN}")
    endif()
  endfunction()
  _asyncc_import(runtime STATIC libasyncc_rt.a)
  _asyncc_import(runtime_shared SHARED libasyncc_rt.so)
  _asyncc_import(runtime_san STATIC libasyncc_rt_san.a
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  _asyncc_import(runtime_tsan STATIC libasyncc_rt_tsan.a -fsanitize=thread -fno-omit-frame-pointer)
endif()

# asyncc's backend is the project's C compiler.
if(NOT CMAKE_C_COMPILER_LOADED)
  enable_language(C)
endif()
list(PREPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}")
if(NOT CMAKE_ASYNCC_COMPILER)
  set(CMAKE_ASYNCC_COMPILER "${ASYNCC_EXECUTABLE}")
endif()
enable_language(ASYNCC)
list(REMOVE_AT CMAKE_MODULE_PATH 0)

# The runtime a target links: the sanitized variants when ASYNCC_SANITIZE asks
# for them; a shared library links the shared runtime (the static one is not
# position-independent).
function(_asyncc_link_runtime target type)
  if(ASYNCC_SANITIZE STREQUAL "address")
    set(rt asyncc::runtime_san)
  elseif(ASYNCC_SANITIZE STREQUAL "thread")
    set(rt asyncc::runtime_tsan)
  elseif(ASYNCC_SANITIZE)
    message(FATAL_ERROR "ASYNCC_SANITIZE: 'address' or 'thread', not '${ASYNCC_SANITIZE}'")
  elseif(type STREQUAL "SHARED_LIBRARY" OR type STREQUAL "MODULE_LIBRARY")
    set(rt asyncc::runtime_shared)
  else()
    set(rt asyncc::runtime)
  endif()
  if(type STREQUAL "OBJECT_LIBRARY")
    target_include_directories(${target} PUBLIC "${ASYNCC_INCLUDE_DIR}")
  elseif(ASYNCC_SANITIZE AND type MATCHES "^(SHARED|MODULE)_LIBRARY$")
    # No shared sanitized runtime: the library is instrumented but leaves the
    # runtime to the executable that links it (one runtime per process).
    target_include_directories(${target} PRIVATE "${ASYNCC_INCLUDE_DIR}")
    target_compile_options(${target} PRIVATE $<TARGET_PROPERTY:${rt},INTERFACE_COMPILE_OPTIONS>)
    target_link_options(${target} PRIVATE $<TARGET_PROPERTY:${rt},INTERFACE_LINK_OPTIONS>)
    target_link_libraries(${target} INTERFACE ${rt})
  else()
    target_link_libraries(${target} PUBLIC ${rt})
  endif()
  set_target_properties(${target} PROPERTIES LINKER_LANGUAGE C)
endfunction()

function(asyncc_add_executable name)
  add_executable(${name} ${ARGN})
  _asyncc_link_runtime(${name} EXECUTABLE)
endfunction()

function(asyncc_add_library name)
  add_library(${name} ${ARGN})
  get_target_property(type ${name} TYPE)
  _asyncc_link_runtime(${name} ${type})
endfunction()

# compile_commands.json entries clangd can use for .ac files: see
# asyncc-compile-commands.cmake.
if(CMAKE_EXPORT_COMPILE_COMMANDS AND NOT TARGET asyncc_compile_commands)
  list(JOIN ASYNCC_CLANG_FLAGS " " _asyncc_flags)
  # Runs when CMake has (re)written compile_commands.json, which it does at
  # every generation where the file differs from the rewritten one: a build
  # with nothing changed does no work (ninja: "no work to do").
  set(_asyncc_stamp "${CMAKE_BINARY_DIR}/CMakeFiles/asyncc_compile_commands.stamp")
  add_custom_command(OUTPUT "${_asyncc_stamp}"
    COMMAND ${CMAKE_COMMAND} "-DFILE=${CMAKE_BINARY_DIR}/compile_commands.json"
      "-DBINARY_DIR=${CMAKE_BINARY_DIR}" "-DGENERATOR=${CMAKE_GENERATOR}"
      "-DFROM=${CMAKE_ASYNCC_COMPILER} --cc=${CMAKE_C_COMPILER}"
      "-DTO=${CMAKE_C_COMPILER} ${_asyncc_flags}"
      -P "${CMAKE_CURRENT_LIST_DIR}/asyncc-compile-commands.cmake"
    COMMAND ${CMAKE_COMMAND} -E touch "${_asyncc_stamp}"
    DEPENDS "${CMAKE_BINARY_DIR}/compile_commands.json"
    COMMENT "Making compile_commands.json's .ac entries clang commands"
    VERBATIM)
  add_custom_target(asyncc_compile_commands ALL DEPENDS "${_asyncc_stamp}")
endif()
