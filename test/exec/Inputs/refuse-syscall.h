/* refuse_syscall(nr): from now on, in this process and what it execs, the
 * syscall 'nr' fails with EPERM, as under a container's seccomp policy.
 * Plain prctl + a classic BPF program: no libseccomp.  0 or -1 (errno). */
#ifndef REFUSE_SYSCALL_H
#define REFUSE_SYSCALL_H

#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>

#if defined(__x86_64__)
#define REFUSE_SYSCALL_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define REFUSE_SYSCALL_ARCH AUDIT_ARCH_AARCH64
#endif

static inline int refuse_syscall(unsigned nr) {
  struct sock_filter code[] = {
#ifdef REFUSE_SYSCALL_ARCH /* another ABI's numbers mean other syscalls: let them be */
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, REFUSE_SYSCALL_ARCH, 1, 0),
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

#endif
