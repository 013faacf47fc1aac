import Testing
import GoModConfig

/// go.sum parsing as cmd/go/internal/modfetch/fetch.go readGoSum does it (Go 1.19).
@Suite struct GoSumFileTests {
    static let real = """
        github.com/google/go-cmp v0.6.0 h1:ofyhxvXcZhMsU5ulbFiLKl/XBFqE1GSq7atu8tAmTRI=
        github.com/google/go-cmp v0.6.0/go.mod h1:17dUlkBOakJ0+DkrSSNjCkIjxS6bF9zb3elmeNGIjoY=
        golang.org/x/sync v0.15.0 h1:KWH3jNZsfyT6xfAfKiz6MRNmd46ByHDYaZ7KSkCtdW8=
        golang.org/x/sync v0.15.0/go.mod h1:1dzgHSNfp02xaA81J2MS99Qcpr2w7fw1gpm99rleRqA=

        golang.org/x/text v0.26.0 h1:P42AVeLghgTYr4+xUnTRKDMqpar+PtX7KWuNQL21L8M=
        golang.org/x/text v0.26.0/go.mod h1:QK15LZJUUQVJxhz7wXgxSy/CJaTFjd0G+YLonydOVQA=

        """

    @Test func parsesRealLines() throws {
        let sum = try GoSumFile.parse(Self.real, fileName: "go.sum")
        #expect(sum.lines.count == 6)
        #expect(sum.lines[1] == GoSumLine(
            path: "github.com/google/go-cmp", version: "v0.6.0", isGoMod: true,
            hash: "h1:17dUlkBOakJ0+DkrSSNjCkIjxS6bF9zb3elmeNGIjoY=", line: 2))
        #expect(sum.lines[4].line == 6, "blank lines still count")
        #expect(sum.hashes(path: "golang.org/x/sync", version: "v0.15.0", goMod: false)
                == ["h1:KWH3jNZsfyT6xfAfKiz6MRNmd46ByHDYaZ7KSkCtdW8="])
        #expect(sum.hashes(path: "golang.org/x/sync", version: "v0.15.0", goMod: true)
                == ["h1:1dzgHSNfp02xaA81J2MS99Qcpr2w7fw1gpm99rleRqA="])
        #expect(sum.hashes(path: "golang.org/x/sync", version: "v0.14.0", goMod: false).isEmpty)
    }

    @Test func whitespaceAndDuplicates() throws {
        let text = "a.b/c\tv1.0.0   h1:one=\r\n   \r\n\ta.b/c v1.0.0 h1:two=\n\u{A0}\na.b/c v1.0.0 h1:two="
        let sum = try GoSumFile.parse(text, fileName: "go.sum")
        #expect(sum.hashes(path: "a.b/c", version: "v1.0.0", goMod: false) == ["h1:one=", "h1:two=", "h1:two="])
        #expect(sum.lines.map(\.line) == [1, 3, 5])
    }

    @Test func emptyGoModHashIsDropped() throws {
        let text = "a.b/c v1.0.0/go.mod \(GoSumFile.emptyGoModHash)\na.b/c v1.0.0 h1:x=\n"
        let sum = try GoSumFile.parse(text, fileName: "go.sum")
        #expect(sum.lines.count == 1)
        #expect(sum.hashes(path: "a.b/c", version: "v1.0.0", goMod: true).isEmpty)
    }

    @Test(arguments: [
        ("a.b/c v1.0.0 h1:x=\n\na.b/c v1.0.0\n", 3, 2),
        ("a.b/c v1.0.0 h1:x= extra", 1, 4),
        ("a.b/c\n", 1, 1),
        ("a.b/c v1.0.0 h1:x=\n<<<<<<< HEAD\n", 2, 2),
    ])
    func malformedLine(text: String, line: Int, fields: Int) {
        #expect(throws: ConfigInputError(input: "/src/app/go.sum", line: line, message: "wrong number of fields \(fields)")) {
            try GoSumFile.parse(text, fileName: "/src/app/go.sum")
        }
    }

    @Test func goCommandText() {
        do {
            _ = try GoSumFile.parse("ok.com/x v1.0.0 h1:x=\nbroken line\n", fileName: "go.sum")
            Issue.record("expected an error")
        } catch {
            #expect(GoSumFile.goCommandText(error) == "malformed go.sum:\ngo.sum:2: wrong number of fields 2")
        }
    }

    @Test func emptyFile() throws {
        #expect(try GoSumFile.parse("", fileName: "go.sum").lines.isEmpty)
        #expect(try GoSumFile.parse("\n\n  \n", fileName: "go.sum").lines.isEmpty)
    }
}
