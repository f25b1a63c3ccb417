#ifndef STRATA_CLIBEDIT_SHIM_H
#define STRATA_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/*
 * Swift cannot call C variadic functions (el_set, el_get, history) nor, in Swift 6 mode, touch
 * C globals such as stdin/stdout. Each shim below is one fixed-signature call.
 */

/* ---- line editor ------------------------------------------------------------------------ */

/* Editing output goes to stderr when stdout is redirected, so `strata > out.txt` still shows
   the prompt and the line being edited on the terminal. */
static inline EditLine *strata_el_init(const char *program, int output_to_stderr) {
    return el_init(program, stdin, output_to_stderr ? stderr : stdout, stderr);
}

static inline int strata_el_set_prompt(EditLine *el, char *(*prompt)(EditLine *)) {
    return el_set(el, EL_PROMPT, prompt);
}

static inline int strata_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int strata_el_set_signal(EditLine *el, int handle) {
    return el_set(el, EL_SIGNAL, handle);
}

static inline int strata_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

static inline int strata_el_add_function(EditLine *el, const char *name, const char *help,
                                         unsigned char (*function)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, function);
}

static inline int strata_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}

/* `setty -d MODE`: fixes a tty mode on (+mode) or off (-mode) while a line is being edited. */
static inline int strata_el_setty_edit(EditLine *el, const char *mode) {
    return el_set(el, EL_SETTY, "-d", mode, (const char *)NULL);
}

static inline int strata_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *strata_el_client_data(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

static inline int strata_flush_all(void) { return fflush(NULL); }

/* ---- history ---------------------------------------------------------------------------- */

static inline int strata_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

/* Drops an entry equal to the one just before it. */
static inline int strata_history_set_unique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}

static inline int strata_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

static inline int strata_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}

static inline int strata_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

/* ---- terminal ------------------------------------------------------------------------------ */

/* Columns of the terminal on fd, or 0 when fd is not a terminal. */
static inline int strata_terminal_width(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
    return ws.ws_col;
}

/* ---- signals --------------------------------------------------------------------------------
 *
 * IMPORTANT: the state below is `static`, so every Swift source file that calls these functions
 * gets its own copy of it. Only Sources/strata/Interrupts.swift may call them; everything else
 * goes through that file.
 *
 * SIGINT while a command runs sets a flag that the engine's Cancellation probe reads; it never
 * arrives at the prompt because the line editor turns ISIG off there (Ctrl-C is a key bound to
 * a function). The third SIGINT of one command means the command does not check for
 * cancellation: the process then dies of SIGINT like any program would.
 *
 * SIGTERM and SIGHUP restore the terminal modes saved at start-up (libedit may have left the
 * tty in raw mode) and then die of the same signal, so the parent sees the real cause.
 * Both handlers only use async-signal-safe calls.
 */

static volatile sig_atomic_t strata_interrupt_count = 0;
/* Initialised explicitly: a tentative definition is not emitted when Swift imports the header. */
static struct termios strata_saved_termios = {0};
static volatile sig_atomic_t strata_termios_saved = 0;

static inline void strata_restore_terminal(void) {
    if (strata_termios_saved) tcsetattr(STDIN_FILENO, TCSANOW, &strata_saved_termios);
}

static inline void strata_on_interrupt(int sig) {
    if (strata_interrupt_count >= 2) {
        static const char note[] = "\nstrata: interrupted three times, stopping\n";
        ssize_t ignored = write(STDERR_FILENO, note, sizeof note - 1);
        (void)ignored;
        strata_restore_terminal();
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    strata_interrupt_count = strata_interrupt_count + 1;
}

static inline void strata_on_terminate(int sig) {
    strata_restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Saves the terminal modes of stdin (if it is a terminal) and installs the handlers. */
static inline int strata_install_signal_handlers(void) {
    if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &strata_saved_termios) == 0) strata_termios_saved = 1;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    /* Engine I/O must not see EINTR because someone pressed Ctrl-C; it polls the flag instead. */
    sa.sa_flags = SA_RESTART;
    sa.sa_handler = strata_on_interrupt;
    if (sigaction(SIGINT, &sa, NULL) != 0) return -1;

    sa.sa_handler = strata_on_terminate;
    if (sigaction(SIGTERM, &sa, NULL) != 0) return -1;
    if (sigaction(SIGHUP, &sa, NULL) != 0) return -1;
    return 0;
}

static inline int strata_interrupt_requested(void) {
    /* Read from engine worker threads too; the handler's plain store is a single word. */
    return __atomic_load_n(&strata_interrupt_count, __ATOMIC_RELAXED) > 0;
}

static inline void strata_clear_interrupt(void) { strata_interrupt_count = 0; }

/* Ctrl-Z at the prompt (ISIG is off there, so it arrives as a key): leave the editor's raw mode,
   stop like a shell job would, and come back to the same raw mode when continued. */
static inline void strata_suspend(void) {
    struct termios editing;
    int have = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &editing) == 0;
    strata_restore_terminal();
    kill(getpid(), SIGTSTP);
    if (have) tcsetattr(STDIN_FILENO, TCSANOW, &editing);
}

#endif
