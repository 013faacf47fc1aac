#!/usr/bin/env bash
# Runs every target (or the targets given as arguments) for 1,000,000 executions each and
# reports runs and seconds per target. FUZZ_JOBS targets run at once (default: CPUs, at
# most 2). Builds the fuzzer first unless FUZZER names a built binary. Exits non-zero if
# any target fails; inputs stay in FUZZ_WORK/<target>/artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${FUZZ_WORK:-/tmp/gomod-doctor-fuzz-million}"
jobs="${FUZZ_JOBS:-$(( $(nproc) < 2 ? $(nproc) : 2 ))}"
runs="${FUZZ_RUNS:-1000000}"
fuzzer="${FUZZER:-$(fuzz/build.sh | tail -n 1)}"
if [ "$#" -gt 0 ]; then targets=("$@"); else mapfile -t targets < fuzz/targets; fi
echo "fuzzing ${#targets[@]} targets for $runs executions each, $jobs at a time"
mkdir -p "$work"
start=$(date +%s)
status=0
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} fuzz/run-target.sh "$fuzzer" {} "$work" -runs="$runs" || status=$?
echo "total $(( $(date +%s) - start ))s"
if [ "$status" -ne 0 ]; then
    echo "fuzzing FAILED: see the lines above" >&2
    exit 1
fi
echo "1,000,000 executions of each target: no crash, hang or memory blow-up"
