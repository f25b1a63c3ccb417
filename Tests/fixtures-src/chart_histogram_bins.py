"""Reference bin edges and counts for the chart histogram tests.

Run: /work/peers/venv/bin/python Tests/fixtures-src/chart_histogram_bins.py \
       > Tests/StrataLanguageTests/Fixtures/histogram_bins.json
Inputs: iris sepal length and petal width (/work/shared/data/iris/iris.csv), the wholesale customers'
Fresh and Milk spend (/work/shared/data/wholesale-customers), a small integer array and a skewed
seeded lognormal sample, each with NumPy's "fd" and "sturges" rules and a fixed count of 7.
"""
import csv
import json
import numpy as np

def column(path, name):
    with open(path) as f:
        return [float(r[name]) for r in csv.DictReader(f)]

iris = "/work/shared/data/iris/iris.csv"
wholesale = "/work/shared/data/wholesale-customers/wholesale_customers_data.csv"
cases = {
    "iris sepal_length": (column(iris, "sepal_length_cm"), False),
    "iris petal_width": (column(iris, "petal_width_cm"), False),
    "wholesale Fresh (integers)": ([int(v) for v in column(wholesale, "Fresh")], True),
    "wholesale Milk (integers)": ([int(v) for v in column(wholesale, "Milk")], True),
    "small integers": ([1, 2, 2, 3, 3, 3, 4, 4, 5, 9], True),
    "lognormal seed 7": (list(np.random.default_rng(7).lognormal(3, 1.2, 500)), False),
    "constant": ([2.5, 2.5, 2.5], False),
}
out = []
for name, (values, integer) in cases.items():
    a = np.array(values, dtype=np.int64 if integer else np.float64)
    for rule in ["fd", "sturges", 7]:
        edges = np.histogram_bin_edges(a, bins=rule)
        counts, _ = np.histogram(a, bins=edges)
        out.append({"name": name, "integer": integer, "rule": str(rule), "values": [float(v) for v in a],
                    "edges": [float(e) for e in edges], "counts": [int(c) for c in counts]})
print(json.dumps(out))
