#!/usr/bin/env bash
# Recommender algorithms, Strata beside Surprise, implicit and LensKit in the same run, on the same
# split: ../shared/peers/bench_recsys.py makes its seeded per-user 80/20 split (--write-split), then
# each peer algorithm runs in its own process (so its peak RSS, from GNU time, is its own), then
# strata-bench fits item-kNN (k=20), MF (20 epochs) and ALS (64 factors, 15 iterations) on the written
# train.csv, ranks top-10 for every test user, scores it with the same definitions, and times the
# engine's `evaluate` path (top-10 + seven metrics), each in its own process too.
#   Benchmarks/recsys/run.sh [RATINGS.csv]          (default: goodbooks-10k)
#   Benchmarks/recsys/run.sh 10m                    (the generated 10-million-interaction implicit log,
#                                                    made by gen_implicit.py into $PEERS/data when missing)
#   ALGOS=surprise-svd,implicit-als Benchmarks/recsys/run.sh   (peers to run; lk-iknn-implicit takes minutes)
#   STRATA_ALGOS="als factors=64 iterations=15" Benchmarks/recsys/run.sh   (Strata models to run, ';'-separated)
set -euo pipefail
cd "$(dirname "$0")/../.."
PEERS=${PEERS:-$(cd .. && pwd)/peers}
PY=$PEERS/venv/bin/python
DATA=${1:-../shared/data/goodbooks-10k/ratings.csv}
if [ "$DATA" = 10m ]; then
  DATA=$PEERS/data/implicit_10m.csv
  [ -f "$DATA" ] || "$PY" Benchmarks/recsys/gen_implicit.py "$DATA"
fi
ALGOS=${ALGOS:-surprise-svd,implicit-als,lk-iknn-implicit}
STRATA_ALGOS=${STRATA_ALGOS:-itemknn k=20;mf epochs=20;als factors=64 iterations=15}
NAME=$(basename "$DATA" .csv)-$(basename "$(dirname "$DATA")")
SPLIT=$PEERS/data/recsys-split-$NAME
mkdir -p "$PEERS/results"
RESULTS=$PEERS/results/recsys-$NAME
STRATA_JSON=$RESULTS-strata.jsonl
swift build -c release --scratch-path .build-release --product strata-bench >&2
bench=.build-release/release/strata-bench
"$PY" ../shared/peers/bench_recsys.py "$DATA" --write-split "$SPLIT" --algos pop-numpy --threads 2 --json "$RESULTS-pop-numpy.json"
: > "$RESULTS-peer-rss.txt"
IFS=, read -r -a peers <<< "$ALGOS"
for algo in "${peers[@]}"; do
  /usr/bin/time -f "$algo %M" -a -o "$RESULTS-peer-rss.txt" \
    "$PY" ../shared/peers/bench_recsys.py "$DATA" --algos "$algo" --threads 2 --json "$RESULTS-$algo.json"
done
: > "$STRATA_JSON"
IFS=';' read -r -a models <<< "$STRATA_ALGOS"
for model in "${models[@]}"; do
  # shellcheck disable=SC2086
  "$bench" recsys "$SPLIT/train.csv" "$SPLIT/test.csv" $model | tee -a "$STRATA_JSON"
done
"$PY" - "$RESULTS" "$DATA" "$ALGOS" <<'PY'
import json, os, sys
results, data, algos = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
rss = dict(line.split() for line in open(results + "-peer-rss.txt") if line.strip())
strata = [json.loads(l) for l in open(results + "-strata.jsonl") if l.strip()]
raw_mb = os.path.getsize(data) / 2**20
print(f"\n{'who':7} {'algorithm':46} {'fit s':>8} {'top-10 s':>9} {'eval s':>7} {'RMSE':>7} {'P@10':>7} {'NDCG@10':>8} {'peak MB':>8}")
for algo in ["pop-numpy"] + algos:
    path = f"{results}-{algo}.json"
    if not os.path.exists(path):
        continue
    for r in json.load(open(path))["rows"]:
        peak = int(rss[algo]) / 1024 if algo in rss else float("nan")
        print(f"{'peer':7} {r['algorithm'] + ' (' + str(r.get('threads', '')) + ' thr)':46} {r['fit_s']:8.2f} {r.get('rec_s') or 0:9.2f} {'':>7} "
              f"{(r.get('rmse') or float('nan')):7.4f} {r['P']:7.4f} {r['NDCG']:8.4f} {peak:8.1f}")
for r in strata:
    print(f"{'strata':7} {r['algorithm']:46} {r['fit_s']:8.2f} {r['rec_s']:9.2f} {r['eval_s']:7.2f} "
          f"{(r['rmse'] or float('nan')):7.4f} {r['p10']:7.4f} {r['ndcg10']:8.4f} {r['peak_rss_mb']:8.1f}")
print(f"raw interaction data: {raw_mb:.1f} MB ({data}); peak RSS target < {3 * raw_mb:.1f} MB")
print("peer peak MB is the whole Python process (interpreter, pandas, the split and the model) under GNU time;")
print("Strata's is the whole strata-bench process (load, fit, top-10, evaluation) from getrusage.")
PY
