#!/usr/bin/env python3
"""Ward (first 10k rows, cut to k) and DBSCAN (first 50k rows) with Strata, SciPy and scikit-learn
in the same run, on a gen_blobs file; compares the results (ARI between the tools and against the
generating label, cluster sizes, noise) and the median times of the repeats.

Peers as in ../shared/peers/bench_cluster.py: AgglomerativeClustering(n_clusters=k, linkage="ward")
(SciPy's nn-chain underneath, one thread), SciPy linkage(method="ward") + fcluster(maxclust) alone,
DBSCAN(eps, min_samples, n_jobs=t) for t = 1, 2 with BLAS/OpenMP limited by threadpoolctl.
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time

import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.cluster import DBSCAN, AgglomerativeClustering
from sklearn.metrics import adjusted_rand_score
from threadpoolctl import threadpool_limits


def timed(fn, repeats):
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def describe(labels, truth):
    labels = np.asarray(labels)
    clustered = labels[labels >= 0]
    sizes = np.bincount(clustered) if clustered.size else np.array([0])
    return (f"clusters={len(set(clustered.tolist()))} sizes={sizes.min()}..{sizes.max()} "
            f"noise={(labels == -1).sum()} ARI(label)={adjusted_rand_score(truth, labels):.4f}")


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("csv")
    p.add_argument("--strata", required=True, help="path of the release strata-bench executable")
    p.add_argument("--k", type=int, default=6)
    p.add_argument("--ward-rows", type=int, default=10_000)
    p.add_argument("--dbscan-rows", type=int, default=50_000)
    p.add_argument("--eps", type=float, default=1.5)
    p.add_argument("--min-samples", type=int, default=10)
    p.add_argument("--repeats", type=int, default=3)
    a = p.parse_args()

    print("# load average (1, 5, 15 min) at the start: " + ", ".join(f"{v:.1f}" for v in os.getloadavg()))
    df = pd.read_csv(a.csv)
    truth = df["label"].to_numpy()
    X = df.drop(columns=["label"]).to_numpy(dtype=np.float64)
    xw, xd = X[:a.ward_rows], X[:a.dbscan_rows]
    rows = []

    with tempfile.TemporaryDirectory() as tmp:
        prefix = tmp + "/strata_"
        out = subprocess.run([a.strata, "ward-dbscan", a.csv, str(a.ward_rows), str(a.k), str(a.dbscan_rows),
                              str(a.eps), str(a.min_samples), str(a.repeats), prefix],
                             check=True, capture_output=True, text=True).stdout
        strata = json.loads(out)
        strata_ward = np.loadtxt(prefix + "ward.txt", dtype=int)
        strata_dbscan = np.loadtxt(prefix + "dbscan.txt", dtype=int)

    with threadpool_limits(1):
        t_agg, agg = timed(lambda: AgglomerativeClustering(n_clusters=a.k, linkage="ward").fit_predict(xw), a.repeats)
        t_scipy, sp = timed(lambda: fcluster(linkage(xw, method="ward"), a.k, criterion="maxclust") - 1, a.repeats)
    rows.append(("Ward", "strata", 2, strata["ward_seconds"], describe(strata_ward, truth[:len(xw)])
                 + f" ARI(sklearn)={adjusted_rand_score(agg, strata_ward):.4f}"))
    rows.append(("Ward", "sklearn AgglomerativeClustering", 1, t_agg, describe(agg, truth[:len(xw)])))
    rows.append(("Ward", "scipy linkage+fcluster", 1, t_scipy, describe(sp, truth[:len(xw)])
                 + f" ARI(sklearn)={adjusted_rand_score(agg, sp):.4f}"))

    sk = None
    for threads in (1, 2):
        with threadpool_limits(threads):
            t, sk = timed(lambda: DBSCAN(eps=a.eps, min_samples=a.min_samples, n_jobs=threads).fit_predict(xd),
                          a.repeats)
        rows.append(("DBSCAN", "sklearn", threads, t, describe(sk, truth[:len(xd)])))
    same = "identical" if np.array_equal(sk, strata_dbscan) else f"ARI {adjusted_rand_score(sk, strata_dbscan):.4f}"
    rows.insert(3, ("DBSCAN", "strata", 2, strata["dbscan_seconds"], describe(strata_dbscan, truth[:len(xd)])
                    + f" vs sklearn: {same}"))

    print("# load average (1, 5, 15 min) at the end: " + ", ".join(f"{v:.1f}" for v in os.getloadavg()))
    print(f"# {a.csv}: Ward on first {len(xw)} rows (k={a.k}); DBSCAN on first {len(xd)} rows "
          f"(eps={a.eps}, min_samples={a.min_samples}); median of {a.repeats}")
    print("| task | tool | threads | median s | result |")
    print("|---|---|---:|---:|---|")
    for task, tool, threads, seconds, result in rows:
        print(f"| {task} | {tool} | {threads} | {seconds:.3f} | {result} |")


if __name__ == "__main__":
    main()
