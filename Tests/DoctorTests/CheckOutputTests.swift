import Foundation
import Testing
import GoModConfig
@testable import ModuleFetch
@testable import Doctor
@testable import Report

/// The pieces behind `check --list/--only/--from-error/--markdown/--mermaid` and the progress
/// line, from hand-built results: selection parsing, focus, layer marking, and the renderers.
struct CheckOutputTests {
    static let goMod = "module example.com/app\n\ngo 1.19\n\nrequire (\n\tgithub.com/lab/a v1.0.0\n\tgithub.com/lab/b v1.0.0\n)\n"
    static let secretProxy = "https://user:tok3n@proxy.lab.example"

    func config(_ environment: [String: String]) -> ConfigDiagnosis {
        ConfigDiagnosis.run(environment: environment.merging(["HOME": "/h"]) { first, _ in first }, directory: "/p", hostOS: .linux,
                            fileSystem: InMemoryFileSystem(files: ["/p/go.mod": Self.goMod]), installation: nil)
    }

    /// A run whose proxy endpoint broke at `root` (tcp by default) and whose two modules failed there.
    func result(root: Layer? = .tcp, selected: [CheckName] = CheckName.allCases) throws -> CheckRun.Result {
        let config = config(["GOPROXY": Self.secretProxy, "GOPRIVATE": "corp.example", "GOSUMDB": "off"])
        let target = try #require(CheckEndpoints.target(url: "https://proxy.lab.example"))
        let modules = ["github.com/lab/a@v1.0.0", "github.com/lab/b@v1.0.0"]
        let layers: [EndpointLayerCheck] = [
            EndpointLayerCheck(layer: .dns, status: .ok, detail: "10.1.2.3"),
            EndpointLayerCheck(layer: .icmp, status: .skipped),
            EndpointLayerCheck(layer: .tcp, status: root == .tcp ? .failed : .ok, detail: "dial tcp 10.1.2.3:443: i/o timeout \"quoted\" <b>"),
            EndpointLayerCheck(layer: .path, status: .skipped),
            EndpointLayerCheck(layer: .tls, status: .skipped, detail: EndpointLayerCheck.notSelectedDetail),
            EndpointLayerCheck(layer: .http, status: .skipped, detail: EndpointLayerCheck.notSelectedDetail),
        ]
        let finding = Finding(id: "endpoint.tcp.timeout", layer: .tcp, severity: .failure, target: "proxy.lab.example:443",
                              arguments: ["host": "proxy.lab.example", "port": "443", "address": "10.1.2.3"],
                              evidence: ["GET \(Self.secretProxy)/github.com/lab/a/@v/list: i/o timeout"],
                              fix: Fix(commands: ["go env -w GOPROXY=https://proxy.lab.example,direct"]))
        let endpoint = CheckDiagnosis.EndpointResult(endpoint: CheckEndpoint(target: target, roles: [.proxy], modules: modules),
                                                     verdict: EndpointVerdict(target: target, layers: layers, rootLayer: root, findings: [finding]))
        let outcomes = modules.map { name in
            let parts = name.split(separator: "@").map(String.init)
            if root == nil { return ModuleFetchOutcome(path: parts[0], version: parts[1], status: .ok, servedBy: "https://proxy.lab.example") }
            return ModuleFetchOutcome(path: parts[0], version: parts[1], status: .fails,
                                      failure: FetchFailure(layer: .tcp, failureClass: "timeout",
                                                            message: "Get \"https://proxy.lab.example/x\": dial tcp 10.1.2.3:443: i/o timeout"),
                                      failedAt: "info")
        }
        let diagnosis = CheckDiagnosis.make(configFindings: config.findings, endpoints: [endpoint], modules: outcomes)
        return CheckRun.Result(config: config, endpoints: [endpoint], fetch: FetchRun.Report(sumdb: nil, modules: outcomes, toolchain: nil),
                               diagnosis: diagnosis, durationSeconds: 1.25, selectedChecks: selected)
    }

    func environment(_ result: CheckRun.Result) -> CheckMarkdownRenderer.Environment {
        let entries = CheckMarkdownRenderer.goEnvNames.map { CheckMarkdownRenderer.GoEnvEntry(name: $0, value: result.config.env[$0]) }
            + [CheckMarkdownRenderer.GoEnvEntry(name: "HTTPS_PROXY", value: "http://proxyuser:s3cret@10.0.0.9:3128")]
        return CheckMarkdownRenderer.Environment(goVersion: nil, operatingSystem: "Lab Linux", kernel: "Linux 6.1 x86_64",
                                                 doctorVersion: DoctorVersion.string, goEnv: entries)
    }

    // MARK: selection

    @Test func onlyAcceptsRepeatedAndCommaListsAndAlwaysKeepsConfig() throws {
        #expect(try CheckName.selection([]) == CheckName.all)
        #expect(try CheckName.selection(["dns,tcp", "http"]) == [.config, .dns, .tcp, .http])
        #expect(try CheckName.selection([" DNS , ", "sockets"]) == [.config, .dns, .sockets, .tcp])
        #expect(throws: CheckName.UnknownName(name: "ping")) { try CheckName.selection(["dns,ping"]) }
        let message = CheckName.UnknownName(name: "x").description
        for name in CheckName.allCases { #expect(message.contains(name.rawValue)) }
    }

    @Test func everyCheckNameAndOutputLabelHasBothLanguages() {
        let keys = CheckName.allCases.map(\.descriptionKey) + ["ui.check.list.title", "ui.check.progress", "ui.check.focus",
                                                               "ui.check.md.title", "ui.check.mermaid.sumdb", "ui.check.not-selected"]
        for key in keys {
            #expect(MessageCatalog.has(key), "no text for \(key)")
            #expect(MessageCatalog(language: .en).text(key) != MessageCatalog(language: .zh).text(key), "\(key) is not translated")
        }
    }

    @Test func unselectedSkippedLayersAreMarkedAndOthersKept() throws {
        let target = try #require(CheckEndpoints.target(url: "https://p.example"))
        let layers = [EndpointLayerCheck(layer: .dns, status: .ok, detail: "1.2.3.4"), EndpointLayerCheck(layer: .tcp, status: .skipped),
                      EndpointLayerCheck(layer: .tls, status: .skipped, detail: "")]
        let result = CheckDiagnosis.EndpointResult(endpoint: CheckEndpoint(target: target, roles: [.proxy], modules: []),
                                                   verdict: EndpointVerdict(target: target, layers: layers, rootLayer: nil, findings: []))
        let marked = result.markingUnselected([.config, .dns, .tls]).verdict.layers
        #expect(marked.map(\.detail) == ["1.2.3.4", EndpointLayerCheck.notSelectedDetail, ""])
    }

    // MARK: --from-error focus

    @Test func focusNamesHostsAndModulesAndPicksTheProjectsRequirement() throws {
        let text = "go: github.com/lab/a@v1.0.0: Get \"https://proxy.lab.example/github.com/lab/a/@v/v1.0.0.info\": dial tcp 10.1.2.3:443: i/o timeout\n"
        let focus = CheckFocus(explanations: ErrorExplanation.explainAll(text))
        #expect(focus.hosts == ["10.1.2.3", "proxy.lab.example"])
        #expect(focus.modules == ["github.com/lab/a@v1.0.0"])
        let config = config(["GOPROXY": "https://proxy.lab.example,https://other.example", "GOSUMDB": "off"])
        let requests = focus.requests(config: config)
        #expect(requests.map { "\($0.path)@\($0.version)" } == ["github.com/lab/a@v1.0.0"])
        let all = CheckEndpoints.collect(routes: config.routes, environment: [:])
        #expect(all.count >= 2)
        // Both proxies are on the module's route, so both stay; nothing else does.
        #expect(Set(focus.endpoints(all, requests: requests).map(\.target.host)) == ["proxy.lab.example", "other.example"])
        #expect(focus.endpoints(all, requests: []).map(\.target.host) == ["proxy.lab.example"])
    }

    @Test func focusOnAModuleOutsideTheProjectFetchesItsNamedVersion() {
        let focus = CheckFocus(hosts: [], modules: ["golang.org/x/text@v0.3.0", "golang.org/x/net"])
        let requests = focus.requests(config: config(["GOPROXY": "https://proxy.lab.example", "GOSUMDB": "off"]))
        #expect(requests.map { "\($0.path)@\($0.version)" } == ["golang.org/x/text@v0.3.0"])
    }

    // MARK: renderers

    @Test func markdownHasTheSectionsAndNoSecret() throws {
        let result = try result()
        let text = CheckMarkdownRenderer(catalog: MessageCatalog(language: .en)).render(result, directory: "/p", environment: environment(result))
        for section in ["## gomod-doctor check: failures found", "### Root causes", "### Checks", "### Environment",
                        "2 of 2 modules cannot be fetched because:", "No configuration change is given: no other proxy served these modules",
                        "```sh\n   go env -w GOPROXY=https://proxy.lab.example,direct",
                        "| Result | Kind | Subject | Verdict |", "GOPRIVATE=corp.example", "no go binary found", "Lab Linux"] {
            #expect(text.contains(section), "missing \(section)")
        }
        for secret in ["tok3n", "user:", "s3cret", "proxyuser"] { #expect(!text.contains(secret), "\(secret) leaked") }
        #expect(text.contains("REDACTED@proxy.lab.example"))
    }

    @Test func markdownFollowsTheLanguageAndNamesUnselectedChecks() throws {
        let result = try result(selected: [.config, .dns, .tcp])
        let text = CheckMarkdownRenderer(catalog: MessageCatalog(language: .zh)).render(result, directory: "/p", environment: environment(result))
        #expect(text.contains("### 根本原因") && text.contains("### 环境"))
        #expect(text.contains("未运行（--only）：icmp, path, sockets, tls, http, modules, toolchain"))
    }

    @Test func markdownQuotesTheErrorAndWhatTheCheckFocusedOn() throws {
        var result = try result()
        let text = "go: github.com/lab/a@v1.0.0: Get \"https://user:tok3n@proxy.lab.example/github.com/lab/a/@v/v1.0.0.info\": dial tcp 10.1.2.3:443: i/o timeout"
        let explanations = ErrorExplanation.explainAll(text)
        result.focus = CheckFocus(explanations: explanations)
        let markdown = CheckMarkdownRenderer(catalog: MessageCatalog(language: .en))
            .render(result, directory: "/p", environment: environment(result), fromError: ExplainReport(explanations, language: .en))
        #expect(markdown.contains("### The go error\n\n```text\ngo: github.com/lab/a@v1.0.0: Get"))
        #expect(markdown.contains("- **tcp / timeout**: "))
        #expect(markdown.contains("Focused on the pasted error — hosts: 10.1.2.3, proxy.lab.example; modules: github.com/lab/a@v1.0.0"))
        #expect(!markdown.contains("tok3n"))
    }

    @Test func mermaidIsAFlowchartWithTheFailedNodeAndSafeIds() throws {
        let text = CheckMermaidRenderer(catalog: MessageCatalog(language: .en)).render(try result())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "flowchart LR")
        for name in ["ok", "failed", "symptom", "skipped", "warning"] { #expect(lines.contains { $0.hasPrefix("    classDef \(name) ") }) }
        #expect(lines.contains { $0.contains("e1_tcp[\"tcp<br/>dial tcp 10.1.2.3:443: i/o timeout #quot;quoted#quot; #lt;b#gt;\"]:::failed") })
        #expect(lines.contains { $0.contains("e1_tls[") && $0.hasSuffix(":::skipped") })
        #expect(lines.contains { $0.contains("e1_module[") && $0.hasSuffix(":::symptom") })
        #expect(lines.contains("    config --> e1_dns") && lines.contains("    e1_http --> e1_module"))
        // No hostname is an id: every node id is config or e<N>_<layer>.
        for line in lines where line.contains("[\"") {
            var declaration = Substring(line.trimmingCharacters(in: .whitespaces))
            if declaration.hasPrefix("subgraph ") { declaration = declaration.dropFirst("subgraph ".count) }
            let id = declaration.prefix { $0 != "[" }
            #expect(id == "config" || id.range(of: #"^e[0-9]+(_[a-z]+)?$"#, options: .regularExpression) != nil, "unsafe id \(id)")
        }
        #expect(!text.contains("tok3n"))
    }

    @Test func mermaidMarksAHealthyChainOk() throws {
        let text = CheckMermaidRenderer(catalog: MessageCatalog(language: .en)).render(try result(root: nil))
        #expect(text.contains("e1_module[\"module protocol<br/>2/2 ok\"]:::ok"))
        #expect(!text.contains(":::failed") && !text.contains(":::symptom"))
    }

    @Test func progressLineCountsAndNamesWhatFinished() {
        let line = CheckProgressLine(catalog: MessageCatalog(language: .en))
        let item = CheckProgress.Item(kind: .endpoint, subject: "https://proxy.lab.example:443", layer: "dns", passed: true)
        #expect(line.text(CheckProgress(endpoints: 5, modules: 12, done: 7, finished: item))
                == "checking 5 endpoints, 12 modules… 7/17 done — dns proxy.lab.example ✓")
        #expect(line.text(CheckProgress(endpoints: 1, modules: 0, done: 0, finished: nil)) == "checking 1 endpoints, 0 modules… 0/1 done")
        let rewritten = line.rewrite(CheckProgress(endpoints: 5, modules: 12, done: 7, finished: item), width: 30)
        #expect(rewritten.hasPrefix(CheckProgressLine.clear) && rewritten.count == CheckProgressLine.clear.count + 29)
        // Chinese characters take two columns: the cut line still fits 30 columns.
        let zh = CheckProgressLine(catalog: MessageCatalog(language: .zh)).rewrite(CheckProgress(endpoints: 5, modules: 12, done: 7, finished: item), width: 30)
        let columns = zh.dropFirst(CheckProgressLine.clear.count).reduce(0) { $0 + CheckProgressLine.columns($1) }
        #expect(zh.hasSuffix("…") && columns <= 29 && columns >= 27)
    }

    @Test func mermaidWithoutEndpointsShowsTheModuleProtocolOffConfig() throws {
        var result = try result()
        result.endpoints = []
        result.selectedChecks = [.config, .modules]
        let text = CheckMermaidRenderer(catalog: MessageCatalog(language: .en)).render(result)
        #expect(text.contains("    modules[\"module protocol<br/>0/2 ok\"]:::failed\n    config --> modules\n"))
    }
}
