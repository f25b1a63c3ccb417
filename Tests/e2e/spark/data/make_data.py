"""Writes customers.csv and ratings.csv beside this file, for Tests/e2e/spark/mappings.strata.

Synthetic, from a fixed seed: 400 customers (RFM figures, a churn flag that grows with recency,
two segment columns, an age, a spend of 3·age + 10·frequency + noise, an A/B variant) and 3,435
ratings by 300 users of 100 items (each user prefers one block of 20 items).
Run: python3 Tests/e2e/spark/data/make_data.py
"""
import os
import random

here = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(5)
segs = ["Low", "Mid", "High", "Top"]
with open(os.path.join(here, "customers.csv"), "w") as f:
    f.write("customer_id,recency,frequency,monetary,churned,before,after,age,spend,variant\n")
    for i in range(1, 401):
        rec = rng.randint(1, 365); freq = rng.randint(1, 30); mon = round(rng.lognormvariate(5, 1), 2)
        churn = 1 if rng.random() < rec / 400 else 0
        age = rng.randint(18, 80)
        spend = round(3 * age + 10 * freq + rng.gauss(0, 40), 2)
        f.write(f"{i},{rec},{freq},{mon},{churn},{rng.choice(segs)},{rng.choice(segs)},{age},{spend},{'A' if i % 2 else 'B'}\n")
with open(os.path.join(here, "ratings.csv"), "w") as f:
    f.write("user_id,item_id,rating\n")
    for u in range(1, 301):
        taste = rng.randint(0, 4)
        items = set()
        while len(items) < rng.randint(8, 25):
            items.add(rng.randint(1, 60) if rng.random() < 0.4 else taste * 20 + rng.randint(1, 20))
        for it in items:
            f.write(f"{u},{it},{rng.randint(1, 5)}\n")
