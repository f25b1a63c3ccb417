#!/usr/bin/env bash
# The recommenders session on a 10-million-rating log: Strata's replay beside the same session
# exported as a PySpark job and run in local[2], then `strata check --against` on the job's output.
# A benchmark, not a test: run it by hand, once.
#
# Usage: bash Benchmarks/spark/run.sh [ROWS]        (default 10000000; from the repository root)
#
#   WORK=DIR                 where the data, the job, its output and the logs go
#                            (default /tmp/strata-spark-bench-ROWS; nothing is written in the repo
#                            except the release build)
#   STRATA_SPARK_VENV=DIR    the pyspark venv (.ci/ensure-spark makes it when missing)
#   DRIVER_MEMORY=10g        Spark's driver memory (in local mode the driver is also the executor)
#   SHUFFLE_PARTITIONS=N     spark.sql.shuffle.partitions (default: the job's own, 4 per local core)
#   SESSION=FILE             the session the export and check steps use (default
#                            sessions/recommenders.strata; Benchmarks/spark/recommenders-exported.strata
#                            leaves out item-kNN, whose Spark self-join on users is too big for 10M
#                            ratings in local[2], and replays in the check step only what the job ran)
#   SPARK_ARGS="…"           more spark-submit arguments, e.g. "--conf spark.checkpoint.dir=/tmp/ckpt"
#   STEPS="gen strata subset export spark check"   which steps to run (default: all, in that order)
#
# The session's data paths are fixed ("datasets/ratings.csv", "datasets/items.csv") and relative to
# the working directory, so the log is written to WORK/datasets/ratings.csv beside a copy of the
# bundled items.csv, and every Strata step runs with WORK as its working directory on the
# unchanged sessions/recommenders.strata (the header's file hashes then differ: Strata warns and
# goes on). The job reads the same files through --input WORK.
#
# Steps:
#   gen     Benchmarks/spark/gen_ratings.py: ROWS seeded ratings, the schema of datasets/ratings.csv
#   strata  `strata run sessions/recommenders.strata` (the whole session: six models, three evaluations)
#   subset  `strata run Benchmarks/spark/recommenders-exported.strata`: only the commands the Spark
#           job runs (loads, split, popular, als and their evaluations), the like-for-like figure
#   export  `strata export spark SESSION WORK/job.py --skip-unsupported`
#   spark   spark-submit --master local[2] WORK/job.py --input WORK --output WORK/out
#   check   `strata check --against WORK/out SESSION` (replays the session again)
#
# Each step runs under /usr/bin/time -v: wall, user + system CPU seconds of the process and every
# child it waited for (for Spark: the JVM, the driver's python and the python workers) and the peak
# RSS of the largest single process. The load average is sampled every 15 s; the summary shows its
# mean over each step. WORK/summary.md holds the table.
set -uo pipefail

rows=${1:-10000000}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-/tmp/strata-spark-bench-$rows}
driver_memory=${DRIVER_MEMORY:-10g}
steps=" ${STEPS:-gen strata subset export spark check} "
session=$repo/sessions/recommenders.strata
exported=$(cd "$repo" && realpath "${SESSION:-sessions/recommenders.strata}")
subset=$repo/Benchmarks/spark/recommenders-exported.strata
mkdir -p "$work/datasets" || exit 1
cd "$repo" || exit 1

wants() { [[ $steps == *" $1 "* ]]; }
say() { echo "run.sh: $*" | tee -a "$work/run.log"; }

# The load average every 15 s, with the time, for the per-step means.
( while :; do echo "$(date +%s) $(cut -d' ' -f1 /proc/loadavg)"; sleep 15; done ) >>"$work/load.txt" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null' EXIT

say "$(date -u '+%Y-%m-%d %H:%M:%S UTC'), $rows rows, WORK=$work, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"

# timed LABEL COMMAND…: runs it in WORK under /usr/bin/time -v; its output goes to WORK/LABEL.log.
timed() {
  local label=$1; shift
  local start; start=$(date +%s)
  say "$label: $*"
  (cd "$work" && /usr/bin/time -v -o "$work/time-$label.txt" "$@") >"$work/$label.log" 2>&1
  local status=$?
  local stop; stop=$(date +%s)
  local wall cpu rss load
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time-$label.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$work/time-$label.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time-$label.txt")
  load=$(awk -v a="$start" -v b="$stop" '$1 >= a && $1 <= b {s += $2; n++} END {if (n) printf "%.1f", s / n; else print "-"}' "$work/load.txt")
  say "$label: exit $status, wall $wall, CPU ${cpu} s, peak RSS ${rss} MB, mean load $load"
  echo "| $label | $status | $wall | $cpu | $rss | $load |" >>"$work/summary.md"
  return $status
}

# Kept across runs on the same WORK, so steps can be re-run (STEPS=…) and their lines add up.
if [ ! -f "$work/summary.md" ]; then
  echo "| step | exit | wall | CPU s (user+sys) | peak RSS MB | mean load |" >"$work/summary.md"
  echo "|---|---:|---:|---:|---:|---:|" >>"$work/summary.md"
fi

py=$(bash .ci/ensure-spark | tail -1)
[ -x "$py" ] || { say "no Spark venv (see .ci/ensure-spark)"; exit 1; }
submit="$(dirname "$py")/spark-submit"
SPARK_HOME=$("$py" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
export SPARK_HOME PYSPARK_PYTHON="$py" PYSPARK_DRIVER_PYTHON="$py" PATH="$(dirname "$py"):$PATH"
say "pyspark $("$py" -c 'import pyspark; print(pyspark.__version__)'), $(java -version 2>&1 | head -1)"

if wants strata || wants subset || wants export || wants check; then
  swift build -c release >"$work/build.log" 2>&1 || { say "release build failed (see $work/build.log)"; exit 1; }
  strata="$(swift build -c release --show-bin-path)/strata"
fi

if wants gen; then
  if [ "$(wc -l <"$work/datasets/ratings.csv" 2>/dev/null)" = "$((rows + 1))" ]; then
    say "gen: $work/datasets/ratings.csv already has $rows rows; kept"
  else
    timed gen "$py" "$repo/Benchmarks/spark/gen_ratings.py" "$repo/datasets/items.csv" "$work/datasets/ratings.csv" "$rows" || exit 1
  fi
  cp "$repo/datasets/items.csv" "$work/datasets/items.csv"
  say "gen: $(du -m "$work/datasets/ratings.csv" | cut -f1) MB, $(cut -d, -f1 "$work/datasets/ratings.csv" | sort -u | wc -l) distinct user ids (incl. header)"
fi

wants strata && timed strata "$strata" run "$session"
wants subset && timed subset "$strata" run "$subset"

if wants export; then
  timed export "$strata" export spark "$exported" "$work/job.py" --skip-unsupported || exit 1
fi

if wants spark; then
  confs=(--driver-memory "$driver_memory" --conf "spark.local.dir=$work/spark-tmp")
  [ -n "${SHUFFLE_PARTITIONS:-}" ] && confs+=(--conf "spark.sql.shuffle.partitions=$SHUFFLE_PARTITIONS")
  # shellcheck disable=SC2206  # word splitting is the point
  [ -n "${SPARK_ARGS:-}" ] && confs+=($SPARK_ARGS)
  mkdir -p "$work/spark-tmp"
  rm -rf "$work/out"
  timed spark "$submit" --master "local[2]" "${confs[@]}" "$work/job.py" \
    --input "$work" --output "$work/out" --master "local[2]"
fi

wants check && timed check "$strata" check --against "$work/out" "$exported"

say "done: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo
cat "$work/summary.md"
if [ -f "$work/check.log" ]; then echo; sed -n '/against the local replay/,$p' "$work/check.log"; fi
