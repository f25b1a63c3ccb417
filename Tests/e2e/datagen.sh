#!/usr/bin/env bash
# Byte-identical regeneration: strata-datagen with the default seed rewrites every file under
# datasets/ (kpis.csv included) exactly, and writes no file that is not checked in.
#
# Usage: Tests/e2e/datagen.sh [path/to/strata-datagen]   (default: the release build, built if missing;
# the debug build works too but takes minutes)
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
gen=${1:-.build/release/strata-datagen}
if [ ! -x "$gen" ]; then swift build -c release --product strata-datagen >&2 || exit 2; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$gen" --out "$work" > /dev/null || { echo "FAIL: strata-datagen did not run" >&2; exit 1; }
failures=0
for made in "$work"/*.csv; do
  name=$(basename "$made")
  if ! cmp -s "$made" "datasets/$name"; then echo "FAIL: datasets/$name differs from a fresh run" >&2; failures=$((failures + 1)); fi
done
for shipped in datasets/*.csv; do
  [ -f "$work/$(basename "$shipped")" ] || { echo "FAIL: $shipped is not made by strata-datagen" >&2; failures=$((failures + 1)); }
done
echo "datagen.sh: $(ls "$work"/*.csv | wc -l) files regenerated, $failures differences"
[ "$failures" = 0 ]
