/* Channel internals visible to white-box tests. */
#ifndef AC__CHANNEL_H
#define AC__CHANNEL_H

#include <asyncc/asyncc.h>
#include <stddef.h>

/* Queued (not yet woken) senders and receivers of 'ch'. */
size_t ac__chan_waiting_senders(const struct ac_chan *ch);
size_t ac__chan_waiting_receivers(const struct ac_chan *ch);
size_t ac__chan_len(const struct ac_chan *ch);

#endif
