#!/usr/bin/env bash
# CI's bounded fuzzing: every target in fuzz/targets, TOTAL_SECONDS of wall time in all
# (first argument, default 180), split evenly; FUZZ_JOBS targets run at once (default: the
# number of CPUs, at most 2), each for TOTAL_SECONDS × FUZZ_JOBS / targets seconds. Builds
# the fuzzer first unless FUZZER names a built binary. Exits non-zero if any target finds a
# crash, a hang or a memory blow-up; its input stays in FUZZ_WORK/<target>/artifacts.
# Needs no network (run it inside `unshare --net`) once the fuzzer is built.
set -euo pipefail
cd "$(dirname "$0")/.."
total="${1:-${TOTAL_SECONDS:-180}}"
work="${FUZZ_WORK:-/tmp/gomod-doctor-fuzz}"
jobs="${FUZZ_JOBS:-$(( $(nproc) < 2 ? $(nproc) : 2 ))}"
fuzzer="${FUZZER:-$(fuzz/build.sh | tail -n 1)}"
mapfile -t targets < fuzz/targets
per=$(( total * jobs / ${#targets[@]} ))
[ "$per" -ge 1 ] || per=1
echo "fuzzing ${#targets[@]} targets for ${per}s each, $jobs at a time (~${total}s in all)"
mkdir -p "$work"
status=0
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} fuzz/run-target.sh "$fuzzer" {} "$work" -max_total_time="$per" \
    || status=$?
if [ "$status" -ne 0 ]; then
    echo "fuzzing FAILED: see the lines above" >&2
    exit 1
fi
echo "fuzzing: no crash, hang or memory blow-up in ${#targets[@]} targets"
