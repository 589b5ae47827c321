/* Included at the top of every C file asyncc generates from a .ac file. */
#ifndef ASYNCC_LOWERED_H
#define ASYNCC_LOWERED_H
#include <asyncc/asyncc.h>
#include <asyncc/blocking.h>

/* The state of a frame that has completed (or was dropped). */
#define AC_STATE_DONE 0xFFFFFFFFu

/* Async prototypes in headers shared with plain C lower to nothing special. */
#ifndef async
#define async
#endif
#endif
