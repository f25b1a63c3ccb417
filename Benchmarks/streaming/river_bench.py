"""River's side of the streaming benchmark: progressive_val_score with reco.BiasedMF and
reco.FunkMF (rating prediction only: River has no top-N), over the first N events of a CSV in
file order. Target: the event weight (view 1, cart 3, purchase 5) when there is an event column,
else 1. Prints one JSON line per model with events per second and peak RSS."""
import json, resource, sys, time
import pandas as pd
from river import evaluate, metrics, optim, reco

path, first = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None
d = pd.read_csv(path, nrows=first)
weights = {"view": 1.0, "cart": 3.0, "purchase": 5.0}
ys = d["event"].map(weights).fillna(1.0).tolist() if "event" in d.columns else [1.0] * len(d)
stream = [({"user": u, "item": i}, y) for u, i, y in zip(d["user_id"].tolist(), d["item_id"].tolist(), ys)]
for name, model in [("BiasedMF", reco.BiasedMF(n_factors=10, optimizer=optim.SGD(0.05), seed=42)),
                    ("FunkMF", reco.FunkMF(n_factors=10, optimizer=optim.SGD(0.05), seed=42))]:
    t = time.perf_counter()
    score = evaluate.progressive_val_score(iter(stream), model, metrics.MAE())
    s = time.perf_counter() - t
    print(json.dumps({"peer": "river", "model": name, "events": len(stream), "seconds": s,
                      "events_per_second": len(stream) / s, "mae": score.get(),
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
