/* no-uring SYSCALL PROGRAM [ARG...]: runs PROGRAM with one io_uring
 * syscall refused with EPERM by a seccomp filter, as a container's policy
 * does (the filter stays across execve).  SYSCALL: setup (no ring at
 * all), register (a ring, but the probe of its opcodes refused), enter
 * (a ring that cannot be submitted to). */
#define _GNU_SOURCE
#include "refuse-syscall.h"

#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
  unsigned nr;
  if (argc < 3) {
    fprintf(stderr, "usage: no-uring setup|register|enter PROGRAM [ARG...]\n");
    return 2;
  }
  if (strcmp(argv[1], "setup") == 0)
    nr = __NR_io_uring_setup;
  else if (strcmp(argv[1], "register") == 0)
    nr = __NR_io_uring_register;
  else if (strcmp(argv[1], "enter") == 0)
    nr = __NR_io_uring_enter;
  else {
    fprintf(stderr, "no-uring: unknown syscall %s\n", argv[1]);
    return 2;
  }
  if (refuse_syscall(nr) != 0) {
    perror("no-uring: seccomp");
    return 2;
  }
  execvp(argv[2], argv + 2);
  perror("no-uring: exec");
  return 2;
}
