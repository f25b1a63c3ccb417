#!/usr/bin/env bash
# Bandit simulation throughput: 5 policies (thompson, ucb1, egreedy, softmax, linucb) × RUNS runs ×
# ROUNDS rounds against Bernoulli arms 0.04/0.05/0.06, Strata and MABWiser in the same run.
# MABWiser does one predict + partial_fit per round and is slow: it times MAB_RUNS runs (default 3)
# per policy and scales linearly to RUNS; its JSON says which figures are scaled.
# Needs the peers venv ($PEERS/venv with mabwiser; PEERS defaults to ../peers beside the repository,
# or beside the main checkout when this is a git worktree).
set -euo pipefail
cd "$(dirname "$0")/../.."
if COMMON=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
    CHECKOUT=$(dirname "$COMMON")
else
    CHECKOUT=$(pwd)
fi
PEERS=${PEERS:-$(dirname "$CHECKOUT")/peers}
PY=$PEERS/venv/bin/python
[ -x "$PY" ] || { echo "no Python at $PY: set PEERS to the folder holding the peers venv" >&2; exit 1; }
RUNS=${RUNS:-100}
ROUNDS=${ROUNDS:-10000}
swift build -c release --product strata-bench --scratch-path .build-release >&2
uptime
/usr/bin/time -f '{"strata_max_rss_kb": %M}' .build-release/release/strata-bench bandits "$RUNS" "$ROUNDS"
/usr/bin/time -f '{"mabwiser_max_rss_kb": %M}' "$PY" Benchmarks/bandits/mabwiser_bench.py --runs "${MAB_RUNS:-3}" --full-runs "$RUNS" --rounds "$ROUNDS"
uptime
