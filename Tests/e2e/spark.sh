#!/usr/bin/env bash
# Spark for real: .ci/ensure-spark installs a JDK and pyspark when missing (skipped, loudly, only
# when Java or PyPI cannot be reached). Then
#   1. a hand-written reference job for part of the tour (Tests/e2e/spark/) runs in local[2] and
#      `strata check --against` passes on its output, and fails, naming the column, on a copy
#      with one figure a cent off (and names a table removed from it): the compare step on real
#      Spark output, whether or not the exporter is there;
#   2. the bundled tour, segmentation and recommenders sessions are exported with
#      `strata export spark --skip-unsupported`, each job runs with spark-submit in local[2]
#      (--input as the export says: the folder the session's data paths are relative to), and
#      `strata check --against` compares its output with the local replay;
#   3. Tests/e2e/spark/mappings.strata (scalers, learned weights, PCA, assign, migrate, linear and
#      ridge regression, both A/B tests, item-kNN lists on small synthetic data) exports with
#      nothing skipped, runs, and its output matches row by row and figure by figure.
#
# Usage: Tests/e2e/spark.sh [path/to/strata]     (STRATA_SPARK_VENV picks the venv; see .ci/ensure-spark)
set -u
source "$(dirname "$0")/e2e_lib.bash"

loud_skip() {
  echo "############################################################" >&2
  echo "### Tests/e2e/spark.sh SKIPPED: $1" >&2
  echo "### The Spark jobs were NOT run and NOT compared." >&2
  echo "############################################################" >&2
  exit 0
}

started=$SECONDS
bash .ci/ensure-spark >"$work/ensure.out"; status=$?
if [ "$status" = 3 ]; then loud_skip "Java or PyPI cannot be reached (see the message above)"; fi
if [ "$status" != 0 ]; then echo "FAIL: .ci/ensure-spark failed with status $status" >&2; exit 1; fi
py=$(tail -1 "$work/ensure.out")
submit="$(dirname "$py")/spark-submit"
[ -x "$submit" ] || { echo "FAIL: no spark-submit beside $py" >&2; exit 1; }
# pip's spark-submit looks for Spark with whatever `python` is first on PATH: point it at the venv's.
SPARK_HOME=$("$py" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
export SPARK_HOME PYSPARK_PYTHON="$py" PYSPARK_DRIVER_PYTHON="$py" PATH="$(dirname "$py"):$PATH"
echo "spark.sh: Spark ready in $((SECONDS - started)) s ($py)"

# Runs a PySpark job in local[2]; the job's own chatter goes to a log, shown on failure.
run_job() {  # run_job JOB.py OUTPUT [--input DIR] [extra job arguments…]
  local job=$1 out=$2 input=datasets; shift 2
  if [ "${1:-}" = --input ]; then input=$2; shift 2; fi
  local t=$SECONDS
  if timeout 1800 "$submit" --driver-memory 2g "$job" --input "$input" --output "$out" --master "local[2]" "$@" \
      >"$out.log" 2>&1; then
    echo "spark.sh: $(basename "$job") ran in $((SECONDS - t)) s"
    return 0
  fi
  echo "spark.sh: $(basename "$job") failed; the end of its log:" >&2
  tail -30 "$out.log" >&2
  return 1
}

# 1. The compare step on real Spark output, independent of the exporter.
ref=Tests/e2e/spark/tour_reference_job.py
if run_job "$ref" "$work/ref"; then
  out=$("$bin" check --against "$work/ref" sessions/tour.strata 2>&1); rc=$?
  check "the reference job's output matches the local tour ($out)" [ "$rc" = 0 ]
  check "every table of the reference job is checked" contains "$out" "checks on 3 tables match"
  check "per_customer is compared on its key" contains "$out" "keys customer_id"
else
  check "the reference job runs" false
fi
# The same output with one customer's spend a cent off, rewritten by Strata's own Parquet writer
# (cheaper than a second Spark run), and then with a table missing.
if [ -f "$work/ref/_strata_manifest.json" ]; then
  cp -R "$work/ref" "$work/wrong" && rm -rf "$work/wrong/per_customer" && mkdir -p "$work/wrong/per_customer"
  printf '%s\n' "load \"$work/ref/per_customer\" as p" \
    "derive p spend = if(customer_id == 12454, spend + 0.01, spend)" \
    "export p \"$work/wrong/per_customer/part-00000.parquet\"" | "$bin" >/dev/null 2>&1
  out=$("$bin" check --against "$work/wrong" sessions/tour.strata 2>&1); rc=$?
  check "a cent off fails the check" [ "$rc" = 1 ]
  check "the differing column is named ($out)" contains "$out" "spend: 1 rows differ"
  rm -rf "$work/wrong/joined_by_churned"
  out=$("$bin" check --against "$work/wrong" sessions/tour.strata 2>&1)
  check "a table missing from the output is named" contains "$out" "missing from $work/wrong"
fi

# 2. The bundled sessions, exported, run on Spark and compared.
# (An unknown subcommand with --help prints the group's help and succeeds, so look for its usage line.)
if ! "$bin" export spark --help 2>&1 | grep -q "USAGE: strata export spark"; then
  check "this build has 'strata export spark'" false
else
  for s in tour segmentation recommenders; do
    job="$work/$s.py"
    # Commands with no Spark mapping yet (display-only ones such as 'recommend user') are left out as comments.
    out=$("$bin" export spark "sessions/$s.strata" "$job" --skip-unsupported 2>&1); rc=$?
    check "sessions/$s.strata exports to a PySpark job ($out)" [ "$rc" = 0 ]
    [ "$rc" = 0 ] || continue
    # The export prints how to run the job; its --input is the folder the session's paths are relative to.
    input=$(printf '%s\n' "$out" | sed -n 's/.*--input \([^ ]*\).*/\1/p' | head -1)
    if run_job "$job" "$work/out_$s" --input "${input:-.}"; then
      check "the $s job writes a manifest" [ -f "$work/out_$s/_strata_manifest.json" ]
      t=$SECONDS
      out=$("$bin" check --against "$work/out_$s" "sessions/$s.strata" 2>&1); rc=$?
      echo "$out"
      echo "spark.sh: check --against for $s took $((SECONDS - t)) s"
      check "the $s job's output matches the local replay" [ "$rc" = 0 ]
    else
      check "the $s job runs in local[2]" false
    fi
  done
fi

# 3. The mappings whose results compare value by value, on small data.
if "$bin" export spark --help 2>&1 | grep -q "USAGE: strata export spark"; then
  out=$("$bin" export spark Tests/e2e/spark/mappings.strata "$work/mappings.py" 2>&1); rc=$?
  check "Tests/e2e/spark/mappings.strata exports with nothing skipped ($out)" [ "$rc" = 0 ]
  if [ "$rc" = 0 ] && run_job "$work/mappings.py" "$work/out_mappings" --input .; then
    out=$("$bin" check --against "$work/out_mappings" Tests/e2e/spark/mappings.strata 2>&1); rc=$?
    echo "$out"
    check "the mappings job's output matches the local replay" [ "$rc" = 0 ]
    pc=$(printf '%s\n' "$out" | grep -cE "│ c2d +│ PC1 .*│ yes")
    learned=$(printf '%s\n' "$out" | grep -cE "│ learned +│ score .*│ yes")
    check "the PCA table is compared value by value" [ "$pc" = 1 ]
    check "the learned weights give Strata's scores" [ "$learned" = 1 ]
  elif [ "$rc" = 0 ]; then
    check "the mappings job runs in local[2]" false
  fi
fi

echo "spark.sh: $checks checks, $failures failed, $((SECONDS - started)) s in all"
[ "$failures" = 0 ]
