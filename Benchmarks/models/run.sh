#!/usr/bin/env bash
# Random forest (100 trees) and gradient boosting (100 rounds, 31 leaves) on generated churn data,
# Strata (strata-bench models, release) beside scikit-learn's RandomForestClassifier and
# HistGradientBoostingClassifier and LightGBM in the same run, on 1 and 2 threads; then exact
# TreeSHAP for the first SHAP_ROWS test rows of a 100-tree forest (depth SHAP_DEPTH) beside
# shap.TreeExplainer. The data come from ../shared/peers/gen_churn.py (seed 42) into $PEERS/data;
# Benchmarks/models/bench.py splits each file once (stratified 80/20, seed 42) and both sides read
# that split. Every measurement is its own process, so each peak RSS is its own.
#   Benchmarks/models/run.sh                       (50k and 500k rows, every tool)
#   SIZES=50000 Benchmarks/models/run.sh           (one size)
#   BIG_TOOLS=strata,lgbm Benchmarks/models/run.sh (at sizes above 100k run only these:
#                                                   strata, rf, hgb, lgbm; default all)
#   SHAP_ROWS=10000 SHAP_DEPTH=8 SHAP_SIZE=50000 THREADS="1 2" SHAP_THREADS="1 2"   (the defaults;
#                                                   SHAP_THREADS are Strata's, shap runs on one
#                                                   thread; SHAP_ROWS=0 skips TreeSHAP)
#   SHAP_METHODS="automatic path"                  (Strata's TreeSHAP: automatic = as the models run it,
#                                                   each tree's method chosen by cost; path = Algorithm 2
#                                                   only; leafSubsets = Fast TreeSHAP v2 only; default automatic)
#   STRATA_MODELS="gbm" Benchmarks/models/run.sh   (Strata's models to run; default "rf gbm")
#   PEER_MODELS="rf" Benchmarks/models/run.sh      (the peers' models to run; default "rf hgb lgbm")
#   SHARED_PEERS=/work/shared/peers Benchmarks/models/run.sh  (where gen_churn.py is; default ../shared/peers)
#   NO_BUILD=1 Benchmarks/models/run.sh            (use the strata-bench already built)
#   RESULTS=FILE.jsonl Benchmarks/models/run.sh    (append to this results file; default a new one)
set -euo pipefail
cd "$(dirname "$0")/../.."
PEERS=${PEERS:-$(cd .. && pwd)/peers}
PY=$PEERS/venv/bin/python
SHARED_PEERS=${SHARED_PEERS:-../shared/peers}
SIZES=${SIZES:-50000 500000}
THREADS=${THREADS:-1 2}
BIG_TOOLS=${BIG_TOOLS:-strata,rf,hgb,lgbm}
SHAP_ROWS=${SHAP_ROWS:-10000}
SHAP_DEPTH=${SHAP_DEPTH:-8}
SHAP_THREADS=${SHAP_THREADS:-$THREADS}
SHAP_SIZE=${SHAP_SIZE:-50000}
SHAP_METHODS=${SHAP_METHODS:-automatic}
STRATA_MODELS=${STRATA_MODELS:-rf gbm}
PEER_MODELS=${PEER_MODELS:-rf hgb lgbm}
mkdir -p "$PEERS/data" "$PEERS/results"
RESULTS=${RESULTS:-$PEERS/results/models-$(date -u +%Y%m%dT%H%M%SZ).jsonl}
[ -n "${NO_BUILD:-}" ] || swift build -c release --product strata-bench >&2
bench=.build/release/strata-bench
"$PY" -c 'import sklearn, lightgbm, shap, numpy, pandas; print("scikit-learn", sklearn.__version__, "lightgbm", lightgbm.__version__, "shap", shap.__version__, "numpy", numpy.__version__, "pandas", pandas.__version__)'
echo "machine: $(nproc) cores, $(uptime)"
runs() { [ "$1" -le 100000 ] || [[ ",$BIG_TOOLS," == *",$2,"* ]]; }
for n in $SIZES; do
  data=$PEERS/data/churn_$n.csv
  [ -f "$data" ] || "$PY" "$SHARED_PEERS/gen_churn.py" --n "$n" --seed 42 --out "$data"
  split=$PEERS/data/churn_${n}_split
  [ -f "$split/test.csv" ] || "$PY" Benchmarks/models/bench.py split "$data" "$split"
  for t in $THREADS; do
    if runs "$n" strata; then
      for model in $STRATA_MODELS; do
        STRATA_THREADS=$t "$bench" models "$split/train.csv" "$split/test.csv" --model "$model" | tee -a "$RESULTS"
      done
    fi
    for model in $PEER_MODELS; do
      if runs "$n" "$model"; then
        "$PY" Benchmarks/models/bench.py fit "$model" "$split/train.csv" "$split/test.csv" --threads "$t" | tee -a "$RESULTS"
      fi
    done
  done
done
if [ "$SHAP_ROWS" -gt 0 ]; then
  data=$PEERS/data/churn_$SHAP_SIZE.csv
  [ -f "$data" ] || "$PY" "$SHARED_PEERS/gen_churn.py" --n "$SHAP_SIZE" --seed 42 --out "$data"
  split=$PEERS/data/churn_${SHAP_SIZE}_split
  [ -f "$split/test.csv" ] || "$PY" Benchmarks/models/bench.py split "$data" "$split"
  for method in $SHAP_METHODS; do
    for t in $SHAP_THREADS; do
      STRATA_THREADS=$t "$bench" models "$split/train.csv" "$split/test.csv" --model shap --depth "$SHAP_DEPTH" \
        --rows "$SHAP_ROWS" --shap-method "$method" | tee -a "$RESULTS"
    done
  done
  "$PY" Benchmarks/models/bench.py shap "$split/train.csv" "$split/test.csv" --depth "$SHAP_DEPTH" --rows "$SHAP_ROWS" --threads 1 | tee -a "$RESULTS"
fi
echo "machine at the end: $(uptime)"
echo "results: $RESULTS"
"$PY" Benchmarks/models/bench.py table "$RESULTS"
