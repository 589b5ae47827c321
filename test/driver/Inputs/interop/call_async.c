#include "compute.h"
int direct(void) { return compute(3); }
