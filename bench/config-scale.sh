#!/bin/sh
# How `gomod-doctor check --only config` scales with the number of requirements: for each N,
# a go.mod with N requirements (a mix of hosts, some `// indirect`, a few replace and exclude
# lines) and a go.sum with both lines per module, then one timed run (no network: --resolver
# none, only the config stage). Printed per N: wall seconds, seconds per 1k requirements and
# peak RSS. Linear work shows as a flat "s/1k" column.
#
# Usage: bench/config-scale.sh [N ...]      (default 2000 4000 8000 16000 32000 64000 200000)
#   GOMOD_DOCTOR_BIN=path  the binary (default: .build/release, else .build/debug)
#   TIMEOUT=seconds        --timeout for each run (default 600)
#   FORMAT=--json          output format flag (default: text)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${GOMOD_DOCTOR_BIN:-}
[ -n "$bin" ] || for candidate in "$root/.build/release/gomod-doctor" "$root/.build/debug/gomod-doctor"; do
    [ -x "$candidate" ] && { bin=$candidate; break; }
done
[ -n "$bin" ] || { echo "gomod-doctor is not built (swift build)" >&2; exit 2; }
[ $# -gt 0 ] || set -- 2000 4000 8000 16000 32000 64000 200000
timeout=${TIMEOUT:-600}
format=${FORMAT:-}
work=$(mktemp -d /tmp/config-scale.XXXXXX)
trap 'rm -rf "$work"' EXIT
# A machine without a GOENV file or go command opinion: only what we set here counts.
export HOME="$work/home" GOENV=off GOFLAGS= GOPROXY=https://proxy.golang.org,direct GOPRIVATE=git.corp.example.com \
    GONOSUMDB= GONOPROXY= GOSUMDB=sum.golang.org GOTOOLCHAIN=local
unset HTTP_PROXY HTTPS_PROXY http_proxy https_proxy NO_PROXY no_proxy ALL_PROXY all_proxy || true
mkdir -p "$HOME"

printf '%-8s %10s %10s %10s %s\n' N seconds "s/1k" "peak MiB" exit
for n in "$@"; do
    dir="$work/m$n"
    mkdir -p "$dir"
    python3 - "$n" "$dir" <<'PY'
import sys
n, d = int(sys.argv[1]), sys.argv[2]
hosts = ["github.com/org%d/repo%d", "gitlab.com/group%d/project%d", "go.example.org/x%d/y%d", "git.corp.example.com/team%d/lib%d"]
paths = [hosts[i % len(hosts)] % (i // 7, i) for i in range(n)]
with open(d + "/go.mod", "w") as f:
    f.write("module example.com/scale\n\ngo 1.21\n\nrequire (\n")
    for i, p in enumerate(paths):
        f.write("\t%s v1.%d.%d%s\n" % (p, i % 50, i % 7, " // indirect" if i % 3 == 0 else ""))
    f.write(")\n\n")
    for i in range(0, n, 1000):
        f.write("replace %s => %s v1.0.0\n" % (paths[i], paths[i] + "-fork"))
        f.write("exclude %s v0.0.%d\n" % (paths[i], i))
with open(d + "/go.sum", "w") as f:
    for i, p in enumerate(paths):
        v = "v1.%d.%d" % (i % 50, i % 7)
        f.write("%s %s h1:%043d=\n" % (p, v, i))
        f.write("%s %s/go.mod h1:%043d=\n" % (p, v, i))
PY
    start=$(date +%s.%N)
    set +e
    /usr/bin/time -f '%M' -o "$work/rss" "$bin" check --only config --resolver none --timeout "$timeout" $format "$dir" >/dev/null 2>"$work/err"
    code=$?
    set -e
    end=$(date +%s.%N)
    rss=$(tail -1 "$work/rss")
    awk -v n="$n" -v s="$start" -v e="$end" -v r="$rss" -v c="$code" \
        'BEGIN { t = e - s; printf "%-8d %10.2f %10.3f %10.1f %s\n", n, t, t * 1000 / n, r / 1024, c }'
    rm -rf "$dir"
done
