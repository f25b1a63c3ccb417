#!/usr/bin/env bash
# online and offpolicy on the bundled exposure log through the built binary: the tables appear,
# the replay warning shows for the non-uniform logging policy, a bad policy fails cleanly, and
# a seeded bootstrap gives the same output twice.
source "$(dirname "$0")/e2e_lib.bash"
script='load "datasets/exposures.csv" as exposures
online exposures by=strategy
offpolicy exposures action=strategy reward=clicked propensity=propensity policy="if(device == '"'"'desktop'"'"', '"'"'personalised'"'"', '"'"'popular'"'"')" context=device,segment
offpolicy exposures action=strategy reward=clicked propensity=propensity policy=greedy
offpolicy exposures action=strategy reward=clicked propensity=propensity policy=popular resamples=50 seed=9'
out=$(printf '%s\n' "$script" | "$bin" --keep-going 2>&1)
again=$(printf '%s\n' "$script" | STRATA_THREADS=1 "$bin" --keep-going 2>&1)
check "online table" contains "$out" "7.72% (7.15–8.33)"
check "IPS estimate" contains "$out" "0.09797"
check "replay warning" contains "$out" "the logging policy was not uniform"
check "unknown action" contains "$out" "'greedy' is not an action in the log"
check "bootstrap note" contains "$out" "bootstrap: 50 resamples"
check "same on 1 and 2 threads" [ "$out" = "$again" ]
echo "online.sh: $((checks - failures))/$checks checks passed"
[ "$failures" = 0 ]
