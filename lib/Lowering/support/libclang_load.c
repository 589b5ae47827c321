/* libclang is loaded by the lowering, not at exec: loading it (and the
 * LLVM it links, with their relocations and static constructors) takes
 * about as long as the backend's `cc -E`, and the two run side by side.
 * asyncc is linked without libclang: the clang_* references of this
 * library are weak (lib/Lowering/CMakeLists.txt) and bind lazily, at their
 * first call, to the libclang dlopen'ed here with RTLD_GLOBAL.  A program
 * linked with libclang finds it loaded already. */
#include "support/support.h"

#include <dlfcn.h>

#ifndef ASYNCC_LIBCLANG /* the build gives the path */
#define ASYNCC_LIBCLANG "libclang-19.so.19"
#endif

bool load_libclang(void) {
  if (dlopen(ASYNCC_LIBCLANG, RTLD_NOW | RTLD_GLOBAL))
    return true;
  fprintf(stderr, "asyncc: error: cannot load libclang: %s\n", dlerror());
  return false;
}
