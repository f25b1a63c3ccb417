#!/usr/bin/env bash
# Recommender data layer and evaluation on goodbooks-10k (981,756 ratings): Strata's CSR build,
# interactions from the table, per-user split and popularity evaluation at k=10, beside
# bench_recsys.py's pop-numpy (its split, top-10 for every test user and metrics) in the same run.
# Needs the peers venv described in ../shared/peers/README.md ($PEERS, default ../peers).
set -euo pipefail
cd "$(dirname "$0")/../.."
PEERS=${PEERS:-$(cd .. && pwd)/peers}
PY=$PEERS/venv/bin/python
DATA=${1:-../shared/data/goodbooks-10k/ratings.csv}
swift build -c release --product strata-bench >&2
strata=$(.build/release/strata-bench recsys-data "$DATA" 5)
"$PY" ../shared/peers/bench_recsys.py "$DATA" --algos pop-numpy --threads 1 --json /tmp/recsys-data-peer.json >/dev/null
STRATA="$strata" "$PY" - <<'PYEOF'
import json, os
s = json.loads(os.environ["STRATA"])
p = json.load(open("/tmp/recsys-data-peer.json"))["rows"][0]
print(f"ratings {s['ratings']:,}; {s['entries']:,} (user, item) entries after duplicates; {s['users']:,} users x {s['items']:,} items")
print(f"{'task':58s} {'strata s':>9s} {'peer s':>9s}")
print(f"{'CSR from triplets, both orientations (median of 5)':58s} {s['csr_both_orientations_seconds']:9.4f} {'-':>9s}")
print(f"{'  CPU time: by user / transpose (single-threaded)':58s} {s['csr_by_user_cpu_seconds']:9.4f} / {s['csr_transpose_cpu_seconds']:.4f}")
print(f"{'interactions from the table: ids, duplicates, CSR x2':58s} {s['interactions_build_seconds']:9.4f} {'-':>9s}")
print(f"{'per-user 80/20 split':58s} {s['split_seconds']:9.4f} {'-':>9s}")
print(f"{'popularity top-10 for every test user + P/R/NDCG/MAP/MRR/hit/cov':58s} {s['evaluate_pop_k10_seconds']:9.4f} {p['fit_s'] + p['rec_s']:9.4f}  (pop-numpy fit+rec, P/R/NDCG/cov)")
print(f"{'  same, plus novelty and personalization (2,000 users)':58s} {s['evaluate_pop_k10_all_metrics_seconds']:9.4f}")
print(f"test users: strata {s['test_users']:,} (own seeded split), peer {p['users']:,}; P@10 strata {s['precision10']:.4f} peer {p['P']:.4f}; NDCG@10 strata {s['ndcg10']:.4f} peer {p['NDCG']:.4f}")
PYEOF
