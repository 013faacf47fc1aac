import Testing
@testable import Doctor
@testable import Report

/// `explain` against the corpus of real go error texts (ExplainCorpus*.swift): each text must
/// come out as ONE error with the layer and cause it means; the hit rate must be ≥ 95 %.
struct ExplainCorpusTests {
    /// What explain makes of one corpus entry: the errors it finds (one expected) and the
    /// classification of the first.
    static func classify(_ entry: ExplainCorpusEntry) -> (count: Int, classification: GoErrorClassification?) {
        let context = ExplainContext(goproxy: entry.goproxy)
        let pieces = GoErrorSplitter.split(entry.text)
        let first = pieces.first.map { ErrorExplanation.explain($0, context: context).classification }
        return (pieces.count, first)
    }

    @Test func corpusIsLargeAndCited() {
        let entries = ExplainCorpus.entries
        #expect(entries.count >= 100)
        for entry in entries {
            #expect(!entry.source.isEmpty && !entry.goVersion.isEmpty, "\(entry.text.prefix(60))")
            #expect(entry.source.contains(".go") || entry.source.contains(".txt:") || entry.source.hasPrefix("https://github.com/"),
                    "source must be a Go file, a script line or an issue thread: \(entry.source)")
        }
    }

    @Test func hitRateIsAtLeast95Percent() {
        let entries = ExplainCorpus.entries
        var misses: [String] = []
        for entry in entries {
            let (count, classification) = Self.classify(entry)
            let hit = count == 1 && classification?.layer == entry.layer && classification?.cause == entry.cause
            if !hit {
                let got = classification.map { "\($0.layer.rawValue)/\($0.cause)" } ?? "nothing"
                misses.append("  expected \(entry.layer.rawValue)/\(entry.cause), got \(got) in \(count) error(s) — \(entry.source)")
            }
        }
        let hits = entries.count - misses.count
        let rate = entries.isEmpty ? 0 : Double(hits) / Double(entries.count)
        print("explain corpus: \(hits)/\(entries.count) = \(String(format: "%.1f", rate * 100)) %")
        if !misses.isEmpty { print("explain corpus misses:\n" + misses.joined(separator: "\n")) }
        #expect(entries.count >= 100)
        #expect(rate >= 0.95, "hit rate \(rate); misses:\n\(misses.joined(separator: "\n"))")
    }

    /// Every cause in the corpus has its sentence in English and Simplified Chinese.
    @Test func everyCorpusCauseHasBothLanguages() {
        for cause in Set(ExplainCorpus.entries.map(\.cause)) {
            #expect(MessageCatalog.has("explain.cause.\(cause)"), "missing explain.cause.\(cause)")
            #expect(MessageCatalog(language: .zh).text("explain.cause.\(cause)") != MessageCatalog(language: .en).text("explain.cause.\(cause)"))
        }
    }

    /// Every class the catalogue adds is in the corpus in the wording of Go 1.19 and of Go 1.27
    /// (curl/ssh texts inside git output are wrapped by each version's RunError).
    @Test func everyNewClassCoveredInBothWordings() {
        let required = ["https-proxy-refused", "http-eof", "http2-stream-error", "http2-goaway", "http2-connection-error",
                        "git-auth", "git-repo-not-found", "dns-unresolved", "tcp-timeout", "tls-unknown-authority",
                        "goproxy-off", "goproxy-off-after-not-found", "gosumdb-key-mismatch", "sumdb-misbehavior",
                        "proxy-not-found", "missing-gosum-entry"]
        for cause in required {
            let versions = Set(ExplainCorpus.entries.filter { $0.cause == cause }.map(\.goVersion))
            #expect(versions.contains("1.19"), "\(cause) lacks a Go 1.19 wording")
            #expect(versions.contains("1.27"), "\(cause) lacks a Go 1.27 wording")
        }
        // Toolchain switching exists only from Go 1.21: Go 1.19's words for the same situation.
        #expect(ExplainCorpus.entries.contains { $0.cause == "go-too-old-for-gomod" && $0.goVersion == "1.19" })
        for cause in ["toolchain-switch", "toolchain-switch-forbidden", "toolchain-unavailable", "toolchain-too-old"] {
            #expect(ExplainCorpus.entries.contains { $0.cause == cause && $0.goVersion == "1.27" }, "\(cause)")
        }
    }
}
