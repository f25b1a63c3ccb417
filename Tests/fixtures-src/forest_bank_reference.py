#!/usr/bin/env python3
"""Reference CV AUC of scikit-learn's RandomForestClassifier for Strata's random forest on the
bank-marketing data (../shared/data/bank-marketing/bank-full.csv, `duration` left out as it leaks
the outcome), with the fold of every row stored so the Swift test uses exactly the same folds.

scikit-learn: RandomForestClassifier(n_estimators=N, defaults otherwise: gini, sqrt features,
bootstrap, unlimited depth), random_state=0, on the text columns one-hot encoded (its trees have no
categorical splits). Strata's forest splits the text columns natively, so its sqrt(p) counts 15
columns where scikit-learn's counts 50 one-hot ones: the two are the same method on differently
encoded inputs, compared on the same rows and folds.

Run: /work/peers/venv/bin/python Tests/fixtures-src/forest_bank_reference.py
Writes Tests/StrataEngineTests/Fixtures/forest_bank_reference.json.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data")
if not os.path.isdir(DATA):
    DATA = "/work/shared/data"
TREES = [50, 100]


def main():
    df = pd.read_csv(os.path.join(DATA, "bank-marketing", "bank-full.csv"), sep=";")
    y = (df.pop("y") == "yes").astype(int).to_numpy()
    df = df.drop(columns=["duration"])
    text = [c for c in df.columns if not pd.api.types.is_numeric_dtype(df[c])]
    x = pd.get_dummies(df, columns=text, dtype=float).to_numpy(dtype=np.float64)
    fold = np.zeros(len(y), dtype=int)
    for k, (_, test) in enumerate(StratifiedKFold(5, shuffle=True, random_state=42).split(x, y)):
        fold[test] = k
    out = {"sklearn": sklearn.__version__, "folds": 5, "path": "bank-marketing/bank-full.csv", "target": "y",
           "dropped": ["duration"], "one_hot_features": int(x.shape[1]), "fold_of_row": "".join(map(str, fold)),
           "forests": []}
    for trees in TREES:
        aucs = []
        for k in range(5):
            tr, te = fold != k, fold == k
            rf = RandomForestClassifier(n_estimators=trees, random_state=0, n_jobs=2).fit(x[tr], y[tr])
            aucs.append(roc_auc_score(y[te], rf.predict_proba(x[te])[:, 1]))
        out["forests"].append({"n_estimators": trees, "fold_auc": aucs, "mean_auc": float(np.mean(aucs))})
        print(trees, np.mean(aucs), aucs)
    dest = os.path.join(ROOT, "Tests", "StrataEngineTests", "Fixtures", "forest_bank_reference.json")
    with open(dest, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
