/* Stubs for the differential RUN lines of the exec tests: the test is also
 * compiled as plain C with `async` and `await` deleted (sed), and these
 * replace the prelude's async API by synchronous no-ops.  Both programs must
 * print the same thing. */
static inline void ac_yield(void) {}
static inline void ac_sleep_ms(unsigned long ms) { (void)ms; }
/* await ac_timeout(ms, v = f(x)) -> ac_timeout(ms, v = f(x)): runs the call, never times out */
#define ac_timeout(ms, e) ((void)(ms), (void)(e), 0)
