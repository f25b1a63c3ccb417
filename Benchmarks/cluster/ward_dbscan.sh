#!/usr/bin/env bash
# Ward on 10,000 points and DBSCAN on 50,000 points (8-D blobs), Strata beside SciPy and
# scikit-learn in the same run. Needs the peers' venv ($PEERS/venv with scipy, scikit-learn,
# pandas, threadpoolctl; PEERS defaults to ../peers beside the repository) and writes the
# blobs file there on first use.
set -euo pipefail
cd "$(dirname "$0")/../.."
PEERS=${PEERS:-$(cd .. && pwd)/peers}
PY=$PEERS/venv/bin/python
data=$PEERS/data/blobs_100k_d8_k6.csv
mkdir -p "$PEERS/data"
[ -f "$data" ] || "$PY" ../shared/peers/gen_blobs.py --n 100000 --d 8 --k 6 --seed 42 --out "$data"
swift build -c release --product strata-bench --scratch-path .build-release >&2
"$PY" -c 'import sys, scipy, sklearn, numpy; print("python", sys.version.split()[0], "numpy", numpy.__version__, "scipy", scipy.__version__, "sklearn", sklearn.__version__)'
"$PY" Benchmarks/cluster/ward_dbscan.py "$data" --strata .build-release/release/strata-bench "$@"
