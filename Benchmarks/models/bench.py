#!/usr/bin/env python3
"""Random forest, gradient boosting and TreeSHAP: the peers' side, one measurement per process.

  bench.py split DATA.csv OUTDIR [--test 0.2] [--seed 42] [--target churn]
      a stratified hold-out split (sklearn train_test_split), written as OUTDIR/train.csv and
      OUTDIR/test.csv, which both Strata and the peers then read.
  bench.py fit MODEL TRAIN.csv TEST.csv [--threads T] [--seed 42] [--target churn]
      MODEL is one of
        rf    sklearn RandomForestClassifier(n_estimators=100, defaults otherwise: sqrt features,
              bootstrap, unlimited depth), n_jobs=T
        hgb   sklearn HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1,
              max_leaf_nodes=31, min_samples_leaf=20, max_bins=255, early_stopping=False)
        lgbm  lightgbm.LGBMClassifier(n_estimators=100, learning_rate=0.1, num_leaves=31,
              min_child_samples=20, max_bin=255), n_jobs=T
      as ../shared/peers/bench_models.py sets them; OpenMP/BLAS limited to T threads with
      threadpoolctl. String columns are one-hot encoded (pandas.get_dummies), `*id` columns dropped.
  bench.py shap TRAIN.csv TEST.csv [--rows 10000] [--depth 8] [--threads T]
      fits RandomForestClassifier(100, max_depth=DEPTH) and times shap.TreeExplainer(forest)
      .shap_values on the first ROWS test rows (class 1), with the additivity gap.
  bench.py table RESULTS.jsonl
      prints the side-by-side table of every line in RESULTS.jsonl.

Each measuring mode prints one JSON line: wall and process-CPU seconds of fit / predict / explain,
hold-out AUC (roc_auc_score) and the process's peak RSS (getrusage ru_maxrss: the interpreter,
pandas, the data and the model).
"""
import argparse
import json
import os
import resource
import sys
import time


def load(path, target, columns=None):
    import numpy as np
    import pandas as pd
    df = pd.read_csv(path)
    y = (df[target].to_numpy() == 1).astype(np.int64)
    X = df.drop(columns=[target] + [c for c in df.columns if c.lower().endswith("id")])
    text = X.select_dtypes(exclude="number").columns.tolist()
    if text:
        X = pd.get_dummies(X, columns=text, dtype=float)
    if columns is not None:
        X = X.reindex(columns=columns, fill_value=0.0)
    return np.ascontiguousarray(X.to_numpy(dtype=np.float64)), y, X.columns.tolist()


class Lap:
    def __init__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def __call__(self):
        wall, cpu = time.perf_counter(), time.process_time()
        out = (wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return out


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make(name, threads, seed, depth=None):
    if name == "rf":
        from sklearn.ensemble import RandomForestClassifier
        return RandomForestClassifier(n_estimators=100, max_depth=depth, random_state=seed, n_jobs=threads)
    if name == "hgb":
        from sklearn.ensemble import HistGradientBoostingClassifier
        return HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1, max_leaf_nodes=31, min_samples_leaf=20,
                                              max_bins=255, early_stopping=False, random_state=seed)
    if name == "lgbm":
        import lightgbm
        return lightgbm.LGBMClassifier(n_estimators=100, learning_rate=0.1, num_leaves=31, min_child_samples=20,
                                       max_bin=255, random_state=seed, n_jobs=threads, verbose=-1)
    raise SystemExit(f"unknown model {name}: rf, hgb or lgbm")


LIBRARY = {"rf": "sklearn RandomForestClassifier", "hgb": "sklearn HistGradientBoostingClassifier",
           "lgbm": "LightGBM LGBMClassifier"}


def split(a):
    import pandas as pd
    from sklearn.model_selection import train_test_split
    df = pd.read_csv(a.data)
    train, test = train_test_split(df, test_size=a.test, stratify=df[a.target], random_state=a.seed)
    os.makedirs(a.out, exist_ok=True)
    train.to_csv(os.path.join(a.out, "train.csv"), index=False)
    test.to_csv(os.path.join(a.out, "test.csv"), index=False)
    print(f"wrote {a.out}/train.csv ({len(train)} rows) and test.csv ({len(test)} rows)", file=sys.stderr)


def fit(a):
    from sklearn.metrics import roc_auc_score
    from threadpoolctl import threadpool_limits
    lap = Lap()
    X, y, columns = load(a.train, a.target)
    Xt, yt, _ = load(a.test, a.target, columns)
    load_s, _ = lap()
    with threadpool_limits(limits=a.threads):
        model = make(a.model, a.threads, a.seed)
        lap()
        model.fit(X, y)
        fit_s, fit_cpu = lap()
        scores = model.predict_proba(Xt)[:, 1]
        predict_s, predict_cpu = lap()
    print(json.dumps(dict(tool="peer", model=a.model, library=LIBRARY[a.model], threads=a.threads, train_rows=len(y),
                          test_rows=len(yt), features=X.shape[1], load_seconds=load_s, fit_seconds=fit_s,
                          fit_cpu_seconds=fit_cpu, predict_seconds=predict_s,
                          predict_cpu_seconds=predict_cpu, auc=roc_auc_score(yt, scores),
                          peak_mb=peak_mb())))


def explain(a):
    import numpy as np
    import shap
    from threadpoolctl import threadpool_limits
    X, y, columns = load(a.train, a.target)
    Xt, _, _ = load(a.test, a.target, columns)
    rows = Xt[:a.rows]
    lap = Lap()
    with threadpool_limits(limits=a.threads):
        forest = make("rf", a.threads, a.seed, a.depth).fit(X, y)
        fit_s, fit_cpu = lap()
        explainer = shap.TreeExplainer(forest)
        values = np.asarray(explainer.shap_values(rows, check_additivity=False))
        shap_s, shap_cpu = lap()
    phi = values[:, :, 1] if values.ndim == 3 else values[1]
    expected = np.atleast_1d(explainer.expected_value)[-1]
    gap = np.max(np.abs(expected + phi.sum(axis=1) - forest.predict_proba(rows)[:, 1]))
    nodes = np.mean([t.tree_.node_count for t in forest.estimators_])
    print(json.dumps(dict(tool="peer", model="shap", library=f"shap {shap.__version__} TreeExplainer", threads=a.threads,
                          train_rows=len(y), features=X.shape[1], fit_seconds=fit_s, fit_cpu_seconds=fit_cpu,
                          nodes_per_tree=nodes, shap_rows=len(rows), shap_seconds=shap_s, shap_cpu_seconds=shap_cpu,
                          max_additivity_gap=float(gap), peak_mb=peak_mb())))


def table(a):
    rows = [json.loads(line) for line in open(a.results) if line.strip().startswith("{")]
    fits = [r for r in rows if r.get("model") in ("rf", "gbm", "hgb", "lgbm")]
    name = {"rf": "random forest 100", "gbm": "gradient boosting 100×31", "hgb": "gradient boosting 100×31",
            "lgbm": "gradient boosting 100×31"}
    who = lambda r: "Strata" if r["tool"] == "strata" else r["library"]  # noqa: E731
    print("| rows (train/test) | model | tool | thr | fit s | fit CPU s | predict s | predict CPU s | hold-out AUC | peak RSS MB |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    cpu = lambda r: f"{r['predict_cpu_seconds']:.2f}" if "predict_cpu_seconds" in r else "–"  # noqa: E731
    for r in sorted(fits, key=lambda r: (r["train_rows"], name[r["model"]], r["tool"] != "strata", who(r), r["threads"])):
        print(f"| {r['train_rows']:,}/{r['test_rows']:,} | {name[r['model']]} | {who(r)} | {r['threads']} | "
              f"{r['fit_seconds']:.2f} | {r['fit_cpu_seconds']:.2f} | {r['predict_seconds']:.2f} | {cpu(r)} | {r['auc']:.4f} | "
              f"{r['peak_mb']:.0f} |")
    shaps = [r for r in rows if r.get("model") == "shap"]
    if shaps:
        print("\n| TreeSHAP | tool | thr | forest nodes/tree | rows | explain s | explain CPU s | max additivity gap | peak RSS MB |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        method = {"automatic": "", "path": " (Algorithm 2 only)", "leafSubsets": " (Fast TreeSHAP v2 only)"}
        shap_who = lambda r: who(r) + method.get(r.get("shap_method", "automatic"), "")  # noqa: E731
        for r in sorted(shaps, key=lambda r: (r["tool"] != "strata", r.get("shap_method", ""), r["threads"])):
            print(f"| {r['train_rows']:,} training rows | {shap_who(r)} | {r['threads']} | {r['nodes_per_tree']:.0f} | "
                  f"{r['shap_rows']:,} | {r['shap_seconds']:.2f} | {r['shap_cpu_seconds']:.2f} | "
                  f"{r['max_additivity_gap']:.1e} | {r['peak_mb']:.0f} |")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="mode", required=True)
    s = sub.add_parser("split")
    s.add_argument("data")
    s.add_argument("out")
    s.add_argument("--test", type=float, default=0.2)
    f = sub.add_parser("fit")
    f.add_argument("model")
    e = sub.add_parser("shap")
    e.add_argument("--rows", type=int, default=10000)
    e.add_argument("--depth", type=int, default=8)
    for q in (f, e):
        q.add_argument("train")
        q.add_argument("test")
        q.add_argument("--threads", type=int, default=1)
    for q in (s, f, e):
        q.add_argument("--seed", type=int, default=42)
        q.add_argument("--target", default="churn")
    t = sub.add_parser("table")
    t.add_argument("results")
    a = p.parse_args()
    {"split": split, "fit": fit, "shap": explain, "table": table}[a.mode](a)


if __name__ == "__main__":
    main()
