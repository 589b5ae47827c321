# The ASYNCC language, part 3 of 4: no try-compile.  asyncc's backend is the
# project's C compiler, which CMake has already tested.
set(CMAKE_ASYNCC_COMPILER_WORKS 1 CACHE INTERNAL "")
