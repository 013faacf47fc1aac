import Foundation
import LabKit
import Testing

extension LabSuite {
    /// The benchmark behind `bench/check-vs-manual.sh` (runs only with GOMOD_BENCH=1): per lab
    /// scenario, the wall time of `gomod-doctor check` to its verdict, of the classic manual
    /// sequence (go env; curl -I; nslookup; traceroute; netstat) and of the real
    /// `go mod download` until it fails, side by side. Figures are printed (and written to
    /// GOMOD_BENCH_OUT when set); what is asserted is only that each scenario produced the
    /// verdict it was built for — no timing assertion.
    @Suite
    struct CheckBenchmarkLabTests {
        static let enabled = ProcessInfo.processInfo.environment["GOMOD_BENCH"] == "1"
        /// A person running the manual sequence waits for each tool's own timeout; we stop each
        /// step after this many seconds and say so.
        static let manualStepCap = 30
        /// `go mod download` is stopped after this many seconds (reported as "≥"); GOMOD_BENCH_GO_CAP
        /// shortens it (bench/run-all uses 40 to stay within its time).
        static let goCap = ProcessInfo.processInfo.environment["GOMOD_BENCH_GO_CAP"].flatMap { Int($0) } ?? 150

        enum Scenario: String, CaseIterable {
            case healthy = "healthy"
            case proxyBlackhole = "proxy TCP blackhole (DROP)"
            case proxyReset = "proxy TCP reset"
            case proxyExpiredCertificate = "proxy TLS certificate expired"
            case dnsServerUnreachable = "DNS server unreachable"
            case sumdbUnreachable = "checksum database unreachable"
            case httpsProxyDown = "HTTPS_PROXY down"
        }

        struct Row {
            var scenario: Scenario
            var checkSeconds: Double
            var checkVerdict: String
            var manualSeconds: Double
            var manualCapped: [String]
            var goSeconds: Double
            var goOutcome: String
        }

        @Test(.enabled(if: enabled, "benchmark: set GOMOD_BENCH=1 (bench/check-vs-manual.sh)"))
        func checkVersusManualVersusGo() async throws {
            var rows: [Row] = []
            // GOMOD_BENCH_SCENARIOS="proxy TCP blackhole (DROP);DNS server unreachable" measures only those.
            let chosen = ProcessInfo.processInfo.environment["GOMOD_BENCH_SCENARIOS"].map { $0.split(separator: ";").map(String.init) }
            for scenario in Scenario.allCases where chosen.map({ $0.contains(scenario.rawValue) }) ?? true {
                rows.append(try await measure(scenario))
                print(Self.format(rows.last.map { [$0] } ?? [], header: rows.count == 1))
            }
            let table = Self.format(rows, header: true)
            if let path = ProcessInfo.processInfo.environment["GOMOD_BENCH_OUT"] {
                try table.write(toFile: path, atomically: true, encoding: .utf8)
            }
            for row in rows {
                #expect((row.scenario == .healthy) == (row.checkVerdict == "healthy"), "\(row.scenario.rawValue): \(row.checkVerdict)")
                #expect((row.scenario == .healthy) == row.goOutcome.hasPrefix("ok"), "\(row.scenario.rawValue): go \(row.goOutcome)")
            }
        }

        /// One fresh lab per scenario (CheckScenarioSetup: client — r1 — server; dnsmasq, an
        /// HTTPS lab GOPROXY by name with the lab CA trusted, a lab checksum database, a project
        /// with two requirements), then the scenario's fault.
        func measure(_ scenario: Scenario) async throws -> Row {
            try await Lab.with { lab in
                let expired: ((Lab, LabCertificateAuthority) async throws -> LabCertificate)? = scenario != .proxyExpiredCertificate ? nil : { lab, ca in
                    try await lab.issueCertificate(from: ca, commonName: CheckScenarioSetup.proxyName,
                                                   dnsNames: [CheckScenarioSetup.proxyName], validity: .expired)
                }
                let setup = try await CheckScenarioSetup.start(lab, proxyCertificate: expired)
                let server = setup.chain.server
                let proxyPort = CheckScenarioSetup.proxyPort
                var environment = setup.environment
                let work = setup.work
                switch scenario {
                case .healthy, .proxyExpiredCertificate:
                    break
                case .proxyBlackhole:
                    try await lab.addFirewallRule(host: server, PacketMatch(chain: "INPUT", destinationPort: proxyPort), .drop)
                case .proxyReset:
                    try await lab.addFirewallRule(host: server, PacketMatch(chain: "INPUT", destinationPort: proxyPort), .rejectWithTCPReset)
                case .dnsServerUnreachable:
                    try await lab.addFirewallRule(host: server, PacketMatch(chain: "INPUT", proto: "udp", destinationPort: 53), .drop)
                    try await lab.addFirewallRule(host: server, PacketMatch(chain: "INPUT", proto: "tcp", destinationPort: 53), .drop)
                case .sumdbUnreachable:
                    try await lab.addFirewallRule(host: server, PacketMatch(chain: "INPUT", destinationPort: 8081), .drop)
                case .httpsProxyDown:
                    // An address on the server's subnet where nothing listens: connections are refused.
                    environment["HTTPS_PROXY"] = "http://\(setup.ip):3129"
                }
                let chain = setup.chain

                let binary = try DoctorRun.binary
                let check = try await timed {
                    try await lab.run(in: chain.client, [binary, "check", work + "/wd", "--json", "--timeout", "8", "--resolver", "none"],
                                      environment: environment, timeout: .seconds(60))
                }
                let verdict = Self.topRootCause(check.result.stdout)
                // GOMOD_BENCH_DUMP=DIR keeps each scenario's check --json, for reading where the time went.
                if let dump = ProcessInfo.processInfo.environment["GOMOD_BENCH_DUMP"] {
                    let name = scenario.rawValue.filter { $0.isLetter || $0.isNumber }
                    try? check.result.stdout.write(toFile: "\(dump)/fault-\(name).json", atomically: true, encoding: .utf8)
                }

                var manualSeconds = 0.0
                var capped: [String] = []
                let cap = Self.manualStepCap
                let steps: [(String, [String])] = [
                    ("go env", ["go", "env"]),
                    ("curl -I", ["curl", "-sS", "-I", CheckScenarioSetup.proxyURL + "/github.com/lab/a/@v/list"]),
                    ("nslookup", ["nslookup", "proxy.lab.example"]),
                    ("traceroute", ["traceroute", "proxy.lab.example"]),
                    ("netstat", ["netstat", "-tn"]),
                ]
                for (name, argv) in steps {
                    let step = try await timed {
                        try await lab.run(in: chain.client, ["timeout", "\(cap)"] + argv, environment: environment,
                                          workingDirectory: work + "/wd", timeout: .seconds(Int64(cap + 10)))
                    }
                    manualSeconds += step.seconds
                    if step.result.termination == .exited(124) { capped.append(name) }
                }

                let go = try await timed {
                    try await lab.run(in: chain.client, ["timeout", "\(Self.goCap)", "go", "mod", "download"], environment: environment,
                                      workingDirectory: work + "/wd", timeout: .seconds(Int64(Self.goCap + 15)))
                }
                let goOutcome: String
                switch go.result.termination {
                case .exited(0): goOutcome = "ok"
                case .exited(124): goOutcome = "still running at \(Self.goCap) s"
                default:
                    let line = go.result.stderr.split(separator: "\n").first.map(String.init) ?? ""
                    goOutcome = "failed: " + String(line.prefix(70))
                }
                return Row(scenario: scenario, checkSeconds: check.seconds, checkVerdict: verdict, manualSeconds: manualSeconds,
                           manualCapped: capped, goSeconds: go.seconds, goOutcome: goOutcome)
            }
        }

        func timed(_ body: () async throws -> CommandResult) async throws -> (result: CommandResult, seconds: Double) {
            let start = ContinuousClock.now
            let result = try await body()
            let elapsed = ContinuousClock.now - start
            return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }

        /// "healthy", or the top root cause as "<layer> <id>" from the check document.
        static func topRootCause(_ json: String) -> String {
            guard let document = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return "no JSON" }
            guard let root = (document["rootCauses"] as? [[String: Any]])?.first,
                  let finding = root["finding"] as? [String: Any] else { return document["status"] as? String ?? "?" }
            return "\(finding["layer"] as? String ?? "?") \(finding["id"] as? String ?? "?")"
        }

        static func format(_ rows: [Row], header: Bool) -> String {
            func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text : text + String(repeating: " ", count: width - text.count) }
            func seconds(_ value: Double) -> String { String(format: "%.1f s", value) }
            var lines: [String] = []
            if header {
                lines.append(pad("scenario", 32) + pad("check", 9) + pad("manual", 10) + pad("go mod download", 17) + "check verdict | go outcome")
            }
            for row in rows {
                let manual = seconds(row.manualSeconds) + (row.manualCapped.isEmpty ? "" : "*")
                let go = (row.goOutcome.hasPrefix("still") ? "≥" : "") + seconds(row.goSeconds)
                lines.append(pad(row.scenario.rawValue, 32) + pad(seconds(row.checkSeconds), 9) + pad(manual, 10) + pad(go, 17)
                             + row.checkVerdict + " | " + row.goOutcome
                             + (row.manualCapped.isEmpty ? "" : "  (* stopped after \(manualStepCap) s: \(row.manualCapped.joined(separator: ", ")))"))
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
