#!/usr/bin/env bash
# Runs one target of the fuzzer binary over a copy of its seed corpus:
#   fuzz/run-target.sh FUZZER TARGET WORK [libFuzzer flags...]
# Crashes, hangs (> FUZZ_TIMEOUT s for one input, default 5) and memory blow-ups (> 2 GiB RSS)
# fail it; the input is left in WORK/TARGET/artifacts. Prints one summary line: target,
# status, runs, seconds. A long sweep at low priority beside builds can raise FUZZ_TIMEOUT:
# libFuzzer's hang timer is wall-clock, so a starved or stopped process reads as a hang.
set -uo pipefail
cd "$(dirname "$0")/.."
fuzzer="$1" target="$2" work="$3"
shift 3
case "$target" in
    httphead|connect) max_len=20000 ;;  # past the CONNECT reader's 16 KiB header bound
    zip) max_len=8192 ;;
    *) max_len=4096 ;;
esac
dir="$work/$target"
rm -rf "$dir"
mkdir -p "$dir/corpus" "$dir/artifacts"
cp fuzz/"$target"/corpus/* "$dir/corpus/"
start=$(date +%s.%N)
# No Swift backtracer (its crash handler trips AddressSanitizer after a trap) and no leak
# report at exit (the Swift runtime's caches look like leaks); libFuzzer's own trace stays.
FUZZ_TARGET="$target" TMPDIR="$dir" SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$fuzzer" "$dir/corpus" \
    -timeout="${FUZZ_TIMEOUT:-5}" -rss_limit_mb=2048 -max_len="$max_len" -detect_leaks=0 \
    -artifact_prefix="$dir/artifacts/" -print_final_stats=1 "$@" >"$dir/log" 2>&1
status=$?
seconds=$(echo "$(date +%s.%N) - $start" | bc)
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$dir/log" | grep -o '[0-9]*$' || echo "?")
if [ "$status" -eq 0 ]; then
    printf '%-10s ok      %9s runs  %6.1f s\n' "$target" "${runs:-?}" "$seconds"
else
    printf '%-10s FAILED  %9s runs  %6.1f s  (status %s; log %s/log, inputs %s/artifacts)\n' \
        "$target" "${runs:-?}" "$seconds" "$status" "$dir" "$dir"
    grep -E "property violated|Fatal error|ERROR: libFuzzer|ERROR: AddressSanitizer|SUMMARY" "$dir/log" | head -5 | sed 's/^/    /'
fi
exit "$status"
