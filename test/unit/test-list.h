/* Every unit test, in the order `asyncc_unit` runs them.  CMake reads the
 * X(...) lines to register one ctest per entry. */
#define AC_TEST_LIST(X)                                                        \
  X(yield_three_times)                                                         \
  X(yield_drop_is_noop)                                                        \
  X(sleep_deadline_order)                                                      \
  X(sleep_zero_is_ready_at_once)                                               \
  X(sleep_drop_pending_leaves_no_timer)                                        \
  X(sleep_dropped_frame_is_never_touched)                                      \
  X(sleep_polled_early_stays_pending)                                          \
  X(wheel_fires_at_deadline)                                                   \
  X(wheel_next_deadline)                                                       \
  X(wheel_cancel)                                                              \
  X(wheel_past_deadline)                                                       \
  X(wheel_far_future)                                                          \
  X(wheel_random_against_model)                                                \
  X(wake_queues_task_once)                                            \
  X(wake_from_other_thread)                                                    \
  X(reactor_wakes_task_on_ready_fd)                                            \
  X(block_on_returns_result)                                                   \
  X(block_on_nested_fails_with_message)                                        \
  X(block_on_again_and_on_many_threads)                                       \
  X(spawn_join_in_order)                                                       \
  X(spawn_join_finished_task)                                                  \
  X(spawn_detach_then_finish)                                                  \
  X(spawn_abort_sleeping_task)                                                 \
  X(spawn_join_100k)                                                           \
  X(spawn_live_tasks_dropped_at_end)                                           \
  X(spawn_alloc_needs_a_runtime)                                               \
  X(spawn_alloc_rejects_bad_desc)                                              \
  X(spawn_unstarted_task_freed_at_end)                                         \
  X(spawn_abort_before_first_poll)                                             \
  X(chan_ping_pong_1000)                                                       \
  X(chan_full_blocks_sender)                                                   \
  X(chan_close_wakes_waiters)                                                  \
  X(chan_drop_pending_recv_leaves_no_waiter)                                           \
  X(blocking_eight_jobs_four_threads)                                          \
  X(blocking_result_delivered)                                                 \
  X(blocking_drop_queued_never_runs)                                           \
  X(blocking_drop_running_waits)                                               \
  X(blocking_running_job_in_task_dropped_at_end)                               \
  X(blocking_idle_threads_exit)
