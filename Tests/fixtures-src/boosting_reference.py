#!/usr/bin/env python3
"""Reference CV AUC of LightGBM and scikit-learn's HistGradientBoosting for Strata's gradient
boosting, on two real data sets from ../shared/data, with the fold of every row stored so the
Swift test uses exactly the same folds.

Settings on both sides: 100 rounds, learning rate 0.1, 31 leaves, min 20 rows per leaf, L2 0,
255 bins, no early stopping, no subsampling. Categorical text columns are native categories
(pandas `category` for LightGBM, `categorical_features="from_dtype"` for HGB); missing values
stay missing.

Run: /work/peers/venv/bin/python Tests/fixtures-src/boosting_reference.py
Writes Tests/StrataEngineTests/Fixtures/boosting_reference.json.
"""
import json
import os

import lightgbm as lgb
import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data")
if not os.path.isdir(DATA):
    DATA = "/work/shared/data"


def load(name):
    if name == "iranian-churn":
        df = pd.read_csv(os.path.join(DATA, "iranian-churn", "customer_churn.csv"))
        y = df.pop("Churn").to_numpy()
        return df, y, "iranian-churn/customer_churn.csv", "Churn", []
    df = pd.read_csv(os.path.join(DATA, "bank-marketing", "bank-full.csv"), sep=";")
    y = (df.pop("y") == "yes").astype(int).to_numpy()
    df = df.drop(columns=["duration"])  # leaks the outcome
    cats = [c for c in df.columns if not pd.api.types.is_numeric_dtype(df[c])]
    for c in cats:
        df[c] = df[c].astype("category")
    return df, y, "bank-marketing/bank-full.csv", "y", ["duration"]


def main():
    out = {"sklearn": sklearn.__version__, "lightgbm": lgb.__version__, "folds": 5,
           "settings": "rounds=100 learning_rate=0.1 leaves=31 min_leaf=20 l2=0 bins=255", "datasets": []}
    for name in ["iranian-churn", "bank-marketing"]:
        x, y, path, target, dropped = load(name)
        fold = np.zeros(len(y), dtype=int)
        for k, (_, test) in enumerate(StratifiedKFold(5, shuffle=True, random_state=42).split(x, y)):
            fold[test] = k
        aucs = {"lightgbm": [], "hgb": []}
        for k in range(5):
            tr, te = fold != k, fold == k
            m = lgb.LGBMClassifier(n_estimators=100, learning_rate=0.1, num_leaves=31, min_child_samples=20,
                                   reg_lambda=0.0, max_bin=255, verbose=-1, n_jobs=1)
            m.fit(x[tr], y[tr])
            aucs["lightgbm"].append(roc_auc_score(y[te], m.predict_proba(x[te])[:, 1]))
            h = HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1, max_leaf_nodes=31,
                                               min_samples_leaf=20, l2_regularization=0.0, max_bins=255,
                                               early_stopping=False, categorical_features="from_dtype")
            h.fit(x[tr], y[tr])
            aucs["hgb"].append(roc_auc_score(y[te], h.predict_proba(x[te])[:, 1]))
        out["datasets"].append({"name": name, "path": path, "target": target, "dropped": dropped,
                                "fold_of_row": "".join(map(str, fold)),
                                "lightgbm_auc": float(np.mean(aucs["lightgbm"])),
                                "hgb_auc": float(np.mean(aucs["hgb"])),
                                "lightgbm_fold_auc": aucs["lightgbm"], "hgb_fold_auc": aucs["hgb"]})
        print(name, np.mean(aucs["lightgbm"]), np.mean(aucs["hgb"]))
    dest = os.path.join(ROOT, "Tests", "StrataEngineTests", "Fixtures", "boosting_reference.json")
    with open(dest, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
