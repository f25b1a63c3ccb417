"""Drives the strata REPL through a pseudo-terminal, as a user at a real terminal would; shared by
the e2e scripts that need one (journal.sh, cancel.sh)."""
import os, pty, select, time


def start(binary):
    """Starts `binary` on a new pseudo-terminal; returns its pid and the terminal's fd."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm"
        os.environ["NO_COLOR"] = "1"
        os.execv(binary, [binary])
    return pid, fd


def read_until(fd, marker, timeout):
    """What the terminal shows until `marker` appears (or the time is up, or the program ends),
    and whether `marker` appeared."""
    data = b""
    end = time.time() + timeout
    while marker.encode() not in data:
        left = end - time.time()
        if left <= 0:
            break
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
    return marker.encode() in data, data.decode(errors="replace")
