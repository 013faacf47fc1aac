// Command modtree writes modules into a GOPROXY directory tree (module-cache layout)
// and prints their go.sum hashes, using golang.org/x/mod exactly as the go command does.
//
//	modtree -root DIR < spec.json
//
// spec.json: [{"path": "example.com/m", "version": "v1.0.0", "time": "2024-01-02T03:04:05Z",
// "files": {"go.mod": "module example.com/m\n", "m.go": "package m\n"}}]
// For each module it writes <escaped path>/@v/<version>.{info,mod,zip} and adds the version
// to @v/list; it prints one JSON object per module: {"path","version","zipHash","modHash"}.
package main

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/mod/sumdb/dirhash"
	modzip "golang.org/x/mod/zip"
)

type moduleSpec struct {
	Path    string            `json:"path"`
	Version string            `json:"version"`
	Time    string            `json:"time"`
	Files   map[string]string `json:"files"`
}

type moduleHashes struct {
	Path    string `json:"path"`
	Version string `json:"version"`
	ZipHash string `json:"zipHash"`
	ModHash string `json:"modHash"`
}

// memFile is one zip entry held in memory (modzip.File).
type memFile struct {
	name string
	data []byte
}

func (f memFile) Path() string                 { return f.name }
func (f memFile) Lstat() (os.FileInfo, error)  { return memInfo(f), nil }
func (f memFile) Open() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(f.data)), nil }

type memInfo memFile

func (i memInfo) Name() string       { return filepath.Base(i.name) }
func (i memInfo) Size() int64        { return int64(len(i.data)) }
func (i memInfo) Mode() fs.FileMode  { return 0o644 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }

func main() {
	root := ""
	if len(os.Args) == 3 && os.Args[1] == "-root" {
		root = os.Args[2]
	} else {
		log.Fatal("usage: modtree -root DIR < spec.json")
	}
	var specs []moduleSpec
	if err := json.NewDecoder(os.Stdin).Decode(&specs); err != nil {
		log.Fatal(err)
	}
	out := json.NewEncoder(os.Stdout)
	for _, spec := range specs {
		hashes, err := write(root, spec)
		if err != nil {
			log.Fatalf("%s@%s: %v", spec.Path, spec.Version, err)
		}
		out.Encode(hashes)
	}
}

func write(root string, spec moduleSpec) (moduleHashes, error) {
	m := module.Version{Path: spec.Path, Version: spec.Version}
	escPath, err := module.EscapePath(m.Path)
	if err != nil {
		return moduleHashes{}, err
	}
	escVers, err := module.EscapeVersion(m.Version)
	if err != nil {
		return moduleHashes{}, err
	}
	dir := filepath.Join(root, filepath.FromSlash(escPath), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return moduleHashes{}, err
	}
	goMod := []byte(spec.Files["go.mod"])
	var files []modzip.File
	for name, content := range spec.Files {
		files = append(files, memFile{name: name, data: []byte(content)})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path() < files[j].Path() })
	var zipBuf bytes.Buffer
	if err := modzip.Create(&zipBuf, m, files); err != nil {
		return moduleHashes{}, err
	}
	stamp := spec.Time
	if stamp == "" {
		stamp = "2024-01-01T00:00:00Z"
	}
	info, _ := json.Marshal(map[string]string{"Version": m.Version, "Time": stamp})
	base := filepath.Join(dir, escVers)
	for ext, data := range map[string][]byte{".info": info, ".mod": goMod, ".zip": zipBuf.Bytes()} {
		if err := os.WriteFile(base+ext, data, 0o644); err != nil {
			return moduleHashes{}, err
		}
	}
	if err := addToList(filepath.Join(dir, "list"), m.Version); err != nil {
		return moduleHashes{}, err
	}
	zipHash, err := dirhash.HashZip(base+".zip", dirhash.DefaultHash)
	if err != nil {
		return moduleHashes{}, err
	}
	// cmd/go/internal/modfetch/fetch.go (checkGoMod): go.mod is hashed as a one-file tree named "go.mod".
	modHash, err := dirhash.Hash1([]string{"go.mod"}, func(string) (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(goMod)), nil
	})
	if err != nil {
		return moduleHashes{}, err
	}
	return moduleHashes{Path: m.Path, Version: m.Version, ZipHash: zipHash, ModHash: modHash}, nil
}

func addToList(list, version string) error {
	old, err := os.ReadFile(list)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	for _, line := range strings.Split(string(old), "\n") {
		if line == version {
			return nil
		}
	}
	return os.WriteFile(list, append(old, []byte(version+"\n")...), 0o644)
}
