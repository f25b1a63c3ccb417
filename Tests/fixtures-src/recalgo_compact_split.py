"""Compact a bench_recsys split (train.csv, test.csv) into one CSV user,item,rating,test and keep
the peers' reference figures from its --json output. Usage: SPLIT_DIR RESULTS_JSON OUT_CSV OUT_JSON"""
import csv, json, sys

split_dir, results, out_csv, out_json = sys.argv[1:5]
with open(out_csv, "w", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["user", "item", "rating", "test"])
    for name, flag in (("train.csv", 0), ("test.csv", 1)):
        with open(f"{split_dir}/{name}") as f:
            for row in csv.DictReader(f):
                w.writerow([row["user"], row["item"], int(float(row["rating"])), flag])
rows = json.load(open(results))
rows = rows["rows"]
keep = {}
for r in rows:
    name = r["algorithm"]
    if name in ("surprise-svd", "implicit-als", "lk-iknn-implicit") and name not in keep:
        keep[name] = {k: r.get(k) for k in ("rmse", "P", "NDCG") if r.get(k) is not None}
json.dump(keep, open(out_json, "w"), indent=1, sort_keys=True)
