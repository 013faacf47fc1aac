import Foundation
import LabKit
import ModuleFetch
import Testing

extension LabSuite {
    /// `gomod-doctor fetch` without an argument: every requirement of go.mod, a local
    /// replacement skipped, a GOPRIVATE module whose go-get page names a git host answering
    /// 401, and the checksum-database routing — checked on the JSON and on the text output.
    @Suite
    struct ModuleFetchProjectTests {
        @Test(LabGate.trait)
        func wholeProjectWithAPrivateGitHostAskingForCredentials() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let ip = chain.serverInterface.ipv4
                let ca = try await lab.makeCertificateAuthority(name: "project lab CA")
                let corp = try await lab.issueCertificate(from: ca, commonName: "corp.lab.example", dnsNames: ["corp.lab.example"])
                let tree = try await lab.makeModuleTree()
                try await lab.addModules([
                    LabModule(path: "example.com/a", version: "v1.0.0"),
                    LabModule(path: "example.com/UpperCase/m", version: "v1.0.0"),
                ], to: tree)
                try await lab.startGoProxy(on: chain.server, tree: tree, port: 80)
                let page = #"<html><head><meta name="go-import" content="corp.lab.example/priv git https://corp.lab.example/git/priv"></head></html>"#
                try await lab.startGoProxy(on: chain.server, tree: tree, port: 443, certificate: corp, rules: [
                    ProxyRule(prefix: "/priv", status: 200, body: page),
                    ProxyRule(prefix: "/git/priv/info/refs", status: 401, body: "authentication required\n"),
                ])
                try await lab.startDNSServer(on: chain.server, address: ip, config: DNSServerConfig(records: [.a("corp.lab.example", ip)]))
                try await lab.setResolver(on: chain.client, nameservers: [ip])

                let work = await lab.scratchPath("project")
                try FileManager.default.createDirectory(atPath: work + "/local", withIntermediateDirectories: true)
                try "module example.com/local\n\ngo 1.19\n".write(toFile: work + "/local/go.mod", atomically: true, encoding: .utf8)
                try """
                module lab.example/app

                go 1.19

                require (
                \texample.com/a v1.0.0
                \texample.com/UpperCase/m v1.0.0
                \tcorp.lab.example/priv v1.0.0
                \texample.com/local v1.0.0
                )

                replace example.com/local => ./local

                """.write(toFile: work + "/go.mod", atomically: true, encoding: .utf8)
                let environment = [
                    "GOPROXY": "http://\(ip)", "GOPRIVATE": "corp.lab.example", "GOSUMDB": "off", "GOENV": "off",
                    "GOPATH": work + "/gopath", "GOFLAGS": "-modcacherw", "SSL_CERT_FILE": ca.certificatePath,
                    "NETRC": work + "/netrc",
                ]
                try "machine corp.lab.example login u password hunter2\n".write(toFile: work + "/netrc", atomically: true, encoding: .utf8)
                let result = try await lab.run(in: chain.client, [try DoctorRun.binary, "fetch", "--json"], environment: environment,
                                               workingDirectory: work, timeout: .seconds(40))
                #expect(result.exitStatus == 1, "a failing module makes the command fail: \(result.stderr)")
                #expect(!result.stdout.contains("hunter2"), "credentials are never shown")
                let document = try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
                let modules = Dictionary(uniqueKeysWithValues: document.report.modules.map { ($0.path, $0) })
                #expect(modules["example.com/a"]?.status == .ok)
                #expect(modules["example.com/a"]?.servedBy == "http://\(ip)")
                let upper = try #require(modules["example.com/UpperCase/m"])
                #expect(upper.status == .ok)
                #expect(upper.requests.first?.url == "http://\(ip)/example.com/%21upper%21case/m/@v/v1.0.0.info")
                #expect(modules["example.com/local"]?.status == .skipped)
                let priv = try #require(modules["corp.lab.example/priv"])
                #expect(priv.status == .fails)
                #expect(priv.failure?.layer == .vcs && priv.failure?.failureClass == "auth", "\(String(describing: priv.failure))")
                let direct = priv.walks.first?.attempts.compactMap(\.direct).first
                #expect(direct?.matched?.repoRoot == "https://corp.lab.example/git/priv")
                #expect(direct?.vcsRequest?.status == 401)
                #expect(direct?.netrcHasCredentials == true)
                #expect(direct?.vcsRequest?.sentNetrcCredentials == true, "the go command sends .netrc credentials over https")
                #expect(!result.stdout.contains(Data("u:hunter2".utf8).base64EncodedString()))
                // Zips: both downloadable modules are inside the default sample of three.
                #expect(upper.walks.map(\.file.kind) == ["info", "mod", "zip"])

                let text = try await lab.run(in: chain.client, [try DoctorRun.binary, "fetch", "--lang", "en"], environment: environment,
                                             workingDirectory: work, timeout: .seconds(40))
                #expect(text.stdout.contains("example.com/a@v1.0.0: served by http://\(ip)"), "\(text.stdout)")
                #expect(text.stdout.contains("corp.lab.example/priv@v1.0.0: fails at vcs (auth) fetching info"), "\(text.stdout)")
            }
        }

        /// Direct mode against `go mod download -json`: GOVCS refusing git, a git endpoint
        /// answering 401 (git itself runs under the go command), a go-get page without a
        /// matching tag, and a go-get page that is missing.
        @Test(LabGate.trait)
        func directModeMatchesTheGoCommand() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let ip = chain.serverInterface.ipv4
                let ca = try await lab.makeCertificateAuthority(name: "direct lab CA")
                let corp = try await lab.issueCertificate(from: ca, commonName: "corp.lab.example", dnsNames: ["corp.lab.example"])
                let tree = try await lab.makeModuleTree()
                let page = #"<html><head><meta name="go-import" content="corp.lab.example/priv git https://corp.lab.example/git/priv"></head></html>"#
                let other = #"<html><head><meta name="go-import" content="corp.lab.example/elsewhere git https://corp.lab.example/git/x"></head></html>"#
                try await lab.startGoProxy(on: chain.server, tree: tree, port: 443, certificate: corp, rules: [
                    ProxyRule(prefix: "/priv", status: 200, body: page),
                    ProxyRule(prefix: "/mismatch", status: 200, body: other),
                    ProxyRule(prefix: "/git/priv/info/refs", status: 401, body: "authentication required\n"),
                ])
                try await lab.startDNSServer(on: chain.server, address: ip, config: DNSServerConfig(records: [.a("corp.lab.example", ip)]))
                try await lab.setResolver(on: chain.client, nameservers: [ip])
                let base = ["GOPROXY": "direct", "GOPRIVATE": "corp.lab.example", "SSL_CERT_FILE": ca.certificatePath,
                            "GIT_SSL_CAINFO": ca.certificatePath, "GIT_TERMINAL_PROMPT": "0"]
                typealias Scenario = ModuleFetchDifferentialTests.Scenario
                let scenarios = [
                    Scenario(name: "GOVCS forbids git", module: "corp.lab.example/priv@v1.0.0",
                             environment: base.merging(["GOVCS": "corp.lab.example:off"]) { $1 }),
                    Scenario(name: "git endpoint answers 401", module: "corp.lab.example/priv@v1.0.0", environment: base),
                    Scenario(name: "go-get page names another prefix", module: "corp.lab.example/mismatch@v1.0.0", environment: base),
                    Scenario(name: "go-get page missing", module: "corp.lab.example/gone@v1.0.0", environment: base),
                ]
                let differential = ModuleFetchDifferentialTests()
                var comparisons: [ModuleFetchDifferentialTests.Comparison] = []
                for (index, scenario) in scenarios.enumerated() {
                    comparisons.append(try await differential.compare(scenario, index: index, lab: lab, host: chain.client,
                                                                     release: try #require(GoToolchain.installed.first, "no go command")))
                }
                let mismatches = comparisons.filter { $0.goVerdict != $0.doctorVerdict }
                #expect(mismatches.isEmpty, "\(mismatches.map(\.description).joined(separator: "\n"))")
                // Word for word, except git's own text (git runs under the go command; the doctor
                // reports the HTTP answer it got from the same endpoint).
                let texts = comparisons.filter { $0.name != "git endpoint answers 401" && $0.goError != $0.doctorMessage }
                #expect(texts.isEmpty, "\(texts.map(\.description).joined(separator: "\n"))")
                #expect(comparisons.allSatisfy { !$0.goVerdict.ok }, "every scenario is a failure the go command reports")
            }
        }

        struct Document: Decodable {
            var report: FetchRun.Report
        }
    }
}
