/* Pub/sub channels (pubsub.h): a list of channels, each with an array of
 * subscribers, under one mutex that PUBLISH and (UN)SUBSCRIBE hold briefly
 * and never across a wait.  A subscriber leaves every channel before its
 * inbox is freed, so no publisher sends to a freed inbox. */
#include "pubsub.h"

#include <asyncc/chan.h>
#include <stdlib.h>
#include <string.h>

struct channel {
  struct channel *next;
  struct subscriber **subs;
  size_t nsubs, cap, len;
  char name[];
};

struct pubsub {
  pthread_mutex_t lock;
  struct channel *channels;
};

void message_unref(struct message *m) {
  if (atomic_fetch_sub(&m->refs, 1) == 1)
    free(m);
}

struct pubsub *pubsub_new(void) {
  struct pubsub *ps = calloc(1, sizeof *ps);
  if (ps)
    pthread_mutex_init(&ps->lock, NULL);
  return ps;
}

void pubsub_free(struct pubsub *ps) {
  for (struct channel *c = ps->channels, *next; c; c = next) {
    next = c->next;
    free(c->subs);
    free(c);
  }
  pthread_mutex_destroy(&ps->lock);
  free(ps);
}

static struct channel **find(struct pubsub *ps, const char *name, size_t len) {
  struct channel **p = &ps->channels;
  while (*p && !((*p)->len == len && memcmp((*p)->name, name, len) == 0))
    p = &(*p)->next;
  return p;
}

static size_t index_of(const struct channel *c, const struct subscriber *s) {
  size_t i = 0;
  while (i < c->nsubs && c->subs[i] != s)
    i++;
  return i;
}

int pubsub_subscribe(struct pubsub *ps, struct subscriber *s, const char *name, size_t len) {
  int r = -1;
  pthread_mutex_lock(&ps->lock);
  struct channel **p = find(ps, name, len), *c = *p;
  if (!c) {
    c = calloc(1, sizeof *c + len);
    if (!c)
      goto out;
    memcpy(c->name, name, len);
    c->len = len;
    *p = c;
  }
  r = 0;
  if (index_of(c, s) < c->nsubs)
    goto out;
  if (c->nsubs == c->cap) {
    size_t cap = c->cap ? 2 * c->cap : 4;
    struct subscriber **v = realloc(c->subs, cap * sizeof *v);
    if (!v) {
      r = -1;
      goto out;
    }
    c->subs = v;
    c->cap = cap;
  }
  c->subs[c->nsubs++] = s;
  s->nchannels++;
  r = 1;
out:
  pthread_mutex_unlock(&ps->lock);
  return r;
}

/* Under the lock: removes s from *p, and the channel once empty. */
static int leave(struct channel **p, struct subscriber *s) {
  struct channel *c = *p;
  size_t i = index_of(c, s);
  if (i == c->nsubs)
    return 0;
  c->subs[i] = c->subs[--c->nsubs];
  s->nchannels--;
  if (c->nsubs == 0) {
    *p = c->next;
    free(c->subs);
    free(c);
  }
  return 1;
}

int pubsub_unsubscribe(struct pubsub *ps, struct subscriber *s, const char *name, size_t len) {
  pthread_mutex_lock(&ps->lock);
  struct channel **p = find(ps, name, len);
  int r = *p ? leave(p, s) : 0;
  pthread_mutex_unlock(&ps->lock);
  return r;
}

void pubsub_unsubscribe_all(struct pubsub *ps, struct subscriber *s,
                            void (*each)(const char *ch, size_t len, void *arg), void *arg) {
  pthread_mutex_lock(&ps->lock);
  for (struct channel **p = &ps->channels; *p && s->nchannels;) {
    struct channel *c = *p;
    if (index_of(c, s) < c->nsubs) {
      if (each)
        each(c->name, c->len, arg);
      if (c->nsubs == 1) { /* leave frees c: *p becomes the next one */
        leave(p, s);
        continue;
      }
      leave(p, s);
    }
    p = &c->next;
  }
  pthread_mutex_unlock(&ps->lock);
}

long long pubsub_publish(struct pubsub *ps, const char *name, size_t len, const char *msg,
                         size_t msg_len) {
  long long n = 0;
  pthread_mutex_lock(&ps->lock);
  struct channel *c = *find(ps, name, len);
  if (c && c->nsubs) {
    struct message *m = malloc(sizeof *m + len + msg_len);
    if (m) {
      atomic_init(&m->refs, 1); /* the publisher's, dropped below */
      m->channel_len = len;
      m->payload_len = msg_len;
      m->payload = m->data + len;
      memcpy(m->data, name, len);
      memcpy(m->payload, msg, msg_len);
      for (size_t i = 0; i < c->nsubs; i++) {
        struct subscriber *s = c->subs[i];
        atomic_fetch_add(&m->refs, 1);
        if (ac_chan_try_send(s->inbox, &m) == 0) {
          n++;
        } else { /* inbox full: that reader is too slow */
          atomic_fetch_sub(&m->refs, 1);
          atomic_store(&s->slow, 1);
        }
      }
      message_unref(m);
    }
  }
  pthread_mutex_unlock(&ps->lock);
  return n;
}
