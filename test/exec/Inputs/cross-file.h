/* The interface of Inputs/cross-file-lib.ac, included by cross-file.ac:
 * async prototypes in a user header (not one of asyncc's). */
#ifndef CROSS_FILE_H
#define CROSS_FILE_H
struct pt {
  int x, y;
  const char *tag;
};
async int slow_add(int a, int b);
async struct pt make_pt(int x);
async void log_after(unsigned long ms, const char *what);
async int ping(int n); /* awaits pong, defined in cross-file.ac */
extern int lib_live;   /* frames of log_after started and not finished */
#endif
