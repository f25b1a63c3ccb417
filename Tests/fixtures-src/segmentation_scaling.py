"""Reference values for Tests/StrataEngineTests/SegmentationScalingTests.swift.

Run: /work/peers/venv/bin/python Tests/fixtures-src/segmentation_scaling.py
Prints Swift array literals that the tests paste in (scikit-learn 1.9.1, numpy).
"""
import numpy as np
from sklearn.preprocessing import MinMaxScaler, StandardScaler, RobustScaler, QuantileTransformer
from sklearn.metrics import roc_auc_score

a = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
b = [10, 200, 35, 35, 0, 1000, 12, 35, 8, 90, 40]
y = [0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0]
X = np.array([a, b], dtype=float).T
new = np.array([[0, 50], [7, 35], [10, 2000]], dtype=float)


def swift(name, m):
    m = np.asarray(m)
    print(f"    static let {name}: [[Double]] = [")
    for row in m:
        print("        [" + ", ".join(repr(float(v)) for v in row) + "],")
    print("    ]")


for name, scaler in [("minmax", MinMaxScaler()), ("zscore", StandardScaler()), ("robust", RobustScaler())]:
    scaler.fit(X)
    swift(name, scaler.transform(X))
    swift(name + "New", scaler.transform(new))
swift("log1p", np.log1p(X))
# QuantileTransformer only on distinct values: on ties its result depends on np.interp's search path
# (and ties at the extremes are clipped to 0 and 1), where Strata averages the tied ranks.
C = np.array([[2.5, 7, 1, 3, 8, 4, 6, 9, 0.5, 5, 10]], dtype=float).T
qt = QuantileTransformer(n_quantiles=len(C)).fit(C)
swift("quantileDistinct", qt.transform(C))
swift("quantileDistinctNew", qt.transform(np.array([[0], [2], [7.25], [11]], dtype=float)))
print("    static let auc: [Double] = [" + ", ".join(repr(float(roc_auc_score(y, X[:, j]))) for j in range(2)) + "]")
