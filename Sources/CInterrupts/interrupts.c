#include "strata_interrupts.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* Both handlers only use async-signal-safe calls. */

static volatile sig_atomic_t interrupt_count = 0;
static struct termios saved_termios;
static volatile sig_atomic_t termios_saved = 0;

void strata_restore_terminal(void) {
    if (termios_saved) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
}

static void on_interrupt(int sig) {
    if (interrupt_count >= 2) {
        static const char note[] = "\nstrata: interrupted three times, stopping\n";
        ssize_t ignored = write(STDERR_FILENO, note, sizeof note - 1);
        (void)ignored;
        strata_restore_terminal();
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    interrupt_count = interrupt_count + 1;
}

static void on_terminate(int sig) {
    strata_restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}

int strata_install_signal_handlers(void) {
    if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_termios) == 0) termios_saved = 1;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    /* Engine I/O must not see EINTR because someone pressed Ctrl-C; it polls the flag instead. */
    sa.sa_flags = SA_RESTART;
    sa.sa_handler = on_interrupt;
    if (sigaction(SIGINT, &sa, NULL) != 0) return -1;

    sa.sa_handler = on_terminate;
    if (sigaction(SIGTERM, &sa, NULL) != 0) return -1;
    if (sigaction(SIGHUP, &sa, NULL) != 0) return -1;
    return 0;
}

int strata_interrupt_requested(void) {
    /* Read from engine worker threads too; the handler's plain store is a single word. */
    return __atomic_load_n(&interrupt_count, __ATOMIC_RELAXED) > 0;
}

void strata_clear_interrupt(void) { interrupt_count = 0; }

void strata_suspend(void) {
    struct termios editing;
    int have = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &editing) == 0;
    strata_restore_terminal();
    kill(getpid(), SIGTSTP);
    if (have) tcsetattr(STDIN_FILENO, TCSANOW, &editing);
}
