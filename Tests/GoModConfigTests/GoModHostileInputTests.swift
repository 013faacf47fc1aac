import Testing
@testable import GoModConfig

/// Hostile go.mod input: oversized files, unbalanced parentheses, unterminated strings
/// and random byte soup must give positioned errors, never traps or unbounded work.
@Suite struct GoModHostileInputTests {
    private func parse(_ text: String) throws -> GoModFile {
        try GoModFile.parse(text, fileName: "go.mod")
    }

    private func parseError(_ text: String, fileName: String = "go.mod") -> ConfigInputError? {
        do {
            _ = try GoModFile.parse(text, fileName: fileName)
            return nil
        } catch {
            return error
        }
    }

    @Test func oversizedFileIsRejectedNamingIt() {
        let big = "module example.com/m\n" + String(repeating: "// padding padding padding padding\n", count: 17 << 20 / 35 + 1)
        #expect(big.utf8.count > 17 << 20)
        let start = ContinuousClock.now
        let error = parseError(big, fileName: "/work/x/go.mod")
        // The brief asks for a quick rejection: generous bound, the size check runs before lexing.
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(error?.input == "/work/x/go.mod")
        #expect(error?.message.hasPrefix("go.mod file too large") == true)
        #expect(error?.line == nil)
    }

    @Test func hostileInputsGivePositionedErrors() {
        let parens = "module m\nrequire " + String(repeating: "(", count: 200_000) + "\n"
        #expect(parseError(parens)?.description == "go.mod:3: syntax error (unterminated block started at go.mod:2:1)")
        let closers = String(repeating: ")\n", count: 1000)
        #expect(parseError(closers)?.description == "go.mod:1: unknown directive: )")
        let long = "module m\n" + String(repeating: "require a.b/c v1.0.0\n", count: 50_000) + "require \"unterminated"
        #expect(parseError(long)?.description == "go.mod:50002:9: unexpected EOF in string")
        let nested = "module m\nrequire (\n" + String(repeating: "require (\n", count: 10_000)
        #expect(parseError(nested)?.description == "go.mod:10003: syntax error (unterminated block started at go.mod:2:1)")
        // modfile does not check require paths; a NUL inside quotes survives unquoting.
        #expect((try? parse("module m\nrequire \"a\u{0}b\" v1.0.0\n"))?.requires.first?.path == "a\u{0}b")
    }

    @Test func largeValidFileParses() throws {
        let body = (0..<20_000).map { "\texample.com/m\($0) v1.0.\($0) // indirect" }.joined(separator: "\n")
        let file = try parse("module m\nrequire (\n" + body + "\n)\n")
        #expect(file.requires.count == 20_000)
        #expect(file.requires.last == GoModRequirement(path: "example.com/m19999", version: "v1.0.19999", indirect: true, line: 20_002))
    }

    /// Random byte soup and mutations never trap; every failure is a positioned error.
    @Test func randomInputsNeverTrap() {
        var rng = GoModTestRandom(seed: 0x60_6D_6F_64)
        let alphabet = Array("module require replace retract exclude go toolchain godebug tool ignore ()[]{},=>\"`'\\/*\n\t v1.2.3 a.b/c é\u{0}\u{200B}\r".unicodeScalars)
        for _ in 0..<2_000 {
            let length = Int(rng.next() % 120)
            var text = String.UnicodeScalarView()
            for _ in 0..<length { text.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            if let error = parseError(String(text)) {
                #expect(error.input == "go.mod")
                #expect(error.line != nil)
            }
        }
    }
}

/// A tiny deterministic PRNG so the random-input test is reproducible.
struct GoModTestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
