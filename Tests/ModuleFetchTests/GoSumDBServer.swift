import Foundation
@testable import ModuleFetch

/// golang.org/x/mod's own checksum database (`sumdb.NewServer(sumdb.NewTestServer(…))`),
/// run as a child process that answers one request path per stdin line with
/// `<status> <base64 body>` — Go's server code, no network. Implements `readRemote` only;
/// pair it with `ForkedOps` for client state.
actor GoSumDBServer: SumDBOps {
    static let source = #"""
        package main

        import (
        	"bufio"
        	"crypto/rand"
        	"encoding/base64"
        	"flag"
        	"fmt"
        	"net/http/httptest"
        	"os"
        	"strings"

        	"golang.org/x/mod/sumdb"
        	"golang.org/x/mod/sumdb/note"
        )

        func main() {
        	skey := flag.String("skey", "", "signer key (generated when empty)")
        	gosum := flag.String("gosum", "", "go.sum lines to serve")
        	flag.Parse()
        	vkey := ""
        	if *skey == "" {
        		s, v, err := note.GenerateKey(rand.Reader, "sum.lab.example")
        		if err != nil {
        			panic(err)
        		}
        		*skey, vkey = s, v
        	}
        	data, err := os.ReadFile(*gosum)
        	if err != nil {
        		panic(err)
        	}
        	lines := strings.Split(string(data), "\n")
        	lookup := func(path, vers string) ([]byte, error) {
        		var out strings.Builder
        		for _, l := range lines {
        			f := strings.Fields(l)
        			if len(f) == 3 && f[0] == path && (f[1] == vers || f[1] == vers+"/go.mod") {
        				out.WriteString(strings.Join(f, " ") + "\n")
        			}
        		}
        		if out.Len() == 0 {
        			return nil, fmt.Errorf("%s@%s: %w", path, vers, os.ErrNotExist)
        		}
        		return []byte(out.String()), nil
        	}
        	server := sumdb.NewServer(sumdb.NewTestServer(*skey, lookup))
        	w := bufio.NewWriter(os.Stdout)
        	fmt.Fprintf(w, "vkey %s\nskey %s\n", vkey, *skey)
        	w.Flush()
        	in := bufio.NewScanner(os.Stdin)
        	for in.Scan() {
        		rec := httptest.NewRecorder()
        		server.ServeHTTP(rec, httptest.NewRequest("GET", in.Text(), nil))
        		fmt.Fprintf(w, "%d %s\n", rec.Code, base64.StdEncoding.EncodeToString(rec.Body.Bytes()))
        		w.Flush()
        	}
        }
        """#

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []
    private(set) var requests: [String] = []
    let signerKey: String

    /// Starts the server over `goSumPath` and reads its keys (`vkey` empty when `signerKey` given).
    init(binary: URL, goSumPath: String, signerKey: String? = nil) throws {
        process.executableURL = binary
        process.arguments = ["-gosum", goSumPath] + (signerKey.map { ["-skey", $0] } ?? [])
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var reader = LineReader(handle: output.fileHandleForReading)
        _ = reader.line()
        let skey = reader.line() ?? ""
        self.signerKey = String(skey.dropFirst("skey ".count))
        buffer = reader.buffer
    }

    /// The verifier key for the signer key (the public half, as `note.NewVerifier` reads it).
    nonisolated var verifierKey: String {
        get throws { try NoteSigner(parsing: signerKey).verifierKey.text }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    func readRemote(_ path: String) async -> Result<[UInt8], ModuleFetchError> {
        requests.append(path)
        input.fileHandleForWriting.write(Data((path + "\n").utf8))
        var reader = LineReader(handle: output.fileHandleForReading, buffer: buffer)
        let line = reader.line() ?? ""
        buffer = reader.buffer
        let (status, body) = SignedNote.chopSpace(line)
        guard status == "200", let data = Data(base64Encoded: body) else {
            return .failure(ModuleFetchError("http-status", "\(path): \(status) \(String(decoding: Data(base64Encoded: body) ?? Data(), as: UTF8.self))"))
        }
        return .success(Array(data))
    }

    func readConfig(_ file: String) async -> Result<[UInt8], ModuleFetchError> { .success([]) }
    func writeConfig(_ file: String, old: [UInt8], new: [UInt8]) async -> Result<Bool, ModuleFetchError> { .success(true) }
    func readCache(_ file: String) async -> [UInt8]? { nil }
    func writeCache(_ file: String, data: [UInt8]) async {}
    func log(_ message: String) async {}
    func securityError(_ message: String) async {}
}
