#ifndef STRATA_CLIBEDIT_SHIM_H
#define STRATA_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
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

#endif
