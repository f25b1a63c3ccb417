#!/usr/bin/env python3
"""Writes the scikit-learn reference figures for the clustering engine tests.

Run from the repository root (the peers venv has scikit-learn 1.9.1):
    /work/peers/venv/bin/python Tests/fixtures-src/clustering_fixtures.py

Inputs:  ../shared/data/iris/iris.csv (copied into the fixture, so tests do not need it) and
         blobs written by ../shared/peers/gen_blobs.py --n 2000 --d 4 --k 5 --seed 7 --std 1.5
         (committed as Tests/StrataEngineTests/Fixtures/blobs_2000_d4_k5.csv).
Output:  Tests/StrataEngineTests/Fixtures/clustering_sklearn.json
"""
import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_samples

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIX = os.path.join(ROOT, "Tests", "StrataEngineTests", "Fixtures")
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
BLOBS = os.path.join(FIX, "blobs_2000_d4_k5.csv")


def validity(X, labels):
    """The indices scikit-learn gives for these labels, noise (-1) left out first."""
    keep = labels >= 0
    X, labels = X[keep], labels[keep]
    s = silhouette_samples(X, labels)
    per = [{"cluster": int(c), "size": int((labels == c).sum()), "mean": float(s[labels == c].mean())}
           for c in np.unique(labels)]
    return {
        "labels_used": int(keep.sum()),
        "silhouette": float(s.mean()),
        "silhouette_per_cluster": per,
        "davies_bouldin": float(davies_bouldin_score(X, labels)),
        "calinski_harabasz": float(calinski_harabasz_score(X, labels)),
    }


def case(X, k):
    km = KMeans(n_clusters=k, n_init=10, init="k-means++", max_iter=300, random_state=0).fit(X)
    labels = km.labels_.astype(int)
    out = {"k": k, "kmeans_inertia_best_of_10": float(km.inertia_), "kmeans_labels": labels.tolist()}
    out["validity"] = validity(X, labels)
    noisy = labels.copy()
    noisy[::7] = -1
    out["noisy_labels"] = noisy.tolist()
    out["noisy_validity"] = validity(X, noisy)
    p = PCA(n_components=X.shape[1]).fit(X)
    out["pca"] = {
        "explained_variance": p.explained_variance_.tolist(),
        "explained_variance_ratio": p.explained_variance_ratio_.tolist(),
        "components": p.components_.tolist(),
        "mean": p.mean_.tolist(),
        "transform_first_5": p.transform(X[:5]).tolist(),
    }
    return out


def main():
    if not os.path.exists(BLOBS):
        subprocess.run([sys.executable, os.path.join(SHARED, "peers", "gen_blobs.py"), "--n", "2000", "--d", "4",
                        "--k", "5", "--seed", "7", "--std", "1.5", "--out", BLOBS], check=True)
    iris = pd.read_csv(os.path.join(SHARED, "data", "iris", "iris.csv"))
    Xi = iris.iloc[:, :4].to_numpy(dtype=np.float64)
    blobs = pd.read_csv(BLOBS)
    Xb = blobs[[c for c in blobs.columns if c != "label"]].to_numpy(dtype=np.float64)
    fixture = {
        "generated_by": "Tests/fixtures-src/clustering_fixtures.py",
        "sklearn": sklearn.__version__,
        "iris": dict(case(Xi, 3), x=Xi.tolist(), columns=list(iris.columns[:4])),
        "blobs": case(Xb, 5),
    }
    with open(os.path.join(FIX, "clustering_sklearn.json"), "w") as f:
        json.dump(fixture, f, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
