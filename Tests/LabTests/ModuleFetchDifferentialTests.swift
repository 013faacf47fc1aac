import Foundation
import LabKit
import ModuleFetch
import Testing

extension LabSuite {
    /// `gomod-doctor fetch module@version` against `go mod download -json` of every installed
    /// release (Debian Go 1.19; 1.21, 1.24, 1.27 from scripts/install-go-toolchains), each found
    /// on PATH by gomod-doctor too, in
    /// the same lab namespace with the same environment (fresh GOPATH/GOMODCACHE/GOCACHE,
    /// GOFLAGS=-modcacherw): per scenario, ok/fails and, on failure, the layer and class must agree.
    /// Every fault fails fast (404/410/5xx/403 rules, refused ports, TLS, redirects), never a DROP.
    @Suite
    struct ModuleFetchDifferentialTests {
        struct Scenario {
            var name: String
            var module: String
            var environment: [String: String]
        }

        /// The prediction of one scenario, and what the go command did.
        struct Comparison: CustomStringConvertible {
            var name: String
            var goError: String?
            var goVerdict: Verdict
            var doctorVerdict: Verdict
            var doctorMessage: String?
            var description: String {
                "\(name): go \(goVerdict) [\(goError ?? "ok")] — doctor \(doctorVerdict) [\(doctorMessage ?? "ok")]"
            }
        }

        struct Verdict: Equatable, CustomStringConvertible {
            var ok: Bool
            var layer: String?
            var failureClass: String?
            var description: String { ok ? "ok" : "fails(\(layer ?? "?")/\(failureClass ?? "?"))" }
        }

        static let releases = GoToolchain.installed.map(\.version)

        /// The environment that makes `release` the go command of both tools.
        static func releaseEnvironment(_ release: GoToolchain) -> [String: String] {
            ["PATH": "\(release.binDirectory):/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "GOROOT": release.root,
             "GOTOOLCHAIN": "local"]
        }

        @Test(LabGate.trait, arguments: releases)
        func predictionsMatchTheGoCommand(release version: String) async throws {
            let release = try #require(GoToolchain.installed.first { $0.version == version })
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let ip = chain.serverInterface.ipv4
                let ca = try await lab.makeCertificateAuthority(name: "fetch lab CA")
                let certificate = try await lab.issueCertificate(from: ca, commonName: "proxy.lab.example", dnsNames: ["proxy.lab.example"])
                let tree = try await lab.makeModuleTree()
                try await lab.addModules([
                    LabModule(path: "example.com/a", version: "v1.0.0"),
                    LabModule(path: "example.com/UpperCase/m", version: "v1.0.0"),
                    LabModule(path: "example.com/badzip", version: "v1.0.0"),
                    LabModule(path: "corp.lab.example/priv", version: "v1.0.0"),
                    LabModule(path: "example.com/tampered", version: "v1.0.0"),
                    LabModule(path: "example.com/tamperedzip", version: "v1.0.0"),
                ], to: tree)
                // The private module is served by the proxy but unknown to the checksum database.
                let sums = try String(contentsOfFile: tree.goSumPath, encoding: .utf8)
                // The database's go.mod hash of example.com/tampered is another module's.
                // So is the zip hash of example.com/tamperedzip.
                let goModHashOfA = sums.split(separator: "\n").first { $0.hasPrefix("example.com/a v1.0.0/go.mod ") }?.split(separator: " ").last ?? ""
                let zipHashOfA = sums.split(separator: "\n").first { $0.hasPrefix("example.com/a v1.0.0 ") }?.split(separator: " ").last ?? ""
                try sums.split(separator: "\n").filter { !$0.hasPrefix("corp.lab.example/") }
                    .map { $0.hasPrefix("example.com/tampered v1.0.0/go.mod ") ? "example.com/tampered v1.0.0/go.mod \(goModHashOfA)" : String($0) }
                    .map { $0.hasPrefix("example.com/tamperedzip v1.0.0 ") ? "example.com/tamperedzip v1.0.0 \(zipHashOfA)" : $0 }
                    .joined(separator: "\n").appending("\n").write(toFile: tree.goSumPath, atomically: true, encoding: .utf8)
                let foreignKey = try NoteSigner.generate(name: "sum.lab.example").verifier.text
                // A zip whose entries carry another module's prefix.
                let zips = tree.root + "/example.com"
                try FileManager.default.removeItem(atPath: zips + "/badzip/@v/v1.0.0.zip")
                try FileManager.default.copyItem(atPath: zips + "/a/@v/v1.0.0.zip", toPath: zips + "/badzip/@v/v1.0.0.zip")
                let rules = [
                    ProxyRule(prefix: "/gone/", status: 410, body: "gone\n"),
                    ProxyRule(prefix: "/e500/", status: 500, body: "boom\n"),
                    ProxyRule(prefix: "/e403/", status: 403, body: "forbidden\n"),
                    ProxyRule(prefix: "/tohttp/", status: 302, location: "http://\(ip)/example.com/a/@v/v1.0.0.info"),
                    ProxyRule(prefix: "/sup/sumdb/sum.lab.example/supported", status: 200, body: "\n"),
                    ProxyRule(prefix: "/wrongver/example.com/a/@v/v1.0.0.info", status: 200, body: #"{"Version":"v1.0.1"}"#),
                    ProxyRule(prefix: "/badjson/example.com/a/@v/v1.0.0.info", status: 200, body: "<html>busy</html>\n"),
                ]
                try await lab.startGoProxy(on: chain.server, tree: tree, port: 80, rules: rules)
                try await lab.startGoProxy(on: chain.server, tree: tree, port: 8443, certificate: certificate, rules: rules)
                let sumdb = try await lab.startSumDB(on: chain.server, tree: tree, address: ip)
                try await lab.startDNSServer(on: chain.server, address: ip, config: DNSServerConfig(records: [
                    .a("proxy.lab.example", ip), .a("corp.lab.example", ip), .a("sum.lab.example", ip),
                ], nxdomainZones: ["nx.lab.example"]))
                try await lab.setResolver(on: chain.client, nameservers: [ip])
                try await lab.setResolver(on: chain.server, nameservers: [ip])
                try await lab.startConnectProxy(on: chain.server, port: 3128)

                let http = "http://\(ip)"
                let tls = "https://proxy.lab.example:8443"
                let trust = ["SSL_CERT_FILE": ca.certificatePath]
                let labSumDB = ["GOSUMDB": sumdb.gosumdb()]
                let keyOnly = ["GOSUMDB": sumdb.verifierKey]
                let a = "example.com/a@v1.0.0"
                let priv = "corp.lab.example/priv@v1.0.0"
                let scenarios: [Scenario] = [
                    Scenario(name: "first proxy 404, second serves", module: a, environment: ["GOPROXY": "\(http)/nf,\(http)"]),
                    Scenario(name: "first proxy 410, second serves", module: a, environment: ["GOPROXY": "\(http)/gone,\(http)"]),
                    Scenario(name: "500 before a comma stops", module: a, environment: ["GOPROXY": "\(http)/e500,\(http)"]),
                    Scenario(name: "500 before a pipe falls through", module: a, environment: ["GOPROXY": "\(http)/e500|\(http)"]),
                    Scenario(name: "403 before a comma stops", module: a, environment: ["GOPROXY": "\(http)/e403,\(http)"]),
                    Scenario(name: "GOPROXY=off", module: a, environment: ["GOPROXY": "off"]),
                    Scenario(name: "GOPRIVATE goes direct to an unreachable VCS host", module: priv,
                             environment: ["GOPROXY": http, "GOPRIVATE": "corp.lab.example"]),
                    Scenario(name: "private not matched: proxy 404, then direct refused (ranked)", module: priv,
                             environment: ["GOPROXY": "\(http)/nf,direct"]),
                    Scenario(name: "private not matched: public proxy 404s", module: priv, environment: ["GOPROXY": "\(http)/nf"]),
                    Scenario(name: "private module unknown to the sumdb", module: priv, environment: ["GOPROXY": http].merging(labSumDB) { $1 }),
                    // A database URL whose paths all answer 404, as sum.golang.org does for private modules.
                    Scenario(name: "private module, sumdb 404", module: priv,
                             environment: ["GOPROXY": http, "GOSUMDB": "\(sumdb.verifierKey) \(http)/nosumdb"]),
                    Scenario(name: "private module, GONOSUMDB", module: priv,
                             environment: ["GOPROXY": http, "GONOSUMDB": "corp.lab.example"].merging(labSumDB) { $1 }),
                    Scenario(name: "public module verified by the lab sumdb", module: a, environment: ["GOPROXY": http].merging(labSumDB) { $1 }),
                    Scenario(name: "proxy TLS with an unknown CA", module: a, environment: ["GOPROXY": tls]),
                    Scenario(name: "proxy TLS with the lab CA trusted", module: a, environment: ["GOPROXY": tls].merging(trust) { $1 }),
                    Scenario(name: "https proxy redirects to http", module: a, environment: ["GOPROXY": "\(tls)/tohttp"].merging(trust) { $1 }),
                    Scenario(name: "zip with a wrong prefix", module: "example.com/badzip@v1.0.0", environment: ["GOPROXY": http]),
                    Scenario(name: "upper-case module path", module: "example.com/UpperCase/m@v1.0.0",
                             environment: ["GOPROXY": "\(http)/nf,\(http)"]),
                    Scenario(name: "proxy supports /sumdb/ (lookup 404 there)", module: a,
                             environment: ["GOPROXY": "\(http)/sup,\(http)"].merging(keyOnly) { $1 }),
                    Scenario(name: "proxy without /sumdb/: database direct, refused", module: a,
                             environment: ["GOPROXY": http].merging(keyOnly) { $1 }),
                    Scenario(name: "HTTPS_PROXY tunnels to the TLS proxy", module: a,
                             environment: ["GOPROXY": tls, "HTTPS_PROXY": "http://\(ip):3128"].merging(trust) { $1 }),
                    Scenario(name: "HTTPS_PROXY refuses connections", module: a,
                             environment: ["GOPROXY": tls, "HTTPS_PROXY": "http://\(ip):3129"].merging(trust) { $1 }),
                    Scenario(name: "sumdb go.mod hash differs from the download", module: "example.com/tampered@v1.0.0",
                             environment: ["GOPROXY": http].merging(labSumDB) { $1 }),
                    Scenario(name: "sumdb zip hash differs from the download", module: "example.com/tamperedzip@v1.0.0",
                             environment: ["GOPROXY": http].merging(labSumDB) { $1 }),
                    Scenario(name: "GOSUMDB names a key the database does not sign with", module: a,
                             environment: ["GOPROXY": http, "GOSUMDB": "\(foreignKey) http://\(ip):8081"]),
                    Scenario(name: "proxy name does not exist", module: a, environment: ["GOPROXY": "http://proxy.nx.lab.example"]),
                    Scenario(name: "file:// proxy", module: a, environment: ["GOPROXY": "file://\(tree.root)"]),
                    Scenario(name: "proxy answers info for another version", module: a, environment: ["GOPROXY": "\(http)/wrongver"]),
                    Scenario(name: "proxy answers HTML for info", module: a, environment: ["GOPROXY": "\(http)/badjson"]),
                    Scenario(name: "@latest missing, @v/list decides", module: "example.com/a@latest",
                             environment: ["GOPROXY": "\(http)/nf,\(http)"]),
                    Scenario(name: "GOINSECURE: https refused, http answers 404", module: priv,
                             environment: ["GOPROXY": "direct", "GOINSECURE": "corp.lab.example", "GONOSUMDB": "corp.lab.example"]),
                ]
                var comparisons: [Comparison] = []
                for (index, scenario) in scenarios.enumerated() {
                    comparisons.append(try await compare(scenario, index: index, lab: lab, host: chain.client, release: release))
                }
                let mismatches = comparisons.filter { $0.goVerdict != $0.doctorVerdict }
                #expect(mismatches.isEmpty, "go\(version):\n\(mismatches.map(\.description).joined(separator: "\n"))")
                // The go command's own text, word for word.
                // Except a failed name lookup: NetProbes resolves with getaddrinfo, whose text
                // ("Name or service not known") differs from Go's resolver ("lookup h on s:53: no such host").
                let texts = comparisons.filter { $0.name != "proxy name does not exist" && $0.goError != $0.doctorMessage }
                #expect(texts.isEmpty, "go\(version):\n\(texts.map(\.description).joined(separator: "\n"))")
                // The scenarios exercise both outcomes, so the comparison cannot pass vacuously.
                #expect(comparisons.contains { $0.goVerdict.ok } && comparisons.contains { !$0.goVerdict.ok })
                #expect(comparisons.count >= 15)
                try await compareWholeProject(lab: lab, host: chain.client, proxy: http, release: release)
            }
        }

        /// `fetch` without an argument against `go mod download -json` without one, in a module
        /// whose requirements all have a go.mod the proxy serves (otherwise the go command stops
        /// while loading the graph and prints no per-module JSON): one zip is broken.
        func compareWholeProject(lab: Lab, host: LabHost, proxy: String, release: GoToolchain) async throws {
            let work = await lab.scratchPath("fetch-project")
            try FileManager.default.createDirectory(atPath: work + "/wd", withIntermediateDirectories: true)
            try """
            module lab.example/app

            go 1.19

            require (
            \texample.com/a v1.0.0
            \texample.com/UpperCase/m v1.0.0
            \texample.com/badzip v1.0.0
            )

            """.write(toFile: work + "/wd/go.mod", atomically: true, encoding: .utf8)
            let environment = [
                "GOPATH": work + "/gopath", "GOCACHE": work + "/cache", "GOFLAGS": "-modcacherw", "GOSUMDB": "off",
                "GOENV": "off", "GOPROXY": proxy,
            ].merging(Self.releaseEnvironment(release)) { $1 }
            let go = try await lab.run(in: host, [release.executable, "mod", "download", "-json"], environment: environment,
                                       workingDirectory: work + "/wd", timeout: .seconds(40))
            var goErrors: [String: String?] = [:]
            for chunk in go.stdout.components(separatedBy: "\n}\n") where chunk.contains("\"Path\"") {
                let object = try JSONSerialization.jsonObject(with: Data((chunk + "\n}").utf8)) as? [String: Any]
                if let path = object?["Path"] as? String { goErrors[path] = object?["Error"] as? String }
            }
            #expect(goErrors.count == 3, "go mod download -json printed \(go.stdout) \(go.stderr)")
            let doctor = try await lab.run(in: host, [try DoctorRun.binary, "fetch", "--json"], environment: environment,
                                           workingDirectory: work + "/wd", timeout: .seconds(40))
            let document = try JSONDecoder().decode(FetchDocument.self, from: Data(doctor.stdout.utf8))
            #expect(document.report.modules.count == 3)
            for module in document.report.modules {
                let goError = goErrors[module.path] ?? nil
                let doctorVerdict = Verdict(ok: module.status == .ok, layer: module.failure?.layer.rawValue,
                                            failureClass: module.failure?.failureClass)
                #expect(Self.classify(goError) == doctorVerdict, "\(module.path): go \(goError ?? "ok"), doctor \(doctorVerdict)")
                #expect(goError == module.failure?.message)
            }
            #expect(goErrors["example.com/badzip"] != nil && goErrors["example.com/a"] == .some(nil), "\(goErrors)")
        }

        func compare(_ scenario: Scenario, index: Int, lab: Lab, host: LabHost, release: GoToolchain) async throws -> Comparison {
            let work = await lab.scratchPath("fetch-\(index)")
            try FileManager.default.createDirectory(atPath: work + "/wd", withIntermediateDirectories: true)
            var environment = [
                "GOPATH": work + "/gopath", "GOMODCACHE": work + "/gopath/pkg/mod", "GOCACHE": work + "/cache",
                "GOFLAGS": "-modcacherw", "GOSUMDB": "off", "GOENV": "off",
            ].merging(Self.releaseEnvironment(release)) { $1 }
            environment.merge(scenario.environment) { $1 }
            let go = try await lab.run(in: host, [release.executable, "mod", "download", "-json", scenario.module], environment: environment,
                                       workingDirectory: work + "/wd", timeout: .seconds(40))
            let goError = Self.goError(go.stdout)
            let doctor = try await lab.run(in: host, [try DoctorRun.binary, "fetch", scenario.module, "--json", "--timeout", "20"],
                                           environment: environment, workingDirectory: work + "/wd", timeout: .seconds(40))
            let document: FetchDocument
            do {
                document = try JSONDecoder().decode(FetchDocument.self, from: Data(doctor.stdout.utf8))
            } catch {
                Issue.record("\(scenario.name): undecodable fetch output: \(doctor.stdout.prefix(2000)) \(doctor.stderr.prefix(2000))")
                throw error
            }
            let module = try #require(document.report.modules.first)
            if scenario.name.contains("supports /sumdb/") { #expect(document.report.sumdb?.viaProxy == true, "\(scenario.name)") }
            if scenario.name.contains("without /sumdb/") { #expect(document.report.sumdb?.viaProxy == false, "\(scenario.name)") }
            let doctorVerdict = Verdict(ok: module.status == .ok, layer: module.failure?.layer.rawValue, failureClass: module.failure?.failureClass)
            return Comparison(name: scenario.name, goError: goError, goVerdict: Self.classify(goError),
                              doctorVerdict: doctorVerdict, doctorMessage: module.failure?.message)
        }

        struct FetchDocument: Decodable {
            var report: FetchRun.Report
        }

        /// The "Error" of `go mod download -json`, nil on success.
        static func goError(_ stdout: String) -> String? {
            guard let object = try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] else {
                return "undecodable go output: \(stdout)"
            }
            return object["Error"] as? String
        }

        /// Layer and class of a go error text, from the texts the reference lists (§7).
        static func classify(_ error: String?) -> Verdict {
            guard let error else { return Verdict(ok: true) }
            let failureClass: String
            var layer: String
            switch true {
            case error.contains("404 Not Found"), error.contains("410 Gone"): (layer, failureClass) = ("http", "not-found")
            case error.contains("403 Forbidden"), error.contains("401 Unauthorized"): (layer, failureClass) = ("http", "auth")
            case error.contains(": 5"): (layer, failureClass) = ("http", "server-error")
            case error.contains("module lookup disabled by GOPROXY=off"): (layer, failureClass) = ("config", "not-found")
            case error.contains("proxyconnect tcp:"): (layer, failureClass) = ("http", "proxy-connect")
            case error.contains("connection refused"): (layer, failureClass) = ("tcp", "refused")
            case error.contains("no such host"): (layer, failureClass) = ("dns", "nxdomain")
            case error.contains("certificate signed by unknown authority"): (layer, failureClass) = ("tls", "unknown-authority")
            case error.contains("redirected from secure URL"): (layer, failureClass) = ("http", "insecure-redirect")
            case error.contains("has unexpected file"): (layer, failureClass) = ("module-protocol", "bad-zip")
            case error.contains("proxy returned info for version"): (layer, failureClass) = ("module-protocol", "version-mismatch")
            case error.contains("GOVCS disallows"): (layer, failureClass) = ("config", "govcs")
            case error.contains("terminal prompts disabled"), error.contains("Authentication failed"): (layer, failureClass) = ("vcs", "auth")
            case error.contains("no go-import meta tags"): (layer, failureClass) = ("vcs", "no-go-import")
            // The bytes differ from what the database vouches for: an integrity failure, not the database's.
            case error.contains("checksum mismatch"): (layer, failureClass) = ("integrity", "checksum-mismatch")
            case error.contains("verifiable signatures"), error.contains("invalid signature"), error.contains("unknown key"):
                (layer, failureClass) = ("sumdb", "note")
            case error.contains("invalid response from proxy"): (layer, failureClass) = ("module-protocol", "invalid-response")
            default: (layer, failureClass) = ("unknown", error)
            }
            if error.contains("verifying"), layer != "integrity" { layer = "sumdb" }
            // A status from the go-get page is the origin's answer, not a proxy's.
            if error.contains("unrecognized import path"), layer == "http" { layer = "vcs" }
            return Verdict(ok: false, layer: layer, failureClass: failureClass)
        }
    }
}
