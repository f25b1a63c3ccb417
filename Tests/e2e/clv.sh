#!/usr/bin/env bash
# End-to-end lifetime-value checks with the built binary: fit BG/NBD and Gamma–Gamma on the bundled
# transactions, with a 90-day hold-out; the fitted parameters equal lifetimes' (the fixture in
# Tests/StrataEngineTests/Fixtures/clv_reference.json) to the digits printed; bad input fails cleanly
# and leaves the workspace unchanged.
#
# Usage: Tests/e2e/clv.sh [path/to/strata]
set -u
source "$(dirname "$0")/e2e_lib.bash"

cat > "$work/clv.strata" <<STRATA
load "datasets/transactions.csv" as tx
derive tx amount = quantity * unit_price
clv tx customer=customer_id time=invoice_date amount=amount holdout=90 as lifetime
describe lifetime
STRATA
out=$("$bin" run "$work/clv.strata" 2>&1); rc=$?
check "the clv session runs ($out)" [ "$rc" = 0 ]
check "5,000 customers are scored" contains "$out" "lifetime: 5,000 customers, observed through 2025-12-09"
check "BG/NBD r equals lifetimes' 1.1945" contains "$out" "1.1945"
check "BG/NBD alpha equals lifetimes' 57.369" contains "$out" "57.369"
check "Gamma–Gamma q equals lifetimes' 3.0238" contains "$out" "3.0238"
check "returns are left out and counted" contains "$out" "with amount ≤ 0 (returns)"
check "the hold-out table is shown" contains "$out" "mean repeat purchases in the hold-out, by calibration frequency"
check "the hold-out chart is drawn" contains "$out" "actual vs expected purchases in the 90-day hold-out"

cat > "$work/bad.strata" <<STRATA
load "datasets/transactions.csv" as tx
derive tx amount = quantity * unit_price
clv tx customer=customer_id time=invoice_date amount=amount end=2020-01-01 as lifetime
STRATA
out=$("$bin" run "$work/bad.strata" 2>&1); rc=$?
check "an end before the data fails" [ "$rc" != 0 ]
check "the error names the first event" contains "$out" "is before the first event (2024-12-01)"

cat > "$work/bad2.strata" <<STRATA
load "datasets/transactions.csv" as tx
derive tx amount = quantity * unit_price
clv tx customer=customer_id time=country amount=amount
STRATA
out=$("$bin" run "$work/bad2.strata" 2>&1); rc=$?
check "a text time column fails" [ "$rc" != 0 ]
check "the error names the column" contains "$out" "column 'country' is string, not a date or timestamp"
echo "clv.sh: $((checks - failures))/$checks checks passed"
[ "$failures" = 0 ]
