#!/usr/bin/env python3
"""Reference figures for the hierarchical clustering, DBSCAN and k-distance tests.

Run from the repository root (SciPy 1.17.1, scikit-learn 1.9.1, numpy 2.4.6 in /work/peers/venv):

    /work/peers/venv/bin/python Tests/fixtures-src/hierdb_clustering.py \
        ../shared/data/iris/iris.csv Tests/StrataEngineTests/Fixtures/hierdb_clustering.json

The points themselves go into the JSON, so the tests need neither the data folder nor Python.
"""
import json
import sys

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import pdist
from sklearn.cluster import DBSCAN
from sklearn.neighbors import NearestNeighbors


def blobs(seed, n, d, k, std, box=6.0):
    rng = np.random.default_rng(seed)
    centers = rng.uniform(-box, box, size=(k, d))
    labels = rng.integers(0, k, size=n)
    return np.round(centers[labels] + rng.normal(0.0, std, size=(n, d)), 6)


def hierarchy(X):
    out = {}
    for method in ["ward", "complete", "average", "single"]:
        Z = linkage(X, method=method)
        heights = Z[:, 2]
        cuts_k = {str(k): fcluster(Z, k, criterion="maxclust").tolist() for k in range(2, 7)}
        # Heights halfway between consecutive merges, so a cut never sits on a merge height.
        cut_heights = [float((heights[-k] + heights[-k - 1]) / 2) for k in (2, 4, 7)]
        cuts_h = [{"height": h, "labels": fcluster(Z, h, criterion="distance").tolist()} for h in cut_heights]
        out[method] = {"Z": Z.tolist(), "maxclust": cuts_k, "distance": cuts_h}
    return out


def dbscan(X, settings):
    d2 = pdist(X, "sqeuclidean")
    runs = []
    for eps, min_samples in settings:
        # A pair exactly at eps could fall either side depending on rounding; keep clear of that.
        margin = float(np.min(np.abs(d2 - eps * eps)))
        assert margin > 1e-9, (eps, margin)
        model = DBSCAN(eps=eps, min_samples=min_samples).fit(X)
        core = np.zeros(len(X), dtype=bool)
        core[model.core_sample_indices_] = True
        labels = model.labels_
        print(f"  eps={eps} min_samples={min_samples}: clusters={labels.max() + 1} "
              f"noise={(labels == -1).sum()} margin={margin:.2e}", file=sys.stderr)
        runs.append({"eps": eps, "minPoints": min_samples, "labels": labels.tolist(), "core": core.tolist()})
    return runs


def kdistance(X, k):
    distances, _ = NearestNeighbors(n_neighbors=k + 1).fit(X).kneighbors(X)
    return {"k": k, "distances": np.sort(distances[:, k]).tolist()}


def main(iris_path, out_path):
    iris = np.genfromtxt(iris_path, delimiter=",", skip_header=1, usecols=(0, 1, 2, 3))
    small = blobs(seed=7, n=240, d=3, k=4, std=1.0)
    wide = blobs(seed=11, n=200, d=20, k=3, std=1.0, box=3.0)
    datasets = {
        "iris": (iris, [(0.52, 5), (0.27, 8), (0.93, 4), (1.55, 2), (0.46, 1), (0.33, 3)], 4),
        "blobs3d": (small, [(0.8, 5), (0.3, 10), (1.5, 4), (4.0, 3), (0.9, 1)], 5),
        "blobs20d": (wide, [(4.5, 5), (3.0, 3), (6.0, 10)], 3),
    }
    fixture = {}
    for name, (X, settings, k) in datasets.items():
        print(name, X.shape, file=sys.stderr)
        fixture[name] = {
            "columns": X.shape[1],
            "points": X.ravel().tolist(),
            "hierarchy": hierarchy(X),
            "dbscan": dbscan(X, settings),
            "kdistance": kdistance(X, k),
        }
    with open(out_path, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
