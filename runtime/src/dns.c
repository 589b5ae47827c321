/* ac_getaddrinfo: getaddrinfo(3) on the blocking pool.  The request lives
 * in a heap job (not in the frame) so that a drop never waits for a slow
 * resolver: a running lookup is abandoned to the pool thread, which frees
 * the job and its result when getaddrinfo returns (pool.h). */
#include <asyncc/net.h>

#include "pool.h"

#include <netdb.h>

#include <stdlib.h>
#include <string.h>

struct ac__dns_job {
  struct ac_spawn_blocking__frame bf; /* fn = resolve, arg = this job */
  const char *host, *service;         /* copies, stored after the struct */
  struct addrinfo hints;
  int has_hints;
  struct addrinfo *res;
  int rc;
};

static void *resolve(void *arg) {
  struct ac__dns_job *j = arg;
  j->rc = getaddrinfo(j->host, j->service, j->has_hints ? &j->hints : NULL, &j->res);
  return NULL;
}

static void job_free(void *arg) {
  struct ac__dns_job *j = arg;
  if (j->res)
    freeaddrinfo(j->res);
  free(j);
}

static struct ac__dns_job *job_new(const char *host, const char *service,
                                   const struct addrinfo *hints) {
  size_t hl = host ? strlen(host) + 1 : 0, sl = service ? strlen(service) + 1 : 0;
  struct ac__dns_job *j = calloc(1, sizeof *j + hl + sl);
  char *p;
  if (!j)
    return NULL;
  p = (char *)(j + 1);
  if (host) {
    j->host = memcpy(p, host, hl);
    p += hl;
  }
  if (service)
    j->service = memcpy(p, service, sl);
  if (hints) {
    j->has_hints = 1;
    j->hints.ai_flags = hints->ai_flags;
    j->hints.ai_family = hints->ai_family;
    j->hints.ai_socktype = hints->ai_socktype;
    j->hints.ai_protocol = hints->ai_protocol;
  }
  ac_spawn_blocking__init(&j->bf, resolve, j);
  return j;
}

void ac_getaddrinfo__init(struct ac_getaddrinfo__frame *f, const char *host,
                          const char *service, const struct addrinfo *hints,
                          struct addrinfo **res) {
  f->ac_state = 0;
  f->host = host;
  f->service = service;
  f->hints = hints;
  f->res = res;
  f->job = NULL;
  f->ac_result = 0;
}

ac_poll ac_getaddrinfo__poll(struct ac_getaddrinfo__frame *f, struct ac_cx *cx) {
  if (f->ac_state == 0) {
    *f->res = NULL;
    f->job = job_new(f->host, f->service, f->hints);
    if (!f->job) {
      f->ac_result = EAI_MEMORY;
      goto done;
    }
    f->ac_state = 1;
  }
  if (ac_spawn_blocking__poll(&f->job->bf, cx) == AC_PENDING)
    return AC_PENDING;
  f->ac_result = f->job->rc;
  *f->res = f->job->res;
  f->job->res = NULL;
  job_free(f->job);
  f->job = NULL;
done:
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_getaddrinfo__drop(struct ac_getaddrinfo__frame *f) {
  if (f->ac_state == 1 && ac__blocking_abandon(&f->job->bf, job_free))
    job_free(f->job);
  f->job = NULL;
  f->ac_state = AC_STATE_DONE;
}
