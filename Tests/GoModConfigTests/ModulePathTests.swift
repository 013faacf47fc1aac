import Testing
@testable import GoModConfig

@Suite struct ModulePathTests {
    private static func throwsError(_ body: () throws(ConfigInputError) -> Void) -> Bool {
        do {
            try body()
            return false
        } catch {
            return true
        }
    }

    @Test(arguments: ModulePathTables.checkPathCases)
    func checkPathTable(path: String, ok: Bool, importOK: Bool, fileOK: Bool) {
        #expect(Self.throwsError { () throws(ConfigInputError) in try ModulePath.checkPath(path) } == !ok, "CheckPath(\(path))")
        #expect(Self.throwsError { () throws(ConfigInputError) in try ModulePath.checkImportPath(path) } == !importOK, "CheckImportPath(\(path))")
        #expect(Self.throwsError { () throws(ConfigInputError) in try ModulePath.checkFilePath(path) } == !fileOK, "CheckFilePath(\(path))")
    }

    @Test(arguments: ModulePathTables.checkCases)
    func checkTable(path: String, version: String, ok: Bool) {
        #expect(Self.throwsError { () throws(ConfigInputError) in try ModulePath.check(path: path, version: version) } == !ok)
    }

    @Test func splitPathVersion() {
        let table: [(String, String)] = [
            ("x.y/z", ""), ("x.y/z", "/v2"), ("x.y/z", "/v3"), ("x.y/v", ""),
            ("gopkg.in/yaml", ".v0"), ("gopkg.in/yaml", ".v1"), ("gopkg.in/yaml", ".v2"), ("gopkg.in/yaml", ".v3"),
        ]
        for (prefix, major) in table {
            let split = ModulePath.splitPathVersion(prefix + major)
            #expect(split?.prefix == prefix && split?.pathMajor == major, "\(prefix + major)")
        }
        for c in ModulePathTables.checkPathCases {
            // Whatever the verdict, the pieces (when returned) add up to the input.
            if let split = ModulePath.splitPathVersion(c.path) {
                #expect(split.prefix + split.pathMajor == c.path)
            }
        }
        #expect(ModulePath.splitPathVersion("x.y/z/v1") == nil)
        #expect(ModulePath.splitPathVersion("x.y/z/v0") == nil)
        #expect(ModulePath.splitPathVersion("x.y/z/v2.0") == nil)
        #expect(ModulePath.splitPathVersion("gopkg.in/yaml") == nil)
    }

    @Test func escapePath() throws {
        for c in ModulePathTables.checkPathCases where !c.ok {
            #expect(Self.throwsError { () throws(ConfigInputError) in _ = try ModulePath.escape(c.path) }, "EscapePath(\(c.path))")
        }
        let ascii = "ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789"
        #expect(try ModulePath.escape(ascii) == ascii)
        #expect(try ModulePath.escape("github.com/GoogleCloudPlatform/omega") == "github.com/!google!cloud!platform/omega")
    }

    @Test func unescapePath() throws {
        let bad = [
            "github.com/GoogleCloudPlatform/omega",
            "github.com/!google!cloud!platform!/omega",
            "github.com/!0google!cloud!platform/omega",
            "github.com/!_google!cloud!platform/omega",
            "github.com/!!google!cloud!platform/omega",
            "",
        ]
        for b in bad {
            #expect(Self.throwsError { () throws(ConfigInputError) in _ = try ModulePath.unescape(b) }, "UnescapePath(\(b))")
        }
        for c in ModulePathTables.checkPathCases where !c.ok {
            #expect(Self.throwsError { () throws(ConfigInputError) in _ = try ModulePath.unescape(c.path) }, "UnescapePath(\(c.path))")
        }
        let ascii = "ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789"
        #expect(try ModulePath.unescape(ascii) == ascii)
        #expect(try ModulePath.unescape("github.com/!google!cloud!platform/omega") == "github.com/GoogleCloudPlatform/omega")
    }

    @Test func matchPathMajor() {
        let table: [(String, String, Bool)] = [
            ("v0.0.0", "", true), ("v0.0.0", "/v2", false), ("v0.0.0", ".v0", true),
            ("v0.0.0-20190510104115-cbcb75029529", ".v1", true), ("v1.0.0", "/v2", false),
            ("v1.0.0", ".v1", true), ("v1.0.0", ".v1-unstable", true), ("v2.0.0+incompatible", "", true),
            ("v2.0.0", "", false), ("v2.0.0", "/v2", true), ("v2.0.0", ".v2", true),
        ]
        for (v, major, want) in table {
            #expect(ModulePath.matchPathMajor(v, pathMajor: major) == want, "\(v) \(major)")
        }
    }

    /// Texts printed by Go 1.19.8 / x/mod v0.7.0 for the same calls.
    @Test(arguments: [
        ("corp/lib", "malformed module path \"corp/lib\": missing dot in first path element"),
        ("x.y/z/v1", "malformed module path \"x.y/z/v1\": invalid version"),
        ("x.y/com1", "malformed module path \"x.y/com1\": \"com1\" disallowed as path element component on Windows"),
        ("x.y/z~09", "malformed module path \"x.y/z~09\": trailing tilde and digits in path element"),
        ("x.y/z*", "malformed module path \"x.y/z*\": invalid char '*'"),
        ("", "malformed module path \"\": empty string"),
        ("-x/z", "malformed module path \"-x/z\": leading dash"),
        (".x/z", "malformed module path \".x/z\": leading dot in path element"),
        ("x.y/z/", "malformed module path \"x.y/z/\": trailing slash"),
        ("x./z", "malformed module path \"x./z\": trailing dot in path element"),
        ("x.y/aux.foo", "malformed module path \"x.y/aux.foo\": \"aux\" disallowed as path element component on Windows"),
        ("X.y/z", "malformed module path \"X.y/z\": invalid char 'X' in first path element"),
        ("x.y/..", "malformed module path \"x.y/..\": invalid path element \"..\""),
        ("x_y.com/z", "malformed module path \"x_y.com/z\": invalid char '_' in first path element"),
    ])
    func checkPathMessages(path: String, message: String) {
        #expect(throws: ConfigInputError(input: path, message: message)) { try ModulePath.checkPath(path) }
    }

    @Test func escapeVersion() throws {
        #expect(try ModulePath.escapeVersion("v1.0.0-RC1") == "v1.0.0-!r!c1")
        #expect(try ModulePath.escapeVersion("v1.2.3") == "v1.2.3")
        #expect(throws: ConfigInputError(input: "v1.0.0!", message: "version \"v1.0.0!\" invalid: disallowed version string")) {
            try ModulePath.escapeVersion("v1.0.0!")
        }
        #expect(throws: ConfigInputError(input: "v1.0.0/x", message: "version \"v1.0.0/x\" invalid: disallowed version string")) {
            try ModulePath.escapeVersion("v1.0.0/x")
        }
        #expect(throws: ConfigInputError(input: "v1.0.0-ü", message: "internal error: inconsistency in EscapePath")) {
            try ModulePath.escapeVersion("v1.0.0-ü")
        }
    }

    @Test func unescapeMessages() throws {
        #expect(throws: ConfigInputError(input: "github.com/!!google", message: "invalid escaped module path \"github.com/!!google\"")) {
            try ModulePath.unescape("github.com/!!google")
        }
        #expect(throws: ConfigInputError(
            input: "corp/lib",
            message: "invalid escaped module path \"corp/lib\": malformed module path \"corp/lib\": missing dot in first path element")) {
            try ModulePath.unescape("corp/lib")
        }
        #expect(try ModulePath.unescapeVersion("v1.0.0-!r!c1") == "v1.0.0-RC1")
        #expect(try ModulePath.unescapeVersion("v1.0.0!x") == "v1.0.0X")
        #expect(throws: ConfigInputError(input: "V1.0.0", message: "invalid escaped version \"V1.0.0\"")) {
            try ModulePath.unescapeVersion("V1.0.0")
        }
    }

    @Test func checkMessages() {
        #expect(throws: ConfigInputError(input: "rsc.io/quote@0.1.0", message: "rsc.io/quote@0.1.0: invalid version: not a semantic version")) {
            try ModulePath.check(path: "rsc.io/quote", version: "0.1.0")
        }
        #expect(throws: ConfigInputError(
            input: "github.com/go-yaml/yaml@v2.0.0",
            message: "github.com/go-yaml/yaml@v2.0.0: invalid version: should be v0 or v1, not v2")) {
            try ModulePath.check(path: "github.com/go-yaml/yaml", version: "v2.0.0")
        }
        #expect(ModulePath.checkPathMajor("v1.0.0", pathMajor: "/v2") == "version \"v1.0.0\" invalid: should be v2, not v1")
    }

    @Test func privateLooking() {
        #expect(ModulePath.isPrivateLooking("corp/lib"))
        #expect(ModulePath.isPrivateLooking("localhost/x"))
        #expect(ModulePath.isPrivateLooking("mytool"))
        #expect(!ModulePath.isPrivateLooking("git.corp.example/lib"))
        #expect(!ModulePath.isPrivateLooking("golang.org/x/mod"))
        #expect(!ModulePath.isPrivateLooking("example.com"))
    }
}
