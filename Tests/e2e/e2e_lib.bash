# Sourced by the e2e scripts: finds the binary (first argument, or the debug build), works from the
# package root in a scratch folder removed on exit, and gives them `check` and `contains`.
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$here/.build/debug/strata}
case "$bin" in /*) ;; *) bin="$here/$bin" ;; esac
[ -x "$bin" ] || { echo "$(basename "$0"): no executable at $bin" >&2; exit 2; }
cd "$here"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export STRATA_HISTORY=/dev/null STRATA_HOME="$work/home"
failures=0
checks=0
check() {  # check DESCRIPTION CONDITION...
  local what=$1; shift
  checks=$((checks + 1))
  if ! "$@"; then failures=$((failures + 1)); echo "FAIL: $what" >&2; fi
}
contains() { [[ "$1" == *"$2"* ]]; }
