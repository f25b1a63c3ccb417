#!/usr/bin/env python3
"""Writes a seeded 10-million-row `user,item,rating,timestamp` integer CSV (about 250 MB).

Usage: gen_10m.py OUTPUT_PATH [ROWS]

Keep the output outside the repository (for example /work/peers/data/ratings_10m.csv).
The same seed and row count always give byte-identical files.
"""
import sys

import numpy as np


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
    rng = np.random.default_rng(20240601)
    block = 1_000_000
    with open(path, "w", encoding="ascii", newline="\n") as out:
        out.write("user,item,rating,timestamp\n")
        for start in range(0, rows, block):
            n = min(block, rows - start)
            users = rng.integers(1, 300_001, n)
            items = rng.integers(1, 60_001, n)
            ratings = rng.integers(1, 6, n)
            stamps = rng.integers(946_684_800, 1_700_000_000, n)
            table = np.stack([users, items, ratings, stamps], axis=1)
            out.write("\n".join(",".join(map(str, row)) for row in table.tolist()))
            out.write("\n")


if __name__ == "__main__":
    main()
