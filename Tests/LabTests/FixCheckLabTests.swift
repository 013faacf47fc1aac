import Foundation
import LabKit
import Testing

extension LabSuite {
    /// `gomod-doctor fix --check` end to end in the check lab (CheckScenarioSetup) with a real
    /// GOENV file: GOPROXY lists the lab proxy on :8443, a mirror of it on :443 (the same
    /// modules) and direct; github.com points at the mirror, whose 404 to the go-get request
    /// is a healthy answer, so every endpoint the go command would use exists.
    @Suite
    struct FixCheckLabTests {
        typealias Setup = CheckScenarioSetup
        static let mirrorURL = "https://\(Setup.proxyName)"
        static let goproxy = "\(Setup.proxyURL),\(mirrorURL),direct"

        /// The part of `fix --json` the tests read.
        struct Plan: Decodable {
            struct Origin: Decodable, Equatable {
                var kind: String
                var finding: String
                var endpoint: String?
            }
            struct Change: Decodable {
                var variable: String
                var oldValue: String?
                var newValue: String?
                var origins: [Origin]
            }
            struct Check: Decodable {
                var status: String
                var rootCauses: Int
            }
            var path: String?
            var changes: [Change]
            var applied: Bool
            var backup: String?
            var check: Check?
        }

        /// The lab, its mirror and a GOENV file holding GOPROXY; the environment without GOPROXY.
        static func start(_ lab: Lab) async throws -> (Setup, [String: String], String) {
            let setup = try await Setup.start(lab, names: ["github.com"])
            let tree = try await lab.makeModuleTree()
            try await lab.addModules([LabModule(path: "github.com/lab/a", version: "v1.0.0"),
                                      LabModule(path: "github.com/lab/b", version: "v1.0.0")], to: tree)
            let certificate = try await lab.issueCertificate(from: setup.ca, commonName: Setup.proxyName, dnsNames: [Setup.proxyName, "github.com"])
            try await lab.startGoProxy(on: setup.chain.server, tree: tree, port: 443, certificate: certificate)
            let envFile = setup.work + "/goenv"
            try "# lab\nGOPROXY=\(goproxy)\n".write(toFile: envFile, atomically: true, encoding: .utf8)
            var environment = setup.environment
            environment["GOPROXY"] = nil
            environment["GOENV"] = envFile
            return (setup, environment, envFile)
        }

        static func fix(_ setup: Setup, _ environment: [String: String], _ extra: [String] = []) async throws -> (CommandResult, Plan) {
            let result = try await setup.lab.run(in: setup.chain.client, [try DoctorRun.binary, "fix", setup.work + "/wd", "--check", "--json",
                                                                           "--timeout", "6", "--resolver", "none"] + extra,
                                                 environment: environment, timeout: .seconds(60))
            let plan = try JSONDecoder().decode(Plan.self, from: Data(result.stdout.utf8))
            return (result, plan)
        }

        static func backups(_ envFile: String) throws -> [String] {
            let directory = (envFile as NSString).deletingLastPathComponent
            let name = (envFile as NSString).lastPathComponent
            return try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(name + ".bak-") }
        }

        @Test(LabGate.trait)
        func proxyPortDroppedSwitchesToTheWorkingMirror() async throws {
            try await Lab.with { lab in
                let (setup, environment, envFile) = try await Self.start(lab)
                try await lab.addFirewallRule(host: setup.chain.server, PacketMatch(chain: "INPUT", destinationPort: Setup.proxyPort), .drop)
                let original = try String(contentsOfFile: envFile, encoding: .utf8)

                let (proposed, plan) = try await Self.fix(setup, environment)
                #expect(proposed.termination == .exited(1), "\(proposed.stdout.prefix(4000))")
                #expect(plan.check?.status == "failures" && (plan.check?.rootCauses ?? 0) >= 1)
                let change = try #require(plan.changes.first { $0.variable == "GOPROXY" }, "\(proposed.stdout.prefix(4000))")
                #expect(plan.changes.count == 1, "\(plan.changes.map(\.variable))")
                #expect(change.oldValue == Self.goproxy && change.newValue == "\(Self.mirrorURL),direct")
                #expect(change.origins.count == 1 && change.origins.first?.kind == "check"
                        && change.origins.first?.endpoint == Setup.proxyEndpoint, "\(change.origins)")
                #expect(["endpoint.tcp.dropped-after-hop", "endpoint.tcp.timeout"].contains(change.origins.first?.finding ?? ""))
                #expect(!plan.applied && plan.backup == nil)
                #expect(try String(contentsOfFile: envFile, encoding: .utf8) == original)
                #expect(try Self.backups(envFile).isEmpty)

                let (written, applied) = try await Self.fix(setup, environment, ["--yes"])
                #expect(written.termination == .exited(0), "\(written.stdout.prefix(4000))")
                #expect(applied.applied && applied.changes.map(\.variable) == ["GOPROXY"])
                #expect(try String(contentsOfFile: envFile, encoding: .utf8) == "# lab\nGOPROXY=\(Self.mirrorURL),direct\n")
                let backup = try #require(applied.backup)
                #expect(try String(contentsOfFile: backup, encoding: .utf8) == original)
                #expect(try Self.backups(envFile).count == 1)

                let (again, settled) = try await Self.fix(setup, environment)
                #expect(again.termination == .exited(0), "\(again.stdout.prefix(4000))")
                #expect(!settled.changes.contains { $0.variable == "GOPROXY" }, "\(again.stdout.prefix(4000))")
                #expect(settled.check?.status == "healthy")
            }
        }

        @Test(LabGate.trait)
        func healthyLabProposesNothing() async throws {
            try await Lab.with { lab in
                let (setup, environment, envFile) = try await Self.start(lab)
                let (result, plan) = try await Self.fix(setup, environment)
                #expect(result.termination == .exited(0), "\(result.stdout.prefix(4000))")
                #expect(plan.check?.status == "healthy" && plan.check?.rootCauses == 0, "\(result.stdout.prefix(4000))")
                #expect(plan.changes.isEmpty && plan.path == envFile)
                #expect(try Self.backups(envFile).isEmpty)
            }
        }
    }
}
