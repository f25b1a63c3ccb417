#!/usr/bin/env bash
# A script that runs itself, or two scripts that run each other, must stop with an error naming
# the chain of files, never recurse until the stack overflows. Checked at every entry point:
# `strata run FILE`, piped stdin, `strata run --dry-run`, and `run "FILE"` typed at the prompt
# (through a pseudo-terminal, with Python's pty module). Also: a cycle the plan cannot see (the
# path comes from a parameter) is caught while running, and legitimate nesting still works.
#
# Usage: Tests/e2e/run-cycle.sh [path/to/strata]
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$here/.build/debug/strata}
case "$bin" in /*) ;; *) bin="$here/$bin" ;; esac
[ -x "$bin" ] || { echo "run-cycle.sh: no executable at $bin" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export STRATA_HISTORY=/dev/null STRATA_HOME="$work/home" NO_COLOR=1
cd "$work"
failures=0
checks=0
check() {  # check DESCRIPTION CONDITION...
  local what=$1; shift
  checks=$((checks + 1))
  if ! "$@"; then
    failures=$((failures + 1))
    echo "FAIL: $what" >&2
    echo "  rc=$rc" >&2
    echo "  stdout: $(printf '%s' "$out" | head -5)" >&2
    echo "  stderr: $(printf '%s' "$err" | head -8)" >&2
  fi
}
contains() { [[ "$1" == *"$2"* ]]; }
lacks() { [[ "$1" != *"$2"* ]]; }
# strata ARGS... [< input]: sets $out $err $rc.
strata() {
  "$bin" "$@" >"$work/out" 2>"$work/err"
  rc=$?
  out=$(cat "$work/out")
  err=$(cat "$work/err")
}
# Signal 11 (or any signal) shows as a status above 128.
no_crash() { [ "$rc" -lt 128 ]; }

printf 'run "loop.strata"\n' >loop.strata
printf 'param x = 1\nrun "b.strata"\n' >a.strata
printf 'run "a.strata"\n' >b.strata
printf 'param f = "dyn.strata"\nrun $f\n' >dyn.strata
printf 'load "%s/datasets/customers.csv" as c\n' "$here" >leaf.strata
printf 'run "leaf.strata"\ntables\n' >middle.strata

# strata run FILE
strata run loop.strata
check "run: a script that runs itself does not crash" no_crash
check "run: it fails" [ "$rc" = 1 ]
check "run: the error names the chain" contains "$err" "loop.strata:1: run cycle: loop.strata → loop.strata"
check "run: nothing was run" contains "$err" "loop.strata: nothing was run (1 error)"

strata run a.strata
check "run: two scripts running each other do not crash" no_crash
check "run: the chain names both files" contains "$err" "b.strata:1: run cycle: a.strata → b.strata → a.strata"
check "run: with a caret under the path" contains "$err" $'  run "a.strata"\n      ^^^^^^^^^^'

strata run ./loop.strata
check "run: a file named two ways is still one file" contains "$err" "run cycle: ./loop.strata → loop.strata"

# piped stdin
strata <loop.strata
check "stdin: does not crash" no_crash
check "stdin: fails" [ "$rc" = 1 ]
check "stdin: says the script was not run" contains "$err" "<stdin>:1: loop.strata was not run: it has an error"
check "stdin: and why" contains "$err" "loop.strata:1: run cycle: loop.strata → loop.strata"

strata <a.strata
check "stdin: two files, the chain" contains "$err" "run cycle: b.strata → a.strata → b.strata"

# --dry-run
strata run --dry-run loop.strata
check "dry-run: does not crash" no_crash
check "dry-run: fails" [ "$rc" = 1 ]
check "dry-run: still lists what it read" contains "$out" "loop.strata  (loop.strata:1)"
check "dry-run: names the chain" contains "$err" "run cycle: loop.strata → loop.strata"

strata run --dry-run a.strata
check "dry-run: two files, the chain" contains "$err" "run cycle: a.strata → b.strata → a.strata"

# A path the plan cannot follow (a parameter): caught while running.
strata run dyn.strata
check "runtime: does not crash" no_crash
check "runtime: names the chain" contains "$err" "run cycle: dyn.strata → dyn.strata"
check "runtime: says where" contains "$err" "dyn.strata:2:"

# Nesting without a cycle still runs.
strata run middle.strata
check "nesting: a script running another works" [ "$rc" = 0 ]
check "nesting: the inner script's table is there" contains "$out" "> load"
lacks "$err" "cycle" || { failures=$((failures + 1)); echo "FAIL: nesting: no cycle reported" >&2; }

# At the prompt, through a pseudo-terminal.
python3 - "$bin" <<'PY'
import os, pty, select, sys, time

binary = sys.argv[1]
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm"
    os.execv(binary, [binary, "--no-journal"])

def read_until(marker, timeout=60):
    data = b""
    end = time.time() + timeout
    while marker.encode() not in data:
        left = end - time.time()
        if left <= 0:
            raise SystemExit(f"run-cycle.sh: timed out waiting for {marker!r}; got:\n{data.decode(errors='replace')}")
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
    return data.decode(errors="replace")

failures = []
read_until("[1]> ")
os.write(fd, b'run "loop.strata"\r')
out = read_until("[2]> ")
if "run cycle: loop.strata \u2192 loop.strata" not in out:
    failures.append("prompt: run \"loop.strata\" names the chain")
os.write(fd, b'run "a.strata"\r')
out = read_until("[3]> ")
if "run cycle: a.strata \u2192 b.strata \u2192 a.strata" not in out:
    failures.append("prompt: run \"a.strata\" names the chain")
os.write(fd, b"tables\r")
out = read_until("[4]> ")
os.write(fd, b"quit\r")
_, status = os.waitpid(pid, 0)
if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
    failures.append(f"prompt: the session ends normally (status {status})")
for f in failures:
    print("FAIL:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
prompt_rc=$?
checks=$((checks + 1))
[ "$prompt_rc" = 0 ] || failures=$((failures + 1))

echo "run-cycle.sh: $((checks - failures))/$checks checks passed"
[ "$failures" = 0 ]
