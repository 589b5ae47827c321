/* Differential exec tests: the .ac file also compiled as plain C
 * (-include plain-c.h), where async and await mean nothing. */
#ifndef ASYNCC_DIALECT
#define async
#define await
#define SUSPEND() ((void)0)
#else
#define SUSPEND() await ac_yield()
#endif
