import Testing
@testable import GoModConfig

/// Differential test of module path checks, escaping and semver against the real
/// golang.org/x/mod/module and semver (built like `GoModDifferentialTests`), over the
/// module_test.go table plus seeded random paths. Skipped without Go and the x/mod sources.
@Suite struct ModulePathDifferentialTests {
    static let probeSource = #"""
        package main

        import (
        	"bufio"
        	"encoding/json"
        	"fmt"
        	"os"

        	"golang.org/x/mod/module"
        	"golang.org/x/mod/semver"
        )

        func errText(err error) string {
        	if err == nil {
        		return "ok"
        	}
        	return err.Error()
        }

        func main() {
        	var inputs []string
        	if err := json.NewDecoder(os.Stdin).Decode(&inputs); err != nil {
        		panic(err)
        	}
        	w := bufio.NewWriter(os.Stdout)
        	defer w.Flush()
        	for _, in := range inputs {
        		var out []string
        		out = append(out, errText(module.CheckPath(in)), errText(module.CheckImportPath(in)), errText(module.CheckFilePath(in)))
        		e, err := module.EscapePath(in)
        		out = append(out, e+" "+errText(err))
        		e, err = module.EscapeVersion(in)
        		out = append(out, e+" "+errText(err))
        		e, err = module.UnescapePath(in)
        		out = append(out, e+" "+errText(err))
        		e, err = module.UnescapeVersion(in)
        		out = append(out, e+" "+errText(err))
        		prefix, major, ok := module.SplitPathVersion(in)
        		out = append(out, fmt.Sprintf("%s|%s|%v", prefix, major, ok))
        		out = append(out, semver.Canonical(in), semver.Major(in), semver.MajorMinor(in), semver.Prerelease(in), semver.Build(in), module.CanonicalVersion(in))
        		out = append(out, fmt.Sprint(semver.Compare(in, "v1.2.3-pre.1")))
        		b, _ := json.Marshal(out)
        		w.Write(b)
        		w.WriteString("\n")
        	}
        }
        """#

    private static func text(_ body: () throws(ConfigInputError) -> String) -> String {
        do {
            return try body()
        } catch {
            return error.message
        }
    }

    private static func result(_ body: () throws(ConfigInputError) -> String) -> String {
        do {
            return try body() + " ok"
        } catch {
            return " " + error.message
        }
    }

    /// The same row the Go probe prints, from our implementation.
    static func row(_ s: String) -> [String] {
        let check: (() throws(ConfigInputError) -> Void) -> String = { body in
            text { () throws(ConfigInputError) in try body(); return "ok" }
        }
        let split = ModulePath.splitPathVersion(s)
        return [
            check { () throws(ConfigInputError) in try ModulePath.checkPath(s) },
            check { () throws(ConfigInputError) in try ModulePath.checkImportPath(s) },
            check { () throws(ConfigInputError) in try ModulePath.checkFilePath(s) },
            Self.result { () throws(ConfigInputError) in try ModulePath.escape(s) },
            Self.result { () throws(ConfigInputError) in try ModulePath.escapeVersion(s) },
            Self.result { () throws(ConfigInputError) in try ModulePath.unescape(s) },
            Self.result { () throws(ConfigInputError) in try ModulePath.unescapeVersion(s) },
            split.map { "\($0.prefix)|\($0.pathMajor)|true" } ?? "\(s)||false",
            Semver.canonical(s), Semver.major(s), Semver.majorMinor(s), Semver.prerelease(s), Semver.build(s),
            ModulePath.canonicalVersion(s),
            String(Semver.compare(s, "v1.2.3-pre.1")),
        ]
    }

    static func randomInputs(count: Int) -> [String] {
        var rng = GoModTestRandom(seed: 0x7061_7468)
        let pieces = ["a", "b", "z", "A", "Q", ".", ".", "/", "/", "-", "_", "~", "!", "0", "1", "9", "v", "v2", "/v2",
                      ".v1", "+", "@", "gopkg.in/", "github.com/", "com1", "aux", "é", "☺", " ", "\"", "'", "*",
                      "v1.2.3", "-pre", "+meta", ".0", "-unstable", "+incompatible", "~1", "..", "x.y"]
        return (0..<count).map { _ in
            (0...(rng.next() % 8)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test(.enabled(if: GoModDifferentialTests.available, "needs go and golang-golang-x-mod-dev"))
    func agreesWithModule() throws {
        let inputs = ModulePathTables.checkPathCases.map(\.path) + ModulePathTables.checkCases.map(\.version)
            + Self.randomInputs(count: 5_000)
        let expected = try GoModDifferentialTests.runProbe(source: Self.probeSource, inputs: inputs)
        try #require(expected.count == inputs.count)
        for (input, want) in zip(inputs, expected) {
            #expect(Self.row(input) == want, "input: \(GoModQuoting.quote(input))")
        }
    }
}
