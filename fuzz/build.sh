#!/usr/bin/env bash
# Builds the one libFuzzer binary that holds every parser target (fuzz/Sources, selected at
# run time with FUZZ_TARGET) and prints its path on the last line. GOMOD_DOCTOR_FUZZ=1 makes
# Package.swift add the executable and instrument our own targets only (-sanitize=fuzzer,
# address); dependencies build as usual. The scratch path is separate from .build so the
# instrumented modules never replace the ones the tests use.
#   FUZZ_SCRATCH   scratch path (default .build-fuzz)
#   FUZZ_CONFIG    debug (default: dependencies unoptimised build much faster; our targets get -O) or release
# Needs the package dependencies: run it where they can be fetched (CI: before `unshare`).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${FUZZ_SCRATCH:-.build-fuzz}"
config="${FUZZ_CONFIG:-debug}"
start=$(date +%s)
GOMOD_DOCTOR_FUZZ=1 swift build -c "$config" --scratch-path "$scratch" --product gomod-doctor-fuzz \
    2> >(grep -v "Cannot export local symbol" >&2) >&2
echo "fuzzer built in $(( $(date +%s) - start ))s" >&2
echo "$(pwd)/$scratch/$config/gomod-doctor-fuzz"
