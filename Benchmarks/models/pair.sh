#!/bin/bash
# Gradient boosting against LightGBM, each Strata fit followed at once by a LightGBM fit on the same
# split, so both see the same state of a shared machine. Prints wall fit seconds and hold-out AUC.
#   SIZE=50000|500000 T=1|2 N=5 PEERS=/work/peers Benchmarks/models/pair.sh
# The split comes from Benchmarks/models/run.sh (it creates $PEERS/data/churn_$SIZE_split).
set -euo pipefail
cd "$(dirname "$0")/../.."
PEERS=${PEERS:-../peers}
S=$PEERS/data/churn_${SIZE:-50000}_split
T=${T:-2}
PY=${PY:-$PEERS/venv/bin/python}
summary='import sys, json
d = [json.loads(l) for l in sys.stdin if l.startswith("{")][0]
print("%.3f s, AUC %.4f" % (d["fit_seconds"], d["auc"]))'
for _ in $(seq 1 "${N:-3}"); do
  strata=$(STRATA_THREADS=$T .build/release/strata-bench models "$S/train.csv" "$S/test.csv" --model gbm | python3 -c "$summary")
  lightgbm=$("$PY" Benchmarks/models/bench.py fit lgbm "$S/train.csv" "$S/test.csv" --threads "$T" | python3 -c "$summary")
  echo "rows=${SIZE:-50000} threads=$T  Strata $strata  LightGBM $lightgbm"
done
