/* no-uring SYSCALL PROGRAM [ARG...]: runs PROGRAM with one io_uring
 * syscall refused with EPERM by a seccomp filter, as a container's policy
 * does (the filter stays across execve).  SYSCALL: setup (no ring at
 * all), register (a ring, but the probe of its opcodes refused), enter
 * (a ring that cannot be submitted to).  Plain prctl + a classic BPF
 * program: no libseccomp. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define ARCH AUDIT_ARCH_AARCH64
#endif

static int refuse(unsigned nr) {
  struct sock_filter code[] = {
#ifdef ARCH /* another ABI's numbers mean other syscalls: let them be */
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ARCH, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
#endif
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, nr, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = {.len = sizeof code / sizeof *code, .filter = code};
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
    return -1;
  return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
}

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
  if (refuse(nr) != 0) {
    perror("no-uring: seccomp");
    return 2;
  }
  execvp(argv[2], argv + 2);
  perror("no-uring: exec");
  return 2;
}
