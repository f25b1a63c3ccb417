#!/usr/bin/env bash
# Prequential throughput (top-10 + update per event) of the incremental recommenders on the bundled
# events and on a generated 10-million-event log, beside River (a progressive loop: predict_one, learn_one; BiasedMF and
# FunkMF, rating prediction only) and implicit's partial_fit_users (ALS fold-in); peak memory; the
# item-kNN update cost over ten slices of the stream; like for like with River: Strata's biased and
# Funk MF (River's own update rules, same factors and learning rate) predicting then learning each
# rating, no lists. One process per model; each line reports wall and CPU seconds (shared machine).
# On the 10M log item-kNN and ISGD score one eligible event in EVERY_10M (default 100; every event
# still updates), River runs on the first RIVER_10M events (default 1,000,000).
# Needs the peers venv ($PEERS/venv with river and implicit; PEERS defaults to ../peers).
set -euo pipefail
cd "$(dirname "$0")/../.."
PEERS=${PEERS:-$(cd .. && pwd)/peers}
PY=$PEERS/venv/bin/python
BIG=${BIG:-/tmp/strata_stream_10m.csv}
EVERY_10M=${EVERY_10M:-100}
swift build -c release --product strata-bench --scratch-path .build-release >&2
[ -f "$BIG" ] || "$PY" Benchmarks/streaming/gen_events.py "$BIG" --events 10000000 --seed 42
uptime
B=.build-release/release/strata-bench
for m in popular itemknn isgd; do $B prequential $m datasets/events.csv; done
$B prequential itemknn-update datasets/events.csv
for m in biasedmf funkmf; do $B prequential $m datasets/events.csv; done
$B prequential als-foldin datasets/events.csv 20000
"$PY" Benchmarks/streaming/river_bench.py datasets/events.csv
"$PY" Benchmarks/streaming/implicit_bench.py datasets/events.csv 20000
$B prequential popular "$BIG"
for m in itemknn isgd; do $B prequential $m "$BIG" "$EVERY_10M"; done
$B prequential itemknn-update "$BIG"
for m in biasedmf funkmf; do $B prequential $m "$BIG" 1 "${RIVER_10M:-1000000}"; done
"$PY" Benchmarks/streaming/river_bench.py "$BIG" "${RIVER_10M:-1000000}"
