import Foundation
import LabKit
import Testing

/// The lab every `check` acceptance scenario starts from: client — r1 — server; on the server
/// an HTTPS GOPROXY `https://proxy.lab.example:8443` (lab CA, trusted through SSL_CERT_FILE),
/// the lab checksum database on :8081 and dnsmasq; a project requiring github.com/lab/a and
/// github.com/lab/b (plus `extraRequirements`), none of them in go.sum. Port 443 of the server
/// is free for the names a scenario points at it (a VCS host, sum.golang.org).
struct CheckScenarioSetup {
    /// The part of the check document the scenarios assert.
    struct Document: Decodable {
        struct FixPart: Decodable {
            var commands: [String]
            var explanationKey: String?
            /// The configuration-changing subset of `commands`, in order, to run verbatim;
            /// `[]`: no configuration change can fix it; nil: not classified (issue 11).
            var changes: [String]?
        }
        struct FindingPart: Decodable {
            var id: String
            var layer: String
            var severity: String
            var target: String
            var arguments: [String: String]
            var evidence: [String]
            var fix: FixPart?
        }
        struct RootCause: Decodable {
            var finding: FindingPart
            var endpoint: String?
            var blockedModules: [String]
            var totalModules: Int
            var symptoms: [String]
        }
        var schemaVersion: Int
        var status: String
        var exitCode: Int
        var rootCauses: [RootCause]
        var findings: [FindingPart]

        /// What a failed expectation shows: every root cause and every finding above info.
        var summary: String {
            let causes = rootCauses.map { "cause \($0.finding.id) [\($0.finding.layer)] \($0.endpoint ?? "-") blocks \($0.blockedModules) fix \($0.finding.fix?.commands ?? []) changes \($0.finding.fix?.changes.map { "\($0)" } ?? "nil")" }
            let others = findings.filter { $0.severity != "info" }.map { "\($0.severity) \($0.id) \($0.target): \($0.evidence.prefix(3))" }
            return (causes + others).joined(separator: "\n")
        }
    }

    static let proxyName = "proxy.lab.example"
    static let proxyPort = 8443
    static let proxyURL = "https://proxy.lab.example:8443"
    static let proxyEndpoint = "https://proxy.lab.example:8443"
    static let publicModules = ["github.com/lab/a@v1.0.0", "github.com/lab/b@v1.0.0"]

    let lab: Lab
    let chain: LabChain
    let router: LabHost
    let ca: LabCertificateAuthority
    let proxy: LabGoProxy
    /// The primary proxy's module tree (what `tamperZip` edits) and the modules written into it
    /// (what a verified mirror serves untampered).
    let tree: ModuleTree
    let modules: [LabModule]
    let sumdb: LabSumDB
    let work: String
    var environment: [String: String]

    var ip: String { chain.serverInterface.ipv4 }
    var ip6: String { chain.serverInterface.ipv6 }

    /// - Parameters:
    ///   - proxyCertificate: the certificate the proxy presents (default: valid, from the lab CA).
    ///   - names: more names answering A with the server's address; `ipv6Names`: AAAA with its IPv6 one.
    ///   - extraRequirements: `path version` lines added to go.mod's require block.
    ///   - extraModules: modules the proxy (and the checksum database) serve beyond lab/a and lab/b.
    ///   - nxdomainZones: zones the lab DNS answers NXDOMAIN for (names that do not resolve).
    static func start(_ lab: Lab, names: [String] = [], ipv6Names: [String] = [], extraRequirements: [String] = [], rules: [ProxyRule] = [],
                      extraModules: [LabModule] = [], nxdomainZones: [String] = [],
                      proxyCertificate: ((Lab, LabCertificateAuthority) async throws -> LabCertificate)? = nil) async throws -> CheckScenarioSetup {
        let chain = try await lab.chain(routers: 1)
        let ip = chain.serverInterface.ipv4
        let tree = try await lab.makeModuleTree()
        let modules = [LabModule(path: "github.com/lab/a", version: "v1.0.0"), LabModule(path: "github.com/lab/b", version: "v1.0.0")]
            + extraModules
        try await lab.addModules(modules, to: tree)
        let ca = try await lab.makeCertificateAuthority(name: "check lab CA")
        let certificate: LabCertificate
        if let proxyCertificate {
            certificate = try await proxyCertificate(lab, ca)
        } else {
            certificate = try await lab.issueCertificate(from: ca, commonName: proxyName, dnsNames: [proxyName])
        }
        let proxy = try await lab.startGoProxy(on: chain.server, tree: tree, port: proxyPort, certificate: certificate, rules: rules)
        let sumdb = try await lab.startSumDB(on: chain.server, tree: tree, address: ip)
        try await lab.startDNSServer(on: chain.server, address: ip, config: DNSServerConfig(records: ([proxyName] + names).map { .a($0, ip) }
            + ipv6Names.map { .aaaa($0, chain.serverInterface.ipv6) }, nxdomainZones: nxdomainZones))
        try await lab.setResolver(on: chain.client, nameservers: [ip])

        let work = await lab.scratchPath("check-project")
        try FileManager.default.createDirectory(atPath: work + "/wd", withIntermediateDirectories: true)
        let requirements = ["github.com/lab/a v1.0.0", "github.com/lab/b v1.0.0"] + extraRequirements
        try ("module lab.example/app\n\ngo 1.19\n\nrequire (\n" + requirements.map { "\t\($0)\n" }.joined() + ")\n")
            .write(toFile: work + "/wd/go.mod", atomically: true, encoding: .utf8)
        let environment = [
            "GOPATH": work + "/gopath", "GOMODCACHE": work + "/gopath/pkg/mod", "GOCACHE": work + "/cache",
            "GOFLAGS": "-modcacherw", "GOENV": "off", "GOTOOLCHAIN": "local",
            "GOPROXY": proxyURL, "SSL_CERT_FILE": ca.certificatePath, "GOSUMDB": sumdb.gosumdb(),
        ]
        return CheckScenarioSetup(lab: lab, chain: chain, router: chain.routers[0], ca: ca, proxy: proxy,
                                  tree: tree, modules: modules, sumdb: sumdb, work: work,
                                  environment: environment)
    }

    /// `gomod-doctor check --json` in the client with the scenario's environment (plus `overrides`).
    func check(_ overrides: [String: String] = [:]) async throws -> (CommandResult, Document) {
        let result = try await lab.run(in: chain.client, [try DoctorRun.binary, "check", work + "/wd", "--json", "--timeout", "6", "--resolver", "none"],
                                       environment: environment.merging(overrides) { $1 }, timeout: .seconds(60))
        let document = try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
        return (result, document)
    }

    /// The real `go mod download` with the same environment: what `check` predicts. Only for
    /// faults that fail fast (a DROP keeps the go command waiting for the kernel's SYN retries).
    /// - Parameter failsWith: nil when it must succeed, else a piece of the go command's error.
    func expectGoModDownload(failsWith expected: String?, _ overrides: [String: String] = [:]) async throws {
        // Debian's go command, then every other installed release: the verdict holds for each.
        let releases: [GoToolchain?] = [nil] + Self.otherReleases.map { Optional($0) }
        for go in releases {
            try await clearModuleCache()
            let merged = environment.merging(overrides) { $1 }
            let result = try await lab.run(in: chain.client, [go?.executable ?? "go", "mod", "download"],
                                           environment: go.map { Self.environment(merged, with: $0) } ?? merged,
                                           workingDirectory: work + "/wd", timeout: .seconds(40))
            let name = go.map(\.description) ?? "go (Debian)"
            if let expected {
                #expect(!result.succeeded && result.stderr.contains(expected), "\(name) mod download: \(result.stderr.prefix(2000))")
            } else {
                #expect(result.succeeded, "\(name) mod download: \(result.stderr.prefix(2000))")
            }
        }
    }

    /// The top root cause, the document's text attached to a failure.
    static func top(_ result: CommandResult, _ document: Document) throws -> Document.RootCause {
        try #require(document.rootCauses.first, "\(document.summary)")
    }

    /// No fix may trade the fault for a security hole.
    static func expectNoInsecureFix(_ document: Document) {
        for cause in document.rootCauses {
            for command in cause.finding.fix?.commands ?? [] {
                #expect(!command.contains("GOINSECURE") && !command.contains("-insecure") && !command.contains("GOSUMDB=off")
                        && !command.contains("GONOSUMDB"), "\(cause.finding.id): \(command)")
            }
        }
    }
}
