/* The consumer's own API, shared by its .c and .ac sources. */
int c_add(int a, int b); /* main.c */
int lib_sum(int n);      /* sum.ac, in a static library */
int app_run(void);       /* app.ac */
