#!/usr/bin/env python3
"""Reference values for Strata's ranking metrics and paired tests.

Writes Tests/StrataEngineTests/Fixtures/recsys_metrics_reference.json:
  - "lists": seeded random (recommendation list, relevant items with grades, k) cases scored with
    LensKit 2025.8.1 metric classes (Precision, Recall, NDCG binary and graded, both discounts,
    RecipRank, AveragePrecision, Hit) and with bench_recsys.py's numpy formulas (P@k = hits/k,
    R@k = hits/|test|, NDCG with 1/log2(rank+1));
  - "distributions": scipy.special.betainc, scipy.stats.t.cdf / norm.cdf values;
  - "paired": scipy.stats.ttest_rel and scipy.stats.wilcoxon (defaults) on seeded samples.

Run from the repository root:
  /work/peers/venv/bin/python Tests/fixtures-src/recsys_metrics_reference.py
"""
import json
import math
import os

import numpy as np
import scipy
import scipy.special
import scipy.stats
import lenskit
from lenskit.data import ItemList
from lenskit.metrics import NDCG, Precision, Recall, RecipRank, Hit
from lenskit.metrics.ranking._map import AveragePrecision
from lenskit.metrics.ranking import LogRankWeight

rng = np.random.default_rng(20261122)


def lists():
    cases = []
    for case in range(200):
        n_items = 40
        n_rel = int(rng.integers(1, 12))
        n_rec = int(rng.integers(0, 16))
        k = int(rng.choice([1, 3, 5, 10, 20]))
        rel = rng.choice(n_items, size=n_rel, replace=False)
        grades = rng.integers(1, 6, size=n_rel).astype(float)
        # biased towards hits so that every metric is exercised
        pool = np.concatenate([rel, rng.choice(n_items, size=n_items, replace=False)])
        rec = list(dict.fromkeys(int(x) for x in rng.permutation(pool)))[:n_rec]
        recs = ItemList(item_ids=np.array(rec, dtype=np.int64), ordered=True)
        test = ItemList(item_ids=rel.astype(np.int64), rating=grades)
        lk = {
            "precision_list": Precision(k).measure_list(recs, test),
            "recall_truncated": Recall(k).measure_list(recs, test),
            "ndcg_log2": NDCG(k, weight=LogRankWeight(offset=1)).measure_list(recs, test),
            "ndcg_lenskit": NDCG(k).measure_list(recs, test),
            "ndcg_linear_log2": NDCG(k, weight=LogRankWeight(offset=1), gain="rating").measure_list(recs, test),
            "mrr": RecipRank(k).measure_list(recs, test),
            "hit": Hit(k).measure_list(recs, test),
            "ap_list": AveragePrecision(k).measure_list(recs, test),
        }
        # bench_recsys.py rank_metrics formulas for one user
        top = rec[:k]
        relset = set(int(x) for x in rel)
        hits = [1.0 if it in relset else 0.0 for it in top]
        disc = 1.0 / np.log2(np.arange(2, k + 2))
        h = sum(hits)
        bench = {
            "precision_k": h / k,
            "recall_relevant": h / len(relset),
            "ndcg_log2": (float(np.dot(hits, disc[:len(hits)])) if hits else 0.0) / float(np.cumsum(disc)[min(len(relset), k) - 1]),
        }
        lk = {key: (None if (isinstance(v, float) and math.isnan(v)) else float(v)) for key, v in lk.items()}
        cases.append({"list": rec, "relevant": [int(x) for x in rel], "grades": [float(g) for g in grades],
                      "k": k, "lenskit": lk, "bench": bench})
    return cases


def distributions():
    out = {"betainc": [], "t_cdf": [], "norm_cdf": []}
    for a, b, x in [(0.5, 0.5, 0.3), (2, 3, 0.4), (10, 0.5, 0.9), (0.5, 10, 0.01), (50, 50, 0.5),
                    (200.5, 0.5, 0.995), (1, 1, 0.25), (3.5, 7.25, 0.6), (1e3, 1e3, 0.49), (0.1, 0.1, 0.999)]:
        out["betainc"].append([a, b, x, float(scipy.special.betainc(a, b, x))])
    for t, df in [(0.0, 5), (1.0, 1), (-2.5, 3), (2.0, 10), (-4.0, 29.5), (10.0, 2), (1.96, 1e6),
                  (-0.3, 100), (6.0, 45070), (-38.0, 5), (0.7, 0.5)]:
        out["t_cdf"].append([t, df, float(scipy.stats.t.cdf(t, df)), float(scipy.stats.t.sf(abs(t), df) * 2)])
    for z in [-8.0, -3.2, -1.0, 0.0, 0.5, 1.96, 4.0, 9.0]:
        out["norm_cdf"].append([z, float(scipy.stats.norm.cdf(z))])
    return out


def paired():
    out = []
    samples = []
    a = rng.normal(0.30, 0.1, 20); b = a - rng.normal(0.02, 0.05, 20)
    samples.append(("continuous n=20 (exact wilcoxon)", a, b))
    a = rng.normal(0.30, 0.1, 45); b = a + rng.normal(0.01, 0.05, 45)
    samples.append(("continuous n=45 (exact wilcoxon)", a, b))
    a = rng.integers(0, 4, 400) / 10.0; b = rng.integers(0, 4, 400) / 10.0 + (rng.random(400) < 0.1) * 0.1
    samples.append(("precision-like with ties and zeros n=400", a, b))
    a = rng.random(800); b = a + rng.normal(0.01, 0.1, 800)
    samples.append(("continuous n=800", a, b))
    a = (rng.random(60) < 0.3).astype(float); b = (rng.random(60) < 0.5).astype(float)
    samples.append(("hit-like 0/1 n=60", a, b))
    for name, a, b in samples:
        t = scipy.stats.ttest_rel(a, b)
        w = scipy.stats.wilcoxon(a, b)
        out.append({"name": name, "a": [float(x) for x in a], "b": [float(x) for x in b],
                    "t": float(t.statistic), "t_p": float(t.pvalue), "wilcoxon_p": float(w.pvalue)})
    return out


doc = {
    "generated_by": "Tests/fixtures-src/recsys_metrics_reference.py",
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "lenskit": lenskit.__version__},
    "lists": lists(), "distributions": distributions(), "paired": paired(),
}
path = os.path.join("Tests", "StrataEngineTests", "Fixtures", "recsys_metrics_reference.json")
with open(path, "w") as f:
    json.dump(doc, f, indent=None, separators=(",", ":"))
print("wrote", path, os.path.getsize(path), "bytes")
