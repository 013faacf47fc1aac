#!/bin/sh
# Time to a verdict, per lab scenario, side by side in one run:
#   check   — `gomod-doctor check --json --timeout 8` until it prints its verdict;
#   manual  — the classic manual sequence a person types: go env; curl -I <proxy>;
#             nslookup <proxy host>; traceroute <proxy host>; netstat -tn (each tool with its
#             own defaults, each step stopped after 30 s and marked with *);
#   go      — the real `go mod download` until it fails (stopped after 150 s, shown as ≥).
# Scenarios: healthy, proxy TCP blackhole, proxy TCP reset, proxy TLS certificate expired,
# DNS server unreachable, checksum database unreachable, HTTPS_PROXY down — each in a fresh
# lab (client — r1 — server namespaces: dnsmasq, HTTPS lab GOPROXY by name, lab sumdb).
#
# The scenarios are built by LabKit (Tests/LabTests/CheckBenchmarkLabTests.swift, which runs
# only with GOMOD_BENCH=1). Everything runs inside `unshare --net`: traffic never leaves the
# namespaces the lab creates. Needs root and the lab's Debian packages (see .ci/run) plus
# net-tools (netstat) for the manual sequence. Takes several minutes (the go command's own
# timeouts dominate).
#
# Usage: sudo bench/check-vs-manual.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces)" >&2; exit 2; }
for tool in ip dnsmasq curl nslookup traceroute netstat go; do
    command -v "$tool" >/dev/null || { echo "missing $tool (Debian: iproute2 dnsmasq-base curl dnsutils traceroute net-tools golang-go)" >&2; exit 2; }
done
swift build --build-tests >/dev/null 2>&1 || { echo "swift build --build-tests failed" >&2; exit 2; }
out=$(mktemp)
log=$(mktemp)
trap 'rm -f "$out" "$log"' EXIT INT TERM
GOMOD_BENCH=1 GOMOD_BENCH_OUT="$out" CI=true unshare --net -- sh -c \
    'ip link set lo up && exec swift test --skip-build --filter CheckBenchmarkLabTests' >"$log" 2>&1 || status=$?
[ -z "${status:-}" ] || { echo "the benchmark run failed (exit $status); its log ends:" >&2; tail -n 40 "$log" >&2; }
echo "check = gomod-doctor check; manual = go env, curl -I, nslookup, traceroute, netstat; go = go mod download"
cat "$out"
exit "${status:-0}"
