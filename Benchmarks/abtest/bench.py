#!/usr/bin/env python3
"""A/B on a large log with Strata, and with pandas + statsmodels + SciPy, in the same run: load the
CSV, two-proportion z-test on `converted` by `variant`, bootstrap (percentile, seeded) of the
difference in mean `revenue` on the first BOOT_ROWS rows. Each tool is a fresh child process;
peak RSS from os.wait4. Usage: bench.py FILE --strata PATH --resamples N --boot-rows M"""
import argparse, json, os, subprocess, sys

PY_CHILD = r"""
import json, sys, time
path, resamples, boot_rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
import numpy as np, pandas as pd
from statsmodels.stats.proportion import proportions_ztest
from scipy.stats import bootstrap
t0 = time.perf_counter()
frame = pd.read_csv(path, engine="c")
t1 = time.perf_counter()
g = frame.groupby("variant")["converted"].agg(["sum", "count"])
z, p = proportions_ztest([g.loc["B", "sum"], g.loc["A", "sum"]], [g.loc["B", "count"], g.loc["A", "count"]])
t2 = time.perf_counter()
head = frame.iloc[:boot_rows]
a = head.loc[head.variant == "A", "revenue"].to_numpy()
b = head.loc[head.variant == "B", "revenue"].to_numpy()
res = bootstrap((b, a), lambda x, y, axis: np.mean(x, axis=axis) - np.mean(y, axis=axis), n_resamples=resamples,
                method="percentile", vectorized=True, batch=50, random_state=np.random.default_rng(1))
t3 = time.perf_counter()
print(json.dumps({"rows": len(frame), "z": float(z), "p": float(p), "diff": float(b.mean() - a.mean()),
                  "ci_low": float(res.confidence_interval.low), "ci_high": float(res.confidence_interval.high),
                  "load_seconds": t1 - t0, "ztest_seconds": t2 - t1, "bootstrap_seconds": t3 - t2}))
"""

def run(command):
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = child.stdout.read(), child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return {"error": (err.strip().splitlines() or ["failed"])[-1][:160]}
    r = json.loads(out.strip().splitlines()[-1])
    r["peak_rss_mb"] = usage.ru_maxrss / 1024
    return r

p = argparse.ArgumentParser()
p.add_argument("file"); p.add_argument("--strata", required=True)
p.add_argument("--resamples", type=int, default=10_000); p.add_argument("--boot-rows", type=int, default=100_000)
a = p.parse_args()
tools = {"strata": [a.strata, "abtest", a.file, str(a.resamples), str(a.boot_rows)],
         "pandas + statsmodels + SciPy": [sys.executable, "-c", PY_CHILD, a.file, str(a.resamples), str(a.boot_rows)]}
print(f"\n{os.path.basename(a.file)}: z-test on all rows; bootstrap {a.resamples:,} resamples on the first {a.boot_rows:,} rows; one run each\n")
print("| tool | rows | load s | z-test s | bootstrap s | peak RSS MB | z | p | diff | 95% CI |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
for name, cmd in tools.items():
    r = run(cmd)
    if "error" in r:
        print(f"| {name} | failed: {r['error']} |"); continue
    print(f"| {name} | {r['rows']:,} | {r['load_seconds']:.2f} | {r['ztest_seconds']:.3f} | {r['bootstrap_seconds']:.2f} | "
          f"{r['peak_rss_mb']:.0f} | {r['z']:.6f} | {r['p']:.3g} | {r['diff']:.5f} | ({r['ci_low']:.4f}, {r['ci_high']:.4f}) |")
