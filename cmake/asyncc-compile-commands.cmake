# cmake -P script, run by the asyncc_compile_commands target at every build:
# rewrites the .ac entries of compile_commands.json from the asyncc command
# CMake exported (which clangd cannot use: clang does not know --cc=, nor
# .ac files) into the clang command that parses the file as asyncc does.
#   -DFILE=<compile_commands.json> -DFROM=<asyncc --cc=<cc> > -DTO=<cc + clang flags>
if(NOT EXISTS "${FILE}")
  return()
endif()
file(READ "${FILE}" text)
string(REPLACE "\"command\": \"${FROM} " "\"command\": \"${TO} " fixed "${text}")
if(NOT fixed STREQUAL text)
  file(WRITE "${FILE}" "${fixed}")
endif()
