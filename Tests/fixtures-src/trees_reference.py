#!/usr/bin/env python3
"""Reference splits and TreeSHAP values for the tree tests (scikit-learn, shap).

Run from the repository root:

    /work/peers/venv/bin/python Tests/fixtures-src/trees_reference.py \
        Tests/StrataEngineTests/Fixtures/trees_reference.json

Data: values on a 1/64 grid (exact in float32, which scikit-learn trees use), distinct per
feature, so there are no ties and the midpoints match. The fixture stores the data, sklearn's
fitted tree arrays, and shap.TreeExplainer values for the same structures.
"""
import json
import sys

import numpy as np
import shap
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor


def tree_json(t):
    t = t.tree_
    return {"children_left": t.children_left.tolist(), "children_right": t.children_right.tolist(),
            "feature": t.feature.tolist(), "threshold": t.threshold.tolist(),
            "value": t.value.reshape(t.node_count, -1).tolist(),
            "cover": t.weighted_n_node_samples.tolist(), "impurity": t.impurity.tolist()}


def main(out):
    rng = np.random.default_rng(11)
    n, d = 300, 4
    X = np.stack([rng.permutation(n) for _ in range(d)], axis=1).astype(float) / 64.0 - 2.0
    logit = 1.5 * X[:, 0] - X[:, 1] + 0.8 * X[:, 2] * X[:, 3]
    y_class = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    y_reg = np.round(2 * X[:, 0] - X[:, 1] ** 2 + rng.normal(0, 0.5, n), 6)
    res = {"versions": {"scikit-learn": sklearn.__version__, "shap": shap.__version__, "numpy": np.__version__},
           "x": X.tolist(), "y_class": y_class.tolist(), "y_reg": y_reg.tolist(), "cases": []}
    for name, est, y in [
        ("gini_depth4", DecisionTreeClassifier(max_depth=4, random_state=0), y_class),
        ("entropy_leaf20", DecisionTreeClassifier(criterion="entropy", min_samples_leaf=20, random_state=0), y_class),
        ("gini_depth7_split30", DecisionTreeClassifier(max_depth=7, min_samples_split=30, random_state=0), y_class),
        ("regression_depth5", DecisionTreeRegressor(max_depth=5, min_samples_split=10, random_state=0), y_reg),
    ]:
        est.fit(X, y)
        res["cases"].append({"name": name, "params": est.get_params(), "tree": tree_json(est),
                             "importances": est.feature_importances_.tolist()})
    # TreeSHAP on a single tree and a small forest, explained by shap on sklearn's own structure.
    tree = DecisionTreeClassifier(max_depth=6, random_state=0).fit(X, y_class)
    forest = RandomForestClassifier(n_estimators=10, max_depth=6, random_state=0).fit(X, y_class)
    rows = X[:20]
    shap_sets = {}
    for name, model in [("tree", tree), ("forest", forest)]:
        ex = shap.TreeExplainer(model)
        sv = np.asarray(ex.shap_values(rows))
        if sv.ndim == 3:
            sv = sv[:, :, 1] if sv.shape[2] == 2 else sv[1]
        ev = np.atleast_1d(ex.expected_value)
        trees = [model] if name == "tree" else list(model.estimators_)
        shap_sets[name] = {"trees": [tree_json(t) for t in trees], "shap": sv.tolist(),
                           "expected": float(ev[-1]), "proba": model.predict_proba(rows)[:, 1].tolist()}
    res["shap"] = shap_sets
    # Forest CV AUC on the Iranian churn data: folds stored, sklearn's AUC per fold.
    import pandas as pd
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold
    df = pd.read_csv("/work/shared/data/iranian-churn/customer_churn.csv")
    yc = df["Churn"].to_numpy()
    Xc = df.drop(columns=["Churn"]).to_numpy(dtype=float)
    fold = np.zeros(len(yc), dtype=int)
    aucs = []
    for k, (tr, te) in enumerate(StratifiedKFold(5, shuffle=True, random_state=0).split(Xc, yc)):
        fold[te] = k
        rf = RandomForestClassifier(n_estimators=50, random_state=0, n_jobs=1).fit(Xc[tr], yc[tr])
        aucs.append(roc_auc_score(yc[te], rf.predict_proba(Xc[te])[:, 1]))
    res["iranian_forest"] = {"fold": fold.tolist(), "auc": aucs, "mean_auc": float(np.mean(aucs)),
                             "n_estimators": 50}
    with open(out, "w") as f:
        json.dump(res, f, default=str)


if __name__ == "__main__":
    main(sys.argv[1])
