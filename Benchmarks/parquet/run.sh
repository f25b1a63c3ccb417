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
SHARED=${SHARED:-../shared}
REPEATS=${REPEATS:-3}
WORK=${WORK:-/tmp/strata-parquet-bench}
mkdir -p "$WORK"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q pyarrow polars pandas numpy
fi
PY=$VENV/bin/python
if [ ! -f "$WORK/ratings.csv" ]; then
    "$PY" "$SHARED/peers/gen_ratings.py" --users 100000 --items 20000 --ratings 10000000 --seed 7 --out "$WORK/ratings.csv" >&2
fi
"$PY" - "$WORK" "$SHARED" <<'PYEOF'
import os, sys, pyarrow.csv as pc, pyarrow.parquet as pq
work, shared = sys.argv[1], sys.argv[2]
for name, csv in [("ratings", os.path.join(work, "ratings.csv")), ("retail", os.path.join(shared, "data/online-retail/online_retail.csv"))]:
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
def timed(f):
    """Median wall and CPU seconds (CPU over all threads: a busy machine does not inflate it)."""
    walls, cpus = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        f()
        walls.append(time.perf_counter() - w); cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus)
table = pq.read_table(path)
frame_pl = pl.read_parquet(path)
frame_pd = pd.read_parquet(path, engine="pyarrow")
rows = [
    ("pyarrow", timed(lambda: pq.read_table(path)), timed(lambda: pq.write_table(table, os.path.join(work, "w.pa.parquet")))),
    ("polars", timed(lambda: pl.read_parquet(path)), timed(lambda: frame_pl.write_parquet(os.path.join(work, "w.pl.parquet"), compression="snappy"))),
    ("pandas (pyarrow)", timed(lambda: pd.read_parquet(path, engine="pyarrow")), timed(lambda: frame_pd.to_parquet(os.path.join(work, "w.pd.parquet"), engine="pyarrow"))),
]
s = json.loads(os.environ["STRATA"])
# Strata's own output must read back in pyarrow with the same rows and columns.
back = pq.read_table(os.path.join(work, name + ".strata.parquet"))
assert back.num_rows == table.num_rows and back.column_names == table.column_names, (back.num_rows, back.column_names)
print(f"{name}: {table.num_rows:,} rows x {table.num_columns} columns, {os.path.getsize(path)/1e6:.1f} MB (pyarrow {pyarrow.__version__}, polars {pl.__version__}, pandas {pd.__version__}); Strata threads {s['threads']}, load average {os.getloadavg()[0]:.1f}")
print(f"  {'':18s} {'read s':>8s} {'read cpu':>9s} {'write s':>8s} {'write cpu':>9s}")
print(f"  {'strata':18s} {s['read_seconds']:8.3f} {s['read_cpu_seconds']:9.3f} {s['write_seconds']:8.3f} {s['write_cpu_seconds']:9.3f}")
for n, (rw, rc), (ww, wc) in rows:
    print(f"  {n:18s} {rw:8.3f} {rc:9.3f} {ww:8.3f} {wc:9.3f}")
(pa_r, pa_rc), (pa_w, pa_wc) = rows[0][1], rows[0][2]
pd_r = rows[2][1][0]
print(f"  strata/pyarrow wall: read {s['read_seconds']/pa_r:.2f}x (target <= 1.5), write {s['write_seconds']/pa_w:.2f}x (target <= 2); "
      f"strata/pandas read {s['read_seconds']/pd_r:.2f}x (target < 1)")
print(f"  strata/pyarrow CPU:  read {s['read_cpu_seconds']/pa_rc:.2f}x, write {s['write_cpu_seconds']/pa_wc:.2f}x")
PYEOF
done
