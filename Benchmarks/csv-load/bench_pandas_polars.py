#!/usr/bin/env python3
"""Times pandas.read_csv (C engine) and polars.read_csv on one CSV file.

Usage: bench_pandas_polars.py FILE [REPEATS]

Tools: pandas (C engine, defaults; timestamps stay text), polars with its default inference
(the first 100 rows; fails on online_retail.csv, whose InvoiceNo turns to text on line 143),
and polars inferring from every row (infer_schema_length=None), as Strata does.

Each measurement runs in a fresh child process, so its peak RSS covers one load only: the
interpreter and library imports plus the parsed frame. The child is reaped with os.wait4, whose
rusage belongs to that child alone (getrusage(RUSAGE_CHILDREN) would report the largest child
so far, mixing pandas and polars). Reports the best wall time of REPEATS runs (default 3) and
the largest peak RSS seen.
"""
import json
import os
import subprocess
import sys

CHILD = r"""
import json, sys, time
tool, path = sys.argv[1], sys.argv[2]
if tool == "pandas":
    import pandas as pd
    start = time.perf_counter()
    frame = pd.read_csv(path, engine="c")
    seconds = time.perf_counter() - start
    rows = len(frame)
else:
    import polars as pl
    start = time.perf_counter()
    if tool == "polars-all-rows":
        frame = pl.read_csv(path, infer_schema_length=None)
    else:
        frame = pl.read_csv(path)
    seconds = time.perf_counter() - start
    rows = frame.height
print(json.dumps({"rows": rows, "seconds": seconds}))
"""


def measure(tool: str, path: str) -> dict:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, tool, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    output = child.stdout.read()
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        last = errors.strip().splitlines()[-1] if errors.strip() else "no message"
        return {"error": last[:160]}
    result = json.loads(output)
    result["peak_rss_mb"] = usage.ru_maxrss / 1024  # Linux reports kilobytes
    return result


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    for tool in ("pandas", "polars", "polars-all-rows"):
        runs = [measure(tool, path) for _ in range(repeats)]
        failed = [r for r in runs if "error" in r]
        if failed:
            print(f"{tool:15s} failed: {failed[0]['error']}")
            continue
        best = min(runs, key=lambda r: r["seconds"])
        print(f"{tool:15s} rows={best['rows']} best_seconds={best['seconds']:.3f} "
              f"peak_rss_mb={max(r['peak_rss_mb'] for r in runs):.0f} "
              f"all_seconds={[round(r['seconds'], 3) for r in runs]}")


if __name__ == "__main__":
    main()
