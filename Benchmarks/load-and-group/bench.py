#!/usr/bin/env python3
"""Load a CSV file and group it by a key column (count and mean of a value column), with Strata,
pandas and polars side by side in one run.

Usage: bench.py FILE KEY VALUE --strata PATH/TO/strata-bench [--repeats 3]

Each measurement is a fresh child process; peak RSS comes from os.wait4 for that child alone.
Reports the best load and group times of the repeats and the largest peak RSS.
- pandas: read_csv (C engine, defaults), then groupby(KEY)[VALUE].agg(["count", "mean"]).
- polars: read_csv with its default inference (first 100 rows), and with infer_schema_length=None
  (every row, as Strata infers); then group_by(KEY).agg(len, mean).
- strata: Benchmarks/strata-bench (CSVReader.read, then Table.grouped), release build.
"""
import argparse
import json
import os
import subprocess
import sys

PY_CHILD = r"""
import json, sys, time
tool, path, key, value = sys.argv[1:5]
start = time.perf_counter()
if tool == "pandas":
    import pandas as pd
    start = time.perf_counter()
    frame = pd.read_csv(path, engine="c")
    loaded = time.perf_counter()
    groups = frame.groupby(key)[value].agg(["count", "mean"])
    rows, n = len(frame), len(groups)
else:
    import polars as pl
    start = time.perf_counter()
    frame = pl.read_csv(path, infer_schema_length=None) if tool == "polars-all-rows" else pl.read_csv(path)
    loaded = time.perf_counter()
    groups = frame.group_by(key).agg(pl.len(), pl.col(value).mean())
    rows, n = frame.height, groups.height
done = time.perf_counter()
print(json.dumps({"rows": rows, "groups": n, "load_seconds": loaded - start, "group_seconds": done - loaded}))
"""


def run(command):
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    output = child.stdout.read()
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        lines = (output.strip() + "\n" + errors.strip()).strip().splitlines()
        return {"error": (lines[-1] if lines else "failed")[:120]}
    result = json.loads(output.strip().splitlines()[-1])
    result["peak_rss_mb"] = usage.ru_maxrss / 1024
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file"); p.add_argument("key"); p.add_argument("value")
    p.add_argument("--strata", required=True); p.add_argument("--repeats", type=int, default=3)
    a = p.parse_args()
    tools = {
        "strata": [a.strata, "load-and-group", a.file, a.key, a.value],
        "pandas": [sys.executable, "-c", PY_CHILD, "pandas", a.file, a.key, a.value],
        "polars": [sys.executable, "-c", PY_CHILD, "polars", a.file, a.key, a.value],
        "polars (all rows inferred)": [sys.executable, "-c", PY_CHILD, "polars-all-rows", a.file, a.key, a.value],
    }
    print(f"\n{os.path.basename(a.file)}: group by {a.key}, count and mean of {a.value}; best of {a.repeats}\n")
    print("| tool | rows | groups | load s | group s | total s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, command in tools.items():
        runs = [run(command) for _ in range(a.repeats)]
        bad = [r for r in runs if "error" in r]
        if bad:
            print(f"| {name} | failed: {bad[0]['error']} | | | | | |")
            continue
        load = min(r["load_seconds"] for r in runs)
        group = min(r["group_seconds"] for r in runs)
        total = min(r["load_seconds"] + r["group_seconds"] for r in runs)
        rss = max(r["peak_rss_mb"] for r in runs)
        print(f"| {name} | {runs[0]['rows']:,} | {runs[0]['groups']:,} | {load:.3f} | {group:.3f} | {total:.3f} | {rss:.0f} |")


if __name__ == "__main__":
    main()
