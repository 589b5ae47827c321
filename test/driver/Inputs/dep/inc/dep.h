#define DEP_VALUE 21
#ifdef ASYNCC_DIALECT
#include "parse_only.h"
#endif
