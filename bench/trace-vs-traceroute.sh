#!/bin/sh
# Wall time of `gomod-doctor trace` against Debian `traceroute` (default options) and
# `mtr --report`, on one lab topology, in one run:
#
#     client — r1 — r2 — r3 — server     (10.77.n.0/24, fd77:0:0:n::/64, as LabKit's chain)
#
# Needs root (network namespaces), iproute2, traceroute, mtr-tiny (Debian packages) and a
# built gomod-doctor (GOMOD_DOCTOR_BIN, else .build/release, else .build/debug).
# Traffic never leaves the namespaces this script creates; they are removed on exit.
# Every tool runs with its own defaults, including reverse DNS (the client's resolver points
# at 127.0.0.1, where nothing answers, so lookups fail at once for all of them). The server's
# ICMP rate limit is off, as a router's would be, so no tool is starved by the one before it.
#
# Usage: sudo bench/trace-vs-traceroute.sh [rounds]      (default 3 rounds of every tool)
set -eu

rounds=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${GOMOD_DOCTOR_BIN:-}
[ -n "$bin" ] || for candidate in "$root/.build/release/gomod-doctor" "$root/.build/debug/gomod-doctor"; do
    [ -x "$candidate" ] && { bin=$candidate; break; }
done
[ -n "$bin" ] || { echo "gomod-doctor is not built (swift build -c release)" >&2; exit 2; }
for tool in ip traceroute mtr; do
    command -v "$tool" >/dev/null || { echo "missing $tool (Debian: iproute2, traceroute, mtr-tiny)" >&2; exit 2; }
done
[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces)" >&2; exit 2; }

prefix="gb$(head -c 64 /dev/urandom | tr -dc 'a-z0-9' | head -c 6)"
nodes="client r1 r2 r3 server"
cleanup() {
    for node in $nodes; do
        ip netns del "$prefix-$node" 2>/dev/null || true
        rm -rf "/etc/netns/$prefix-$node"
    done
}
trap cleanup EXIT INT TERM

in_ns() { node=$1; shift; ip netns exec "$prefix-$node" "$@"; }

for node in $nodes; do
    ip netns add "$prefix-$node"
    ip -n "$prefix-$node" link set lo up
    in_ns "$node" sysctl -q -w net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 \
        net.ipv4.icmp_ratelimit=0 net.ipv6.icmp.ratelimit=0
done
for node in r1 r2 r3; do
    in_ns "$node" sysctl -q -w net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
done
mkdir -p "/etc/netns/$prefix-client"
echo "nameserver 127.0.0.1" > "/etc/netns/$prefix-client/resolv.conf"

set -- $nodes
n=1
while [ $# -ge 2 ]; do
    a="${prefix}v${n}a"; b="${prefix}v${n}b"
    ip link add "$a" netns "$prefix-$1" type veth peer name "$b" netns "$prefix-$2"
    ip -n "$prefix-$1" addr add "10.77.$n.1/24" dev "$a"
    ip -n "$prefix-$2" addr add "10.77.$n.2/24" dev "$b"
    ip -n "$prefix-$1" -6 addr add "fd77:0:0:$n::1/64" dev "$a" nodad
    ip -n "$prefix-$2" -6 addr add "fd77:0:0:$n::2/64" dev "$b" nodad
    ip -n "$prefix-$1" link set "$a" up
    ip -n "$prefix-$2" link set "$b" up
    shift; n=$((n + 1))
done
# client and server default into the chain; each router routes the far subnets.
ip -n "$prefix-client" route add default via 10.77.1.2
ip -n "$prefix-server" route add default via 10.77.4.1
ip -n "$prefix-r1" route add 10.77.3.0/24 via 10.77.2.2; ip -n "$prefix-r1" route add 10.77.4.0/24 via 10.77.2.2
ip -n "$prefix-r2" route add 10.77.1.0/24 via 10.77.2.1; ip -n "$prefix-r2" route add 10.77.4.0/24 via 10.77.3.2
ip -n "$prefix-r3" route add 10.77.1.0/24 via 10.77.3.1; ip -n "$prefix-r3" route add 10.77.2.0/24 via 10.77.3.1
target=10.77.4.2
in_ns client ping -c 1 -W 2 "$target" >/dev/null || { echo "lab path does not work" >&2; exit 1; }

# name | command...   → prints median and min wall time over the rounds, and the hops found.
measure() {
    label=$1; shift
    times=""
    i=0
    while [ "$i" -lt "$rounds" ]; do
        start=$(date +%s.%N)
        in_ns client "$@" > /tmp/$prefix.out 2>&1 || true
        end=$(date +%s.%N)
        times="$times $(echo "$end - $start" | bc -l)"
        i=$((i + 1))
    done
    hops=$(grep -Eo '10\.77\.[0-9]+\.[0-9]+' /tmp/$prefix.out | sort -u | grep -v "^$target$" | wc -l)
    reached=$(grep -q "$target" /tmp/$prefix.out && echo yes || echo no)
    sorted=$(echo $times | tr ' ' '\n' | sort -n)
    median=$(echo "$sorted" | sed -n "$(( (rounds + 1) / 2 ))p")
    best=$(echo "$sorted" | head -1)
    printf '%-52s %9.3f %9.3f %6s %8s\n' "$label" "$median" "$best" "$hops" "$reached"
    rm -f /tmp/$prefix.out
}

echo "client — r1 — r2 — r3 — server ($target), $rounds round(s) each, wall seconds"
printf '%-52s %9s %9s %6s %8s\n' "tool (options)" "median" "best" "hops" "reached"
measure "gomod-doctor trace (defaults: tcp/443, 3 cycles)" "$bin" trace "$target"
measure "traceroute (defaults: udp, 3 queries)" traceroute "$target"
measure "mtr --report (defaults: icmp, 10 cycles)" mtr --report "$target"
echo "same method and probe count:"
measure "gomod-doctor trace --udp" "$bin" trace --udp "$target"
measure "gomod-doctor trace --icmp --cycles 10" "$bin" trace --icmp --cycles 10 "$target"
measure "traceroute -n" traceroute -n "$target"
measure "mtr --report -n" mtr --report -n "$target"
