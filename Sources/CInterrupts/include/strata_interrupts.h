#ifndef STRATA_INTERRUPTS_H
#define STRATA_INTERRUPTS_H

/*
 * Ctrl-C, SIGTERM and SIGHUP for the REPL.
 *
 * The state behind these functions lives in one C file (interrupts.c), not in `static` variables
 * of a header: a header's statics exist once per place that imports it, and an optimised build
 * inlines Swift wrappers across files, so the signal handler and the engine's cancellation probe
 * ended up with different copies of the flag (Ctrl-C was counted but never seen).
 *
 * SIGINT while a command runs sets a flag that the engine's Cancellation probe reads; it never
 * arrives at the prompt because the line editor turns ISIG off there (Ctrl-C is a key bound to
 * a function). The third SIGINT of one command means the command does not check for
 * cancellation: the process then dies of SIGINT like any program would.
 *
 * SIGTERM and SIGHUP restore the terminal modes saved at start-up (libedit may have left the
 * tty in raw mode) and then die of the same signal, so the parent sees the real cause.
 */

/* Saves the terminal modes of stdin (if it is a terminal) and installs the handlers; 0 on success. */
int strata_install_signal_handlers(void);

/* Whether SIGINT arrived since the last strata_clear_interrupt(); safe from any thread. */
int strata_interrupt_requested(void);

void strata_clear_interrupt(void);

/* Puts the terminal modes back as they were at start-up. */
void strata_restore_terminal(void);

/* Ctrl-Z at the prompt (ISIG is off there, so it arrives as a key): leave the editor's raw mode,
   stop like a shell job would, and come back to the same raw mode when continued. */
void strata_suspend(void);

#endif
