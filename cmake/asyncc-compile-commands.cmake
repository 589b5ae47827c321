# cmake -P script, run by the asyncc_compile_commands target at every build,
# so that compile_commands.json has entries clangd can use for .ac files:
#
# - Ninja exports each .ac compile as the asyncc command, which clang cannot
#   use (it knows neither --cc= nor .ac files): those entries are rewritten
#   into the clang command that parses the file as asyncc does.
# - Unix Makefiles exports C and C++ compiles only: entries for the .ac
#   compiles are made from the generated build.make/flags.make files (the
#   same command make runs) and added.
#
#   -DFILE=<compile_commands.json> -DBINARY_DIR=<top build dir>
#   -DGENERATOR=<CMAKE_GENERATOR> -DFROM=<asyncc --cc=<cc> > -DTO=<cc + clang flags>
if(NOT EXISTS "${FILE}")
  return()
endif()
file(READ "${FILE}" text)
string(REPLACE "\"command\": \"${FROM} " "\"command\": \"${TO} " fixed "${text}")

if(GENERATOR MATCHES "Makefiles")
  set(added "")
  file(GLOB_RECURSE build_makes "${BINARY_DIR}/*/build.make")
  foreach(build_make ${build_makes})
    get_filename_component(target_dir "${build_make}" DIRECTORY) # <dir>/CMakeFiles/<t>.dir
    get_filename_component(dir "${target_dir}" DIRECTORY)
    get_filename_component(dir "${dir}" DIRECTORY)
    if(NOT EXISTS "${target_dir}/flags.make")
      continue()
    endif()
    file(STRINGS "${build_make}" commands REGEX "^\t.* -c [^ ]+\\.ac$")
    file(STRINGS "${target_dir}/flags.make" vars REGEX "^ASYNCC_[A-Z]+ = ")
    foreach(command ${commands})
      string(FIND "${command}" "${FROM} " at)
      if(at LESS 0)
        continue()
      endif()
      string(SUBSTRING "${command}" ${at} -1 command) # drop the tab and any "cd dir && "
      foreach(var ${vars})
        if(var MATCHES "^(ASYNCC_[A-Z]+) = (.*)$")
          string(REPLACE "$(${CMAKE_MATCH_1})" "${CMAKE_MATCH_2}" command "${command}")
        endif()
      endforeach()
      string(REPLACE "$$" "$" command "${command}")
      string(REPLACE "${FROM} " "${TO} " command "${command}")
      string(REGEX MATCH " -c ([^ ]+)$" _ "${command}")
      set(source "${CMAKE_MATCH_1}")
      string(FIND "${fixed}" "\"file\": \"${source}\"" known)
      if(known GREATER -1)
        continue()
      endif()
      string(REPLACE "\\" "\\\\" command "${command}")
      string(REPLACE "\"" "\\\"" command "${command}")
      string(APPEND added ",\n{\n  \"directory\": \"${dir}\",\n  \"command\": \"${command}\",\n  \"file\": \"${source}\"\n}")
    endforeach()
  endforeach()
  if(added)
    string(REGEX REPLACE "[ \t\r\n]*\\][ \t\r\n]*$" "" fixed "${fixed}")
    if(NOT fixed MATCHES "}$")
      string(SUBSTRING "${added}" 1 -1 added) # the first entry: no comma
    endif()
    set(fixed "${fixed}${added}\n]\n")
  endif()
endif()

if(NOT fixed STREQUAL text)
  file(WRITE "${FILE}" "${fixed}")
endif()
