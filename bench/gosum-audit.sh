#!/bin/sh
# go.sum audit of LINES lines (LINES/2 modules, zip and go.mod lines) against the lab
# checksum database (lab/sumdb: x/mod's own server) on 127.0.0.1, one run each:
#   gomod-doctor verify           (our SumDBClient over HTTPClient, fresh state directory)
#   Go's sumdb.Client             (golang.org/x/mod/sumdb with plain net/http, in-memory ops)
# Both look every line up with 16 concurrent lookups. Printed: wall time, requests made,
# tile requests, distinct tiles, and the distinct tiles needed for that tree size (height 8).
# The lab server appends a record at the first lookup of a module, so a warm-up pass by Go's
# client first puts every record in the log: both timed runs then see one fixed tree.
# Needs golang-go, golang-golang-x-mod-dev, python3 and a built gomod-doctor. Loopback only.
#
# PERF="perf record -g -o FILE --" profiles our run.
#
# Usage: bench/gosum-audit.sh [lines]        (default 2000)
set -eu
lines=${1:-2000}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${GOMOD_DOCTOR_BIN:-}
[ -n "$bin" ] || for candidate in "$root/.build/release/gomod-doctor" "$root/.build/debug/gomod-doctor"; do
    [ -x "$candidate" ] && { bin=$candidate; break; }
done
[ -n "$bin" ] || { echo "gomod-doctor is not built (swift build -c release)" >&2; exit 2; }
work=$(mktemp -d /tmp/gosum-bench.XXXXXX)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
export GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$work/gocache" GOFLAGS=
unset HTTP_PROXY HTTPS_PROXY http_proxy https_proxy ALL_PROXY all_proxy || true

mkdir -p "$work/sumdb" "$work/client" "$work/project"
cp "$root/lab/sumdb/main.go" "$work/sumdb/"
cat > "$work/client/main.go" <<'GO'
// Command client looks every go.sum line (stdin) up with x/mod's sumdb.Client, 16 at a
// time, and prints "seconds requests tiles distinct-tiles mismatches".
package main

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/sumdb"
)

type ops struct {
	base, vkey string
	mu         sync.Mutex
	requests   []string
	config     map[string][]byte
	cache      map[string][]byte
}

func (o *ops) ReadRemote(path string) ([]byte, error) {
	o.mu.Lock()
	o.requests = append(o.requests, path)
	o.mu.Unlock()
	resp, err := http.Get(o.base + path)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("%s: %s", path, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

func (o *ops) ReadConfig(file string) ([]byte, error) {
	if file == "key" {
		return []byte(o.vkey), nil
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.config[file], nil
}

func (o *ops) WriteConfig(file string, old, new []byte) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if string(o.config[file]) != string(old) {
		return sumdb.ErrWriteConflict
	}
	o.config[file] = new
	return nil
}

func (o *ops) ReadCache(file string) ([]byte, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if data, ok := o.cache[file]; ok {
		return data, nil
	}
	return nil, os.ErrNotExist
}

func (o *ops) WriteCache(file string, data []byte) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.cache[file] = data
}

func (o *ops) Log(msg string)           {}
func (o *ops) SecurityError(msg string) { fmt.Fprintln(os.Stderr, msg) }

func main() {
	o := &ops{base: os.Args[1], vkey: os.Args[2], config: map[string][]byte{}, cache: map[string][]byte{}}
	client := sumdb.NewClient(o)
	var lines [][]string
	scanner := bufio.NewScanner(os.Stdin)
	for scanner.Scan() {
		if f := strings.Fields(scanner.Text()); len(f) == 3 {
			lines = append(lines, f)
		}
	}
	start := time.Now()
	work := make(chan []string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	mismatches := 0
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				got, err := client.Lookup(f[0], f[1])
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(1)
				}
				if len(got) == 0 || !strings.HasSuffix(got[0], " "+f[2]) {
					mu.Lock()
					mismatches++
					mu.Unlock()
				}
			}
		}()
	}
	for _, f := range lines {
		work <- f
	}
	close(work)
	wg.Wait()
	elapsed := time.Since(start).Seconds()
	tiles, distinct := 0, map[string]bool{}
	for _, r := range o.requests {
		if strings.HasPrefix(r, "/tile/") {
			tiles++
			distinct[r] = true
		}
	}
	fmt.Printf("%.3f %d %d %d %d\n", elapsed, len(o.requests), tiles, len(distinct), mismatches)
}
GO
(cd "$work/sumdb" && go build -o "$work/sumdb.bin" main.go)
(cd "$work/client" && go build -o "$work/client.bin" main.go)

python3 - "$lines" "$work" <<'PY'
import base64, hashlib, sys
lines, work = int(sys.argv[1]), sys.argv[2]
out = []
for m in range(lines // 2):
    h = lambda s: "h1:" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
    path, version = "bench.example/mod%d" % m, "v1.0.%d" % m
    out += ["%s %s %s" % (path, version, h(path + "zip")), "%s %s/go.mod %s" % (path, version, h(path + "mod"))]
open(work + "/go.sum", "w").write("\n".join(out) + "\n")
open(work + "/project/go.sum", "w").write("\n".join(out) + "\n")
open(work + "/project/go.mod", "w").write("module bench.example/app\n\ngo 1.19\n")
PY

port=$((20000 + $$ % 20000))
"$work/sumdb.bin" -listen "127.0.0.1:$port" -gosum "$work/go.sum" -name sum.bench.example > "$work/sumdb.out" 2> "$work/sumdb.log" &
server=$!
for _ in $(seq 50); do grep -q listening "$work/sumdb.out" 2>/dev/null && break; sleep 0.1; done
vkey=$(sed -n 's/^vkey //p' "$work/sumdb.out")
base="http://127.0.0.1:$port"

"$work/client.bin" "$base" "$vkey" < "$work/go.sum" > "$work/warmup.txt"
t0=$(date +%s.%N)
env -i PATH="$PATH" HOME="$work" GOMOD_DOCTOR_STATE_DIR="$work/state" GOPROXY=off GOSUMDB="$vkey $base" GOFLAGS=-mod=mod \
    ${PERF:-} "$bin" verify --json "$work/project" > "$work/ours.json"
t1=$(date +%s.%N)
"$work/client.bin" "$base" "$vkey" < "$work/go.sum" > "$work/go.txt"

python3 - "$work" "$t0" "$t1" "$lines" <<'PY'
import json, sys
work, t0, t1, lines = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
report = json.load(open(work + "/ours.json"))["verify"]
verified = sum(1 for l in report["lines"] if l["status"] == "verified")
assert verified == lines, [l for l in report["lines"] if l["status"] != "verified"][:3]
go = open(work + "/go.txt").read().split()
size, height, needed, n = lines // 2, 8, 0, lines // 2
while n > 0:
    needed += -(-n // (1 << height))
    n >>= height
print("go.sum audit: %d lines, %d records, tree size %d" % (lines, lines // 2, size))
print("distinct tiles needed (height 8): %d" % needed)
print("  gomod-doctor verify : %7.3f s wall (process start included), %d requests, %d tile requests, %d distinct tiles, %d verified"
      % (t1 - t0, report["databaseRequests"], report["tileRequests"], report["distinctTiles"], verified))
print("  Go sumdb.Client     : %7.3f s (lookups only), %s requests, %s tile requests, %s distinct tiles, %s mismatches"
      % (float(go[0]), go[1], go[2], go[3], go[4]))
PY
