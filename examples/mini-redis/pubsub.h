/* Pub/sub channels: who is subscribed to what.  A subscriber is an inbox,
 * a bounded channel of struct message pointers that its connection task
 * receives from; PUBLISH puts a shared, reference-counted message in every
 * inbox of the channel without waiting, and a subscriber whose inbox is
 * full is marked slow (its connection then closes, as redis closes a
 * pub/sub client past its output buffer limit). */
#ifndef MINI_REDIS_PUBSUB_H
#define MINI_REDIS_PUBSUB_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

struct message {
  atomic_size_t refs;
  size_t channel_len, payload_len;
  char *payload; /* after channel, in data */
  char data[];   /* channel, payload */
};

void message_unref(struct message *m);

struct subscriber {
  struct ac_chan *inbox; /* of struct message * */
  atomic_int slow;
  size_t nchannels;      /* channels subscribed to */
};

struct pubsub;

struct pubsub *pubsub_new(void);
void pubsub_free(struct pubsub *ps);
/* Subscribes s to a channel: 1 if new, 0 if it already was, -1 no memory. */
int pubsub_subscribe(struct pubsub *ps, struct subscriber *s, const char *ch, size_t len);
/* 1 if s was subscribed, 0 if not. */
int pubsub_unsubscribe(struct pubsub *ps, struct subscriber *s, const char *ch, size_t len);
/* Calls each(ch, len, arg) for every channel of s and unsubscribes it. */
void pubsub_unsubscribe_all(struct pubsub *ps, struct subscriber *s,
                            void (*each)(const char *ch, size_t len, void *arg), void *arg);
/* The number of subscribers the message reached. */
long long pubsub_publish(struct pubsub *ps, const char *ch, size_t ch_len, const char *msg,
                         size_t msg_len);

#endif
