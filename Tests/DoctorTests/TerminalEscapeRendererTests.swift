import Foundation
import Testing
import GoModConfig
@testable import ModuleFetch
@testable import Doctor
@testable import Report

/// Renderers fed peer- and file-controlled strings carrying escape sequences (issue 13,
/// item 3), rendered with colours on and passed through `TerminalText.forTerminal` as the CLI
/// does: no raw ESC, BEL or C1 byte other than our own SGR colour codes, and the hostile text
/// still shown, escaped.
struct TerminalEscapeRendererTests {
    static let title = "\u{1b}]0;pwned\u{07}"
    static let clear = "\u{1b}[2J"
    static let clipboard = "\u{1b}]52;c;aGVsbG8=\u{07}"
    static let c1 = "\u{9B}2J"
    static let style = TerminalStyle(enabled: true)

    /// The output with our own SGR sequences removed must hold no unsafe scalar at all.
    static func expectTerminalSafe(_ output: String, _ comment: Comment? = nil) {
        var rest = output
        for code in ["0", "1", "2", "31", "32", "33", "36"] { rest = rest.replacingOccurrences(of: "\u{1b}[\(code)m", with: "") }
        #expect(TerminalTextTests.unsafeScalars(rest).isEmpty, comment)
        #expect(!rest.unicodeScalars.contains { (0xFDD0...0xFDEF).contains($0.value) }, "a style mark leaked")
    }

    func config(goenv: String) -> ConfigDiagnosis {
        let goMod = "module example.com/app\n\ngo 1.19\n\nrequire github.com/lab/a v1.0.0\n"
        return ConfigDiagnosis.run(environment: ["HOME": "/h"], directory: "/p", hostOS: .linux,
                                   fileSystem: InMemoryFileSystem(files: ["/p/go.mod": goMod, "/h/.config/go/env": goenv]),
                                   installation: nil)
    }

    func hostileResult() throws -> CheckRun.Result {
        let config = config(goenv: "GOPROXY=https://proxy.lab.example\(Self.title),direct\nGOSUMDB=off\nGONOSUMDB=x\(Self.clear)\n")
        let target = try #require(CheckEndpoints.target(url: "https://proxy.lab.example"))
        let finding = Finding(id: "endpoint.http.status", layer: .http, severity: .failure, target: "proxy.lab.example:443",
                              arguments: ["host": "proxy.lab.example\(Self.c1)", "status": "502 \(Self.clipboard)"],
                              evidence: ["GET /github.com/lab/a/@v/list: body \(Self.clear)\(Self.clipboard)"],
                              fix: Fix(commands: ["go env -w GOPROXY=https://proxy.lab.example\(Self.title),direct"]))
        let layers = [EndpointLayerCheck(layer: .dns, status: .ok, detail: "10.1.2.3"),
                      EndpointLayerCheck(layer: .http, status: .failed, detail: "502 \(Self.title)")]
        let endpoint = CheckDiagnosis.EndpointResult(
            endpoint: CheckEndpoint(target: target, roles: [.proxy], modules: ["github.com/lab/a@v1.0.0"]),
            verdict: EndpointVerdict(target: target, layers: layers, rootLayer: .http, findings: [finding]))
        let outcome = ModuleFetchOutcome(path: "github.com/lab/a", version: "v1.0.0\(Self.title)", status: .fails,
                                         failure: FetchFailure(layer: .moduleProtocol, failureClass: "bad-info",
                                                               message: "invalid version \(Self.clipboard)\(Self.c1)"),
                                         failedAt: "info")
        let diagnosis = CheckDiagnosis.make(configFindings: config.findings, endpoints: [endpoint], modules: [outcome])
        return CheckRun.Result(config: config, endpoints: [endpoint], fetch: FetchRun.Report(sumdb: nil, modules: [outcome], toolchain: nil),
                               diagnosis: diagnosis, durationSeconds: 1)
    }

    @Test func checkTextEscapesVersionsEvidenceAndConfig() throws {
        let result = try hostileResult()
        for language in [Language.en, .zh] {
            let rendered = CheckTextRenderer(catalog: MessageCatalog(language: language), style: Self.style)
                .render(result.diagnosis, directory: "/p", endpoints: result.endpoints.map(\.endpoint), seconds: 1)
            #expect(rendered.contains("\u{1b}"), "the test must feed raw escapes in")
            let output = TerminalText.forTerminal(rendered)
            Self.expectTerminalSafe(output)
            #expect(output.contains("\\x1b]0;pwned\\x07") || output.contains("\\x1b]52;c;aGVsbG8=\\x07"))
            #expect(output.contains("\u{1b}[31m"), "our own colour is kept")
        }
    }

    @Test func checkMarkdownIsEscapedToo() throws {
        let result = try hostileResult()
        let environment = CheckMarkdownRenderer.Environment(goVersion: nil, operatingSystem: "Lab\(Self.clear)", kernel: "Linux",
                                                            doctorVersion: DoctorVersion.string,
                                                            goEnv: [.init(name: "GOPROXY", value: result.config.env["GOPROXY"])])
        let rendered = CheckMarkdownRenderer(catalog: MessageCatalog(language: .en)).render(result, directory: "/p", environment: environment)
        #expect(rendered.contains("\u{1b}"))
        let output = TerminalText.forTerminal(rendered)
        Self.expectTerminalSafe(output)
        #expect(output.contains("proxy.lab.example\\x1b]0;pwned\\x07"))
    }

    @Test func envTextEscapesAGoEnvValue() {
        let report = EnvReport(config(goenv: "GOPROXY=https://p.example\(Self.title)\(Self.clipboard),direct\nGOFLAGS=-x\(Self.c1)\n"), language: .en)
        let rendered = EnvTextRenderer(language: .en, style: Self.style).render(report)
        #expect(rendered.contains("\u{1b}]0;pwned"))
        let output = TerminalText.forTerminal(rendered)
        Self.expectTerminalSafe(output)
        #expect(output.contains("https://p.example\\x1b]0;pwned\\x07\\x1b]52;c;aGVsbG8=\\x07,direct"))
    }

    @Test func explainTextEscapesThePastedError() {
        let pasted = "go: github.com/lab/a@v1.0.0\(Self.title): reading https://proxy.lab.example/x: 502 Bad Gateway\(Self.clear)"
        let report = ExplainReport(ErrorExplanation.explainAll(pasted), language: .zh)
        let rendered = ExplainTextRenderer(language: .zh, style: Self.style).render(report)
        // (The error splitter already drops controls from pasted text; the sink must hold anyway.)
        let output = TerminalText.forTerminal(rendered)
        Self.expectTerminalSafe(output)
        #expect(output.contains("502 Bad Gateway"))
    }

    @Test func progressLineEscapesModulePaths() {
        let progress = CheckProgress(endpoints: 1, modules: 1, done: 1,
                                     finished: .init(kind: .module, subject: "github.com/lab/a@v1\(Self.title)", layer: "info", passed: false))
        let line = CheckProgressLine(catalog: MessageCatalog(language: .en))
        Self.expectTerminalSafe(line.text(progress))
        let rewritten = line.rewrite(progress, width: 200)
        #expect(rewritten.hasPrefix(CheckProgressLine.clear))
        Self.expectTerminalSafe(String(rewritten.dropFirst(CheckProgressLine.clear.count)))
    }
}
