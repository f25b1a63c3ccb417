#!/usr/bin/env bash
# k-means on 1,000,000 × 8 points in 8 blobs (k=8) and the exact silhouette of 20,000 of them,
# with Strata and scikit-learn in the same run. Needs the peers venv ($PEERS/venv with numpy,
# pandas, scikit-learn; PEERS defaults to ../peers beside the repository) and writes the data
# with ../shared/peers/gen_blobs.py into $PEERS/data on first use.
set -euo pipefail
cd "$(dirname "$0")/../.."
PEERS=${PEERS:-$(cd .. && pwd)/peers}
PY=$PEERS/venv/bin/python
GEN=../shared/peers/gen_blobs.py
mkdir -p "$PEERS/data"
data=$PEERS/data/blobs_1m_d8_k8.csv
[ -f "$data" ] || "$PY" "$GEN" --n 1000000 --d 8 --k 8 --seed 42 --out "$data"
swift build -c release --product strata-bench --scratch-path .build-release >&2
bench=.build-release/release/strata-bench
uptime
"$PY" Benchmarks/cluster/bench.py "$data" --k 8 --strata "$bench" --n-init "${N_INIT:-3}" --max-iter 100 --sil 20000
# Overlapping blobs (std 4) make k-means iterate longer: a per-iteration comparison.
heavy=$PEERS/data/blobs_1m_d8_k8_std4.csv
[ -f "$heavy" ] || "$PY" "$GEN" --n 1000000 --d 8 --k 8 --seed 42 --std 4 --out "$heavy"
"$PY" Benchmarks/cluster/bench.py "$heavy" --k 8 --strata "$bench" --n-init "${N_INIT:-3}" --max-iter 100 --sil 0
