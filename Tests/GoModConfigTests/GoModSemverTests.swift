import Testing
import GoModConfig

/// golang.org/x/mod/semver semver_test.go, ported whole (the table and its derived checks).
@Suite struct GoModSemverTests {
    static let table: [(input: String, canonical: String)] = [
        ("bad", ""), ("v1-alpha.beta.gamma", ""), ("v1-pre", ""), ("v1+meta", ""), ("v1-pre+meta", ""),
        ("v1.2-pre", ""), ("v1.2+meta", ""), ("v1.2-pre+meta", ""),
        ("v1.0.0-alpha", "v1.0.0-alpha"), ("v1.0.0-alpha.1", "v1.0.0-alpha.1"),
        ("v1.0.0-alpha.beta", "v1.0.0-alpha.beta"), ("v1.0.0-beta", "v1.0.0-beta"),
        ("v1.0.0-beta.2", "v1.0.0-beta.2"), ("v1.0.0-beta.11", "v1.0.0-beta.11"),
        ("v1.0.0-rc.1", "v1.0.0-rc.1"), ("v1", "v1.0.0"), ("v1.0", "v1.0.0"), ("v1.0.0", "v1.0.0"),
        ("v1.2", "v1.2.0"), ("v1.2.0", "v1.2.0"), ("v1.2.3-456", "v1.2.3-456"),
        ("v1.2.3-456.789", "v1.2.3-456.789"), ("v1.2.3-456-789", "v1.2.3-456-789"),
        ("v1.2.3-456a", "v1.2.3-456a"), ("v1.2.3-pre", "v1.2.3-pre"), ("v1.2.3-pre+meta", "v1.2.3-pre"),
        ("v1.2.3-pre.1", "v1.2.3-pre.1"), ("v1.2.3-zzz", "v1.2.3-zzz"), ("v1.2.3", "v1.2.3"),
        ("v1.2.3+meta", "v1.2.3"), ("v1.2.3+meta-pre", "v1.2.3"), ("v1.2.3+meta-pre.sha.256a", "v1.2.3"),
    ]

    @Test func isValidAndCanonical() {
        for t in Self.table {
            #expect(Semver.isValid(t.input) == !t.canonical.isEmpty, "\(t.input)")
            #expect(Semver.canonical(t.input) == t.canonical, "\(t.input)")
        }
    }

    @Test func majorMinorPrereleaseBuild() {
        for t in Self.table {
            let out = t.canonical
            let major = out.split(separator: ".", omittingEmptySubsequences: false).count > 1
                ? String(out.prefix { $0 != "." }) : ""
            #expect(Semver.major(t.input) == major, "\(t.input)")

            var wantMM = ""
            if !out.isEmpty {
                wantMM = String(t.input.prefix { $0 != "+" })
                wantMM = String(wantMM.prefix { $0 != "-" })
                let dots = wantMM.filter { $0 == "." }.count
                if dots == 0 { wantMM += ".0" }
                if dots == 2, let last = wantMM.lastIndex(of: ".") { wantMM = String(wantMM[..<last]) }
            }
            #expect(Semver.majorMinor(t.input) == wantMM, "\(t.input)")

            let wantPre = out.firstIndex(of: "-").map { String(out[$0...]) } ?? ""
            #expect(Semver.prerelease(t.input) == wantPre, "\(t.input)")

            let wantBuild = out.isEmpty ? "" : (t.input.firstIndex(of: "+").map { String(t.input[$0...]) } ?? "")
            #expect(Semver.build(t.input) == wantBuild, "\(t.input)")
        }
    }

    /// The table is in increasing order; entries with equal canonical forms compare equal.
    @Test func compare() {
        for (i, a) in Self.table.enumerated() {
            for (j, b) in Self.table.enumerated() {
                let want = a.canonical == b.canonical ? 0 : (i < j ? -1 : 1)
                #expect(Semver.compare(a.input, b.input) == want, "\(a.input) vs \(b.input)")
            }
        }
    }
}
