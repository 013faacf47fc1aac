import Testing
@testable import GoModConfig

/// go.mod inputs with the result golang.org/x/mod v0.7.0 `modfile.Parse(…, nil)` gives for
/// them, recorded from Go 1.19.8 (the probe program is `GoModDifferentialTests.probeSource`).
/// The only deliberate differences: the `go` directive follows current modfile
/// (`must match format 1.23.0`).
enum GoModCorpus {
    static let cases: [(input: String, expected: String)] = [
        ("module x.y/z\n\ngo 1.19\n\nrequire (\n\tgolang.org/x/text v0.3.7 // indirect\n\tgithub.com/google/go-cmp v0.5.9\n\trsc.io/quote/v3 v3.1.0 // indirect; used by tests\n)\n",
         "module \"x.y/z\" \"\"\ngo 1.19\nrequire \"golang.org/x/text\" v0.3.7 true 6\nrequire \"github.com/google/go-cmp\" v0.5.9 false 7\nrequire \"rsc.io/quote/v3\" v3.1.0 true 8"),
        ("module \"x.y/quoted\"\nrequire \"a.b/c\" \"v1.2.3\"\n",
         "module \"x.y/quoted\" \"\"\nrequire \"a.b/c\" v1.2.3 false 2"),
        ("module x.y\nrequire a.b/c v1.2\nrequire a.b/d v1\nrequire a.b/e v2.0.0+incompatible\n",
         "module \"x.y\" \"\"\nrequire \"a.b/c\" v1.2.0 false 2\nrequire \"a.b/d\" v1.0.0 false 3\nrequire \"a.b/e\" v2.0.0+incompatible false 4"),
        ("module x.y\nreplace a.b/c => ../c\nreplace a.b/d v1.0.0 => ./d\nreplace a.b/e v1.2.3 => x.y/fork v1.2.4\nreplace a.b/f => /abs/f\nreplace a.b/g => C:\\\\dir\n",
         "error go.mod:6: replacement directory appears to be Windows path (on a non-windows system)"),
        ("module x.y\nreplace (\n\ta.b/c => ../c\n\ta.b/d v1.0.0 => e.f/g v1.0.1\n)\n",
         "module \"x.y\" \"\"\nreplace \"a.b/c\" \"\" => \"../c\" \"\" 3\nreplace \"a.b/d\" \"v1.0.0\" => \"e.f/g\" \"v1.0.1\" 4"),
        ("module x.y\nexclude a.b/c v1.0.0\nexclude (\n\ta.b/d v1.1.0\n\ta.b/e v0.0.0-20190101000000-abcdefabcdef\n)\n",
         "module \"x.y\" \"\"\nexclude \"a.b/c\" v1.0.0\nexclude \"a.b/d\" v1.1.0\nexclude \"a.b/e\" v0.0.0-20190101000000-abcdefabcdef"),
        ("module x.y\n// broken\nretract v1.0.5\nretract [v1.1.0, v1.1.9] // security issue\nretract (\n\t// block line rationale\n\tv1.2.0\n\tv1.3.0 // suffix\n)\n",
         "module \"x.y\" \"\"\nretract \"v1.0.5\" \"v1.0.5\" \"broken\" 3\nretract \"v1.1.0\" \"v1.1.9\" \"security issue\" 4\nretract \"v1.2.0\" \"v1.2.0\" \"block line rationale\" 7\nretract \"v1.3.0\" \"v1.3.0\" \"suffix\" 8"),
        ("// block comment\nretract (\n\tv1.0.0\n)\nmodule x.y\n",
         "module \"x.y\" \"\"\nretract \"v1.0.0\" \"v1.0.0\" \"block comment\" 3"),
        ("// Deprecated: use x.y/v2 instead.\nmodule x.y\n",
         "module \"x.y\" \"use x.y/v2 instead.\""),
        ("// some other comment\n//\nmodule x.y // Deprecated: blah\n",
         "module \"x.y\" \"blah\""),
        ("module x.y\nrequire a.b/c v1.0.0 //indirect\nrequire a.b/d v1.0.0 // indirect comment\nrequire a.b/e v1.0.0 // not indirect\nrequire a.b/f v1.0.0 // indirect;\n",
         "module \"x.y\" \"\"\nrequire \"a.b/c\" v1.0.0 true 2\nrequire \"a.b/d\" v1.0.0 false 3\nrequire \"a.b/e\" v1.0.0 false 4\nrequire \"a.b/f\" v1.0.0 false 5"),
        ("module x.y\r\n\r\nrequire a.b/c v1.0.0 // indirect\r\n",
         "module \"x.y\" \"\"\nrequire \"a.b/c\" v1.0.0 true 3"),
        ("module x.y\nrequire (\n)\nrequire ()\n",
         "module \"x.y\" \"\""),
        ("module x.y\n\n\n// trailing comment\n",
         "module \"x.y\" \"\""),
        ("",
         ""),
        ("module x.y\nrequire a.b/c v1.0.0-pre+meta\n",
         "module \"x.y\" \"\"\nrequire \"a.b/c\" v1.0.0-pre false 2"),
        ("module x.y\nrequire gopkg.in/yaml.v2 v2.4.0\nrequire gopkg.in/check.v1 v0.0.0-20161208181325-20d25e280405\n",
         "module \"x.y\" \"\"\nrequire \"gopkg.in/yaml.v2\" v2.4.0 false 2\nrequire \"gopkg.in/check.v1\" v0.0.0-20161208181325-20d25e280405 false 3"),
        ("module x.y\nretract \"v1.0.0\"\nretract [v1.0.0,v1.0.1]\n",
         "module \"x.y\" \"\"\nretract \"v1.0.0\" \"v1.0.0\" \"\" 2\nretract \"v1.0.0\" \"v1.0.1\" \"\" 3"),
        ("module x.y\nrequire a.b/c v1.0.0 // indirect // again\n",
         "module \"x.y\" \"\"\nrequire \"a.b/c\" v1.0.0 false 2"),
        ("module   x.y   // comment\nrequire\ta.b/c\tv1.0.0\n",
         "module \"x.y\" \"\"\nrequire \"a.b/c\" v1.0.0 false 2"),
        ("module x.y\nfoo bar\n",
         "error go.mod:2: unknown directive: foo"),
        ("module x.y\n    foo\n",
         "error go.mod:2:5: unknown directive: foo"),
        ("module x.y\nrequire a.b/c\n",
         "error go.mod:2: usage: require module/path v1.2.3"),
        ("module x.y\nrequire a.b/c v1.0.0 extra\n",
         "error go.mod:2: usage: require module/path v1.2.3"),
        ("module x.y\nexclude a.b/c\n",
         "error go.mod:2: usage: exclude module/path v1.2.3"),
        ("module x.y\nrequire a.b/c master\n",
         "error go.mod:2: require a.b/c: version \"master\" invalid: must be of the form v1.2.3"),
        ("module x.y\nrequire (\n\ta.b/c vX\n)\n",
         "error go.mod:3:2: require a.b/c: version \"vX\" invalid: must be of the form v1.2.3"),
        ("module x.y\nrequire a.b/c/v2 v1.0.0\n",
         "error go.mod:2: require a.b/c/v2: version \"v1.0.0\" invalid: should be v2, not v1"),
        ("module x.y\nrequire a.b/c v2.0.0\n",
         "error go.mod:2: require a.b/c: version \"v2.0.0\" invalid: should be v0 or v1, not v2"),
        ("module x.y\nrequire a.b/c/v1 v1.0.0\n",
         "error go.mod:2: invalid module path"),
        ("module x.y\nrequire `a.b/c` v1.0.0\n",
         "error go.mod:2: invalid quoted string: unquoted string cannot contain quote"),
        ("module x.y\nrequire a.b/c `v1.0.0`\n",
         "error go.mod:2: require a.b/c: version \"`v1.0.0`\" invalid: unquoted string cannot contain quote"),
        ("module x.y\nrequire \"a.b\\q\" v1.0.0\n",
         "error go.mod:2: invalid quoted string: invalid syntax"),
        ("module x.y\nrequire a'b v1.0.0\n",
         "error go.mod:2: invalid quoted string: unquoted string cannot contain quote"),
        ("module x.y\nrequire \"a.b/c v1.0.0\n",
         "error go.mod:2:22: unexpected newline in string"),
        ("module x.y\nrequire \"a.b/c",
         "error go.mod:2:9: unexpected EOF in string"),
        ("module x.y\nrequire `a.b/c",
         "error go.mod:2:9: unexpected EOF in string"),
        ("module x.y\nrequire \"a.b/c\\",
         "error go.mod:2:9: unexpected EOF in string"),
        ("module x.y\nrequire (\n\ta.b/c v1.0.0\n",
         "error go.mod:4: syntax error (unterminated block started at go.mod:2:1)"),
        ("module x.y\nrequire (\n\ta.b/c v1.0.0\n) x\n",
         "error go.mod:4:4: syntax error (expected newline after closing paren)"),
        ("module x.y\n/* comment */\n",
         "error go.mod:2: mod files must use // comments (not /* */ comments)"),
        ("module x.y\nrequire a.b/c v1.0.0/*x*/\n",
         "error go.mod:2:21: mod files must use // comments (not /* */ comments)"),
        ("module x.y\nrequire a.b/c v1.0.0 \u{0}\n",
         "error go.mod:2:22: unexpected input character '\\x00'"),
        ("module x.y\nrequire a.b/c v1.0.0 \u{200b}\n",
         "error go.mod:2:22: unexpected input character '\\u200b'"),
        ("module x.y\n\u{a0}require a.b/c v1.0.0\n",
         "error go.mod:2: unexpected input character '\\u00a0'"),
        ("module x.y\nmodule z.w\n",
         "error go.mod:2: repeated module statement"),
        ("module\n",
         "error go.mod:1: usage: module module/path"),
        ("module a b\n",
         "error go.mod:1: usage: module module/path"),
        ("module \"x.y\n",
         "error go.mod:1:12: unexpected newline in string"),
        ("module \"x\\y\"\n",
         "error go.mod:1: invalid quoted string: invalid syntax"),
        ("go 1.19\ngo 1.20\n",
         "error go.mod:2: repeated go statement"),
        ("go 1\n",
         "error go.mod:1: invalid go version '1': must match format 1.23.0"),
        ("go 1.19 1.20\n",
         "error go.mod:1: go directive expects exactly one argument"),
        ("go v1.19\n",
         "error go.mod:1: invalid go version 'v1.19': must match format 1.23.0"),
        ("module x.y\nfoo (\n\tbar\n)\n",
         "error go.mod:2: unknown block type: foo"),
        ("module x.y\nrequire x (\n\tbar\n)\n",
         "error go.mod:2: unknown block type: require x"),
        ("module x.y\nreplace a.b/c\n",
         "error go.mod:2: usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory"),
        ("module x.y\nreplace a.b/c => \n",
         "error go.mod:2: usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory"),
        ("module x.y\nreplace a.b/c => d.e/f\n",
         "error go.mod:2: replacement module without version must be directory path (rooted or starting with ./ or ../)"),
        ("module x.y\nreplace a.b/c => d.e/f@v1.0.0\n",
         "error go.mod:2: replacement module must match format 'path version', not 'path@version'"),
        ("module x.y\nreplace a.b/c => ./d v1.0.0\n",
         "error go.mod:2: replacement module directory path \"./d\" cannot have version"),
        ("module x.y\nreplace a.b/c => .\\\\d\n",
         "error go.mod:2: replacement directory appears to be Windows path (on a non-windows system)"),
        ("module x.y\nreplace a.b/c => d\\\\e\n",
         "error go.mod:2: replacement module without version must be directory path (rooted or starting with ./ or ../)"),
        ("module x.y\nreplace a.b/c vbad => d.e/f v1.0.0\n",
         "error go.mod:2: replace a.b/c: version \"vbad\" invalid: must be of the form v1.2.3"),
        ("module x.y\nreplace a.b/c => d.e/f vbad\n",
         "error go.mod:2: replace d.e/f: version \"vbad\" invalid: must be of the form v1.2.3"),
        ("module x.y\nreplace a.b/c/v2 v1.0.0 => d.e/f v1.0.0\n",
         "error go.mod:2: replace a.b/c/v2: version \"v1.0.0\" invalid: should be v2, not v1"),
        ("module x.y\nreplace a.b/c/v1 => d.e/f v1.0.0\n",
         "error go.mod:2: replace a.b/c/v1: invalid module path"),
        ("module x.y\nreplace a.b/c v1.0.0 v2 => d.e/f v1.0.0\n",
         "error go.mod:2: usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory"),
        ("module x.y\nretract\n",
         "error go.mod:2: expected '[' or version"),
        ("module x.y\nretract (v1.0.0, v1.1.0]\n",
         "error go.mod:2: expected '[' or version"),
        ("module x.y\nretract [\n",
         "error go.mod:2: expected version after '['"),
        ("module x.y\nretract [v1.0.0\n",
         "error go.mod:2: expected ',' after version"),
        ("module x.y\nretract [v1.0.0,\n",
         "error go.mod:2: expected version after ','"),
        ("module x.y\nretract [v1.0.0, v1.0.1\n",
         "error go.mod:2: expected ']' after version"),
        ("module x.y\nretract [v1.0.0 v1.0.1]\n",
         "error go.mod:2: expected ',' after version"),
        ("module x.y\nretract v1.0.0 v1.0.1\n",
         "error go.mod:2: unexpected token after version: \"v1.0.1\""),
        ("module x.y\nretract `v1.0.0`\n",
         "error go.mod:2: retract: version \"`v1.0.0`\" invalid: unquoted string cannot contain quote"),
        ("module x.y\nretract v1.0.0 (\n\tkey value\n)\n",
         "error go.mod:2: unknown block type: retract v1.0.0"),
        ("module x.y\nrequire a.b/c v1.0.0\nfoo\nbar\n",
         "error go.mod:3: unknown directive: foo"),
        ("module x.y\nrequire (\n\ta.b/c v1.0.0 // indirect\n\t\"a.b/d\"\n)\n",
         "error go.mod:4:2: usage: require module/path v1.2.3"),
        ("module x.y\nrequire (\n\ta.b/c v1.0.0\n\t)\n",
         "module \"x.y\" \"\"\nrequire \"a.b/c\" v1.0.0 false 3"),
        ("module x.y\nrequire ( // comment\n\ta.b/c v1.0.0\n) // trailing\n",
         "module \"x.y\" \"\"\nrequire \"a.b/c\" v1.0.0 false 3"),
        ("module x.y\nrequire ( a.b/c v1.0.0 )\n",
         "error go.mod:2: usage: require module/path v1.2.3"),
        ("module x.y\nrequire [a.b/c] v1.0.0\n",
         "error go.mod:2: usage: require module/path v1.2.3"),
        ("module x.y\nrequire a.b/c v1.0.0,\n",
         "error go.mod:2: usage: require module/path v1.2.3"),
        ("\u{e9}\n",
         "error go.mod:1: unknown directive: \u{e9}"),
        ("module x.y\nrequire a.b/c\u{e9} v1.0.0 // ok path? \n",
         "module \"x.y\" \"\"\nrequire \"a.b/c\u{e9}\" v1.0.0 false 2"),
        ("module x.y\nrequire \u{e9}\u{e9} \u{e9}\u{e9} \"\u{e9}\n",
         "error go.mod:2:17: unexpected newline in string"),
        ("module x.y\nrequire (((((\n",
         "error go.mod:3: syntax error (unterminated block started at go.mod:2:1)"),
        ("module x.y\n)\n",
         "error go.mod:2: unknown directive: )"),
        ("(\n",
         "error go.mod:1: unknown directive: ("),
        ("module x.y\nrequire \"\\u00e9.com/x\" v1.0.0\n",
         "module \"x.y\" \"\"\nrequire \"\u{e9}.com/x\" v1.0.0 false 2"),
        ("module x.y\nrequire \"a.b/\\x41\" v1.0.0\n",
         "module \"x.y\" \"\"\nrequire \"a.b/A\" v1.0.0 false 2"),
        ("module x.y\nrequire \"a.b/\\101\" v1.0.0\n",
         "module \"x.y\" \"\"\nrequire \"a.b/A\" v1.0.0 false 2"),
        ("module x.y\nrequire \"a.b/\\400\" v1.0.0\n",
         "error go.mod:2: invalid quoted string: invalid syntax"),
        ("module x.y\nrequire \"a.b/\\'\" v1.0.0\n",
         "error go.mod:2: invalid quoted string: invalid syntax"),
    ]

    /// `GoModFile.parse` rendered exactly as the Go probe prints `modfile.File`, so the
    /// two can be compared as strings (Go `%q` quoting included).
    static func render(_ text: String, lax: Bool = false) -> String {
        let file: GoModFile
        do {
            file = lax ? try GoModFile.parseLax(text, fileName: "go.mod") : try GoModFile.parse(text, fileName: "go.mod")
        } catch {
            return "error \(error.description)"
        }
        let q = GoModQuoting.quote
        var out: [String] = []
        if let path = file.modulePath {
            out.append("module \(q(path)) \(q(file.moduleDeprecated ?? ""))")
        }
        if let go = file.goVersion { out.append("go \(go)") }
        for r in file.requires { out.append("require \(q(r.path)) \(r.version) \(r.indirect) \(r.line)") }
        for x in file.excludes { out.append("exclude \(q(x.path)) \(x.version)") }
        for r in file.replaces {
            let (newPath, newVersion): (String, String)
            switch r.target {
            case .module(let path, let version): (newPath, newVersion) = (path, version)
            case .directory(let dir): (newPath, newVersion) = (dir, "")
            }
            out.append("replace \(q(r.oldPath)) \(q(r.oldVersion ?? "")) => \(q(newPath)) \(q(newVersion)) \(r.line)")
        }
        for r in file.retracts { out.append("retract \(q(r.low)) \(q(r.high)) \(q(r.rationale)) \(r.line)") }
        return out.joined(separator: "\n")
    }
}

@Suite struct GoModCorpusTests {
    @Test(arguments: GoModCorpus.cases)
    func matchesModfile(input: String, expected: String) {
        #expect(GoModCorpus.render(input) == expected, "input: \(GoModQuoting.quote(input))")
    }
}
