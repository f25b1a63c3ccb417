#!/usr/bin/env python3
"""Writes the scikit-learn reference figures for the model evaluation metrics tests.

Run from the repository root with the peers venv (scikit-learn, scipy, numpy):
    /work/peers/venv/bin/python Tests/fixtures-src/model_metrics_reference.py

Scores and labels are drawn here from a fixed NumPy seed and copied into the fixture, so the Swift
tests read the same numbers; scores are rounded so that ties are common. Output:
Tests/StrataEngineTests/Fixtures/model_metrics_reference.json
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy import stats
from sklearn.calibration import calibration_curve
from sklearn.metrics import (accuracy_score, average_precision_score, brier_score_loss, f1_score, log_loss,
                             mean_absolute_error, mean_squared_error, precision_recall_curve, precision_score,
                             r2_score, recall_score, roc_auc_score, roc_curve)
from sklearn.model_selection import StratifiedKFold

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "StrataEngineTests", "Fixtures", "model_metrics_reference.json")

rng = np.random.default_rng(20261206)


def floats(a):
    return [float(v) for v in a]


def binary_case(name, labels, scores, thresholds=(0.5,)):
    labels = np.asarray(labels, dtype=int)
    scores = np.asarray(scores, dtype=float)
    fpr, tpr, thr = roc_curve(labels, scores)
    precision, recall, pr_thr = precision_recall_curve(labels, scores)
    case = {
        "name": name,
        "labels": [int(v) for v in labels],
        "scores": floats(scores),
        "roc_auc": float(roc_auc_score(labels, scores)),
        "average_precision": float(average_precision_score(labels, scores)),
        # The first ROC threshold is +inf, which JSON cannot hold: it is left out here.
        "roc_fpr": floats(fpr), "roc_tpr": floats(tpr), "roc_thresholds_after_first": floats(thr[1:]),
        "pr_precision": floats(precision), "pr_recall": floats(recall), "pr_thresholds": floats(pr_thr),
        "at_threshold": [],
    }
    if scores.min() >= 0 and scores.max() <= 1:
        case["log_loss"] = float(log_loss(labels, scores))
        case["brier"] = float(brier_score_loss(labels, scores))
        case["calibration"] = []
        for bins in (5, 10):
            prob_true, prob_pred = calibration_curve(labels, scores, n_bins=bins, strategy="uniform")
            case["calibration"].append({"bins": bins, "prob_true": floats(prob_true), "prob_pred": floats(prob_pred)})
    for t in thresholds:
        predicted = (scores >= t).astype(int)
        case["at_threshold"].append({
            "threshold": float(t),
            "accuracy": float(accuracy_score(labels, predicted)),
            "precision": float(precision_score(labels, predicted, zero_division=0)),
            "recall": float(recall_score(labels, predicted, zero_division=0)),
            "f1": float(f1_score(labels, predicted, zero_division=0)),
        })
    return case


cases = []
# Probabilities with many ties (two decimals), a weak signal.
n = 400
y = rng.binomial(1, 0.3, n)
p = np.clip(np.round(0.3 + 0.25 * (y - 0.3) + rng.normal(0, 0.2, n), 2), 0, 1)
cases.append(binary_case("rounded probabilities", y, p, thresholds=(0.3, 0.5, 0.7)))
# Integer scores: heavy ties.
y2 = rng.binomial(1, 0.4, 150)
s2 = rng.integers(0, 6, 150) + y2 * rng.integers(0, 3, 150)
cases.append(binary_case("integer scores", y2, s2.astype(float), thresholds=(2.0, 4.0)))
# Continuous probabilities without ties, with exact 0 and 1 to exercise the log-loss clip and
# values on the calibration bin edges.
y3 = rng.binomial(1, 0.5, 120)
p3 = 1 / (1 + np.exp(-(1.5 * (y3 - 0.5) + rng.normal(0, 1, 120))))
p3[:8] = [0.0, 1.0, 0.2, 0.4, 0.6, 0.8, 0.1, 0.5]
cases.append(binary_case("continuous with edges", y3, p3))
# Every score tied: AUC one half.
cases.append(binary_case("all tied", [0, 1, 1, 0, 1], [0.5] * 5))
# Perfect ranking.
cases.append(binary_case("one swapped pair", [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]))

# StratifiedKFold sizes: per fold test size and class counts.
yk = np.array([0] * 70 + [1] * 33)
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
folds = [{"test_size": int(len(test)), "test_positives": int(yk[test].sum())} for _, test in skf.split(np.zeros(len(yk)), yk)]

# Regression.
actual = rng.normal(10, 3, 60)
predicted = actual + rng.normal(0, 1.5, 60)
regression = {
    "actual": floats(actual), "predicted": floats(predicted),
    "rmse": float(np.sqrt(mean_squared_error(actual, predicted))),
    "mae": float(mean_absolute_error(actual, predicted)),
    "r2": float(r2_score(actual, predicted)),
}

# Corrected resampled t-test (Nadeau & Bengio), as in scikit-learn's example "Statistical comparison
# of models using grid search": corrected variance (1/k + n_test/n_train) * var(d, ddof=1).
a = rng.normal(0.80, 0.02, 10)
b = a - rng.normal(0.01, 0.015, 10)
d = a - b
kf = len(d)
n_train, n_test = 900, 100
corrected_std = np.sqrt((1 / kf + n_test / n_train) * np.var(d, ddof=1))
t_corrected = np.mean(d) / corrected_std
p_corrected = 2 * stats.t.sf(np.abs(t_corrected), kf - 1)
plain = stats.ttest_rel(a, b)
paired = {
    "a": floats(a), "b": floats(b), "test_to_train": n_test / n_train,
    "corrected_t": float(t_corrected), "corrected_p": float(p_corrected),
    "plain_t": float(plain.statistic), "plain_p": float(plain.pvalue),
}

out = {
    "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__},
    "binary": cases,
    "stratified_kfold": {"class_counts": [70, 33], "k": 5, "folds": folds},
    "regression": regression,
    "paired": paired,
}
with open(OUT, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", OUT)
