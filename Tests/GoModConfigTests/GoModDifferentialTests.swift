import Foundation
import Testing
@testable import GoModConfig

/// Differential test against the real golang.org/x/mod/modfile: builds a tiny Go program in
/// GOPATH mode from the Debian golang-golang-x-mod-dev sources (no network, no modules),
/// feeds it the corpus plus seeded mutations of it, and compares its `modfile.Parse`
/// results with `GoModFile.parse`. Skipped when Go or the x/mod sources are not installed.
@Suite struct GoModDifferentialTests {
    static let xModSources = "/usr/share/gocode/src/golang.org/x/mod/modfile"

    static var goBinary: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/go" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var available: Bool {
        goBinary != nil && FileManager.default.fileExists(atPath: xModSources)
    }

    /// The probe: reads a JSON array of go.mod texts, prints per input a JSON array of the
    /// `Parse` and `ParseLax` results in the format `GoModCorpus.render` produces.
    static let probeSource = #"""
        package main

        import (
        	"bufio"
        	"encoding/json"
        	"fmt"
        	"os"
        	"strings"

        	"golang.org/x/mod/modfile"
        )

        func main() {
        	var inputs []string
        	if err := json.NewDecoder(os.Stdin).Decode(&inputs); err != nil {
        		panic(err)
        	}
        	w := bufio.NewWriter(os.Stdout)
        	defer w.Flush()
        	for _, in := range inputs {
        		var results []string
        		for _, parse := range []func(string, []byte, modfile.VersionFixer) (*modfile.File, error){modfile.Parse, modfile.ParseLax} {
        			results = append(results, render(parse("go.mod", []byte(in), nil)))
        		}
        		b, _ := json.Marshal(results)
        		w.Write(b)
        		w.WriteString("\n")
        	}
        }

        func render(f *modfile.File, err error) string {
        		var out []string
        		if err != nil {
        			if list, ok := err.(modfile.ErrorList); ok {
        				out = append(out, "error "+list[0].Error())
        			} else {
        				out = append(out, "error "+err.Error())
        			}
        		} else {
        			if f.Module != nil {
        				out = append(out, fmt.Sprintf("module %q %q", f.Module.Mod.Path, f.Module.Deprecated))
        			}
        			if f.Go != nil {
        				out = append(out, "go "+f.Go.Version)
        			}
        			for _, r := range f.Require {
        				out = append(out, fmt.Sprintf("require %q %s %v %d", r.Mod.Path, r.Mod.Version, r.Indirect, r.Syntax.Start.Line))
        			}
        			for _, r := range f.Exclude {
        				out = append(out, fmt.Sprintf("exclude %q %s", r.Mod.Path, r.Mod.Version))
        			}
        			for _, r := range f.Replace {
        				out = append(out, fmt.Sprintf("replace %q %q => %q %q %d", r.Old.Path, r.Old.Version, r.New.Path, r.New.Version, r.Syntax.Start.Line))
        			}
        			for _, r := range f.Retract {
        				out = append(out, fmt.Sprintf("retract %q %q %q %d", r.Low, r.High, r.Rationale, r.Syntax.Start.Line))
        			}
        		}
        		return strings.Join(out, "\n")
        }
        """#

    /// Runs `go` (GOPATH mode, proxy off) and returns its exit status.
    private static func runGo(_ go: String, _ args: [String], gopath: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: go)
        process.arguments = args
        process.currentDirectoryURL = gopath
        var env = ProcessInfo.processInfo.environment
        env["GO111MODULE"] = "off"
        env["GOPATH"] = "/usr/share/gocode:" + gopath.path
        env["GOFLAGS"] = ""
        env["GOPROXY"] = "off"
        env["GOTOOLCHAIN"] = "local"
        if env["HOME"] == nil && env["GOCACHE"] == nil { env["GOCACHE"] = gopath.appendingPathComponent("cache").path }
        process.environment = env
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Builds the Go program `source` (package main, may import golang.org/x/mod/...) in a
    /// scratch GOPATH, sends it `inputs` as one JSON array on stdin and returns one JSON
    /// array of strings per output line. Shared with the ModulePath differential test.
    static func runProbe(source: String, inputs: [String]) throws -> [[String]] {
        guard let go = goBinary else { return [] }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gomod-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let src = dir.appendingPathComponent("src/modprobe")
        try FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
        try source.write(to: src.appendingPathComponent("main.go"), atomically: true, encoding: .utf8)
        let binary = dir.appendingPathComponent("modprobe")
        #expect(try runGo(go, ["build", "-o", binary.path, "./src/modprobe"], gopath: dir) == 0)

        let process = Process()
        process.executableURL = binary
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let payload = try JSONSerialization.data(withJSONObject: inputs)
        // Write and read concurrently so a large output cannot fill the pipe and stall us.
        let writer = Thread {
            stdin.fileHandleForWriting.write(payload)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String] ?? []
        }
    }

    /// Seeded mutations (one to three edits) of the corpus: deletions, insertions of syntax-heavy
    /// characters and duplicated lines.
    static func mutations(count: Int) -> [String] {
        var rng = GoModTestRandom(seed: 0x6469_6666)
        let inserts = Array("()[]{},\"`'/\\ \n\t=>v1.0-+é/*".unicodeScalars)
        let bases = GoModCorpus.cases.map(\.input).filter { !$0.isEmpty }
        var out: [String] = []
        for _ in 0..<count {
            var scalars = Array(bases[Int(rng.next() % UInt64(bases.count))].unicodeScalars)
            for _ in 0...(rng.next() % 3) where !scalars.isEmpty {
                let at = Int(rng.next() % UInt64(scalars.count))
                switch rng.next() % 3 {
                case 0: scalars.remove(at: at)
                case 1: scalars.insert(inserts[Int(rng.next() % UInt64(inserts.count))], at: at)
                default:
                    let text = String(String.UnicodeScalarView(scalars))
                    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    let i = at % lines.count
                    lines.insert(lines[i], at: i)
                    scalars = Array(lines.joined(separator: "\n").unicodeScalars)
                }
            }
            out.append(String(String.UnicodeScalarView(scalars)))
        }
        return out
    }

    /// Known, deliberate differences from x/mod v0.7.0: the `go` directive follows current
    /// modfile (accepts 1.21.0 / 1.21rc1, says "must match format 1.23.0").
    private static func isKnownDivergence(go: String) -> Bool {
        go.contains("invalid go version")
    }

    /// ParseLax in x/mod v0.7.0 cuts `go 1.2.3` to `1.2`; current modfile keeps `1.2.3`.
    private static func differsOnlyInNewGoVersionForm(_ mine: String, _ go: String) -> Bool {
        let a = mine.split(separator: "\n", omittingEmptySubsequences: false)
        let b = go.split(separator: "\n", omittingEmptySubsequences: false)
        guard a.count == b.count, a != b else { return false }
        return zip(a, b).allSatisfy { x, y in
            x == y || x.hasPrefix("go ") && y.hasPrefix("go ") && x.hasPrefix(y)
        }
    }

    @Test(.enabled(if: available, "needs go and golang-golang-x-mod-dev"))
    func agreesWithModfile() throws {
        let inputs = GoModCorpus.cases.map(\.input) + Self.mutations(count: 3_000)
        let expected = try Self.runProbe(source: Self.probeSource, inputs: inputs)
        try #require(expected.count == inputs.count)
        var compared = 0
        for (input, want) in zip(inputs, expected) {
            try #require(want.count == 2)
            if !Self.isKnownDivergence(go: want[0]) {
                compared += 1
                #expect(GoModCorpus.render(input) == want[0], "Parse input: \(GoModQuoting.quote(input))")
            }
            let lax = GoModCorpus.render(input, lax: true)
            if !Self.isKnownDivergence(go: want[1]) && !Self.differsOnlyInNewGoVersionForm(lax, want[1]) {
                #expect(lax == want[1], "ParseLax input: \(GoModQuoting.quote(input))")
            }
        }
        #expect(compared > inputs.count * 9 / 10)
    }
}
