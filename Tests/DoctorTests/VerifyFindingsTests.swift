import Doctor
import ModuleFetch
import Report
import Testing

/// `VerifyFindings` turns every problem of a verify report into a finding whose sentence
/// exists in both languages with every placeholder filled.
struct VerifyFindingsTests {
    static let report = VerifyReport(
        goSumPath: "/p/go.sum", database: "sum.golang.org", databaseURL: "https://sum.golang.org",
        lines: [
            GoSumCheck(path: "a.example/m", version: "v1.0.0", isGoMod: false, line: 3, goSumHash: "h1:OURS=",
                       databaseHash: "h1:THEIRS=", status: .mismatch),
            GoSumCheck(path: "b.example/m", version: "v1.0.0", isGoMod: true, line: 4, goSumHash: "h1:x", status: .verified),
            GoSumCheck(path: "corp.example/m", version: "v1.0.0", isGoMod: false, line: 5, goSumHash: "h1:y", status: .skipped,
                       detail: "matched by GONOSUMDB"),
            GoSumCheck(path: "c.example/m", version: "v2.0.0", isGoMod: false, line: 6, goSumHash: "h1:z", status: .notInDatabase,
                       detail: "404 Not Found"),
        ],
        missing: [MissingGoSumEntry(path: "d.example/m", version: "v0.1.0", missingGoMod: true, missingZip: true)],
        mirrors: [MirrorFileCheck(mirror: "https://mirror.example", path: "b.example/m", version: "v1.0.0", file: "zip",
                                  hash: "h1:EVIL=", goSumHash: "h1:GOOD=", databaseHash: "h1:GOOD=", status: .differs),
                  MirrorFileCheck(mirror: "https://proxy.golang.org", path: "b.example/m", version: "v1.0.0", file: "zip",
                                  hash: "h1:GOOD=", goSumHash: "h1:GOOD=", status: .matches),
                  // Issue 13, item 1: a file that could not be verified is a failure, never "no problem".
                  MirrorFileCheck(mirror: "https://bomb.example", path: "b.example/m", version: "v1.0.0", file: "zip",
                                  goSumHash: "h1:GOOD=", status: .failed,
                                  detail: "total uncompressed size of module contents too large (max size is 524288000 bytes)"),
                  MirrorFileCheck(mirror: "https://gone.example", path: "b.example/m", version: "v1.0.0", file: "zip",
                                  goSumHash: "h1:GOOD=", status: .notFound)],
        treeViews: [TreeViewCheck(proxy: "https://mirror.example", directURL: "https://sum.golang.org", directSize: 10,
                                  proxySize: 10, status: .misbehavior, proof: "SECURITY ERROR\n…")])

    @Test func everyProblemIsAFindingWithBothLanguages() {
        let findings = VerifyFindings.evaluate(Self.report)
        #expect(findings.map(\.id) == ["verify.gosum.differs", "verify.gosum.not-in-database", "verify.gosum.missing",
                                       "verify.sumdb.fork", "verify.mirror.differs", "verify.mirror.unverifiable"])
        #expect(findings.first { $0.id == "verify.mirror.unverifiable" }?.severity == .failure)
        #expect(findings.first { $0.id == "verify.mirror.unverifiable" }?.target == "https://bomb.example")
        #expect(findings.first { $0.id == "verify.mirror.differs" }?.target == "https://mirror.example")
        for finding in findings {
            for language in [Language.en, .zh] {
                let text = MessageCatalog(language: language).text(finding.messageKey, finding.arguments)
                #expect(MessageCatalog.has(finding.messageKey) && !text.contains("{"), "\(finding.id) \(language): \(text)")
            }
            if let key = finding.fix?.explanationKey { #expect(MessageCatalog.has(key)) }
        }
        let differs = MessageCatalog(language: .en).text(findings[0].messageKey, findings[0].arguments)
        #expect(differs == "go.sum differs from the database: a.example/m v1.0.0 (go.sum line 3) has h1:OURS=, sum.golang.org has h1:THEIRS=")
    }
}
