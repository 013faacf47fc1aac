import Foundation
import GoModConfig
import ModuleFetch
import Testing
@testable import Doctor
@testable import Report

/// Issue 11, defect 9: words that fit the evidence — no claim about a layer that was not
/// probed, "cannot be reached" only for what cannot be, multi-line evidence inside the layout.
struct CheckWordsTests {
    let helper = CheckDiagnosisTests()

    @Test func anHTTPFailureClaimsNothingAboutTLS() {
        for language in [Language.en, .zh] {
            let catalog = MessageCatalog(language: language)
            // Over plain http there is no TLS layer: neither sentence may say it works.
            #expect(!catalog.text("endpoint.http.failed", ["endpoint": "p:80", "code": "eof"]).contains("TLS"))
            #expect(!catalog.text("endpoint.http.refused-client", ["status": "403 Forbidden"]).contains("TLS"))
        }
    }

    @Test func switchingAwayIsExplainedByWhatWasSeen() throws {
        let verified = [VerifiedProxy(url: "https://m.example", modules: ["m@v1"])]
        func key(_ id: String, _ layer: Layer) throws -> String? {
            let finding = Finding(id: id, layer: layer, severity: .failure, target: "p.example:443")
            let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: [try helper.result("https://p.example", ["m@v1"], roles: [.proxy], finding: finding)],
                                                modules: [helper.outcome("m@v1", fails: .tcp, host: "p.example")], verified: verified)
            return diagnosis.rootCauses.first?.finding.fix?.explanationKey
        }
        #expect(try key("endpoint.tcp.dropped-after-hop", .tcp) == "fix.check.switch-proxy")
        #expect(try key("endpoint.tcp.reset-by-middlebox", .tcp) == "fix.check.switch-proxy-reset")
        #expect(try key("endpoint.tls.hostname-mismatch", .tls) == "fix.check.switch-proxy-tls")
        #expect(try key("endpoint.http.no-response", .http) == "fix.check.switch-proxy-stalled")
        #expect(try key("endpoint.http.server-error", .http) == "fix.check.switch-proxy-http")
        let unreachable = MessageCatalog(language: .en).text("fix.check.switch-proxy")
        for other in ["fix.check.switch-proxy-reset", "fix.check.switch-proxy-tls", "fix.check.switch-proxy-stalled", "fix.check.switch-proxy-http"] {
            let text = MessageCatalog(language: .en).text(other)
            #expect(text != other && !text.contains("cannot be reached"), "\(other): \(text)")
            #expect(MessageCatalog(language: .zh).text(other) != text)
        }
        #expect(unreachable.contains("cannot be reached"))
    }

    @Test func multiLineEvidenceStaysIndented() throws {
        let note = "verifying m@v1: checksum mismatch\n\tdownloaded: h1:x\n\tgo.sum:     h1:y\n\nSECURITY ERROR\nThis download does NOT match"
        let proxy = try helper.result("https://p.example", ["m@v1"], roles: [.proxy], finding: nil)
        var module = ModuleFetchOutcome(path: "m", version: "v1", status: .fails,
                                        failure: FetchFailure(layer: .integrity, failureClass: "checksum-mismatch", message: note), failedAt: "zip")
        module.failedURL = "https://p.example/m/@v/v1.zip"
        let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: [proxy], modules: [module])
        let text = CheckTextRenderer(catalog: MessageCatalog(language: .en), style: TerminalStyle(enabled: false))
            .render(diagnosis, directory: "/p", endpoints: [proxy.endpoint], seconds: 1)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.contains("go: verifying m@v1: checksum mismatch") })
        // Every line of the evidence is indented under its cause; none starts at the margin or with a tab.
        #expect(lines[start].hasPrefix("      go: "))
        for line in lines[start + 1...start + 4] {
            #expect(line.hasPrefix("        "), "\(line)")
            #expect(!line.contains("\t"))
        }
        #expect(lines[start + 3].contains("SECURITY ERROR"))
    }
}
