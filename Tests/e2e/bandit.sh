#!/usr/bin/env bash
# End-to-end bandit checks with the built binary: recommendation strategies of the bundled data as
# arms (held-out hits on a split, context = the latent segment), fixed-rate arms replayed to the same
# figures on 1 and 2 threads, and the bad inputs refused with the workspace unchanged.
#
# Usage: Tests/e2e/bandit.sh [path/to/strata]
set -u
source "$(dirname "$0")/e2e_lib.bash"

cat > "$work/s.strata" <<STRATA
load "datasets/ratings.csv" as ratings
load "datasets/segments.csv" as segments
rename segments columns=customer_id:user_id as seg
join ratings seg on=user_id as rs
split rs by=user test=0.2 seed=7 as parts
recommender popular parts.train as pop
recommender itemknn parts.train neighbors=20 as iknn
recommender als parts.train factors=16 iterations=5 seed=1 as als
bandit simulate recommenders=pop,iknn,als split=parts k=10 context=latent_segment policies=thompson,ucb1,egreedy,linucb rounds=2000 runs=10 seed=5 as rb
STRATA
out=$("$bin" run "$work/s.strata" 2>&1); rc=$?
check "the recommender bandit session runs ($out)" [ "$rc" = 0 ]
check "the arms are the recommenders" contains "$out" "3 recommenders (pop, iknn, als)"
check "the context is the latent segment" contains "$out" "bargain_hunter"
check "an arm earns evaluate's hit rate (iknn hitrate@10 = 0.6529)" contains "$out" "0.6529"
check "summary and curves are bound" contains "$out" "rb.curves"

cat > "$work/f.strata" <<STRATA
bandit simulate arms=0.04,0.05,0.06 policies=thompson,ucb1,egreedy,softmax,gaussian rounds=3000 runs=8 seed=11 as sim
STRATA
one=$(STRATA_THREADS=1 "$bin" run "$work/f.strata" 2>&1)
two=$(STRATA_THREADS=2 "$bin" run "$work/f.strata" 2>&1)
check "fixed arms run" contains "$one" "had the least regret"
check "1 and 2 threads print the same" [ "$one" = "$two" ]

for bad in "arms=0.5 rounds=10|at least two arms" "arms=0.2,1.5 rounds=10|outside [0, 1]" "arms=0.2,0.3 rounds=0|between 1 and"; do
  printf 'bandit simulate %s\n' "${bad%%|*}" > "$work/b.strata"
  msg=$("$bin" run "$work/b.strata" 2>&1); rc=$?
  check "bandit simulate ${bad%%|*} fails clearly ($msg)" [ "$rc" != 0 ]
  check "the message says why (${bad##*|})" contains "$msg" "${bad##*|}"
done

echo "bandit.sh: $((checks - failures))/$checks checks passed"
[ "$failures" = 0 ]
