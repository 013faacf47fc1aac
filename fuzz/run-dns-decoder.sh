#!/usr/bin/env bash
# Builds the DNS decoder fuzz target (libFuzzer + AddressSanitizer) from the codec sources
# alone and runs it for $1 seconds (default 60) over a copy of the seed corpus.
# Exits non-zero when the fuzzer finds a crash, a hang (> 5 s per input) or a memory blow-up;
# the offending input is left in $FUZZ_WORK (default /tmp/gomod-doctor-fuzz-dns)/artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
work="${FUZZ_WORK:-/tmp/gomod-doctor-fuzz-dns}"
rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"
cp fuzz/dns-decoder/corpus/* "$work/corpus/"
swiftc -sanitize=fuzzer,address -parse-as-library -O \
    Sources/NetProbes/DNS/Codec/*.swift fuzz/dns-decoder/FuzzDNSDecoder.swift \
    -o "$work/fuzz-dns-decoder" 2> >(grep -v "Cannot export local symbol" >&2)
echo "fuzzing the DNS decoder for ${seconds}s"
"$work/fuzz-dns-decoder" "$work/corpus" \
    -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=4096 \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1 2>&1 | tail -n 25
status="${PIPESTATUS[0]}"
if [ "$status" -ne 0 ]; then
    echo "DNS decoder fuzzing FAILED (status $status); inputs in $work/artifacts:" >&2
    ls -l "$work/artifacts" >&2
    exit "$status"
fi
echo "DNS decoder fuzzing: no crash in ${seconds}s"
