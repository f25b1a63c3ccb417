#!/usr/bin/env python3
"""Reference medoids for the k-medoids (PAM) tests, from scikit-learn-extra.

Run from the repository root, in a venv with scikit-learn and scikit-learn-extra:

    python Tests/fixtures-src/kmedoids_pam.py \
        Tests/StrataEngineTests/Fixtures/hierdb_clustering.json \
        Tests/StrataEngineTests/Fixtures/kmedoids_pam.json

The points are those of the hierarchical/DBSCAN fixture (iris, blobs3d, blobs20d), read from its
JSON, so the two fixtures agree and the tests need no Python.
"""
import json
import sys

import numpy as np
import sklearn
import sklearn_extra
from sklearn_extra.cluster import KMedoids


def main(source, target):
    with open(source) as f:
        data = json.load(f)
    out = {"versions": {"scikit-learn": sklearn.__version__, "scikit-learn-extra": sklearn_extra.__version__,
                        "numpy": np.__version__}, "sets": {}}
    for name in ["iris", "blobs3d", "blobs20d"]:
        d = data[name]["columns"]
        X = np.array(data[name]["points"], dtype=float).reshape(-1, d)
        runs = []
        for k in range(1, 7):
            model = KMedoids(n_clusters=k, metric="euclidean", method="pam", init="build", max_iter=300).fit(X)
            runs.append({"k": k, "medoids": model.medoid_indices_.tolist(), "labels": model.labels_.tolist(),
                         "inertia": float(model.inertia_), "iterations": int(getattr(model, "n_iter_", -1))})
            print(f"  {name} k={k}: medoids={model.medoid_indices_.tolist()} inertia={model.inertia_:.6f} "
                  f"n_iter={getattr(model, 'n_iter_', -1)}", file=sys.stderr)
        out["sets"][name] = runs
    with open(target, "w") as f:
        json.dump(out, f)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
