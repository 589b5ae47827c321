/* Zero-copy send over loopback TCP, measured before it is built into the
 * runtime (issue 18: "zero-copy send where it pays").
 *
 *   build/bench/zc-send [ROUNDS] [MS_PER_RUN] [SIZE...]
 *
 * One connection per run to 127.0.0.1; a receiver thread (pinned to CPU 1)
 * reads and discards; the sender (CPU 0) sends SIZE-byte messages for
 * MS_PER_RUN ms in one of five ways:
 *   send      send(2), blocking socket
 *   msg_zc    send(2) with MSG_ZEROCOPY (SO_ZEROCOPY), completions read from
 *             the error queue before a buffer is reused
 *   ring      IORING_OP_SEND
 *   ring_zc   IORING_OP_SEND_ZC (6.0+), a buffer reused after its
 *             notification CQE
 * Each mode keeps DEPTH buffers (8) in flight at most (the synchronous send
 * one).  Within each round every size runs every mode, the mode order
 * rotating from round to round; prints one line per run (RUN ...) and per
 * (size, mode) the medians and [ranges] over the rounds: MB/s and the
 * process's CPU time (user + system, every thread: sender, receiver,
 * io_uring workers) per KiB sent, each zero-copy mode's ratios to the same
 * path without it (msg_zc / send, ring_zc / ring) per round, and the share
 * of its sends the kernel reported as copied after all (delivery to a
 * local socket copies: SO_EE_CODE_ZEROCOPY_COPIED,
 * IORING_NOTIF_USAGE_ZC_COPIED). */
#define _GNU_SOURCE
#include <errno.h>
#include <liburing.h>
#include <linux/errqueue.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef SO_ZEROCOPY
#define SO_ZEROCOPY 60
#endif
#ifndef MSG_ZEROCOPY
#define MSG_ZEROCOPY 0x4000000
#endif
#ifndef SO_EE_ORIGIN_ZEROCOPY
#define SO_EE_ORIGIN_ZEROCOPY 5
#endif
#ifndef SO_EE_CODE_ZEROCOPY_COPIED
#define SO_EE_CODE_ZEROCOPY_COPIED 1
#endif
/* liburing 2.3's header predates these (6.2) */
#ifndef IORING_SEND_ZC_REPORT_USAGE
#define IORING_SEND_ZC_REPORT_USAGE (1U << 3)
#endif
#ifndef IORING_NOTIF_USAGE_ZC_COPIED
#define IORING_NOTIF_USAGE_ZC_COPIED (1U << 31)
#endif

#define DEPTH 8
#define MAX_ROUNDS 64

enum mode { M_SEND, M_MSG_ZC, M_RING, M_RING_ZC, N_MODES };
static const char *const mode_names[N_MODES] = {"send", "msg_zc", "ring", "ring_zc"};

struct result {
  double mb_s, cpu_ns_per_kib, copied; /* copied: share, -1 when not zero-copy */
};

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double cpu_s(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

static void pin(int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

static void die(const char *what) {
  perror(what);
  exit(1);
}

static void *receiver(void *arg) {
  int fd = *(int *)arg;
  static char buf[1 << 20];
  pin(1);
  while (recv(fd, buf, sizeof buf, 0) > 0)
    ;
  return NULL;
}

/* A connected pair over 127.0.0.1: *tx the sender's end. */
static void connect_pair(int *tx, int *rx) {
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t len = sizeof a;
  int one = 1, lfd = socket(AF_INET, SOCK_STREAM, 0);
  if (lfd < 0 || bind(lfd, (struct sockaddr *)&a, sizeof a) < 0 || listen(lfd, 1) < 0 ||
      getsockname(lfd, (struct sockaddr *)&a, &len) < 0)
    die("listen");
  *tx = socket(AF_INET, SOCK_STREAM, 0);
  if (*tx < 0 || connect(*tx, (struct sockaddr *)&a, sizeof a) < 0)
    die("connect");
  *rx = accept(lfd, NULL, NULL);
  if (*rx < 0)
    die("accept");
  close(lfd);
  setsockopt(*tx, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

/* ------------------------------------------------------------------ send */

static long run_send(int fd, char *bufs, size_t size, double until, long *copied, long *sends) {
  long bytes = 0;
  (void)copied;
  while (now_s() < until) {
    for (int i = 0; i < 64; i++) {
      ssize_t n = send(fd, bufs + (size_t)(*sends % DEPTH) * size, size, 0);
      if (n < 0)
        die("send");
      bytes += n;
      ++*sends;
    }
  }
  return bytes;
}

/* --------------------------------------------------------- MSG_ZEROCOPY */

/* Reads the error queue's notifications: completed = the highest send
 * number done + 1. */
static void zc_drain(int fd, uint32_t *completed, long *copied, int block) {
  for (;;) {
    char control[128];
    struct msghdr msg = {.msg_control = control, .msg_controllen = sizeof control};
    if (block) {
      struct pollfd p = {.fd = fd, .events = 0};
      if (poll(&p, 1, 1000) < 0 && errno != EINTR)
        die("poll");
    }
    if (recvmsg(fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT) < 0) {
      if (errno == EAGAIN || errno == EINTR) {
        if (block)
          continue;
        return;
      }
      die("recvmsg errqueue");
    }
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
      struct sock_extended_err ee;
      memcpy(&ee, CMSG_DATA(c), sizeof ee);
      if (ee.ee_origin != SO_EE_ORIGIN_ZEROCOPY)
        continue;
      if (ee.ee_code & SO_EE_CODE_ZEROCOPY_COPIED)
        *copied += (long)(ee.ee_data - ee.ee_info + 1);
      if (ee.ee_data + 1 > *completed)
        *completed = ee.ee_data + 1;
    }
    block = 0;
  }
}

static long run_msg_zc(int fd, char *bufs, size_t size, double until, long *copied, long *sends) {
  long bytes = 0;
  uint32_t completed = 0, sent = 0;
  int one = 1;
  if (setsockopt(fd, SOL_SOCKET, SO_ZEROCOPY, &one, sizeof one) < 0)
    die("SO_ZEROCOPY");
  while (now_s() < until) {
    for (int i = 0; i < 64; i++) {
      ssize_t n;
      while (sent - completed >= DEPTH) /* the buffer to use is still the kernel's */
        zc_drain(fd, &completed, copied, 1);
      n = send(fd, bufs + (size_t)(sent % DEPTH) * size, size, MSG_ZEROCOPY);
      if (n < 0 && errno == ENOBUFS) { /* optmem full of notifications */
        zc_drain(fd, &completed, copied, 1);
        continue;
      }
      if (n < 0)
        die("send MSG_ZEROCOPY");
      bytes += n;
      sent++;
      zc_drain(fd, &completed, copied, 0);
    }
  }
  while (completed != sent)
    zc_drain(fd, &completed, copied, 1);
  *sends = sent;
  return bytes;
}

/* ---------------------------------------------------------------- rings */

static long run_ring(int fd, char *bufs, size_t size, double until, long *copied, long *sends,
                     int zc) {
  struct io_uring ring;
  int pending[DEPTH] = {0}; /* CQEs a slot still waits for */
  int inflight = 0;
  long bytes = 0;
  if (io_uring_queue_init(2 * DEPTH, &ring, 0) < 0)
    die("io_uring_queue_init");
  for (;;) {
    struct io_uring_cqe *cqe;
    unsigned head, n = 0;
    int go = now_s() < until;
    for (int s = 0; go && s < DEPTH; s++) {
      struct io_uring_sqe *sqe;
      if (pending[s])
        continue;
      sqe = io_uring_get_sqe(&ring);
      if (zc)
        io_uring_prep_send_zc(sqe, fd, bufs + (size_t)s * size, size, 0,
                              IORING_SEND_ZC_REPORT_USAGE);
      else
        io_uring_prep_send(sqe, fd, bufs + (size_t)s * size, size, 0);
      io_uring_sqe_set_data64(sqe, (uint64_t)s);
      pending[s] = 1;
      inflight++;
      ++*sends;
    }
    if (!inflight)
      break;
    if (io_uring_submit_and_wait(&ring, 1) < 0)
      die("io_uring_submit_and_wait");
    io_uring_for_each_cqe(&ring, head, cqe) {
      int s = (int)io_uring_cqe_get_data64(cqe);
      n++;
      if (cqe->flags & IORING_CQE_F_NOTIF) {
        if (cqe->res & (int)IORING_NOTIF_USAGE_ZC_COPIED)
          ++*copied;
      } else {
        if (cqe->res < 0) {
          errno = -cqe->res;
          die(zc ? "IORING_OP_SEND_ZC" : "IORING_OP_SEND");
        }
        bytes += cqe->res;
        if (cqe->flags & IORING_CQE_F_MORE)
          pending[s]++; /* the notification follows */
      }
      if (--pending[s] == 0)
        inflight--;
    }
    io_uring_cq_advance(&ring, n);
  }
  io_uring_queue_exit(&ring);
  return bytes;
}

/* ------------------------------------------------------------------- run */

static struct result run(enum mode m, size_t size, int ms) {
  static char *bufs;
  static size_t bufs_size;
  int tx, rx;
  pthread_t th;
  long copied = 0, sends = 0, bytes;
  double t0, c0, until;
  if (bufs_size < size) {
    free(bufs);
    bufs = malloc(DEPTH * size);
    if (!bufs)
      die("malloc");
    memset(bufs, 'x', DEPTH * size);
    bufs_size = size;
  }
  connect_pair(&tx, &rx);
  if (pthread_create(&th, NULL, receiver, &rx) != 0)
    die("pthread_create");
  t0 = now_s();
  c0 = cpu_s();
  until = t0 + ms / 1000.0;
  switch (m) {
  case M_SEND:
    bytes = run_send(tx, bufs, size, until, &copied, &sends);
    break;
  case M_MSG_ZC:
    bytes = run_msg_zc(tx, bufs, size, until, &copied, &sends);
    break;
  default:
    bytes = run_ring(tx, bufs, size, until, &copied, &sends, m == M_RING_ZC);
    break;
  }
  shutdown(tx, SHUT_WR);
  pthread_join(th, NULL); /* everything sent has been read */
  {
    double wall = now_s() - t0, cpu = cpu_s() - c0;
    struct result r = {.mb_s = (double)bytes / wall / 1e6,
                       .cpu_ns_per_kib = cpu * 1e9 / ((double)bytes / 1024),
                       .copied = m == M_MSG_ZC || m == M_RING_ZC
                                     ? (sends ? (double)copied / (double)sends : 0)
                                     : -1};
    close(tx);
    close(rx);
    return r;
  }
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static void summary(const char *what, double *v, int n, const char *fmt) {
  char lo[32], med[32], hi[32];
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  snprintf(lo, sizeof lo, fmt, v[0]);
  snprintf(med, sizeof med, fmt, n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
  snprintf(hi, sizeof hi, fmt, v[n - 1]);
  printf(" %s %s [%s-%s]", what, med, lo, hi);
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 5, ms = argc > 2 ? atoi(argv[2]) : 300;
  size_t sizes[16] = {64, 4096, 65536, 1 << 20};
  int nsizes = 4;
  static struct result res[16][N_MODES][MAX_ROUNDS];
  if (argc > 3) {
    nsizes = 0;
    for (int i = 3; i < argc && nsizes < 16; i++)
      sizes[nsizes++] = (size_t)strtoul(argv[i], NULL, 0);
  }
  if (rounds < 1 || rounds > MAX_ROUNDS || ms < 1) {
    fprintf(stderr, "usage: zc-send [ROUNDS<=%d] [MS_PER_RUN] [SIZE...]\n", MAX_ROUNDS);
    return 2;
  }
  pin(0);
  for (int r = 0; r < rounds; r++)
    for (int s = 0; s < nsizes; s++)
      for (int k = 0; k < N_MODES; k++) {
        /* the mode order rotates with the round: no mode always runs first */
        enum mode m = (enum mode)((k + r) % N_MODES);
        struct result x = run(m, sizes[s], ms);
        res[s][m][r] = x;
        printf("RUN round %d size %zu %s: %.1f MB/s, %.1f ns CPU/KiB", r + 1, sizes[s],
               mode_names[m], x.mb_s, x.cpu_ns_per_kib);
        if (x.copied >= 0)
          printf(", copied %.0f%%", 100 * x.copied);
        printf("\n");
        fflush(stdout);
      }
  for (int s = 0; s < nsizes; s++)
    for (int m = 0; m < N_MODES; m++) {
      /* each zero-copy mode against the same path without it */
      int base = m == M_RING_ZC ? M_RING : M_SEND;
      double mb[MAX_ROUNDS], cpu[MAX_ROUNDS], ratio[MAX_ROUNDS], cpur[MAX_ROUNDS];
      char label[32];
      for (int r = 0; r < rounds; r++) {
        mb[r] = res[s][m][r].mb_s;
        cpu[r] = res[s][m][r].cpu_ns_per_kib;
        ratio[r] = res[s][m][r].mb_s / res[s][base][r].mb_s;
        cpur[r] = res[s][m][r].cpu_ns_per_kib / res[s][base][r].cpu_ns_per_kib;
      }
      printf("RESULT size %zu %-7s", sizes[s], mode_names[m]);
      summary("MB/s", mb, rounds, "%.0f");
      summary("CPU ns/KiB", cpu, rounds, "%.1f");
      if (m != M_SEND) {
        snprintf(label, sizeof label, "MB/s vs %s", mode_names[base]);
        summary(label, ratio, rounds, "%.2f");
        snprintf(label, sizeof label, "CPU vs %s", mode_names[base]);
        summary(label, cpur, rounds, "%.2f");
      }
      if (res[s][m][0].copied >= 0)
        printf(" copied %.0f%%", 100 * res[s][m][rounds - 1].copied);
      printf("\n");
    }
  return 0;
}
