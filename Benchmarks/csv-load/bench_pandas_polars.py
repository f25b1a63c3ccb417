#!/usr/bin/env python3
"""Times pandas.read_csv (C engine) and polars.read_csv on one CSV file.

Usage: bench_pandas_polars.py FILE [REPEATS]

Each measurement runs in a fresh child process, so its peak RSS (ru_maxrss of that child) covers
one load only: the interpreter and library imports plus the parsed frame. Reports the best wall
time of REPEATS runs (default 3) and the largest peak RSS seen.
"""
import json
import resource
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
    frame = pl.read_csv(path)
    seconds = time.perf_counter() - start
    rows = frame.height
print(json.dumps({"rows": rows, "seconds": seconds}))
"""


def measure(tool: str, path: str) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run([sys.executable, "-c", CHILD, tool, path], capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = json.loads(done.stdout)
    # RUSAGE_CHILDREN keeps the maximum over all children so far; a later child only shows if larger.
    result["peak_rss_mb"] = max(before, after) / 1024
    return result


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    for tool in ("pandas", "polars"):
        runs = [measure(tool, path) for _ in range(repeats)]
        best = min(runs, key=lambda r: r["seconds"])
        print(f"{tool:7s} rows={best['rows']} best_seconds={best['seconds']:.3f} "
              f"peak_rss_mb={max(r['peak_rss_mb'] for r in runs):.0f} "
              f"all_seconds={[round(r['seconds'], 3) for r in runs]}")


if __name__ == "__main__":
    main()
