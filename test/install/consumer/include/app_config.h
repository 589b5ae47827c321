/* The install tests rewrite this value to check that app.ac is rebuilt. */
#define APP_BASE 40
