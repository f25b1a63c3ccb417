#!/usr/bin/env bash
# A/B at 10 million rows: Strata (strata-bench abtest, release) against pandas + statsmodels
# proportions_ztest + scipy.stats.bootstrap in the same run. The log is generated once (seeded) in
# $PEERS/data. A bootstrap of 10,000 resamples over all 10M rows is 10^11 draws — hours for either
# tool on a shared 2-core machine — so the bootstrap runs on the first BOOT_ROWS rows (default
# 100,000): still 10,000 resamples, 10^9 draws. Usage: run.sh [ROWS] [RESAMPLES] [BOOT_ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
PEERS=${PEERS:-$(cd .. && pwd)/peers}
PY=$PEERS/venv/bin/python
rows=${1:-10000000}; resamples=${2:-10000}; boot_rows=${3:-100000}
mkdir -p "$PEERS/data"
log=$PEERS/data/ab_${rows}.csv
[ -f "$log" ] || "$PY" Benchmarks/abtest/gen_log.py "$log" "$rows"
swift build -c release --product strata-bench >&2
"$PY" -c 'import numpy, pandas, scipy, statsmodels; print("numpy", numpy.__version__, "pandas", pandas.__version__, "scipy", scipy.__version__, "statsmodels", statsmodels.__version__)'
"$PY" Benchmarks/abtest/bench.py "$log" --strata .build/release/strata-bench --resamples "$resamples" --boot-rows "$boot_rows"
