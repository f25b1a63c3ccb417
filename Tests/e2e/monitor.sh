#!/usr/bin/env bash
# End-to-end checks of `monitor` with the built binary on datasets/kpis.csv: each planted deviation
# (datasets/README.md) is flagged by its rule, the alert table is kept and exported, a saved session
# replays with the same alerts, and bad input fails with a message.
#
# Usage: Tests/e2e/monitor.sh [path/to/strata]
set -u
source "$(dirname "$0")/e2e_lib.bash"

cat > "$work/m.strata" <<STRATA
load "datasets/kpis.csv" as kpis
monitor kpis time=week metric=conversions denominator=visitors by=segment
monitor kpis time=week metric=conversions denominator=visitors by=segment rule=cusum as cusum_alerts
monitor kpis time=week metric=revenue denominator=visitors by=segment rule=ewma lambda=0.1
export cusum_alerts "$work/alerts.csv"
save session "$work/saved.strata"
STRATA
out=$(NO_COLOR=1 "$bin" run "$work/m.strata" 2>&1); rc=$?
check "the monitoring session runs ($out)" [ "$rc" = 0 ]
check "shewhart flags the one-week spike" contains "$out" "big_spender    │ 2025-03-17"
check "shewhart flags the drop" contains "$out" "down in the week of 2025-09-08"
check "cusum finds the small shift" contains "$out" "loyal_regular: down in the week of 2025-07-14"
check "a sparkline per segment" contains "$out" "occasional: 53 weeks;"
check "the judged periods are kept" contains "$out" "cusum_alerts: 180 judged periods"
check "the alerts export" grep -q "loyal_regular,2025-07-14" "$work/alerts.csv"
check "the saved session replays identically" "$bin" check "$work/saved.strata"

bad=$(printf 'load "datasets/kpis.csv" as kpis\nmonitor kpis time=segment metric=conversions\n' | "$bin" 2>&1)
check "a text time column is refused ($bad)" contains "$bad" "time= needs a date or timestamp column"
bad=$(printf 'load "datasets/kpis.csv" as kpis\nmonitor kpis time=week metric=visitors every=month window=24\n' | "$bin" 2>&1)
check "a series shorter than its window is refused ($bad)" contains "$bad" "needs at least 25"

echo "monitor.sh: $((checks - failures))/$checks checks passed"
[ "$failures" = 0 ]
