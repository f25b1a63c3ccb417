#!/usr/bin/env python3
"""Writes a seeded ratings log in the schema of datasets/ratings.csv, scaled up: exactly ROWS rows of
`user_id,item_id,rating,timestamp` (default 10,000,000), with the item ids of datasets/items.csv, so
that sessions/recommenders.strata runs on it unchanged (its content-based model and `similar item`
use the catalogue; user 10003 exists).

Usage: gen_ratings.py ITEMS_CSV OUTPUT_CSV [ROWS] [SEED]

Why not strata-datagen: it writes the whole teaching world (5,000 customers, transactions, events,
experiments) from one seed and has no size option; its ratings draw is the model here. Each user
belongs to one of 40 taste groups; which items a user rates is popularity (Zipf-like) plus twice the
group's taste for the item plus Gumbel noise, top-k without replacement, so a (user, item) pair
occurs once. The number of ratings per user is log-normal around 24 (5 to 200), as in datagen;
the stars are the item's quality, the user's leniency, the taste and noise, rounded to 1-5.
Timestamps are uniform over 2024-2025, ordered within each user. The same arguments always give
byte-identical files. Keep the output outside the repository (it is about 330 MB).
"""
import csv
import sys

import numpy as np

GROUPS = 40
CHUNK = 4_000
FIRST_USER = 10_001
START = np.datetime64("2024-01-01T00:00:00")
SPAN_SECONDS = 2 * 365 * 86_400


def item_ids(path: str) -> np.ndarray:
    with open(path, newline="", encoding="utf-8") as f:
        return np.array([int(row["item_id"]) for row in csv.DictReader(f)], dtype=np.int64)


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    ids = item_ids(sys.argv[1])
    out_path = sys.argv[2]
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000_000
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 20_261_207
    rng = np.random.default_rng(seed)
    items = len(ids)

    log_popularity = -0.9 * np.log1p(rng.permutation(items).astype(np.float64))
    quality = rng.normal(0.0, 0.6, items)
    taste = rng.normal(0.0, 1.0, (GROUPS, items))

    # Enough users for ROWS ratings; the last user's list is cut so the total is exact.
    wanted = np.exp(rng.normal(np.log(24.0), 0.8, rows // 5 + 1))
    per_user = np.clip(np.rint(wanted), 5, 200).astype(np.int64)
    cumulative = np.cumsum(per_user)
    users = int(np.searchsorted(cumulative, rows)) + 1
    per_user = per_user[:users]
    per_user[-1] -= int(cumulative[users - 1]) - rows
    group = rng.integers(0, GROUPS, users)
    leniency = rng.normal(0.0, 0.5, users)

    written = 0
    with open(out_path, "w", encoding="ascii", newline="\n") as out:
        out.write("user_id,item_id,rating,timestamp\n")
        for start in range(0, users, CHUNK):
            stop = min(users, start + CHUNK)
            n = stop - start
            fit = taste[group[start:stop]]
            keys = log_popularity + 2.0 * fit + rng.gumbel(size=(n, items))
            order = np.argsort(-keys, axis=1, kind="stable")
            counts = per_user[start:stop]
            chosen = np.arange(items)[None, :] < counts[:, None]
            item_index = order[chosen]
            user_row = np.repeat(np.arange(n), counts)
            latent = (2.7 + quality[item_index] + leniency[start + user_row]
                      + 0.9 * fit[user_row, item_index] + rng.normal(0.0, 0.7, len(item_index)))
            stars = np.clip(np.rint(latent), 1, 5).astype(np.int64)
            seconds = rng.integers(0, SPAN_SECONDS, len(item_index))
            # Each user's ratings in time order, as datagen writes them.
            by_time = np.lexsort((item_index, seconds, user_row))
            stamps = np.datetime_as_string(START + seconds[by_time].astype("timedelta64[s]"), unit="s")
            user_col = (FIRST_USER + start + user_row[by_time]).tolist()
            item_col = ids[item_index[by_time]].tolist()
            star_col = stars[by_time].tolist()
            out.write("".join(f"{u},{i},{s},{t[:10]} {t[11:]}\n"
                              for u, i, s, t in zip(user_col, item_col, star_col, stamps.tolist())))
            written += len(item_index)
    if written != rows:
        sys.exit(f"wrote {written} rows, expected {rows}")
    print(f"{out_path}: {rows} ratings, {users} users x {items} items (seed {seed})")


if __name__ == "__main__":
    main()
