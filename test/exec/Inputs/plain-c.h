/* Differential tests that compile the same file as plain C: there `async`
 * and `await` are nothing and SUSPEND() does nothing; under asyncc (the
 * prelude defines ASYNCC_DIALECT) SUSPEND() really suspends. */
#ifndef ASYNCC_DIALECT
#define async
#define await
#define SUSPEND() ((void)0)
#else
#define SUSPEND() await ac_yield()
#endif
