# The ASYNCC language, part 4 of 4: how a .ac source becomes an object.
# asyncc takes cc's flags, so the rule is C's with asyncc in front and the
# project's C compiler as the backend (--cc).  Targets' include directories,
# definitions and compile options reach .ac sources as they reach .c ones.
include(CMakeInitializeConfigs)

set(CMAKE_ASYNCC_OUTPUT_EXTENSION .o)
set(CMAKE_INCLUDE_FLAG_ASYNCC "-I")
set(CMAKE_INCLUDE_SYSTEM_FLAG_ASYNCC "-isystem ")
set(CMAKE_ASYNCC_COMPILE_OPTIONS_PIC -fPIC)
set(CMAKE_ASYNCC_COMPILE_OPTIONS_PIE -fPIE)
set(CMAKE_SHARED_LIBRARY_ASYNCC_FLAGS -fPIC)

# Dependency files: asyncc -MD lists the headers the .ac file includes (as
# its clang parse and the backend see them) and the prelude.
set(CMAKE_DEPFILE_FLAGS_ASYNCC "-MD -MT <DEP_TARGET> -MF <DEP_FILE>")
set(CMAKE_ASYNCC_DEPFILE_FORMAT gcc)
set(CMAKE_ASYNCC_DEPENDS_USE_COMPILER TRUE)

set(CMAKE_ASYNCC_FLAGS_INIT "$ENV{ASYNCCFLAGS} ${CMAKE_ASYNCC_FLAGS_INIT}")
set(CMAKE_ASYNCC_FLAGS_DEBUG_INIT "-g")
set(CMAKE_ASYNCC_FLAGS_MINSIZEREL_INIT "-Os -DNDEBUG")
set(CMAKE_ASYNCC_FLAGS_RELEASE_INIT "-O3 -DNDEBUG")
set(CMAKE_ASYNCC_FLAGS_RELWITHDEBINFO_INIT "-O2 -g -DNDEBUG")
cmake_initialize_per_config_variable(CMAKE_ASYNCC_FLAGS "Flags used by asyncc for .ac sources")

if(NOT CMAKE_ASYNCC_COMPILE_OBJECT)
  set(CMAKE_ASYNCC_COMPILE_OBJECT
    "<CMAKE_ASYNCC_COMPILER> --cc=${CMAKE_C_COMPILER} <DEFINES> <INCLUDES> <FLAGS> -o <OBJECT> -c <SOURCE>")
endif()
# A target of .ac sources only links as C (the runtime comes from the
# asyncc::runtime target that asyncc_add_executable links).
set(CMAKE_ASYNCC_LINK_EXECUTABLE "${CMAKE_C_LINK_EXECUTABLE}")
set(CMAKE_ASYNCC_CREATE_SHARED_LIBRARY "${CMAKE_C_CREATE_SHARED_LIBRARY}")
set(CMAKE_ASYNCC_CREATE_SHARED_MODULE "${CMAKE_C_CREATE_SHARED_MODULE}")
set(CMAKE_ASYNCC_INFORMATION_LOADED 1)
