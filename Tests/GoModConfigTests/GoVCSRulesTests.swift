import Testing
@testable import GoModConfig

/// cmd/go/internal/vcs vcs_test.go govcsTests: (GOVCS, path, vcs, allowed); a path starting
/// with "is-private" is private.
private let govcsTests: [(String, String, String, Bool)] = [
    ("private:all", "is-public.com/foo", "zzz", false),
    ("private:all", "is-private.com/foo", "zzz", true),
    ("public:all", "is-public.com/foo", "zzz", true),
    ("public:all", "is-private.com/foo", "zzz", false),
    ("public:all,private:none", "is-public.com/foo", "zzz", true),
    ("public:all,private:none", "is-private.com/foo", "zzz", false),
    ("*:all", "is-public.com/foo", "zzz", true),
    ("golang.org:git", "golang.org/x/text", "zzz", false),
    ("golang.org:git", "golang.org/x/text", "git", true),
    ("golang.org:zzz", "golang.org/x/text", "zzz", true),
    ("golang.org:zzz", "golang.org/x/text", "git", false),
    ("golang.org:git|hg", "golang.org/x/text", "hg", true),
    ("golang.org:git|hg", "golang.org/x/text", "git", true),
    ("golang.org:git|hg", "golang.org/x/text", "zzz", false),
    ("golang.org:all", "golang.org/x/text", "hg", true),
    ("golang.org:all", "golang.org/x/text", "git", true),
    ("golang.org:all", "golang.org/x/text", "zzz", true),
    ("other.xyz/p:none,golang.org/x:git", "other.xyz/p/x", "git", false),
    ("other.xyz/p:none,golang.org/x:git", "unexpected.com", "git", false),
    ("other.xyz/p:none,golang.org/x:git", "golang.org/x/text", "zzz", false),
    ("other.xyz/p:none,golang.org/x:git", "golang.org/x/text", "git", true),
    ("other.xyz/p:none,golang.org/x:zzz", "golang.org/x/text", "zzz", true),
    ("other.xyz/p:none,golang.org/x:zzz", "golang.org/x/text", "git", false),
    ("other.xyz/p:none,golang.org/x:git|hg", "golang.org/x/text", "hg", true),
    ("other.xyz/p:none,golang.org/x:git|hg", "golang.org/x/text", "git", true),
    ("other.xyz/p:none,golang.org/x:git|hg", "golang.org/x/text", "zzz", false),
    ("other.xyz/p:none,golang.org/x:all", "golang.org/x/text", "hg", true),
    ("other.xyz/p:none,golang.org/x:all", "golang.org/x/text", "git", true),
    ("other.xyz/p:none,golang.org/x:all", "golang.org/x/text", "zzz", true),
    ("other.xyz/p:none,golang.org/x:git", "golang.org/y/text", "zzz", false),
    ("other.xyz/p:none,golang.org/x:git", "golang.org/y/text", "git", false),
    ("other.xyz/p:none,golang.org/x:zzz", "golang.org/y/text", "zzz", false),
    ("other.xyz/p:none,golang.org/x:zzz", "golang.org/y/text", "git", false),
    ("other.xyz/p:none,golang.org/x:git|hg", "golang.org/y/text", "hg", false),
    ("other.xyz/p:none,golang.org/x:git|hg", "golang.org/y/text", "git", false),
    ("other.xyz/p:none,golang.org/x:git|hg", "golang.org/y/text", "zzz", false),
    ("other.xyz/p:none,golang.org/x:all", "golang.org/y/text", "hg", false),
    ("other.xyz/p:none,golang.org/x:all", "golang.org/y/text", "git", false),
    ("other.xyz/p:none,golang.org/x:all", "golang.org/y/text", "zzz", false),
]

@Suite struct GoVCSRulesTests {
    /// Go's `TestGOVCS` checks the user's rules alone (no built-in fallback).
    @Test func govcsTable() throws {
        for (govcs, path, vcs, want) in govcsTests {
            let rules = try GoVCSRules.parse(govcs).rules
            let rule = GoVCSRules(rules: rules).matchingRule(modulePath: path, isPrivate: path.hasPrefix("is-private"),
                                                              includingDefaults: false)
            let allowed = rule?.allows(vcs: vcs) ?? false
            #expect(allowed == want, "GOVCS=\(govcs) \(path) \(vcs)")
        }
    }

    /// vcs_test.go govcsErrors.
    private let govcsErrors: [(String, String)] = [
        (",", "empty entry in GOVCS"),
        (",x", "empty entry in GOVCS"),
        ("x,", "malformed entry in GOVCS (missing colon): \"x\""),
        ("x:y,", "empty entry in GOVCS"),
        ("x", "malformed entry in GOVCS (missing colon): \"x\""),
        ("x:", "empty VCS list in GOVCS: \"x:\""),
        ("x:|", "empty VCS name in GOVCS: \"x:|\""),
        ("x:y|", "empty VCS name in GOVCS: \"x:y|\""),
        ("x:|y", "empty VCS name in GOVCS: \"x:|y\""),
        ("x:y,z:", "empty VCS list in GOVCS: \"z:\""),
        ("x:y,z:|", "empty VCS name in GOVCS: \"z:|\""),
        ("x:y,z:|w", "empty VCS name in GOVCS: \"z:|w\""),
        ("x:y,z:w|", "empty VCS name in GOVCS: \"z:w|\""),
        ("x:y,z:w||v", "empty VCS name in GOVCS: \"z:w||v\""),
        ("x:y,x:z", "unreachable pattern in GOVCS: \"x:z\" after \"x:y\""),
        // not in Go's table, same function
        (":git", "empty pattern in GOVCS: \":git\""),
        ("./x:git", "relative pattern not allowed in GOVCS: \"./x\""),
        ("github.com:hg,github.com:git", "unreachable pattern in GOVCS: \"github.com:git\" after \"github.com:hg\""),
    ]

    @Test func govcsErrorTexts() {
        for (text, want) in govcsErrors {
            #expect(throws: ConfigInputError(input: "GOVCS", message: want), "GOVCS=\(text)") {
                try GoVCSRules.parse(text)
            }
        }
    }

    @Test func builtInFallbackAppliesAfterUserRules() throws {
        let none = try GoVCSRules.parse("")
        #expect(none.rules.isEmpty)
        #expect(none.allows(vcs: "git", modulePath: "github.com/google/go-cmp", isPrivate: false))
        #expect(none.allows(vcs: "hg", modulePath: "example.com/x", isPrivate: false))
        #expect(!none.allows(vcs: "svn", modulePath: "rsc.io/nonexist.svn", isPrivate: false))
        #expect(!none.allows(vcs: "fossil", modulePath: "rsc.io/nonexist.fossil", isPrivate: false))
        #expect(none.allows(vcs: "svn", modulePath: "corp.example/x", isPrivate: true))
        // govcs.txt
        #expect(!(try GoVCSRules.parse("*:none")).allows(vcs: "git", modulePath: "github.com/google/go-cmp", isPrivate: false))
        #expect(!(try GoVCSRules.parse("public:hg")).allows(vcs: "git", modulePath: "rsc.io/nonexist.git", isPrivate: false))
        #expect(!(try GoVCSRules.parse("github.com:svn|hg")).allows(vcs: "git", modulePath: "github.com/google/go-cmp", isPrivate: false))
        #expect((try GoVCSRules.parse("  example.com : svn | git ")).rules == [GoVCSRule(pattern: "example.com", allowed: ["svn", "git"])])
        #expect(GoVCSRules.disallowedMessage(vcs: "git", modulePath: "github.com/google/go-cmp", isPrivate: false)
            == "GOVCS disallows using git for public github.com/google/go-cmp; see 'go help vcs'")
    }
}
