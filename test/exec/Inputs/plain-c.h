/* Differential tests: the same .ac file built as plain C (`cc -include
 * plain-c.h`), where async and await mean nothing and nothing suspends. */
#ifndef ASYNCC_DIALECT
#define async
#define await
#define SUSPEND() ((void)0)
#else
#define SUSPEND() await ac_yield()
#endif
