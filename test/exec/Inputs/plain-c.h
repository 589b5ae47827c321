#ifndef ASYNCC_DIALECT
#define async
#define await
#define SUSPEND() ((void)0)
#else
#define SUSPEND() await ac_yield()
#endif
