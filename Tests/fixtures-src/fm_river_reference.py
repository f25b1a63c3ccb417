#!/usr/bin/env python3
"""Writes the reference for the factorisation machine's SGD (ContextualFMTests): river's
FMRegressor learning a tiny one-hot stream (user, item, device, hour band) with fixed initial
weights, the same learning rate for intercept, weights and factors, and L2 = 0 or 0.01 on both the
weights and the factors (river's l2_weight and l2_latent; Strata's reg applies to both).

Run from the repository root with the peers venv (river 0.2x):
    /work/peers/venv/bin/python Tests/fixtures-src/fm_river_reference.py
Output: Tests/StrataEngineTests/Fixtures/fm_river_reference.json
"""
import json
import os

import numpy as np
import river
from river import facto, optim

USERS, ITEMS, DEVICES, BANDS, K = 3, 4, 2, 4, 3
N = USERS + ITEMS + DEVICES + BANDS
LR, EPOCHS = 0.05, 3

rng = np.random.default_rng(7)
initial = np.round(rng.normal(0, 0.1, size=(N, K)), 6)  # rounded so JSON holds them exactly

# (user, item, device, band, target): positives 1, a few negatives 0, in this fixed order.
rows = [
    (0, 0, 0, 3, 1.0), (0, 1, 0, 3, 0.0), (1, 2, 1, 1, 1.0), (1, 0, 1, 1, 0.0),
    (2, 3, 0, 2, 1.0), (2, 1, 1, 2, 0.0), (0, 2, 1, 0, 1.0), (1, 3, 0, 3, 1.0),
    (2, 0, 1, 1, 0.0), (0, 3, 0, 2, 1.0), (1, 1, 1, 0, 0.0), (2, 2, 0, 3, 1.0),
]


def features(u, i, d, b):
    return [u, USERS + i, USERS + ITEMS + d, USERS + ITEMS + DEVICES + b]


def run(l2):
    model = facto.FMRegressor(
        n_factors=K, weight_optimizer=optim.SGD(LR), latent_optimizer=optim.SGD(LR),
        l2_weight=l2, l2_latent=l2, intercept=0.0, intercept_lr=LR, seed=0)
    for j in range(N):
        model.latents[f"f{j}"] = initial[j].copy()
        model.weights[f"f{j}"] = 0.0
    before = []
    for _ in range(EPOCHS):
        for (u, i, d, b, y) in rows:
            x = {f"f{j}": 1 for j in features(u, i, d, b)}
            before.append(model.predict_one(x))
            model.learn_one(x, y)
    final = [model.predict_one({f"f{j}": 1 for j in features(u, i, d, b)}) for (u, i, d, b, _) in rows]
    return {
        "l2": l2,
        "predictions_before_each_step": before,
        "final_predictions": final,
        "intercept": model.intercept,
        "weights": [model.weights[f"f{j}"] for j in range(N)],
        "factors": [float(v) for j in range(N) for v in model.latents[f"f{j}"]],
    }


out = {
    "river_version": river.__version__,
    "users": USERS, "items": ITEMS, "devices": DEVICES, "bands": BANDS, "k": K,
    "learning_rate": LR, "epochs": EPOCHS,
    "initial_factors": [float(v) for v in initial.flatten()],
    "rows": [{"user": u, "item": i, "device": d, "band": b, "target": y} for (u, i, d, b, y) in rows],
    "runs": [run(0.0), run(0.01)],
}
path = os.path.join("Tests", "StrataEngineTests", "Fixtures", "fm_river_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", path)
