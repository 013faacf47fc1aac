import Testing
@testable import GoModConfig

/// go.mod behaviour beyond the recorded corpus: rule_test.go's comment tables, the
/// directives newer than x/mod v0.7.0, replacement lookup and hostile input.
@Suite struct GoModFileTests {
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

    // rule_test.go retractRationaleTests
    @Test(arguments: [
        ("no_comment", "module m\n\t\tretract v1.0.0", ""),
        ("prefix_one", "module m\n\t\t//   prefix\n\t\tretract v1.0.0 \n\t\t", "prefix"),
        ("prefix_multiline", "module m\n\t\t//  one\n\t\t//\n\t\t//     two\n\t\t//\n\t\t// three  \n\t\tretract v1.0.0",
         "one\n\ntwo\n\nthree"),
        ("suffix", "module m\n\t\tretract v1.0.0 // suffix\n\t\t", "suffix"),
        ("prefix_suffix_after", "module m\n\t\t// prefix\n\t\tretract v1.0.0 // suffix\n\t\t", "prefix\nsuffix"),
        ("block_only", "// block\n\t\tretract (\n\t\t\tv1.0.0\n\t\t)\n\t\t", "block"),
        ("block_and_line", "// block\n\t\tretract (\n\t\t\t// line\n\t\t\tv1.0.0\n\t\t)\n\t\t", "line"),
    ])
    func retractRationale(name: String, input: String, want: String) throws {
        let file = try parse(input)
        #expect(file.retracts.count == 1, "\(name)")
        #expect(file.retracts.first?.rationale == want, "\(name)")
    }

    // rule_test.go moduleDeprecatedTests
    @Test(arguments: [
        ("no_comment", "module m", ""),
        ("other_comment", "// yo\n\t\tmodule m", ""),
        ("deprecated_no_colon", "//Deprecated\n\t\tmodule m", ""),
        ("deprecated_no_space", "//Deprecated:blah\n\t\tmodule m", "blah"),
        ("deprecated_simple", "// Deprecated: blah\n\t\tmodule m", "blah"),
        ("deprecated_lowercase", "// deprecated: blah\n\t\tmodule m", ""),
        ("deprecated_multiline", "// Deprecated: one\n\t\t// two\n\t\tmodule m", "one\ntwo"),
        ("deprecated_mixed", "// some other comment\n\t\t// Deprecated: blah\n\t\tmodule m", ""),
        ("deprecated_middle", "// module m is Deprecated: blah\n\t\tmodule m", ""),
        ("deprecated_multiple", "// Deprecated: a\n\t\t// Deprecated: b\n\t\tmodule m", "a\nDeprecated: b"),
        ("deprecated_paragraph", "// Deprecated: a\n\t\t// b\n\t\t//\n\t\t// c\n\t\tmodule m", "a\nb"),
        ("deprecated_paragraph_space", "// Deprecated: the next line has a space\n\t\t// \n\t\t// c\n\t\tmodule m",
         "the next line has a space"),
        ("deprecated_suffix", "module m // Deprecated: blah", "blah"),
        ("deprecated_mixed_suffix", "// some other comment\n\t\tmodule m // Deprecated: blah", ""),
        ("deprecated_mixed_suffix_paragraph", "// some other comment\n\t\t//\n\t\tmodule m // Deprecated: blah", "blah"),
        ("deprecated_block", "// Deprecated: blah\n\t\tmodule (\n\t\t\tm\n\t\t)", "blah"),
    ])
    func moduleDeprecated(name: String, input: String, want: String) throws {
        let file = try parse(input)
        #expect(file.modulePath == "m", "\(name)")
        #expect((file.moduleDeprecated ?? "") == want, "\(name)")
    }

    // read_test.go TestGoVersion, with current modfile's GoVersionRE (1.N, 1.N.P, 1.NrcK).
    @Test(arguments: [
        ("go \n", false), ("go 1\n", false), ("go 1.22\n", true), ("go 1.22.333", true),
        ("go v1.2\n", false), ("go 1.2rc1\n", true), ("go 1.2 3.4\n", false), ("go 1.2.3\n", true),
        ("go 1.2beta1\n", true), ("go 1.2.beta1\n", false), ("go v1.2.3\n", false), ("go 01.2\n", false),
        ("go 1.02\n", false), ("go 1.21.0\n", true),
    ])
    func goVersion(line: String, ok: Bool) {
        #expect((parseError("module m\n" + line) == nil) == ok, "\(line)")
    }

    // read_test.go TestParseLax: dependency go.mod files with directives and syntax from
    // the future still yield their module and requirements.
    @Test func parseLaxIgnoresIrrelevantErrors() throws {
        let bad = """
            module m
            \t\tsurprise attack
            \t\tx y (
            \t\t\tz
            \t\t)
            \t\texclude v1.2.3
            \t\treplace <-!!!
            \t\tretract v1.2.3 v1.2.4
            \t\tretract (v1.2.3, v1.2.4]
            \t\tretract v1.2.3 (
            \t\t\tkey1 value1
            \t\t\tkey2 value2
            \t\t)
            \t\trequire good v1.0.0
            \t
            """
        let file = try GoModFile.parseLax(bad, fileName: "file")
        #expect(file.modulePath == "m")
        #expect(file.requires.map(\.path) == ["good"])
        #expect(file.excludes.isEmpty && file.replaces.isEmpty)
        #expect(parseError(bad) != nil, "strict parsing rejects the same file")
    }

    // read_test.go TestGoVersion's laxOK column: ParseLax keeps the 1.N prefix.
    @Test(arguments: [
        ("go 1.2.beta1\n", "1.2"), ("go v1.2.3\n", "1.2"), ("go v1.2rc1\n", "1.2"),
        ("go v1.2beta1\n", "1.2"), ("go v1.2.beta1\n", "1.2"), ("go v1.2\n", nil), ("go 1\n", nil),
    ])
    func laxGoVersion(line: String, want: String?) {
        let file = try? GoModFile.parseLax("module m\n" + line, fileName: "go.mod")
        #expect(file?.goVersion == want, "\(line)")
    }

    @Test func goVersionMessages() {
        #expect(parseError("module m\ngo\n")?.description == "go.mod:2: go directive expects exactly one argument")
        #expect(parseError("module m\ngo 1.2.beta1\n")?.description
                == "go.mod:2: invalid go version '1.2.beta1': must match format 1.23.0")
    }

    // read_test.go TestParsePunctuation, on the internal syntax tree.
    @Test(arguments: [
        ("require ()", "require ( )"),
        ("require []{},", "require [ ] { } ,"),
        ("require a[b]c{d}e,", "require a [ b ] c { d } e ,"),
        ("require (\n\ta[b]\n)", "require ( a [ b ] )"),
        ("require [v1.0.0, v1.1.0)", "require [ v1.0.0 , v1.1.0 )"),
    ])
    func punctuation(source: String, want: String) throws {
        let syntax = try GoModSyntaxParser.parse(source, fileName: "go.mod")
        var tokens: [String] = []
        for statement in syntax.statements {
            switch statement {
            case .line(let line): tokens += line.tokens
            case .block(let block): tokens += block.tokens + ["("] + block.lines.flatMap(\.tokens) + [")"]
            case .comments: Issue.record("unexpected comment block")
            }
        }
        #expect(tokens.joined(separator: " ") == want)
    }

    // read_test.go TestComments "block": where each comment is attached.
    @Test func blockComments() throws {
        let source = "\n// a\n\n// b\nblock ( // c\n\t// d\n\n\t// e\n\tx // f\n\t// g\n\n\t// h\n) // i\n// j\n\n// k\n"
        let syntax = try GoModSyntaxParser.parse(source, fileName: "go.mod")
        guard syntax.statements.count == 4, case .block(let block) = syntax.statements[1] else {
            Issue.record("unexpected statements \(syntax.statements)")
            return
        }
        #expect(block.before.map(\.token) == ["// b"])
        #expect(block.lparenSuffix.map(\.token) == ["// c"])
        #expect(block.lines.first?.before.map(\.token) == ["// d", "", "// e"])
        #expect(block.lines.first?.suffix.map(\.token) == ["// f"])
        #expect(block.rparenBefore.map(\.token) == ["// g", "", "// h"])
        #expect(block.rparenSuffix.map(\.token) == ["// i"])
    }

    @Test func newerDirectives() throws {
        let file = try parse("""
            module example.com/app

            go 1.23.4
            toolchain go1.23.4

            godebug default=go1.21
            godebug (
            \thttp2client=0
            \tpanicnil=1
            )

            tool golang.org/x/tools/cmd/stringer
            tool (
            \texample.com/gen
            \t"example.com/quoted"
            )

            ignore ./node_modules
            ignore (
            \tthird_party/javascript
            \t"./with space"
            )
            """)
        #expect(file.goVersion == "1.23.4")
        #expect(file.toolchain == "go1.23.4")
        #expect(file.godebug == [
            GoModGodebug(key: "default", value: "go1.21", line: 6),
            GoModGodebug(key: "http2client", value: "0", line: 8),
            GoModGodebug(key: "panicnil", value: "1", line: 9),
        ])
        #expect(file.tools == ["golang.org/x/tools/cmd/stringer", "example.com/gen", "example.com/quoted"])
        #expect(file.ignores == ["./node_modules", "third_party/javascript", "./with space"])
        #expect(try parse("toolchain default").toolchain == "default")
    }

    @Test(arguments: [
        ("toolchain go1.21.0\ntoolchain go1.22.0", "go.mod:2: repeated toolchain statement"),
        ("toolchain", "go.mod:1: toolchain directive expects exactly one argument"),
        ("toolchain 1.21.0", "go.mod:1: invalid toolchain version '1.21.0': must match format go1.23.0 or default"),
        ("toolchain local", "go.mod:1: invalid toolchain version 'local': must match format go1.23.0 or default"),
        ("godebug", "go.mod:1: usage: godebug key=value"),
        ("godebug nokeyvalue", "go.mod:1: usage: godebug key=value"),
        ("godebug a=b,c=d", "go.mod:1: usage: godebug key=value"),
        ("godebug \"a=b\"", "go.mod:1: usage: godebug key=value"),
        ("godebug (\n\ta=1 b=2\n)", "go.mod:2:2: usage: godebug key=value"),
        ("tool", "go.mod:1: tool directive expects exactly one argument"),
        ("tool a b", "go.mod:1: tool directive expects exactly one argument"),
        ("tool `x`", "go.mod:1: invalid quoted string: unquoted string cannot contain quote"),
        ("ignore", "go.mod:1: ignore directive expects exactly one argument"),
        ("ignore (\n\t./a ./b\n)", "go.mod:2:2: ignore directive expects exactly one argument"),
        ("toolchain (\n\tgo1.21.0\n)", "go.mod:1: unknown block type: toolchain"),
    ])
    func newerDirectiveErrors(input: String, message: String) {
        #expect(parseError(input)?.description == message)
    }

    @Test func allErrorsInFileOrder() {
        let text = "module m\nfoo\nrequire a.b/c\n\tbar baz\nrequire a.b/d v1.0.0\n"
        #expect(GoModFile.errors(in: text, fileName: "go.mod").map(\.description) == [
            "go.mod:2: unknown directive: foo",
            "go.mod:3: usage: require module/path v1.2.3",
            "go.mod:4:2: unknown directive: bar",
        ])
        #expect(GoModFile.errors(in: text, fileName: "go.mod", lax: true).map(\.description) == [
            "go.mod:3: usage: require module/path v1.2.3",
        ])
        #expect(GoModFile.errors(in: "module m\nrequire \"x\n", fileName: "go.mod").map(\.description)
                == ["go.mod:2:11: unexpected newline in string"])
        #expect(GoModFile.errors(in: "module m\n", fileName: "go.mod").isEmpty)
    }

    @Test func replacementLookup() throws {
        let file = try parse("""
            module example.com/app
            replace example.com/a => ../a
            replace example.com/a v1.2.0 => example.com/fork v1.2.1
            replace example.com/b v1.0.0 => ./b1
            replace example.com/b v1.0.0 => ./b2
            """)
        #expect(file.replacement(for: "example.com/a", version: "v1.2.0")?.target == .module(path: "example.com/fork", version: "v1.2.1"))
        #expect(file.replacement(for: "example.com/a", version: "v1.3.0")?.target == .directory("../a"))
        #expect(file.replacement(for: "example.com/b", version: "v1.0.0")?.line == 5)
        #expect(file.replacement(for: "example.com/b", version: "v1.0.1") == nil)
        #expect(file.replacement(for: "example.com/c", version: "v1.0.0") == nil)
        #expect(file.conflictingReplacements() == ["go: conflicting replacements for example.com/b@v1.0.0:\n\t./b1\n\t./b2"])
        #expect(file.replaces.first?.oldVersion == nil)
    }
}
