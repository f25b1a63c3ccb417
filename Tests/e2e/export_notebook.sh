#!/usr/bin/env bash
# `strata export notebook` from the shell: the tour as a Jupyter notebook (valid nbformat 4, one
# code cell per command with its recorded output) and as Markdown, without running anything; with
# --replay the same cells; a bad extension or a failing replay writes nothing.
#
# Usage: Tests/e2e/export_notebook.sh [path/to/strata]
set -u
source "$(dirname "$0")/e2e_lib.bash"

commands=$(grep -c '^[a-z]' sessions/tour.strata)
out=$("$bin" export notebook sessions/tour.strata "$work/tour.ipynb" 2>&1); rc=$?
check "the tour exports as a notebook ($out)" [ "$rc" = 0 ]
check "one cell per command" contains "$out" "wrote $commands cells to $work/tour.ipynb (Jupyter notebook, recorded output)"
"$bin" export notebook sessions/tour.strata "$work/tour.md" >/dev/null 2>&1
md=$(cat "$work/tour.md" 2>/dev/null)
check "the Markdown has each command in its own block" [ "$(grep -c '^```strata' "$work/tour.md")" = "$commands" ]
check "comments become prose" contains "$md" "A five-minute tour of Strata on the bundled data."
check "the recorded output is there" contains "$md" "tx: 106,469 rows × 8 columns from datasets/transactions.csv"

out=$("$bin" export notebook sessions/tour.strata "$work/replayed.md" --replay 2>&1); rc=$?
check "--replay exports ($out)" [ "$rc" = 0 ]
check "--replay gives the same notebook as the recorded output" cmp -s "$work/tour.md" "$work/replayed.md"

out=$("$bin" export notebook sessions/tour.strata "$work/tour.txt" 2>&1); rc=$?
check "a bad extension is refused ($out)" [ "$rc" != 0 ]
check "a bad extension says what to use" contains "$out" "ends in .ipynb or .md"
printf 'load "%s/missing.csv" as t\n' "$work" > "$work/bad.strata"
out=$("$bin" export notebook "$work/bad.strata" "$work/bad.md" --replay 2>&1); rc=$?
check "a failing replay fails ($out)" [ "$rc" = 1 ]
check "a failing replay names the line" contains "$out" "bad.strata:1"
check "a failing replay writes nothing" [ ! -e "$work/bad.md" ]

# Valid nbformat 4 (the nbformat package, from PyPI into a scratch venv when missing).
py=python3
if ! $py -c 'import nbformat' 2>/dev/null; then
  python3 -m venv "$work/venv" >/dev/null && "$work/venv/bin/pip" install -q nbformat >/dev/null 2>&1 && py="$work/venv/bin/python"
fi
out=$($py -c 'import nbformat, sys; nb = nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); print(sum(c.cell_type == "code" for c in nb.cells))' "$work/tour.ipynb" 2>&1); rc=$?
check "the .ipynb is valid nbformat 4 ($out)" [ "$rc" = 0 ]
check "the .ipynb has a code cell per command" [ "$out" = "$commands" ]

echo "export_notebook.sh: $((checks - failures))/$checks checks passed"
[ "$failures" = 0 ]
