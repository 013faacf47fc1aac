import Foundation
import LabKit
import Testing

extension LabSuite {
    /// Issue 12's HTTP/2 acceptance: the go command speaks HTTP/2 to every https proxy that
    /// offers it (net/http's default transport, cmd/go/internal/web/http.go) and never falls
    /// back to HTTP/1.1. A lab proxy offering h2 (lab/goproxy/h2_server.py) serves modules over
    /// both protocols, then breaks h2 alone (RST_STREAM, GOAWAY, a broken preface). `http` and `probe` report the
    /// protocol; `check` names the broken h2 and its fix (GODEBUG=http2client=0) makes every
    /// installed go command succeed, run verbatim.
    @Suite
    struct HTTP2LabTests {
        typealias Setup = CheckScenarioSetup

        /// The check scenario lab with its proxy replaced by the HTTP/2 one (same name, port, CA).
        static func start(_ lab: Lab, mode: LabHTTP2Mode) async throws -> (Setup, LabHTTP2GoProxy) {
            let setup = try await Setup.start(lab)
            await lab.stop(setup.proxy.process)
            let certificate = try await lab.issueCertificate(from: setup.ca, commonName: Setup.proxyName, dnsNames: [Setup.proxyName])
            let proxy = try await lab.startHTTP2GoProxy(on: setup.chain.server, tree: setup.tree, port: Setup.proxyPort,
                                                        certificate: certificate, mode: mode)
            return (setup, proxy)
        }

        /// `go mod download` with `go` from an empty module cache, in the client.
        static func goModDownload(_ setup: Setup, _ go: GoToolchain, prefix: [String] = []) async throws -> CommandResult {
            let environment = Setup.environment(setup.environment, with: go)
            try await setup.lab.run(in: setup.chain.client, [go.executable, "clean", "-modcache"], environment: environment,
                                    workingDirectory: setup.work).check()
            let script = (["set -e"] + prefix + ["go mod download"]).joined(separator: "\n") + "\n"
            return try await setup.lab.run(in: setup.chain.client, ["sh", "-c", script], environment: environment,
                                           workingDirectory: setup.work + "/wd", timeout: .seconds(90))
        }

        /// `go mod download` with every installed release at once, each with its own module cache.
        static func goModDownloadConcurrently(_ setup: Setup, prefix: [String] = [], timeout: Duration,
                                              cache: String) async throws -> [(GoToolchain, CommandResult)] {
            let script = (["set -e"] + prefix + ["go mod download"]).joined(separator: "\n") + "\n"
            let (lab, client, directory) = (setup.lab, setup.chain.client, setup.work + "/wd")
            return try await withThrowingTaskGroup(of: (GoToolchain, CommandResult).self) { group in
                for go in GoToolchain.installed {
                    var environment = Setup.environment(setup.environment, with: go)
                    environment["GOMODCACHE"] = "\(setup.work)/modcache-\(cache)-\(go.version)"
                    group.addTask {
                        (go, try await lab.run(in: client, ["sh", "-c", script], environment: environment,
                                               workingDirectory: directory, timeout: timeout))
                    }
                }
                var results: [(GoToolchain, CommandResult)] = []
                for try await result in group { results.append(result) }
                return results
            }
        }

        static func doctor(_ setup: Setup, _ arguments: [String]) async throws -> CommandResult {
            try await setup.lab.run(in: setup.chain.client, [try DoctorRun.binary] + arguments, environment: setup.environment,
                                    workingDirectory: setup.work + "/wd", timeout: .seconds(60))
        }

        @Test(LabGate.trait)
        func healthyHTTP2IsReportedAndUsedLikeTheGoCommand() async throws {
            try await Lab.with { lab in
                let (setup, proxy) = try await Self.start(lab, mode: .ok)
                let list = "\(Setup.proxyURL)/github.com/lab/a/@v/list"
                let http = try await Self.doctor(setup, ["http", list, "--json", "--timeout", "5"])
                #expect(http.termination == .exited(0), "\(http.stdout.prefix(1500)) \(http.stderr.prefix(500))")
                struct HTTPDocument: Decodable {
                    struct Evidence: Decodable { struct Hop: Decodable { var httpVersion: String?; var status: Int? }; var hops: [Hop] }
                    var evidence: Evidence
                }
                let document = try JSONDecoder().decode(HTTPDocument.self, from: Data(http.stdout.utf8))
                #expect(document.evidence.hops.last?.httpVersion == "HTTP/2.0" && document.evidence.hops.last?.status == 200)
                #expect(proxy.takeProtocols() == ["h2"])
                let text = try await Self.doctor(setup, ["http", list, "--timeout", "5"])
                #expect(text.stdout.contains("HTTP/2.0 200 OK"), "\(text.stdout)")
                _ = proxy.takeProtocols()
                let probe = try await Self.doctor(setup, ["probe", "\(Setup.proxyName):\(Setup.proxyPort)", "--json", "--resolver", "none", "--timeout", "5"])
                #expect(probe.stdout.contains("HTTP/2.0 404 Not Found"), "probe reports the protocol: \(probe.stdout.prefix(3000))")
                let (result, report) = try await setup.check()
                #expect(result.termination == .exited(0) && report.rootCauses.isEmpty, "\(report.summary)")
                #expect(proxy.takeProtocols().allSatisfy { $0 == "h2" }, "check fetched over h2, as the go command does")
                for go in GoToolchain.installed {
                    let download = try await Self.goModDownload(setup, go)
                    #expect(download.succeeded, "\(go): \(download.stderr.prefix(1500))")
                    let protocols = proxy.takeProtocols()
                    #expect(!protocols.isEmpty && protocols.allSatisfy { $0 == "h2" }, "\(go) spoke \(protocols)")
                }
            }
        }

        @Test(LabGate.trait)
        func brokenHTTP2IsNamedAndTheFixWorksForEveryGoCommand() async throws {
            try await Lab.with { lab in
                let (setup, proxy) = try await Self.start(lab, mode: .reset)
                // The stream ID is the go command's (it reuses the connection); ours is the first stream, 1.
                let goError = "INTERNAL_ERROR; received from peer"
                for go in GoToolchain.installed {
                    let download = try await Self.goModDownload(setup, go)
                    #expect(!download.succeeded && download.stderr.contains("stream error: stream ID ") && download.stderr.contains(goError),
                            "\(go): \(download.stderr.prefix(1500))")
                }
                let http = try await Self.doctor(setup, ["http", "\(Setup.proxyURL)/github.com/lab/a/@v/list", "--timeout", "5"])
                #expect(http.termination == .exited(1) && http.stdout.contains(goError), "\(http.stdout)")
                #expect(http.stdout.contains("HTTP/1.1 was answered"), "\(http.stdout)")
                let (result, report) = try await setup.check()
                #expect(result.termination == .exited(2) && report.status == "failures", "\(report.summary)")
                let top = try Setup.top(result, report)
                #expect(top.finding.id == "endpoint.http.h2-broken" && top.endpoint == Setup.proxyEndpoint, "\(report.summary)")
                #expect(top.blockedModules == Setup.publicModules, "\(report.summary)")
                #expect(top.finding.evidence.contains { $0.contains(goError) }, "\(top.finding.evidence)")
                let changes = try Setup.changes(of: top, report)
                #expect(changes == ["export GODEBUG=\"${GODEBUG:+$GODEBUG,}http2client=0\""], "\(changes)")
                _ = proxy.takeProtocols()
                for go in GoToolchain.installed {
                    let fixed = try await Self.goModDownload(setup, go, prefix: changes)
                    #expect(fixed.succeeded, "\(go): fix \(changes) run verbatim → \(fixed.stderr.prefix(1500))")
                    let protocols = proxy.takeProtocols()
                    #expect(!protocols.isEmpty && protocols.allSatisfy { $0 == "http/1.1" }, "\(go) after the fix spoke \(protocols)")
                }
                // With the fix in its environment, check agrees: healthy over HTTP/1.1.
                let (after, afterReport) = try await setup.check(["GODEBUG": "http2client=0"])
                #expect(after.termination == .exited(0), "\(afterReport.summary)")
            }
        }

        @Test(LabGate.trait)
        func goawayIsNamedToo() async throws {
            try await Lab.with { lab in
                let (setup, _) = try await Self.start(lab, mode: .goaway)
                let checkStarted = ContinuousClock.now
                let (result, report) = try await setup.check()
                let checkTook = ContinuousClock.now - checkStarted
                #expect(result.termination == .exited(2), "\(report.summary)")
                let top = try Setup.top(result, report)
                #expect(top.finding.id == "endpoint.http.h2-broken" && top.finding.arguments["code"] == "h2-goaway", "\(report.summary)")
                #expect(top.finding.evidence.contains { $0.contains("http2: server sent GOAWAY and closed the connection; LastStreamID=0, ErrCode=PROTOCOL_ERROR") },
                        "\(top.finding.evidence)")
                // The go command does not get its modules. Go 1.24 and later fail the first stream
                // of a connection at once, in the words check's fetch gives for them; 1.19 and 1.21
                // retry the unprocessed request on new connections with exponential backoff
                // (h2_bundle.go) for minutes, so they are still retrying when killed — the crawl
                // this check names in seconds. Every release at once, each with its own module cache.
                for (go, download) in try await Self.goModDownloadConcurrently(setup, timeout: .seconds(20), cache: "goaway") {
                    #expect(!download.succeeded, "\(go): \(download.stderr.prefix(1500))")
                    if go.atLeast(1, 24) {
                        #expect(download.stderr.contains("http2: Transport received GOAWAY from server ErrCode:PROTOCOL_ERROR"),
                                "\(go): \(download.stderr.prefix(1500))")
                    } else {
                        #expect(download.timedOut || download.stderr.contains("http2: server sent GOAWAY and closed the connection"),
                                "\(go): \(download.stderr.prefix(1500))")
                    }
                }
                // The printed fix, run verbatim, gets them over HTTP/1.1.
                let changes = try Setup.changes(of: top, report)
                #expect(changes == ["export GODEBUG=\"${GODEBUG:+$GODEBUG,}http2client=0\""], "\(changes)")
                for (go, fixed) in try await Self.goModDownloadConcurrently(setup, prefix: changes, timeout: .seconds(60), cache: "fixed") {
                    #expect(fixed.succeeded, "\(go): fix \(changes) run verbatim → \(fixed.stderr.prefix(1500))")
                }
                print("GOAWAY: check named it in \(checkTook)")
            }
        }

        /// A server whose connection preface is broken (a PING before its SETTINGS): net/http
        /// ends the connection with PROTOCOL_ERROR, and so does check, in net/http's words.
        @Test(LabGate.trait)
        func brokenPrefaceIsNamedInTheGoCommandsWords() async throws {
            try await Lab.with { lab in
                let (setup, _) = try await Self.start(lab, mode: .pingFirst)
                let (result, report) = try await setup.check()
                #expect(result.termination == .exited(2), "\(report.summary)")
                let top = try Setup.top(result, report)
                #expect(top.finding.id == "endpoint.http.h2-broken" && top.finding.arguments["code"] == "h2-protocol-error", "\(report.summary)")
                #expect(top.finding.evidence.contains { $0.contains("connection error: PROTOCOL_ERROR") }, "\(top.finding.evidence)")
                for (go, download) in try await Self.goModDownloadConcurrently(setup, timeout: .seconds(20), cache: "preface") {
                    // net/http's words depend on whether the request was already on the connection
                    // when the read loop ended it, or waited for the connection to be set up.
                    let words = ["\": connection error: PROTOCOL_ERROR", "\": http2: client conn could not be established"]
                    #expect(!download.succeeded && words.contains { download.stderr.contains($0) }, "\(go): \(download.stderr.prefix(1500))")
                }
                let changes = try Setup.changes(of: top, report)
                #expect(changes == ["export GODEBUG=\"${GODEBUG:+$GODEBUG,}http2client=0\""], "\(changes)")
                for (go, fixed) in try await Self.goModDownloadConcurrently(setup, prefix: changes, timeout: .seconds(60), cache: "fixed") {
                    #expect(fixed.succeeded, "\(go): fix \(changes) run verbatim → \(fixed.stderr.prefix(1500))")
                }
            }
        }
    }
}
