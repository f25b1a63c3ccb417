#!/usr/bin/env bash
# End-to-end checks of the predictive models with the built binary on datasets/customers.csv: a
# logistic regression and a gradient-boosted model fitted on the same folds, compared by `evaluate
# models`, judged by `model report` (ROC, lift, calibration, confusion), swept over one option,
# explained row by row, their probabilities cut into tiers; the same figures on 1 and 2 threads, a
# saved session replays, and bad input fails with a message.
#
# Usage: Tests/e2e/models.sh [path/to/strata]
set -u
source "$(dirname "$0")/e2e_lib.bash"

features="features=age,tenure_months,orders,spend,support_calls,channel"
cat > "$work/m.strata" <<STRATA
load "datasets/customers.csv" as customers
model logistic customers target=churned $features folds=3 seed=1 as lr
model gbm customers target=churned $features rounds=50 leaves=15 folds=3 seed=1 as gb
evaluate models lr, gb
model report gb show=roc,lift,calibration,confusion
model report lr show=importance,pdp feature=support_calls
model sweep logistic customers target=churned $features param=c values=0.01,1 folds=3 seed=1
predict gb customers explain=3 as scored
segment scored by p_churned thresholds=0.2,0.5 labels=low,medium,high name=risk
save session "$work/saved.strata"
STRATA
out=$(NO_COLOR=1 STRATA_THREADS=1 "$bin" run "$work/m.strata" 2>&1); rc=$?
check "the models session runs ($out)" [ "$rc" = 0 ]
check "evaluate compares both on the same folds" contains "$out" "means over folds, stratified 3-fold CV (seed 1) on 5,000 rows of customers"
check "the corrected paired test is printed" contains "$out" "corrected resampled t-test (Nadeau & Bengio)"
check "the report uses the out-of-fold scores" contains "$out" "scores: stratified 3-fold CV"
check "the ROC curve is drawn" contains "$out" "ROC curve, AUC 0."
check "the lift table and bars" contains "$out" "lift by decile (1 = the 10% with the highest scores"
check "the calibration bins" contains "$out" "calibration bins"
check "the confusion matrix at the best-F1 threshold" contains "$out" "(the one that maximises F1)"
check "permutation importance, seeded" contains "$out" "permutation importance: drop in AUC when shuffled (5 repeats, seed 1"
check "partial dependence on support_calls" contains "$out" "partial dependence of the probability of churned = 1 on support_calls"
check "the sweep names its best value" contains "$out" "best c by AUC:"
check "the sweep table is kept" contains "$out" "customers_logistic_sweep: one row per value of c"
check "predict adds reasons" contains "$out" "reason_1..reason_3"
check "segment cuts the probabilities into tiers" contains "$out" "high"
two=$(NO_COLOR=1 STRATA_THREADS=2 "$bin" run "$work/m.strata" 2>&1)
check "1 and 2 threads print the same" [ "$out" = "$two" ]
check "the saved session replays identically" "$bin" check "$work/saved.strata"

# The report's ROC AUC (gb) is the pooled out-of-fold AUC `model gb` printed (rounded to 4 places).
pooled=$(printf '%s\n' "$out" | grep '│ AUC ' | sed -n 2p | awk -F'│' '{gsub(/ /,"",$7); print $7}')
report=$(printf '%s\n' "$out" | grep -m1 'ROC curve, AUC' | sed 's/.*AUC //')
rounded=$(awk -v x="$report" 'BEGIN { printf "%.4f", x }')
check "the report's AUC $report is gb's pooled out-of-fold AUC $pooled" [ "${pooled:-none}" = "$rounded" ]

fit="load \"datasets/customers.csv\" as customers\nmodel logistic customers target=churned features=orders,support_calls folds=3 as lr\n"
bad=$(printf "${fit}model sweep logistic customers target=churned param=depth values=1,2\n" | "$bin" 2>&1)
check "an unknown sweep option lists the kind's options ($bad)" contains "$bad" "logistic's options: c, max_iter"
bad=$(printf "${fit}model report lr show=residuals\n" | "$bin" 2>&1)
check "a regressor-only part is refused for a classifier ($bad)" contains "$bad" "cannot show 'residuals'"
bad=$(printf "${fit}select customers customer_id, age as slim\nmodel report lr on slim\n" | "$bin" 2>&1)
check "scoring a table without the target is refused ($bad)" contains "$bad" "has no column 'churned'"

echo "models.sh: $((checks - failures))/$checks checks passed"
[ "$failures" = 0 ]
