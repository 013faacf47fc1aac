// Command goimport prints what cmd/go's go-get discovery finds in each file of a directory:
// parseMetaGoImports from cmd/go/internal/vcs/discovery.go (Go 1.27, PreferMod), run on
// the encoding/xml of the go command that builds this program, so the result is that
// release's. -fields4 accepts the optional fourth field (Go 1.25+). One JSON line per file.
package main

import (
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type metaImport struct {
	Prefix, VCS, RepoRoot, SubDir string
}

var fields4 = flag.Bool("fields4", false, "accept a fourth (subdirectory) field")

func charsetReader(charset string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "utf-8", "ascii":
		return input, nil
	default:
		return nil, fmt.Errorf("can't decode XML document using charset %q", charset)
	}
}

func attrValue(attrs []xml.Attr, name string) string {
	for _, a := range attrs {
		if strings.EqualFold(a.Name.Local, name) {
			return a.Value
		}
	}
	return ""
}

func parseMetaGoImports(r io.Reader) ([]metaImport, error) {
	d := xml.NewDecoder(r)
	d.CharsetReader = charsetReader
	d.Strict = false
	var imports []metaImport
	for {
		t, err := d.RawToken()
		if err != nil {
			if err != io.EOF && len(imports) == 0 {
				return nil, err
			}
			break
		}
		if e, ok := t.(xml.StartElement); ok && strings.EqualFold(e.Name.Local, "body") {
			break
		}
		if e, ok := t.(xml.EndElement); ok && strings.EqualFold(e.Name.Local, "head") {
			break
		}
		e, ok := t.(xml.StartElement)
		if !ok || !strings.EqualFold(e.Name.Local, "meta") {
			continue
		}
		if attrValue(e.Attr, "name") != "go-import" {
			continue
		}
		if f := strings.Fields(attrValue(e.Attr, "content")); len(f) == 3 || (*fields4 && len(f) == 4) {
			mi := metaImport{Prefix: f[0], VCS: f[1], RepoRoot: f[2]}
			if len(f) == 4 {
				mi.SubDir = f[3]
			}
			imports = append(imports, mi)
		}
	}
	var list []metaImport
	have := make(map[string]bool)
	for _, m := range imports {
		if m.VCS == "mod" {
			have[m.Prefix] = true
			list = append(list, m)
		}
	}
	for _, m := range imports {
		if m.VCS != "mod" && !have[m.Prefix] {
			list = append(list, m)
		}
	}
	return list, nil
}

type result struct {
	Name    string       `json:"name"`
	Imports []metaImport `json:"imports"`
	Error   string       `json:"error"`
}

func main() {
	flag.Parse()
	dir := flag.Arg(0)
	entries, err := os.ReadDir(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	names := []string{}
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	out := json.NewEncoder(os.Stdout)
	for _, name := range names {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		imports, err := parseMetaGoImports(f)
		f.Close()
		r := result{Name: name, Imports: imports}
		if imports == nil {
			r.Imports = []metaImport{}
		}
		if err != nil {
			r.Error = err.Error()
		}
		out.Encode(r)
	}
}
