#!/usr/bin/env python3
"""k-means and exact silhouette with Strata and scikit-learn side by side, in one run.

Usage: bench.py FILE --k K --strata PATH/TO/strata-bench [--n-init 3] [--max-iter 100] [--sil 20000]
                [--repeats 3] [--seed 0]

Data: numeric columns of FILE except `label` (gen_blobs.py output).
- scikit-learn: KMeans(n_clusters=K, init="k-means++", n_init, max_iter, random_state=seed,
  algorithm="lloyd" and "elkan"), tol 1e-4 (default); silhouette_score on the first SIL rows with
  the labels of the lloyd fit (as ../shared/peers/bench_cluster.py does). All cores (BLAS/OpenMP default).
- Strata: `strata-bench cluster` with the same K, n_init, max_iter, seed and tol; algorithms lloyd,
  hamerly and auto; silhouette of the first SIL rows with the labels of its own lloyd fit.
Each figure is the median of REPEATS runs: wall seconds, and process CPU seconds (all threads),
which is the steadier figure on a shared machine.
"""
import argparse
import json
import statistics
import subprocess
import time


def timed(fn, repeats):
    walls, cpus, result = [], [], None
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus), result


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("csv")
    p.add_argument("--k", type=int, required=True)
    p.add_argument("--strata", required=True)
    p.add_argument("--n-init", type=int, default=3)
    p.add_argument("--max-iter", type=int, default=100)
    p.add_argument("--sil", type=int, default=20000)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()

    import numpy as np
    import pandas as pd
    import sklearn
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    rows = []
    frame = pd.read_csv(a.csv)
    X = np.ascontiguousarray(frame.drop(columns=[c for c in ["label"] if c in frame]).to_numpy(dtype=np.float64))
    n, d = X.shape
    labels = None
    for algo in ("lloyd", "elkan"):
        fit = lambda: KMeans(n_clusters=a.k, init="k-means++", n_init=a.n_init, max_iter=a.max_iter,  # noqa: E731
                             random_state=a.seed, algorithm=algo).fit(X)
        wall, cpu, model = timed(fit, a.repeats)
        rows.append((f"k-means {algo}", "scikit-learn", wall, cpu,
                     f"inertia {model.inertia_:,.2f}, {model.n_iter_} iterations"))
        if labels is None:
            labels = model.labels_
    m = min(n, a.sil)
    if m > 1:
        wall, cpu, s = timed(lambda: silhouette_score(X[:m], labels[:m]), a.repeats)
        rows.append((f"silhouette, first {m:,} rows", "scikit-learn", wall, cpu, f"silhouette {s:.6f}"))

    out = subprocess.run([a.strata, "cluster", a.csv, str(a.k), "--n-init", str(a.n_init), "--max-iter",
                          str(a.max_iter), "--seed", str(a.seed), "--algorithms", "lloyd,hamerly,auto",
                          "--sil", str(a.sil), "--repeats", str(a.repeats)],
                         capture_output=True, text=True, check=True).stdout
    r = json.loads(out.strip().splitlines()[-1])
    for algo in ("lloyd", "hamerly", "auto"):
        e = r[f"kmeans_{algo}"]
        rows.append((f"k-means {algo}", "strata", e["seconds"], e["cpu_seconds"],
                     f"inertia {e['inertia']:,.2f}, {e['iterations']} iterations"))
    if m > 1:
        e = r[f"silhouette_first_{m}"]
        rows.append((f"silhouette, first {m:,} rows", "strata", e["seconds"], e["cpu_seconds"],
                     f"silhouette {e['silhouette']:.6f}"))

    print(f"\n{a.csv}: n={n:,} d={d} k={a.k} n_init={a.n_init} max_iter={a.max_iter} seed={a.seed} "
          f"repeats={a.repeats} (scikit-learn {sklearn.__version__}, numpy {np.__version__})")
    print("| measurement | tool | wall s | CPU s | quality |")
    print("|---|---|---:|---:|---|")
    for name, tool, wall, cpu, quality in sorted(rows, key=lambda t: (not t[0].startswith("k-means"), t[1], t[0])):
        print(f"| {name} | {tool} | {wall:.3f} | {cpu:.3f} | {quality} |")


if __name__ == "__main__":
    main()
