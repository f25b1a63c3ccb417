#!/usr/bin/env bash
# Parquet read and write, Strata beside pyarrow (read_table / write_table), polars and pandas
# (pyarrow engine), on the 10-million-row ratings file and on online-retail, in one run. Every
# figure is the median of REPEATS runs (default 3) of a whole-file read or a Snappy write.
# Inputs are written once by pyarrow (Snappy, its defaults) from the CSVs:
#   ratings: ../shared/peers/gen_ratings.py --users 100000 --items 20000 --ratings 10000000 --seed 7
#   retail:  ../shared/data/online-retail/online_retail.csv
# Needs a venv with pyarrow, polars and pandas ($VENV, default /work/venv-parquet; created when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${VENV:-/work/venv-parquet}
REPEATS=${REPEATS:-3}
WORK=${WORK:-/tmp/strata-parquet-bench}
mkdir -p "$WORK"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q pyarrow polars pandas numpy
fi
PY=$VENV/bin/python
if [ ! -f "$WORK/ratings.csv" ]; then
    "$PY" ../shared/peers/gen_ratings.py --users 100000 --items 20000 --ratings 10000000 --seed 7 --out "$WORK/ratings.csv" >&2
fi
"$PY" - "$WORK" <<'PYEOF'
import os, sys, pyarrow.csv as pc, pyarrow.parquet as pq
work = sys.argv[1]
for name, csv in [("ratings", os.path.join(work, "ratings.csv")), ("retail", "../shared/data/online-retail/online_retail.csv")]:
    out = os.path.join(work, name + ".parquet")
    if not os.path.exists(out):
        pq.write_table(pc.read_csv(csv), out)
PYEOF
swift build -c release --product strata-bench >&2
for name in ratings retail; do
    in="$WORK/$name.parquet"
    strata=$(.build/release/strata-bench parquet "$in" "$WORK/$name.strata.parquet" "$REPEATS")
    STRATA="$strata" "$PY" - "$in" "$WORK" "$REPEATS" "$name" <<'PYEOF'
import json, os, statistics, sys, time
import pyarrow, pyarrow.parquet as pq, polars as pl, pandas as pd
path, work, repeats, name = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
def median_time(f):
    times = []
    for _ in range(repeats):
        t = time.perf_counter(); f(); times.append(time.perf_counter() - t)
    return statistics.median(times)
table = pq.read_table(path)
frame_pl = pl.read_parquet(path)
frame_pd = pd.read_parquet(path, engine="pyarrow")
rows = [
    ("pyarrow", median_time(lambda: pq.read_table(path)), median_time(lambda: pq.write_table(table, os.path.join(work, "w.pa.parquet")))),
    ("polars", median_time(lambda: pl.read_parquet(path)), median_time(lambda: frame_pl.write_parquet(os.path.join(work, "w.pl.parquet"), compression="snappy"))),
    ("pandas (pyarrow)", median_time(lambda: pd.read_parquet(path, engine="pyarrow")), median_time(lambda: frame_pd.to_parquet(os.path.join(work, "w.pd.parquet"), engine="pyarrow"))),
]
s = json.loads(os.environ["STRATA"])
# Strata's own output must read back in pyarrow with the same shape.
back = pq.read_table(os.path.join(work, name + ".strata.parquet"))
assert back.num_rows == table.num_rows, (back.num_rows, table.num_rows)
print(f"{name}: {table.num_rows:,} rows x {table.num_columns} columns, {os.path.getsize(path)/1e6:.1f} MB (pyarrow {pyarrow.__version__}, polars {pl.__version__}, pandas {pd.__version__}); Strata threads {s['threads']}")
print(f"  {'':18s} {'read s':>8s} {'write s':>8s}")
print(f"  {'strata':18s} {s['read_seconds']:8.3f} {s['write_seconds']:8.3f}")
for n, r, w in rows:
    print(f"  {n:18s} {r:8.3f} {w:8.3f}")
pa_read, pa_write = rows[0][1], rows[0][2]
print(f"  strata/pyarrow: read {s['read_seconds']/pa_read:.2f}x (target <= 1.5), write {s['write_seconds']/pa_write:.2f}x (target <= 2); "
      f"strata/pandas read {s['read_seconds']/rows[2][1]:.2f}x (target < 1)")
PYEOF
done
