#!/usr/bin/env bash
# Produces Tests/StrataEngineTests/Fixtures/recalgo_synth25k_split.csv and recalgo_synth25k_peers.json:
# a seeded synthetic ratings set (../shared/peers/gen_ratings.py), bench_recsys.py's per-user 80/20 split of
# it, and the peers' figures on that split (Surprise SVD RMSE, LensKit implicit item-kNN and implicit ALS P@10).
# Run from the repository root with PEERS pointing at the peers folder (venv with surprise, implicit, lenskit).
set -euo pipefail
PEERS=${PEERS:-$(cd .. && pwd)/peers}
PY=$PEERS/venv/bin/python
OUT=$PEERS/data/recalgo
mkdir -p "$OUT"
"$PY" ../shared/peers/gen_ratings.py --users 400 --items 800 --ratings 25000 --seed 42 --out "$OUT/synth_400_800_25k.csv"
"$PY" ../shared/peers/bench_recsys.py "$OUT/synth_400_800_25k.csv" --write-split "$OUT/synth_25k_split" \
  --algos surprise-svd,implicit-als,lk-iknn-implicit --threads 1 --json "$OUT/synth_25k_results.json"
"$PY" Tests/fixtures-src/recalgo_compact_split.py "$OUT/synth_25k_split" "$OUT/synth_25k_results.json" \
  Tests/StrataEngineTests/Fixtures/recalgo_synth25k_split.csv Tests/StrataEngineTests/Fixtures/recalgo_synth25k_peers.json
