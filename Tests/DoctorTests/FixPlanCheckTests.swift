import Foundation
import Testing
import GoModConfig
@testable import Doctor
@testable import Report

/// `fix --check`: hand-built check root causes turned into plan changes after the
/// configuration's — only `go env -w`/`-u` taken, the rest listed, conflicts, shadowing.
struct FixPlanCheckTests {
    static let goMod = "module example.com/app\n\ngo 1.19\n\nrequire github.com/google/uuid v1.2.0\n"
    static let envPath = "/h/.config/go/env"
    static let proxyFile = "# mine\nGOPROXY=https://proxy.corp.example,direct\nCGO_ENABLED=0\n"
    static let endpoint = "https://proxy.corp.example:443"

    /// The configuration plan for `envText` and the resolved configuration it came from.
    func base(_ envText: String, environment: [String: String] = [:]) -> (FixPlan, ConfigDiagnosis) {
        var environment = environment
        environment["HOME"] = "/h"
        let fileSystem = InMemoryFileSystem(files: ["/p/go.mod": Self.goMod, Self.envPath: envText])
        let plan = FixPlan.converging(environment: environment, directory: "/p", hostOS: .linux, fileSystem: fileSystem, installation: nil)
        let config = ConfigDiagnosis.run(environment: environment, directory: "/p", hostOS: .linux, fileSystem: fileSystem, installation: nil)
        return (plan, config)
    }

    func cause(_ id: String, endpoint: String? = FixPlanCheckTests.endpoint, layer: Layer = .tcp, severity: Severity = .failure,
               _ commands: [String]) -> CheckRootCause {
        CheckRootCause(finding: Finding(id: id, layer: layer, severity: severity, target: endpoint ?? "-", fix: Fix(commands: commands)),
                       endpoint: endpoint, blockedModules: ["github.com/google/uuid@v1.2.0"], totalModules: 1)
    }

    func adding(_ causes: [CheckRootCause], to base: (FixPlan, ConfigDiagnosis)) -> FixPlan {
        base.0.addingCheck(causes, env: base.1.env, configFindingIDs: Set(base.1.findings.map(\.id)))
    }

    @Test func goEnvWriteIsTakenAndDiagnosticsAreNot() throws {
        let base = base(Self.proxyFile)
        #expect(base.0.isEmpty, "\(base.0.changes)")
        let plan = adding([cause("endpoint.tcp.timeout", ["go env -w GOPROXY=https://goproxy.cn,direct",
                                                          "gomod-doctor trace proxy.corp.example --port 443",
                                                          "dig proxy.corp.example"])], to: base)
        let change = try #require(plan.changes.first)
        #expect(plan.changes.count == 1)
        #expect(change.variable == "GOPROXY" && change.oldValue == "https://proxy.corp.example,direct" && change.newValue == "https://goproxy.cn,direct")
        #expect(change.findings == ["endpoint.tcp.timeout"] && change.shadowedBy == nil && change.instead.isEmpty)
        #expect(change.origins == [FixPlan.Origin(kind: .check, finding: "endpoint.tcp.timeout", endpoint: Self.endpoint)])
        #expect(plan.updated == "# mine\nGOPROXY=https://goproxy.cn,direct\nCGO_ENABLED=0\n")
        #expect(plan.diff.contains("-GOPROXY=https://proxy.corp.example,direct\n+GOPROXY=https://goproxy.cn,direct\n"))
        #expect(plan.skipped.map(\.reason) == ["check-manual", "check-manual"])
        #expect(plan.skipped.map(\.command) == ["gomod-doctor trace proxy.corp.example --port 443", "dig proxy.corp.example"])
        #expect(plan.skipped.allSatisfy { $0.origin?.kind == .check && $0.finding == "endpoint.tcp.timeout" })
    }

    /// A refused proxy's fix: a quoted `|` list (taken, unquoted), then the ~/.netrc line (not).
    /// HTTPS_PROXY's fix changes the shell environment only: listed, nothing written.
    @Test func quotedValuesAndShellOnlyFixes() throws {
        let plan = adding([
            cause("endpoint.http.refused-client", layer: .http,
                  ["go env -w GOPROXY='https://proxy.corp.example|https://proxy.golang.org|direct'",
                   "echo 'machine proxy.corp.example login USER password TOKEN' >> ~/.netrc && chmod 600 ~/.netrc"]),
            cause("endpoint.tcp.refused", endpoint: "http://10.0.0.1:3128", ["unset HTTPS_PROXY https_proxy"]),
        ], to: base(Self.proxyFile))
        #expect(plan.changes.map(\.newValue) == ["https://proxy.corp.example|https://proxy.golang.org|direct"])
        #expect(plan.updated.contains("\nGOPROXY=https://proxy.corp.example|https://proxy.golang.org|direct\n"))
        #expect(plan.skipped.map(\.reason) == ["check-manual", "not-goenv"])
        #expect(plan.skipped.last?.origin == FixPlan.Origin(kind: .check, finding: "endpoint.tcp.refused", endpoint: "http://10.0.0.1:3128"))
        #expect(!plan.updated.contains("HTTPS_PROXY"))
    }

    /// First wins: the configuration's change, then the check's by root-cause order; the same
    /// value from a later cause only adds its origin.
    @Test func conflictsKeepTheFirstValue() throws {
        // No `direct`: the configuration plan adds it (config.goproxy.no-direct).
        let base = base("GOPROXY=https://proxy.corp.example\n")
        let configChange = try #require(base.0.changes.first { $0.variable == "GOPROXY" })
        #expect(configChange.newValue == "https://proxy.corp.example,direct")
        let plan = adding([
            cause("endpoint.tcp.timeout", ["go env -w GOPROXY=https://goproxy.cn"]),
            cause("endpoint.tls.certificate-expired", layer: .tls, ["go env -w GOPROXY=https://proxy.corp.example,direct"]),
            cause("fetch.sumdb.unreachable", endpoint: nil, layer: .sumdb, ["go env -w GOSUMDB=sum.golang.google.cn"]),
            cause("endpoint.dns.nxdomain", endpoint: "https://sum.golang.org:443", layer: .dns, ["go env -w GOSUMDB=sum.golang.org"]),
        ], to: base)
        let goproxy = try #require(plan.changes.first { $0.variable == "GOPROXY" })
        #expect(goproxy.newValue == "https://proxy.corp.example,direct")
        #expect(goproxy.findings == ["config.goproxy.no-direct", "endpoint.tls.certificate-expired"])
        #expect(goproxy.origins.map(\.kind) == [.config, .check])
        #expect(plan.changes.map(\.variable) == ["GOPROXY", "GOSUMDB"])
        #expect(plan.changes.last?.newValue == "sum.golang.google.cn" && plan.changes.last?.origins.first?.endpoint == nil)
        let conflicts = plan.skipped.filter { $0.reason == "conflict" }
        #expect(conflicts.map(\.command) == ["go env -w GOPROXY=https://goproxy.cn", "go env -w GOSUMDB=sum.golang.org"])
        #expect(conflicts.map(\.finding) == ["endpoint.tcp.timeout", "endpoint.dns.nxdomain"])
        #expect(plan.updated == "GOPROXY=https://proxy.corp.example,direct\nGOSUMDB=sum.golang.google.cn\n")
    }

    /// An info-level suggestion (no `direct`) gives way to what the network showed: the check's
    /// switch away from a dead proxy wins, and the suggestion is listed as a conflict.
    @Test func checkValueReplacesAnAdvisorySuggestion() throws {
        let base = base("GOPROXY=https://proxy.corp.example\n")
        let advisory = Set(base.1.findings.filter { $0.severity == .info }.map(\.id))
        #expect(advisory.contains("config.goproxy.no-direct"))
        let plan = base.0.addingCheck([cause("endpoint.tcp.timeout", ["go env -w GOPROXY=https://goproxy.cn"])], env: base.1.env,
                                      configFindingIDs: Set(base.1.findings.map(\.id)), advisoryFindingIDs: advisory)
        let goproxy = try #require(plan.changes.first { $0.variable == "GOPROXY" })
        #expect(goproxy.newValue == "https://goproxy.cn" && goproxy.oldValue == "https://proxy.corp.example")
        #expect(goproxy.origins == [FixPlan.Origin(kind: .check, finding: "endpoint.tcp.timeout", endpoint: Self.endpoint)])
        #expect(plan.skipped.contains { $0.reason == "conflict" && $0.finding == "config.goproxy.no-direct"
            && $0.command == "go env -w GOPROXY=https://proxy.corp.example,direct" })
        #expect(plan.updated == "GOPROXY=https://goproxy.cn\n")
    }

    /// A configuration finding that is also a check root cause is not applied twice.
    @Test func configurationRootCausesAreAlreadyInThePlan() throws {
        let base = base("GOPROXY=https://proxy.corp.example\n")
        let finding = try #require(base.1.findings.first { $0.id == "config.goproxy.no-direct" })
        let plan = adding([CheckRootCause(finding: finding, endpoint: nil, blockedModules: [], totalModules: 1)], to: base)
        #expect(plan == base.0)
    }

    @Test func shadowedVariableSaysWhatToRunInstead() throws {
        let plan = adding([cause("endpoint.tcp.timeout", ["go env -w GOPROXY=https://goproxy.cn,direct", "go env -u GOFLAGS"])],
                          to: base(Self.proxyFile + "GOFLAGS=-x\n", environment: ["GOPROXY": "https://proxy.corp.example,direct"]))
        let change = try #require(plan.changes.first { $0.variable == "GOPROXY" })
        #expect(change.shadowedBy == "GOPROXY")
        #expect(change.instead == ["export GOPROXY=https://goproxy.cn,direct"])
        let unset = try #require(plan.changes.first { $0.variable == "GOFLAGS" })
        #expect(unset.newValue == nil && unset.oldValue == "-x" && unset.shadowedBy == nil)
        #expect(!plan.updated.contains("GOFLAGS"))
    }

    /// GOENV=off: nothing is written; the check's changes become shell lines.
    @Test func goenvOffListsEnvironmentCommands() {
        let plan = adding([cause("endpoint.tcp.timeout", ["go env -w GOPROXY=https://goproxy.cn,direct"])],
                          to: base("", environment: ["GOENV": "off", "GOPROXY": "https://proxy.corp.example,direct"]))
        #expect(plan.refusal == "goenv-off")
        #expect(plan.environmentCommands.contains("export GOPROXY=https://goproxy.cn,direct"))
        #expect(plan.updated == plan.original)
    }

    /// check sets an exported go variable with `export` (FixCommands.set): with GOENV=off that is
    /// its only line, and fix --check still takes it; beside `go env -w` it is one change, not two.
    @Test func exportLinesOfGoVariablesAreTaken() throws {
        let off = adding([cause("endpoint.tcp.timeout", ["export GOPROXY=https://goproxy.cn,direct"])],
                         to: base("", environment: ["GOENV": "off", "GOPROXY": "https://proxy.corp.example,direct"]))
        #expect(off.environmentCommands == ["export GOPROXY=https://goproxy.cn,direct"])
        let exported = adding([cause("endpoint.tcp.timeout", ["export GOPROXY='https://a.example|direct'", "go env -w GOPROXY='https://a.example|direct'",
                                                              "unset HTTPS_PROXY https_proxy"])],
                              to: base(Self.proxyFile, environment: ["GOPROXY": "https://proxy.corp.example,direct"]))
        let change = try #require(exported.changes.first)
        #expect(exported.changes.count == 1 && change.newValue == "https://a.example|direct")
        // The environment shadows the file: the shell line is what takes effect.
        #expect(change.shadowedBy != nil && change.instead == ["export GOPROXY='https://a.example|direct'"])
        #expect(exported.skipped.map(\.reason) == ["not-goenv"])
    }

    /// Nothing to do when the file already holds the value, or no root cause has a go env fix.
    @Test func nothingWhenAlreadySetOrNoGoEnvFix() {
        let base = base(Self.proxyFile)
        let plan = adding([cause("endpoint.tcp.timeout", ["go env -w GOPROXY=https://proxy.corp.example,direct"]),
                           cause("endpoint.tls.interception", layer: .tls, ["cat /etc/ssl/certs/ca-certificates.crt"])], to: base)
        #expect(plan.isEmpty && plan.updated == base.0.updated)
        #expect(plan.skipped.map(\.reason) == ["check-manual"])
    }
}

extension FixPlanCheckTests {
    /// The file already holds what the check wants, but an exported value overrides it: the
    /// file is left alone and the shell line to run is listed.
    @Test func fileAlreadyRightButShadowed() {
        let plan = adding([cause("endpoint.tcp.timeout", ["go env -w GOPROXY=https://proxy.corp.example,direct"])],
                          to: base(Self.proxyFile, environment: ["GOPROXY": "https://broken.example,direct"]))
        #expect(plan.isEmpty)
        #expect(plan.skipped.map(\.reason) == ["shadowed"])
        #expect(plan.skipped.first?.command == "export GOPROXY=https://proxy.corp.example,direct")
    }
}

extension FixPlanCheckTests {
    /// The report: origins in JSON, the check's verdict, and every new sentence in both languages.
    @Test func reportShowsOriginsInBothLanguages() throws {
        let plan = adding([cause("endpoint.tcp.timeout", ["go env -w GOPROXY=https://goproxy.cn,direct", "dig proxy.corp.example",
                                                          "unset HTTPS_PROXY https_proxy"]),
                           cause("endpoint.dns.nxdomain", layer: .dns, ["go env -w GOPROXY=https://other.example", "dig proxy.corp.example"])],
                          to: base(Self.proxyFile))
        let check = FixPlanReport.CheckPart(status: "failures", rootCauses: 2, durationSeconds: 1.5)
        let report = FixPlanReport(plan, language: .en, applied: false, backup: nil, check: check)
        #expect(report.changes.first?.origins == [FixPlan.Origin(kind: .check, finding: "endpoint.tcp.timeout", endpoint: Self.endpoint)])
        let json = try report.json()
        #expect(json.contains(#""kind" : "check""#) && json.contains(#""rootCauses" : 2"#))
        for reason in Set(plan.skipped.map(\.reason)) + ["shadowed", "check-manual"] {
            #expect(MessageCatalog.has("fixplan.skipped.\(reason)"), "\(reason)")
        }
        var texts: [String] = []
        for language in [Language.en, .zh] {
            let text = FixPlanTextRenderer(language: language, style: TerminalStyle(enabled: false))
                .render(FixPlanReport(plan, language: language, applied: false, backup: nil, check: check))
            #expect(!text.contains("{") && text.contains("endpoint.tcp.timeout") && text.contains(Self.endpoint), "\(text)")
            // Listed once though two causes name it.
            #expect(text.components(separatedBy: "dig proxy.corp.example").count == 2, "\(text)")
            texts.append(text)
        }
        #expect(texts[0] != texts[1])
        // A plan made without --check has config origins only and no check part.
        let plain = FixPlanReport(base("GOPROXY=https://proxy.corp.example\n").0, language: .en, applied: false, backup: nil)
        #expect(plain.check == nil && plain.changes.flatMap(\.origins).allSatisfy { $0.kind == .config } && !plain.changes.isEmpty)
    }
}
