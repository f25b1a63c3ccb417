#!/usr/bin/env bash
# End-to-end checks of batch mode: lines piped into the built binary (stdin not a terminal)
# and `strata run FILE`. Checks exit codes, stdout/stderr separation and error locations.
#
# Usage: Tests/e2e/batch.sh [path/to/strata]   (default: .build/debug/strata; build it first)
set -u

here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-${STRATA_BIN:-$here/.build/debug/strata}}
[ -x "$bin" ] || { echo "batch.sh: no executable at $bin (run 'swift build' first)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Batch mode must never touch the history file.
export STRATA_HISTORY="$work/history"
unset NO_COLOR

failures=0
checks=0

# run NAME INPUT [ARGS...]: pipes INPUT (printf format) into strata; sets $out $err $rc.
run() {
    local input=$1; shift
    printf "$input" | "$bin" "$@" >"$work/out" 2>"$work/err"
    rc=$?
    out=$(cat "$work/out")
    err=$(cat "$work/err")
}

check() {  # check DESCRIPTION CONDITION...
    local what=$1; shift
    checks=$((checks + 1))
    if "$@"; then
        :
    else
        failures=$((failures + 1))
        echo "FAIL: $what" >&2
        echo "  rc=$rc" >&2
        echo "  stdout: $(printf '%s' "$out" | head -5)" >&2
        echo "  stderr: $(printf '%s' "$err" | head -8)" >&2
    fi
}

contains() { [[ "$1" == *"$2"* ]]; }
lacks() { [[ "$1" != *"$2"* ]]; }

run 'quit\n'
check "quit exits 0 silently" [ "$rc" = 0 -a -z "$out" -a -z "$err" ]

run ''
check "empty input exits 0" [ "$rc" = 0 -a -z "$out" -a -z "$err" ]

run '# a comment\n\n   \n# another\n'
check "blank and comment lines are fine" [ "$rc" = 0 -a -z "$err" ]

run '# comment\n\nbogus\nquit\n'
check "unknown command fails with status 1" [ "$rc" = 1 ]
check "error names <stdin>:3" contains "$err" "error: <stdin>:3: unknown command 'bogus'"
check "error shows the line and a caret" contains "$err" $'  bogus\n  ^^^^^'
check "errors stay off stdout" [ -z "$out" ]

run 'bogus1\nbogus2\n'
check "stops at the first error" contains "$err" "<stdin>:1:"
check "does not run past the first error" lacks "$err" "<stdin>:2:"

run 'bogus1\nquit\nbogus3\n' --keep-going
check "--keep-going reports the failure in the status" [ "$rc" = 1 ]
check "--keep-going runs the next command" contains "$err" "<stdin>:1:"
check "quit still stops a --keep-going run" lacks "$err" "<stdin>:3:"

run 'bogus1\n\nbogus3\n' --keep-going
check "--keep-going reports every failure" contains "$err" "<stdin>:3:"

run 'quit\nbogus\n'
check "nothing runs after quit" [ "$rc" = 0 -a -z "$err" ]

run 'exit\n'
check "exit works like quit" [ "$rc" = 0 -a -z "$err" ]

run 'frob \\\n  nicate\n\nbogus\n' --keep-going
check "continued line is located at its first line" contains "$err" "<stdin>:1: unknown command 'frob'"
check "continued parts are joined with a space" contains "$err" "  frob nicate"
check "line numbers count physical lines" contains "$err" "<stdin>:4:"

run 'frob \\\n'
check "input ending inside a continuation still runs it" contains "$err" "<stdin>:1: unknown command 'frob'"

run '# ends with a backslash \\\nbogus\n'
check "a backslash in a comment does not continue" contains "$err" "<stdin>:2:"

run 'quit\r\n'
check "CRLF line endings" [ "$rc" = 0 -a -z "$err" ]

run 'bogus\n'
check "no colour when stderr is not a terminal" lacks "$err" $'\e['
check "no timings in batch mode" lacks "$err" " s)"
check "no prompt or welcome on stdout" [ -z "$out" ]
check "history is not written in batch mode" [ ! -e "$STRATA_HISTORY" ]

# strata run FILE
printf '# script\nquit\n' >"$work/ok.strata"
run '' run "$work/ok.strata"
check "run FILE succeeds" [ "$rc" = 0 -a -z "$err" ]

printf '# script\n\nnope \\\n more\nquit\n' >"$work/bad.strata"
run '' run "$work/bad.strata"
check "run FILE fails with status 1" [ "$rc" = 1 ]
check "run FILE names FILE:LINE" contains "$err" "error: $work/bad.strata:3: unknown command 'nope'"

run '' run "$work/missing.strata"
check "run on a missing file fails" [ "$rc" = 1 ]
check "run on a missing file says why" contains "$err" "no file"

run '' --definitely-not-an-option
check "unknown option is a usage error" [ "$rc" != 0 -a "$rc" != 1 ]

echo "batch.sh: $((checks - failures))/$checks checks passed"
[ "$failures" = 0 ]
