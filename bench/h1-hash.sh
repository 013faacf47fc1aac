#!/bin/sh
# h1 (dirhash Hash1 over zip entries) of one set of module zips, three ways, one run each:
#   gomod-doctor verify --cache   (our ModuleZipHasher, reading the zips as a module cache)
#   Go's dirhash.HashZip          (a tiny program on Debian's golang.org/x/mod)
#   sha256sum                     (the same bytes, raw: the floor)
# The zips are written by lab/modtree (x/mod's zip code): MODULES modules of FILES files of
# SIZE bytes each. Our run also checks every hash against go.sum and .ziphash, so it fails
# loudly if it disagrees with Go. Needs golang-go, golang-golang-x-mod-dev, python3 and a
# built gomod-doctor (GOMOD_DOCTOR_BIN, else .build/release, else .build/debug). No network.
#
# Usage: bench/h1-hash.sh [modules] [files] [size]        (default 40 200 4096)
set -eu
modules=${1:-40}; files=${2:-200}; size=${3:-4096}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${GOMOD_DOCTOR_BIN:-}
[ -n "$bin" ] || for candidate in "$root/.build/release/gomod-doctor" "$root/.build/debug/gomod-doctor"; do
    [ -x "$candidate" ] && { bin=$candidate; break; }
done
[ -n "$bin" ] || { echo "gomod-doctor is not built (swift build -c release)" >&2; exit 2; }
work=$(mktemp -d /tmp/h1-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$work/gocache" GOFLAGS=

mkdir -p "$work/modtree" "$work/dirhash" "$work/modcache/cache/download" "$work/project"
cp "$root/lab/modtree/main.go" "$work/modtree/"
cat > "$work/dirhash/main.go" <<'GO'
// Command dirhash prints dirhash.HashZip of every zip named on the command line.
package main

import (
	"fmt"
	"os"

	"golang.org/x/mod/sumdb/dirhash"
)

func main() {
	for _, zip := range os.Args[1:] {
		h, err := dirhash.HashZip(zip, dirhash.DefaultHash)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(h, zip)
	}
}
GO
(cd "$work/modtree" && go build -o "$work/modtree.bin" main.go)
(cd "$work/dirhash" && go build -o "$work/dirhash.bin" main.go)

python3 - "$modules" "$files" "$size" > "$work/spec.json" <<'PY'
import json, random, sys
modules, files, size = map(int, sys.argv[1:])
rng = random.Random(1)
spec = []
for m in range(modules):
    path = "bench.example/mod%d" % m
    content = {"go.mod": "module %s\n\ngo 1.19\n" % path}
    for f in range(files):
        content["pkg%d/file%d.go" % (f % 10, f)] = "package p\n// " + "".join(rng.choice("abcdefghij \n") for _ in range(size))
    spec.append({"path": path, "version": "v1.0.0", "time": "2024-01-02T03:04:05Z", "files": content})
json.dump(spec, sys.stdout)
PY
"$work/modtree.bin" -root "$work/modcache/cache/download" < "$work/spec.json" > "$work/hashes.jsonl"
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
gosum = []
for line in open(work + "/hashes.jsonl"):
    h = json.loads(line)
    open("%s/modcache/cache/download/%s/@v/%s.ziphash" % (work, h["path"], h["version"]), "w").write(h["zipHash"] + "\n")
    gosum += ["%s %s %s" % (h["path"], h["version"], h["zipHash"]), "%s %s/go.mod %s" % (h["path"], h["version"], h["modHash"])]
open(work + "/project/go.mod", "w").write("module bench.example/app\n\ngo 1.19\n")
open(work + "/project/go.sum", "w").write("\n".join(gosum) + "\n")
PY
zips=$(find "$work/modcache/cache/download" -name '*.zip' | sort)
count=$(echo "$zips" | wc -l)
bytes=$(cat $zips | wc -c)

now() { date +%s.%N; }
t0=$(now)
env -i PATH="$PATH" HOME="$work" GOMODCACHE="$work/modcache" GOSUMDB=off GOPROXY=off GOFLAGS=-mod=mod \
    "$bin" verify --cache --json "$work/project" > "$work/ours.json"
t1=$(now)
"$work/dirhash.bin" $zips > "$work/go.txt"
t2=$(now)
sha256sum $zips > /dev/null
t3=$(now)

python3 - "$work" "$count" "$bytes" "$t0" "$t1" "$t2" "$t3" <<'PY'
import json, sys
work, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
t0, t1, t2, t3 = map(float, sys.argv[4:8])
ours = json.load(open(work + "/ours.json"))["verify"]["cache"]
bad = [c for c in ours if c["status"] != "verified"]
go = {l.split()[1]: l.split()[0] for l in open(work + "/go.txt")}
expected = {json.loads(l)["zipHash"] for l in open(work + "/hashes.jsonl")}
assert not bad, bad[:3]
assert set(go.values()) == expected, "Go's dirhash disagrees with modtree"
print("h1 of %d zips, %.1f MiB compressed:" % (count, size / 1048576))
print("  gomod-doctor verify --cache : %7.3f s  (all %d verified, process start included)" % (t1 - t0, len(ours)))
print("  Go dirhash.HashZip          : %7.3f s" % (t2 - t1))
print("  sha256sum (raw bytes)       : %7.3f s" % (t3 - t2))
PY
