"""Reference coefficients for Strata's linear models (Tests/StrataEngineTests/Fixtures/linear_reference.json).

Run: /work/peers/venv/bin/python Tests/fixtures-src/linear_reference.py
Data: 300 synthetic rows (seed 11), numeric x1, x2, x3 and a text column `colour` (red/green/blue).
Each model is scikit-learn's OneHotEncoder (all levels; drop='first' for plain least squares) ->
StandardScaler -> estimator, with the coefficients mapped back to the original scale
(beta = w / sd, intercept = b - sum(w * mean / sd)), which is what Strata reports.
"""
import json, os
import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression, Ridge, LinearRegression

rng = np.random.default_rng(11)
n = 300
x1 = rng.normal(50, 10, n).round(2)
x2 = rng.exponential(3, n).round(3)
x3 = rng.integers(0, 6, n).astype(float)
colours = np.array(["blue", "green", "red"])
colour = colours[rng.integers(0, 3, n)]
eta = -1 + 0.04 * (x1 - 50) + 0.3 * x2 - 0.5 * x3 + np.where(colour == "red", 0.8, 0) + np.where(colour == "green", -0.4, 0)
y_class = (rng.random(n) < 1 / (1 + np.exp(-eta))).astype(int)
y_value = 3 + 0.5 * x1 - 2 * x2 + 1.5 * x3 + np.where(colour == "red", 4, 0) + rng.normal(0, 3, n)


def design(drop_first):
    levels = colours[1:] if drop_first else colours
    cols = [x1, x2, x3] + [(colour == l).astype(float) for l in levels]
    labels = ["x1", "x2", "x3"] + [f"colour = {l}" for l in levels]
    return np.column_stack(cols), labels


def original_scale(X, w, b):
    mean, sd = X.mean(axis=0), X.std(axis=0)
    return list(w / sd), float(b - np.sum(w * mean / sd))


def standardized(X):
    return (X - X.mean(axis=0)) / X.std(axis=0)


out = {"sklearn": sklearn.__version__, "x1": list(x1), "x2": list(x2), "x3": list(x3), "colour": list(colour),
       "y_class": [int(v) for v in y_class], "y_value": list(y_value), "models": {}}
X, labels = design(False)
for c in [1.0, 0.1]:
    m = LogisticRegression(C=c, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(standardized(X), y_class)
    coef, icpt = original_scale(X, m.coef_[0], m.intercept_[0])
    out["models"][f"logistic_C{c}"] = {"labels": labels, "coefficients": coef, "intercept": icpt,
                                        "first_probabilities": list(m.predict_proba(standardized(X))[:5, 1])}
for alpha in [10.0]:
    m = Ridge(alpha=alpha).fit(standardized(X), y_value)
    coef, icpt = original_scale(X, m.coef_, m.intercept_)
    out["models"][f"ridge_{alpha}"] = {"labels": labels, "coefficients": coef, "intercept": icpt}
Xd, labels_d = design(True)
m = LinearRegression().fit(standardized(Xd), y_value)
coef, icpt = original_scale(Xd, m.coef_, m.intercept_)
out["models"]["ols"] = {"labels": labels_d, "coefficients": coef, "intercept": icpt}

path = os.path.join(os.path.dirname(__file__), "..", "StrataEngineTests", "Fixtures", "linear_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", os.path.normpath(path))
