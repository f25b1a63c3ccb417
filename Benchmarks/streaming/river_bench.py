"""River's side of the streaming benchmark: reco.BiasedMF and reco.FunkMF (rating prediction
only: River has no top-N) evaluated progressively over the first N events of a CSV in file order.
River 0.26's progressive_val_score refuses reco models with a regression metric, so the loop is
its own: predict_one, update MAE, learn_one, per event (what progressive_val_score does). Target: the event weight (view 1, cart 3, purchase 5) when there is an event column,
else 1. Prints one JSON line per model with events per second (wall and process CPU) and peak RSS."""
import json, resource, sys, time
import pandas as pd
from river import metrics, optim, reco

path, first = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None
d = pd.read_csv(path, nrows=first)
weights = {"view": 1.0, "cart": 3.0, "purchase": 5.0}
ys = d["event"].map(weights).fillna(1.0).tolist() if "event" in d.columns else [1.0] * len(d)
stream = list(zip(d["user_id"].tolist(), d["item_id"].tolist(), ys))
for name, model in [("BiasedMF", reco.BiasedMF(n_factors=10, bias_optimizer=optim.SGD(0.05), latent_optimizer=optim.SGD(0.05), seed=42)),
                    ("FunkMF", reco.FunkMF(n_factors=10, optimizer=optim.SGD(0.05), seed=42))]:
    t, c = time.perf_counter(), time.process_time()
    score = metrics.MAE()
    for u, i, y in stream:
        score.update(y, model.predict_one(u, i))
        model.learn_one(u, i, y)
    s, cpu = time.perf_counter() - t, time.process_time() - c
    print(json.dumps({"peer": "river", "model": name, "events": len(stream), "seconds": s, "cpu_seconds": cpu,
                      "events_per_second": len(stream) / s, "events_per_cpu_second": len(stream) / cpu, "mae": score.get(),
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
