#!/usr/bin/env python3
"""Write a seeded A/B log: variant (A/B, fair coin), converted (0/1; 10.0 % in A, 10.5 % in B) and
revenue (0 unless converted, else lognormal around £40). Usage: gen_log.py OUT [ROWS=10000000].
The same seed and row count always give the same file."""
import sys
import numpy as np

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
rng = np.random.default_rng(20261206)
with open(out, "w") as f:
    f.write("variant,converted,revenue\n")
    chunk = 1_000_000
    for start in range(0, rows, chunk):
        n = min(chunk, rows - start)
        b = rng.random(n) < 0.5
        converted = rng.random(n) < np.where(b, 0.105, 0.100)
        revenue = np.where(converted, np.round(np.exp(rng.normal(3.5, 0.6, n)), 2), 0.0)
        lines = [f"{'B' if v else 'A'},{int(c)},{r:.2f}" for v, c, r in zip(b, converted, revenue)]
        f.write("\n".join(lines) + "\n")
