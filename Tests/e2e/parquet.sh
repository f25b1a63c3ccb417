#!/usr/bin/env bash
# End-to-end Parquet checks with the built binary: load a pyarrow-written fixture, show its schema
# from the footer, export it (and a bundled CSV) as Parquet, and read those files back with
# pyarrow and polars (from PyPI, into a venv this script creates when they are missing): same
# rows, same columns, same values. A session that loads Parquet records the file's hash and rows.
#
# Usage: Tests/e2e/parquet.sh [path/to/strata]
set -u
source "$(dirname "$0")/e2e_lib.bash"
fixtures=Tests/StrataEngineTests/Fixtures/parquet

cat > "$work/s.strata" <<STRATA
schema "$fixtures/types_snappy_v1.parquet"
load "$fixtures/types_snappy_v1.parquet" as t
load "$fixtures/spark_parts" cols=id,city as parts
load "$fixtures/nested.parquet" as nested
load "datasets/transactions.csv" as tx
export t "$work/t.parquet"
export tx "$work/tx.parquet"
export tx "$work/tx.csv"
load "$work/tx.parquet" as back
save session "$work/saved.strata"
STRATA
out=$("$bin" run "$work/s.strata" 2>&1); rc=$?
check "the Parquet session runs ($out)" [ "$rc" = 0 ]
check "schema shows the footer" contains "$out" "INT64 TIMESTAMP(ms, UTC)"
check "a part folder loads" contains "$out" "parts: 240 rows × 2 columns"
check "nested columns are named" contains "$out" "column tags skipped: a list"
check "the export is reported" contains "$out" "(Parquet, Snappy)"
header=$(grep '^# file:' "$work/saved.strata" 2>/dev/null)
check "the session header records the Parquet file with its rows" contains "$header" "types_snappy_v1.parquet\" sha256="
check "the session header records the part folder" contains "$header" "spark_parts\" sha256="
check "the saved session replays" "$bin" check "$work/saved.strata"

bad=$(printf 'load "%s/mismatch_parts"\n' "$fixtures" | "$bin" 2>&1)
check "mismatched part files name both ($bad)" contains "$bad" "part-00000.parquet"

py=python3
if ! $py -c 'import pyarrow, polars' 2>/dev/null; then
  if [ -x /work/venv-parquet/bin/python ] && /work/venv-parquet/bin/python -c 'import pyarrow, polars' 2>/dev/null; then
    py=/work/venv-parquet/bin/python
  else
    python3 -m venv "$work/venv" >/dev/null && "$work/venv/bin/pip" install -q pyarrow polars >/dev/null 2>&1 && py="$work/venv/bin/python"
  fi
fi
if $py -c 'import pyarrow, polars' 2>/dev/null; then
  out=$($py - "$work" "$fixtures" <<'PYEOF' 2>&1
import sys, math, datetime as dt
import pyarrow.parquet as pq, pyarrow.csv as pc, polars as pl
work, fixtures = sys.argv[1], sys.argv[2]
mine = pq.read_table(f"{work}/t.parquet")
orig = pq.read_table(f"{fixtures}/types_snappy_v1.parquet")
assert mine.num_rows == orig.num_rows == 240, mine.num_rows
assert mine.column_names == orig.column_names, mine.column_names
for name in orig.column_names:
    a, b = mine[name].to_pylist(), orig[name].to_pylist()
    for x, y in zip(a, b):
        if isinstance(y, float) and x is not None:
            assert x == y or (math.isnan(x) and math.isnan(y)), (name, x, y)
        elif isinstance(y, dt.datetime):
            assert x == y.replace(microsecond=0, tzinfo=None), (name, x, y)
        else:
            assert x == y, (name, x, y)
meta = pq.ParquetFile(f"{work}/t.parquet").metadata
col = meta.row_group(0).column(meta.schema.names.index("city"))
assert col.compression == "SNAPPY", col.compression
assert "RLE_DICTIONARY" in col.encodings, col.encodings
assert col.statistics.has_min_max and col.statistics.null_count > 0, col.statistics
tx = pq.read_table(f"{work}/tx.parquet")
csv = pc.read_csv(f"{work}/tx.csv")
assert tx.num_rows == csv.num_rows and tx.column_names == csv.column_names
polars = pl.read_parquet(f"{work}/tx.parquet")
assert polars.height == tx.num_rows
print("pyarrow and polars read Strata's files:", mine.num_rows, tx.num_rows)
PYEOF
); rc=$?
  check "pyarrow and polars read Strata's Parquet back equal ($out)" [ "$rc" = 0 ]
else
  echo "parquet.sh: SKIPPED the pyarrow/polars read-back: no Python with pyarrow and polars, and PyPI could not be reached" >&2
fi

echo "parquet.sh: $((checks - failures))/$checks checks passed"
[ "$failures" = 0 ]
