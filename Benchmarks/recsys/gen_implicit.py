#!/usr/bin/env python3
"""Writes a seeded implicit-feedback event log: `user,item,rating` where rating is the event's weight
(view 1, cart 3, purchase 5), exactly ROWS distinct (user, item) pairs (default 10,000,000).

Usage: gen_implicit.py OUTPUT_PATH [ROWS] [USERS] [ITEMS]

Structure, so that recommenders have something to find: item popularity is Zipf-like (exponent 0.9);
every user belongs to one of 40 taste groups, and each group ranks the items in its own random order
with the same Zipf shape. Half of a user's events come from the global popularity, half from the
group's. Activity per user is log-normal (at least 5 events). The same arguments always give
byte-identical files. Keep the output outside the repository (for example /work/peers/data/).
"""
import sys

import numpy as np


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
    users = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    items = int(sys.argv[4]) if len(sys.argv) > 4 else 25_000
    groups = 40
    rng = np.random.default_rng(20261123)

    weights = 1.0 / np.arange(1, items + 1) ** 0.9
    cdf = np.cumsum(weights / weights.sum())
    global_rank = rng.permutation(items)
    group_rank = np.stack([rng.permutation(items) for _ in range(groups)])
    user_group = rng.integers(0, groups, users)

    activity = rng.lognormal(0.0, 1.0, users)
    target = int(rows * 1.3)  # draws repeat some pairs; extra draws leave ROWS distinct ones
    counts = 5 + rng.multinomial(target - 5 * users, activity / activity.sum())
    user_of = np.repeat(np.arange(users), counts)
    ranks = np.minimum(np.searchsorted(cdf, rng.random(len(user_of))), items - 1)
    from_group = rng.random(len(user_of)) < 0.5
    item_of = np.where(from_group, group_rank[user_group[user_of], ranks], global_rank[ranks])

    keys = user_of.astype(np.int64) * items + item_of
    _, first = np.unique(keys, return_index=True)
    if len(first) < rows:
        sys.exit(f"only {len(first)} distinct pairs; raise the draw factor")
    keep = np.sort(rng.choice(first, size=rows, replace=False))
    event = rng.choice(np.array([1, 3, 5]), size=rows, p=[0.8, 0.15, 0.05])
    table = np.stack([user_of[keep] + 1, item_of[keep] + 1, event], axis=1)
    with open(path, "w", encoding="ascii", newline="\n") as out:
        out.write("user,item,rating\n")
        for start in range(0, rows, 1_000_000):
            block = table[start:start + 1_000_000]
            out.write("\n".join(f"{u},{i},{r}" for u, i, r in block.tolist()))
            out.write("\n")


if __name__ == "__main__":
    main()
