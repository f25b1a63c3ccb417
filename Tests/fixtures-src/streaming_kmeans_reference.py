"""Reference for StreamingKMeans: scikit-learn MiniBatchKMeans.partial_fit on a fixed order.

Fixed initial centres, reassignment_ratio=0 (no random reassignment), batches fed in order.
Run: /work/peers/venv/bin/python Tests/fixtures-src/streaming_kmeans_reference.py
"""
import json
import numpy as np
import sklearn
from sklearn.cluster import MiniBatchKMeans

rng = np.random.default_rng(7)
blobs = [rng.normal(loc, 0.6, size=(20, 2)) for loc in ([0, 0], [5, 5], [0, 6])]
x = np.vstack(blobs)
x = x[rng.permutation(len(x))].round(3)
init = np.array([[1.0, 1.0], [4.0, 4.0], [1.0, 5.0]])
batch = 8
model = MiniBatchKMeans(n_clusters=3, init=init, n_init=1, reassignment_ratio=0.0, batch_size=batch)
after = []
for start in range(0, len(x), batch):
    model.partial_fit(x[start:start + batch])
    after.append(model.cluster_centers_.tolist())
out = {"sklearn": sklearn.__version__, "rows": x.tolist(), "init": init.tolist(), "batch": batch,
       "centers_after_each_batch": after, "counts": model._counts.tolist()}
with open("Tests/StrataEngineTests/Fixtures/streaming_kmeans_reference.json", "w") as f:
    json.dump(out, f, indent=1)
