// Command sumdb is the lab's checksum database: golang.org/x/mod's own server
// (sumdb.NewServer over sumdb.NewTestServer) signing the go.sum lines found in a file.
//
//	sumdb -listen ADDR:PORT -gosum FILE [-name NAME] [-keys FILE] [-prefix /sumdb/NAME]
//
// It generates a fresh key pair (or, with -keys, reuses the pair stored in FILE, writing a
// fresh one there first when the file is empty or missing: two servers sharing a key and
// serving different go.sum files are a forked database). With -prefix it serves under that
// path and answers PREFIX/supported with 200, as a GOPROXY that proxies the database. It prints "vkey <verifier key>" on stdout (for GOSUMDB="<vkey> http://ADDR"),
// then "listening ADDR". The go.sum file is re-read on every lookup, so modules added to
// the lab proxy later are found; a module with no lines there answers 404 (not found).
package main

import (
	"bufio"
	"crypto/rand"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strings"

	"golang.org/x/mod/sumdb"
	"golang.org/x/mod/sumdb/note"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:8081", "address to listen on")
	gosumFile := flag.String("gosum", "", "file of go.sum lines to serve")
	name := flag.String("name", "sum.lab.example", "checksum database name (inside the key)")
	keysFile := flag.String("keys", "", "file holding the signer and verifier key (created when empty)")
	prefix := flag.String("prefix", "", "serve under this path (e.g. /sumdb/NAME) with PREFIX/supported")
	flag.Parse()
	if *gosumFile == "" {
		log.Fatal("sumdb: -gosum is required")
	}
	skey, vkey, err := keys(*keysFile, *name)
	if err != nil {
		log.Fatal(err)
	}
	lookup := func(path, vers string) ([]byte, error) { return linesFor(*gosumFile, path, vers) }
	var server http.Handler = sumdb.NewServer(sumdb.NewTestServer(skey, lookup))
	if *prefix != "" {
		mux := http.NewServeMux()
		mux.HandleFunc(*prefix+"/supported", func(w http.ResponseWriter, r *http.Request) {})
		mux.Handle(*prefix+"/", http.StripPrefix(*prefix, server))
		server = mux
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("vkey %s\nlistening %s\n", vkey, ln.Addr())
	os.Stdout.Sync()
	log.Fatal(http.Serve(ln, logged(server)))
}

// keys returns a fresh key pair, or the one stored in file (written there when absent).
func keys(file, name string) (skey, vkey string, err error) {
	if file != "" {
		if data, err := os.ReadFile(file); err == nil {
			if fields := strings.Fields(string(data)); len(fields) == 2 {
				return fields[0], fields[1], nil
			}
		}
	}
	skey, vkey, err = note.GenerateKey(rand.Reader, name)
	if err == nil && file != "" {
		err = os.WriteFile(file, []byte(skey+"\n"+vkey+"\n"), 0o600)
	}
	return skey, vkey, err
}

// linesFor returns the "path vers h1:" and "path vers/go.mod h1:" lines, or os.ErrNotExist (→ 404).
func linesFor(file, path, vers string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out strings.Builder
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		fields := strings.Fields(scanner.Text())
		if len(fields) == 3 && fields[0] == path && (fields[1] == vers || fields[1] == vers+"/go.mod") {
			out.WriteString(strings.Join(fields, " ") + "\n")
		}
	}
	if out.Len() == 0 {
		// Plain os.ErrNotExist: x/mod 0.7.0's server tests os.IsNotExist, which does not unwrap.
		return nil, os.ErrNotExist
	}
	return []byte(out.String()), nil
}

func logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Printf("%s %s", r.Method, r.URL.Path)
		h.ServeHTTP(w, r)
	})
}
