#!/usr/bin/env bash
# Recommender algorithms, Strata beside Surprise, implicit and LensKit in the same run, on the same
# split: ../shared/peers/bench_recsys.py makes its seeded per-user 80/20 split (--write-split), runs the
# peers, then strata-bench fits item-kNN (k=20), MF (20 epochs) and ALS (64 factors, 15 iterations) on
# the written train.csv, ranks top-10 for every test user and scores it with the same definitions.
# Each Strata algorithm runs in its own process, so its peak RSS is its own.
#   Benchmarks/recsys/run.sh [RATINGS.csv]          (default: goodbooks-10k)
#   ALGOS=surprise-svd,implicit-als Benchmarks/recsys/run.sh   (peers to run; lk-iknn-implicit takes minutes)
set -euo pipefail
cd "$(dirname "$0")/../.."
PEERS=${PEERS:-$(cd .. && pwd)/peers}
PY=$PEERS/venv/bin/python
DATA=${1:-../shared/data/goodbooks-10k/ratings.csv}
ALGOS=${ALGOS:-surprise-svd,implicit-als,lk-iknn-implicit}
NAME=$(basename "$DATA" .csv)-$(basename "$(dirname "$DATA")")
SPLIT=$PEERS/data/recsys-split-$NAME
mkdir -p "$PEERS/results"
PEER_JSON=$PEERS/results/recsys-$NAME.json
STRATA_JSON=$PEERS/results/recsys-$NAME-strata.jsonl
swift build -c release --scratch-path .build-release --product strata-bench >&2
bench=.build-release/release/strata-bench
"$PY" ../shared/peers/bench_recsys.py "$DATA" --write-split "$SPLIT" --algos "$ALGOS" --threads 2 --json "$PEER_JSON"
: > "$STRATA_JSON"
for algo in "itemknn k=20" "mf epochs=20" "als factors=64 iterations=15"; do
  # shellcheck disable=SC2086
  "$bench" recsys "$SPLIT/train.csv" "$SPLIT/test.csv" $algo | tee -a "$STRATA_JSON"
done
"$PY" - "$PEER_JSON" "$STRATA_JSON" "$DATA" <<'PY'
import json, os, sys
peers = json.load(open(sys.argv[1]))["rows"]
strata = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
raw_mb = os.path.getsize(sys.argv[3]) / 2**20
print(f"\n{'who':7} {'algorithm':44} {'thr':>3} {'fit s':>8} {'rec s':>8} {'RMSE':>7} {'P@10':>7} {'NDCG@10':>8} {'peak MB':>8}")
for r in peers:
    print(f"{'peer':7} {r['algorithm']:44} {r.get('threads', ''):>3} {r['fit_s']:8.2f} {r.get('rec_s') or 0:8.2f} "
          f"{(r.get('rmse') or float('nan')):7.4f} {r['P']:7.4f} {r['NDCG']:8.4f} {'':>8}")
for r in strata:
    print(f"{'strata':7} {r['algorithm']:44} {2:>3} {r['fit_s']:8.2f} {r['rec_s']:8.2f} "
          f"{(r['rmse'] or float('nan')):7.4f} {r['p10']:7.4f} {r['ndcg10']:8.4f} {r['peak_rss_mb']:8.1f}")
print(f"raw interaction data: {raw_mb:.1f} MB ({sys.argv[3]}); peak RSS target < {3 * raw_mb:.1f} MB")
PY
