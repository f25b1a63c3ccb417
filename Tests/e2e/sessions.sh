#!/usr/bin/env bash
# End-to-end checks of sessions with the built binary: every bundled session replays to its
# recorded output; save → check round trip; edited output and changed data are caught; a broken
# file runs nothing; --dry-run, --set; 1 and 2 threads give identical output; notebooks are valid
# nbformat 4 (validated with the nbformat package from PyPI).
#
# Usage: Tests/e2e/sessions.sh [path/to/strata]
set -u
source "$(dirname "$0")/e2e_lib.bash"

# Every bundled session is an end-to-end test.
out=$(STRATA_THREADS=2 "$bin" check sessions/*.strata 2>&1); rc=$?
check "bundled sessions match their recorded output" [ "$rc" = 0 ]
[ "$rc" = 0 ] || printf '%s\n' "$out" | head -60 >&2

# Save at the end of a piped session, then check the saved file.
cat > "$work/make.strata" <<SCRIPT
load "datasets/customers.csv" as customers
# the sample is seeded: the same rows every time
sample customers n=50 seed=9 as few
group few by country agg n = count(), spend = mean(spend)
save session "$work/saved.strata"
export notebook "$work/saved.ipynb"
export notebook "$work/saved.md"
SCRIPT
"$bin" run "$work/make.strata" >/dev/null 2>&1
check "save session writes the file" [ -f "$work/saved.strata" ]
out=$("$bin" check "$work/saved.strata" 2>&1); rc=$?
check "a saved session checks clean" [ "$rc" = 0 ]
check "check says all cells match" contains "$out" "all 3 cells match"
check "comments survive" contains "$(cat "$work/saved.strata")" "# the sample is seeded"

# An edited output fails the check and names the cell.
sed 's/^#> few: 50 rows sampled/#> few: 51 rows sampled/' "$work/saved.strata" > "$work/edited.strata"
out=$("$bin" check "$work/edited.strata" 2>&1); rc=$?
check "edited output fails the check" [ "$rc" = 1 ]
check "the failing cell is named" contains "$out" "cell 2 output differs: sample customers n=50 seed=9 as few"
check "a unified diff is shown" contains "$out" "-few: 51 rows sampled"

# A changed data file is named before the command that reads it.
mkdir -p "$work/data"; head -201 datasets/customers.csv > "$work/data/c.csv"
printf 'load "%s" as c\nshow c head 2\nsave session "%s"\n' "$work/data/c.csv" "$work/c.strata" | "$bin" >/dev/null 2>&1
head -151 datasets/customers.csv > "$work/data/c.csv"
out=$("$bin" run "$work/c.strata" 2>&1); rc=$?
check "changed data is warned about" contains "$out" "has changed since the session was saved"
out=$("$bin" check "$work/c.strata" 2>&1); rc=$?
check "changed data fails the check" [ "$rc" = 1 ]

# A syntax error anywhere runs nothing.
printf 'export customers "%s"\nload "datasets/customers.csv" as customers\nfilterr customers where age > 1\n' "$work/never.csv" > "$work/broken.strata"
out=$("$bin" run "$work/broken.strata" 2>&1); rc=$?
check "a broken session fails" [ "$rc" = 1 ]
check "the error names file:line" contains "$out" "broken.strata:3"
check "nothing ran" [ ! -e "$work/never.csv" ]

# --dry-run lists files and runs nothing; --set overrides a parameter.
printf 'param n = 3\nload "datasets/customers.csv" as customers\nsample customers n=$n seed=1 as s\nexport s "%s"\n' "$work/s.csv" > "$work/param.strata"
out=$("$bin" run --dry-run "$work/param.strata" 2>&1); rc=$?
check "dry run succeeds" [ "$rc" = 0 ]
check "dry run lists reads" contains "$out" "datasets/customers.csv"
check "dry run lists writes" contains "$out" "$work/s.csv"
check "dry run writes nothing" [ ! -e "$work/s.csv" ]
out=$("$bin" run "$work/param.strata" --set n=7 2>&1); rc=$?
check "--set overrides the default" contains "$out" "s: 7 rows sampled"
check "the export ran" [ "$(wc -l < "$work/s.csv")" = 8 ]
out=$("$bin" run "$work/param.strata" --set m=7 2>&1)
check "an unused --set is reported" contains "$out" "--set m=… was not used"

# One thread or two: the same bytes. Every bundled session matched its recording above on the
# default thread count (2 here); on one thread it must match the same recording.
out=$(STRATA_THREADS=1 "$bin" check sessions/*.strata 2>&1); rc=$?
check "bundled sessions match on one thread too" [ "$rc" = 0 ]
[ "$rc" = 0 ] || printf '%s\n' "$out" | head -60 >&2
one=$(STRATA_THREADS=1 "$bin" run sessions/tour.strata 2>&1)
two=$(STRATA_THREADS=2 "$bin" run sessions/tour.strata 2>&1)
check "1 and 2 threads give identical output" [ "$one" = "$two" ]

# The Jupyter notebook validates against the nbformat schema.
py=python3
if ! $py -c 'import nbformat' 2>/dev/null; then
  python3 -m venv "$work/venv" >/dev/null && "$work/venv/bin/pip" install -q nbformat >/dev/null 2>&1 && py="$work/venv/bin/python"
fi
out=$($py -c 'import nbformat, sys; nb = nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); print(len(nb.cells))' "$work/saved.ipynb" 2>&1); rc=$?
check "the .ipynb is valid nbformat 4 ($out)" [ "$rc" = 0 ]
check "the Markdown notebook has the commands" contains "$(cat "$work/saved.md")" '```strata'

echo "sessions.sh: $((checks - failures))/$checks checks passed"
[ "$failures" = 0 ]
