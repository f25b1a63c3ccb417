#!/usr/bin/env bash
# Loads ../shared/data/online-retail/online_retail.csv and a seeded 10-million-row ratings file,
# and groups each by its customer/user column, with Strata, pandas and polars in the same run.
# Set-up (outside the repository) happens on first use: a venv with pandas and polars in
# $PEERS/venv and the generated file in $PEERS/data (PEERS defaults to ../peers beside the repo).
set -euo pipefail
cd "$(dirname "$0")/../.."
PEERS=${PEERS:-$(cd .. && pwd)/peers}
PY=$PEERS/venv/bin/python
if [ ! -x "$PY" ]; then
  python3 -m venv "$PEERS/venv"
  "$PEERS/venv/bin/pip" install -q numpy pandas polars
fi
mkdir -p "$PEERS/data"
ratings=$PEERS/data/ratings_10m.csv
[ -f "$ratings" ] || "$PY" Benchmarks/load-and-group/gen_10m.py "$ratings"
swift build -c release --product strata-bench >&2
bench=.build/release/strata-bench
"$PY" --version; "$PY" -c 'import pandas, polars; print("pandas", pandas.__version__, "polars", polars.__version__)'
"$PY" Benchmarks/load-and-group/bench.py ../shared/data/online-retail/online_retail.csv CustomerID Quantity --strata "$bench"
"$PY" Benchmarks/load-and-group/bench.py "$ratings" user rating --strata "$bench"
