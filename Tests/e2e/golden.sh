#!/usr/bin/env bash
# Replays each Tests/e2e/golden/NAME.strata in batch mode and compares stdout and stderr with
# NAME.out byte for byte: output must be identical on every run and machine.
# Regenerate after an intended change: UPDATE=1 Tests/e2e/golden.sh [strata]
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$here/.build/debug/strata}
[ -x "$bin" ] || { echo "golden.sh: no executable at $bin" >&2; exit 2; }
cd "$here"
export STRATA_HISTORY=/dev/null
fail=0
for script in Tests/e2e/golden/*.strata; do
  expected=${script%.strata}.out
  actual=$("$bin" --keep-going < "$script" 2>&1)
  if [ "${UPDATE:-0}" = 1 ]; then printf '%s\n' "$actual" > "$expected"; continue; fi
  if ! diff -u "$expected" <(printf '%s\n' "$actual") >/tmp/golden.diff; then
    echo "golden FAILED: $script" >&2; head -40 /tmp/golden.diff >&2; fail=1
  fi
done
exit $fail
