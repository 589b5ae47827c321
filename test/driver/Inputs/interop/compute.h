/* Shared by .ac and plain .c files: the rule of asyncc.h. */
#include <asyncc/asyncc.h>

/* .ac code awaits it; plain C calls compute__block_on */
async int compute(int x);
int compute__block_on(int x);

/* written in plain C (leaf.c), awaited by compute.ac */
async int c_double_later(int x);
extern int c_double_later_polls;
