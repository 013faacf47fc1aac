import Foundation
import Testing
@testable import Doctor
@testable import Report

/// docs/json-explain-fix-diff.md and `explain --json` must name the fields the same way (the doc
/// once said `failureClass` where the encoder writes `class`). The test reads the doc's field
/// list (`- \`name\`…` bullets of the explain section) and an encoded report, and compares.
struct ExplainJSONDocTests {
    static func docFieldNames() throws -> Set<String> {
        let docURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/json-explain-fix-diff.md")
        let doc = try String(contentsOf: docURL, encoding: .utf8)
        let start = try #require(doc.range(of: "## `gomod-doctor explain --json`"))
        let section = doc[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        var names: Set<String> = []
        for line in section[..<end].split(separator: "\n") where line.hasPrefix("- `") {
            // `- \`module\`, \`version\`: …` names every backticked word before the colon.
            let head = line.prefix { $0 != ":" }
            for part in head.split(separator: "`").enumerated() where part.offset % 2 == 1 { names.insert(String(part.element)) }
        }
        return names
    }

    /// An explanation with every optional fact present, encoded the way `explain --json` does.
    static func encodedEntryKeys() throws -> Set<String> {
        let facts = GoErrorFacts(module: "github.com/acme/lib", version: "v1.2.0", url: "https://proxy.golang.org/github.com/acme/lib/@v/v1.2.0.info",
                                 host: "proxy.golang.org", address: "142.250.74.113:443", dnsServer: "127.0.0.53:53", status: 403,
                                 message: "Get \"https://proxy.golang.org/github.com/acme/lib/@v/v1.2.0.info\": Forbidden")
        let item = ErrorExplanation(text: "go: github.com/acme/lib@v1.2.0: " + facts.message, facts: facts,
                                    classification: GoErrorClassification(layer: .http, failureClass: "proxy-connect",
                                                                          cause: "https-proxy-refused", stage: "proxy"),
                                    commands: ["gomod-doctor env"])
        let json = try ExplainReport([item], language: .en).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let errors = try #require(object["errors"] as? [[String: Any]])
        return Set(try #require(errors.first).keys)
    }

    @Test func documentedFieldsAreWhatTheEncoderWrites() throws {
        let documented = try Self.docFieldNames()
        let encoded = try Self.encodedEntryKeys()
        #expect(documented.contains("class"))
        #expect(!documented.contains("failureClass"), "the JSON key is `class`")
        #expect(encoded.contains("class") && !encoded.contains("failureClass"))
        #expect(documented.subtracting(encoded).isEmpty, "documented but not encoded: \(documented.subtracting(encoded).sorted())")
        #expect(encoded.subtracting(documented).isEmpty, "encoded but not documented: \(encoded.subtracting(documented).sorted())")
    }

    @Test func realExplanationEncodesClassAndCause() throws {
        let items = ErrorExplanation.explainAll("go: m@v1: Get \"https://proxy.golang.org/m/@v/v1.info\": Forbidden")
        let json = try ExplainReport(items, language: .zh).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entry = try #require((object["errors"] as? [[String: Any]])?.first)
        #expect(entry["class"] as? String == "proxy-connect")
        #expect(entry["cause"] as? String == "https-proxy-refused")
        #expect(entry["status"] as? Int == 403)
        #expect((entry["explanation"] as? String)?.contains("CONNECT") == true)
    }
}
