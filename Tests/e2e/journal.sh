#!/usr/bin/env bash
# The journal under a real terminal: commands typed at the prompt, then the process is killed
# with SIGKILL; the next start offers the unsaved work and `recover` restores it. Drives the REPL
# through a pseudo-terminal (Python's pty module).
#
# Usage: Tests/e2e/journal.sh [path/to/strata]
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$here/.build/debug/strata}
case "$bin" in /*) ;; *) bin="$here/$bin" ;; esac
[ -x "$bin" ] || { echo "journal.sh: no executable at $bin" >&2; exit 2; }
cd "$here"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
STRATA_HOME="$work/home" STRATA_HISTORY="$work/history" python3 - "$bin" <<'PY'
import os, signal, sys, time
sys.path.insert(0, "Tests/e2e")
import repl_pty

binary = sys.argv[1]

def start():
    return repl_pty.start(binary)

def read_until(fd, marker, timeout=60):
    found, text = repl_pty.read_until(fd, marker, timeout)
    if not found:
        raise SystemExit(f"journal.sh: timed out waiting for {marker!r}; got:\n{text}")
    return text

def send(fd, line, next_prompt):
    os.write(fd, (line + "\r").encode())
    return read_until(fd, next_prompt)

failures = []
def check(what, ok):
    if not ok:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)

pid, fd = start()
read_until(fd, "[1]> ")
send(fd, 'load "datasets/customers.csv" as customers', "[2]> ")
send(fd, "filter customers where age > 60 as older", "[3]> ")
send(fd, "bogus", "[4]> ")
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
os.close(fd)

pid, fd = start()
welcome = read_until(fd, "[1]> ")
check("the next start offers the unsaved work", "left 2 unsaved commands" in welcome)
out = send(fd, "recover", "[4]> ")
check("recover replays the journal", "recovered 2 cells" in out)
out = send(fd, "tables", "[5]> ")
check("the recovered tables are back", "older" in out and "customers" in out)
out = send(fd, "history", "[6]> ")
check("recovered commands are cells of this session", "filter customers where age > 60 as older" in out)
os.write(fd, b"quit\r")
os.waitpid(pid, 0)
os.close(fd)

pid, fd = start()
welcome = read_until(fd, "[1]> ")
check("after a clean exit nothing is offered", "unexpectedly" not in welcome)
os.write(fd, b"quit\r")
os.waitpid(pid, 0)
home = os.environ["STRATA_HOME"] + "/journal"
check("a clean exit keeps last-session.strata", os.path.exists(home + "/last-session.strata"))
print(f"journal.sh: {6 - len(failures)}/6 checks passed")
sys.exit(1 if failures else 0)
PY
