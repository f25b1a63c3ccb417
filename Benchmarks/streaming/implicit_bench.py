"""implicit's side of the ALS fold-in benchmark: AlternatingLeastSquares (64 factors, 15
iterations, 1 thread) fitted on the first half of the events (binary, file order), then one
partial_fit_users call per event of the second half with that user's items so far (up to LIMIT
events). Prints fold-ins per second (wall and process CPU) and peak RSS as one JSON line."""
import json, os, resource, sys, time
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np, pandas as pd, scipy.sparse as sp
from implicit.cpu.als import AlternatingLeastSquares

path, limit = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
d = pd.read_csv(path, usecols=["user_id", "item_id"])
u = d["user_id"].astype("category").cat.codes.to_numpy()
i = d["item_id"].astype("category").cat.codes.to_numpy()
half = len(d) // 2
n_users, n_items = u.max() + 1, i.max() + 1
first = sp.csr_matrix((np.ones(half, dtype=np.float32), (u[:half], i[:half])), shape=(n_users, n_items))
first.data[:] = 1
model = AlternatingLeastSquares(factors=64, iterations=15, random_state=42, num_threads=1)
t = time.perf_counter()
model.fit(first, show_progress=False)
fit = time.perf_counter() - t
seen = {}
for uu, ii in zip(u[:half], i[:half]):
    seen.setdefault(uu, set()).add(ii)
n = min(limit, len(d) - half)
t = time.perf_counter()
cpu = time.process_time()
for k in range(half, half + n):
    items = seen.setdefault(u[k], set())
    items.add(i[k])
    cols = np.fromiter(items, dtype=np.int32)
    row = sp.csr_matrix((np.ones(len(cols), dtype=np.float32), (np.zeros(len(cols), dtype=np.int32), cols)), shape=(1, n_items))
    model.partial_fit_users([u[k]], row)
s = time.perf_counter() - t
cpu = time.process_time() - cpu
print(json.dumps({"peer": "implicit", "model": "ALS partial_fit_users", "fit_seconds": fit, "fold_ins": n, "seconds": s,
                  "cpu_seconds": cpu, "fold_ins_per_second": n / s, "fold_ins_per_cpu_second": n / cpu, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
