/* Channel internals visible to white-box tests. */
#ifndef AC__CHANNEL_H
#define AC__CHANNEL_H

#include <asyncc/chan.h>
#include <stdbool.h>
#include <stddef.h>

/* Queued (not yet woken) senders and receivers of 'ch', and its item count. */
size_t ac__chan_waiting_senders(struct ac_chan *ch);
size_t ac__chan_waiting_receivers(struct ac_chan *ch);
size_t ac__chan_len(struct ac_chan *ch);
/* Its lock is still biased to the runtime that created it (biased_lock.h). */
bool ac__chan_biased(struct ac_chan *ch);

#endif
