import Testing
@testable import GoModConfig

/// golang.org/x/mod/module TestMatchPrefixPatterns, plus the reference §2 table.
private let prefixVectors: [(String, String, Bool)] = [
    ("", "rsc.io/quote", false),
    ("/", "rsc.io/quote", false),
    ("*/quote", "rsc.io/quote", true),
    ("*/quo", "rsc.io/quote", false),
    ("*/quo??", "rsc.io/quote", true),
    ("*/quo*", "rsc.io/quote", true),
    ("*quo*", "rsc.io/quote", false),
    ("rsc.io", "rsc.io/quote", true),
    ("*.io", "rsc.io/quote", true),
    ("rsc.io/", "rsc.io/quote", true),
    ("rsc", "rsc.io/quote", false),
    ("rsc*", "rsc.io/quote", true),
    ("rsc.io", "rsc.io/quote/v3", true),
    ("*/quote", "rsc.io/quote/v3", true),
    ("*/quote/", "rsc.io/quote/v3", true),
    ("*/quote/*", "rsc.io/quote/v3", true),
    ("*/quote/*/", "rsc.io/quote/v3", true),
    ("*/v3", "rsc.io/quote/v3", false),
    ("*/*/v3", "rsc.io/quote/v3", true),
    ("*/*/*", "rsc.io/quote/v3", true),
    ("*/*/*/", "rsc.io/quote/v3", true),
    ("*/*/*", "rsc.io/quote", false),
    ("*/*/*/", "rsc.io/quote", false),
    ("*/*/*,,", "rsc.io/quote", false),
    ("*/*/*,,*/quote", "rsc.io/quote", true),
    (",,*/quote", "rsc.io/quote", true),
    // reference §2 GOPRIVATE example and GONOPROXY=none
    ("*.corp.example.com,rsc.io/private", "git.corp.example.com/xyzzy", true),
    ("*.corp.example.com,rsc.io/private", "rsc.io/private", true),
    ("*.corp.example.com,rsc.io/private", "rsc.io/private/quux", true),
    ("*.corp.example.com,rsc.io/private", "rsc.io/public", false),
    ("none", "rsc.io/quote", false),
    // no space trimming
    ("rsc.io, golang.org", "golang.org/x/text", false),
    ("rsc.io,golang.org", "golang.org/x/text", true),
    // a malformed glob never matches, the next one still can
    ("[,rsc.io", "rsc.io/quote", true),
    ("rsc.io[", "rsc.io/quote", false),
]

@Suite struct PrefixPatternsTests {
    @Test func matchPrefixPatternsTable() {
        for (globs, target, want) in prefixVectors {
            #expect(PrefixPatterns.match(globs, target) == want, "MatchPrefixPatterns(\(globs), \(target))")
        }
    }

    @Test func malformedGlobsAreListed() {
        #expect(PrefixPatterns.malformedGlobs("*.corp.example.com,rsc.io[,a\\,[x-]/") == ["rsc.io[", "a\\", "[x-]"])
        #expect(PrefixPatterns.malformedGlobs("*.corp.example.com,rsc.io/private") == [])
        #expect(PrefixPatterns.malformedGlobs("") == [])
    }
}
