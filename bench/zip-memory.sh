#!/bin/sh
# Wall time and peak RSS of gomod-doctor against hostile zips (issue 13 item 4), on loopback
# only: re-runs itself inside a fresh network namespace (`unshare -n`), starts the lab GOPROXY
# (lab/goproxy/server.py) on 127.0.0.1 serving a project of 8 endless zips (flooded, half
# without Content-Length, half chunked), one declaring 2 GiB and one trickling a byte a second,
# then runs `check --all-zips --timeout 8`, `fetch --all-zips --timeout 10` and `verify --zips`.
#
#   bench/zip-memory.sh            # the debug build
#   BIN=path/to/gomod-doctor bench/zip-memory.sh
#
# Prints one line per run: command, wall seconds, peak RSS (MiB), exit code, files left in TMPDIR.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$ROOT/.build/debug/gomod-doctor}
if [ "${ZIP_BENCH_NS:-}" != 1 ]; then
    exec unshare -n env ZIP_BENCH_NS=1 BIN="$BIN" sh "$0" "$@"
fi
ip link set lo up
WORK=$(mktemp -d)
SERVER=
cleanup() { [ -n "$SERVER" ] && kill -9 "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
mkdir -p "$WORK/project" "$WORK/tmp" "$WORK/root"
python3 - "$WORK" <<'PY'
import base64, hashlib, json, os, sys
work = sys.argv[1]
endless = ["example.com/endless%d" % i for i in range(1, 9)]
modules = ["example.com/declared", "example.com/trickle"] + endless
rules = [{"prefix": "/%s/@v/v1.0.0.zip" % m, "flood": True, "framing": "close" if i % 2 == 0 else "chunked"}
         for i, m in enumerate(endless)]
rules.append({"prefix": "/example.com/declared/@v/v1.0.0.zip", "flood": True, "framing": "length", "declare": 2 << 30})
rules.append({"prefix": "/example.com/trickle/@v/v1.0.0.zip", "trickle": True})
for m in modules:
    d = os.path.join(work, "root", m, "@v")
    os.makedirs(d)
    open(os.path.join(d, "v1.0.0.info"), "w").write('{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}')
    open(os.path.join(d, "v1.0.0.mod"), "w").write("module %s\n\ngo 1.19\n" % m)
    open(os.path.join(d, "list"), "w").write("v1.0.0\n")
json.dump(rules, open(os.path.join(work, "rules.json"), "w"))
open(os.path.join(work, "project", "go.mod"), "w").write(
    "module lab.example/hostile\n\ngo 1.19\n\nrequire (\n%s\n)\n" % "\n".join("\t%s v1.0.0" % m for m in modules))
# verify --zips fetches what go.sum lists: the go.mod hashes are real (dirhash Hash1), the zip
# hashes placeholders (no hostile zip could match one).
def hash1(content):
    line = "%s  go.mod\n" % hashlib.sha256(content.encode()).hexdigest()
    return "h1:" + base64.b64encode(hashlib.sha256(line.encode()).digest()).decode()
open(os.path.join(work, "project", "go.sum"), "w").write("".join(
    "%s v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n%s v1.0.0/go.mod %s\n" % (m, m, hash1("module %s\n\ngo 1.19\n" % m))
    for m in modules))
PY
python3 "$ROOT/lab/goproxy/server.py" --root "$WORK/root" --listen 127.0.0.1 --port 0 --rules "$WORK/rules.json" \
    >"$WORK/server.out" 2>/dev/null &
SERVER=$!
for _ in $(seq 50); do grep -q serving "$WORK/server.out" 2>/dev/null && break; sleep 0.1; done
PORT=$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$WORK/server.out" | head -1)

measure() {
    (cd "$WORK/project" && env -i PATH=/nonexistent HOME="$WORK" GOPROXY="http://127.0.0.1:$PORT" GOSUMDB=off GOFLAGS= GOENV=off \
        GOPATH="$WORK/gopath" LANG=C TMPDIR="$WORK/tmp" GOTOOLCHAIN=local \
        /usr/bin/python3 -c '
import resource, subprocess, sys, time
start = time.monotonic()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("%-40s %7.1f s  %6.0f MiB  exit %d" % (" ".join(sys.argv[2:]), time.monotonic() - start, rss / 1024.0, code), end="")
' "$BIN" "$@")
    echo "  tmp files left: $(ls "$WORK/tmp" | wc -l)"
    rm -rf "$WORK/tmp"/* "$WORK/gopath"
}

echo "gomod-doctor: $BIN"
measure check --all-zips --timeout 8
measure fetch --all-zips --timeout 10
measure verify --zips
