"""A seeded synthetic click log for the streaming benchmark: N events (user_id, item_id,
timestamp), users uniform over N/25 ids (about 25 events each), items from a power law over
20,000 ids (p ∝ 1/(rank + 10)), one event every 3 seconds from 2024-01-01. Same seed, same file.

With --window W (a fraction, e.g. 0.1), users come and go instead: event i's user is drawn from a
window of W·U consecutive ids (U = N/25) that slides from the first ids to the last over the log,
so each user is active for a stretch of it and ends with about 25/(1 − W) events (fewer at the
log's two ends), wherever in the log that stretch falls. Without it every user is active from
start to end, and histories grow with the log."""
import argparse
import numpy as np
import pandas as pd

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--events", type=int, default=10_000_000)
p.add_argument("--items", type=int, default=20_000)
p.add_argument("--seed", type=int, default=42)
p.add_argument("--window", type=float, default=None)
a = p.parse_args()
rng = np.random.default_rng(a.seed)
user_count = max(1, a.events // 25)
if a.window is None:
    users = rng.integers(0, user_count, size=a.events)
else:
    width = max(1, int(a.window * user_count))
    first = (np.arange(a.events) * (user_count - width) // max(1, a.events)).astype(np.int64)
    users = first + rng.integers(0, width, size=a.events)
weights = 1.0 / (np.arange(a.items) + 10.0)
items = rng.choice(a.items, size=a.events, p=weights / weights.sum())
start = 1_704_067_200  # 2024-01-01 00:00:00 UTC
pd.DataFrame({"user_id": users, "item_id": items, "timestamp": start + 3 * np.arange(a.events)}).to_csv(a.out, index=False)
