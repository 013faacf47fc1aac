import Foundation
import LabKit
import Testing

extension LabSuite {
    /// Issue 14's guard for fast verdicts: a slow or lossy path is not a broken one. At 300 ms
    /// RTT and under 20% loss (each direction, on the lab router), check must not call the
    /// proxy dropped or silent — the early starts and side-evidence budgets must not turn a
    /// slow answer into a failure. At 300 ms it is healthy, as the real go command agrees.
    @Suite
    struct CheckSlowNetworkLabTests {
        typealias Setup = CheckScenarioSetup

        static func check(_ setup: Setup) async throws -> (CommandResult, Setup.Document) {
            let argv = [try DoctorRun.binary, "check", setup.work + "/wd", "--json", "--timeout", "12", "--resolver", "none"]
            let result = try await setup.lab.run(in: setup.chain.client, argv, environment: setup.environment, timeout: .seconds(60))
            return (result, try JSONDecoder().decode(Setup.Document.self, from: Data(result.stdout.utf8)))
        }

        /// Root causes that would say a connection's packets are dropped or a peer is silent.
        /// DNS is left out on purpose: a UDP query and its answer both crossing 20% loss get
        /// through 64% of the time, so the go command's own resolver (two tries, resolv.conf's
        /// 5 s each) also times out on about one lookup in eight there — a DNS timeout under
        /// that loss is what the go command meets too, not a false verdict.
        static func silenceVerdicts(_ document: Setup.Document) -> [String] {
            document.rootCauses.map(\.finding.id).filter { id in
                !id.hasPrefix("endpoint.dns.")
                    && (id.contains("dropped") || id.contains("timeout") || id.contains("no-response") || id.contains("stall"))
            }
        }

        @Test(LabGate.trait)
        func threeHundredMillisecondsIsSlowNotBroken() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab)
                try await lab.addDelay(router: setup.chain.routers[0], rttMs: 300)
                let (result, document) = try await Self.check(setup)
                #expect(result.termination == .exited(0) && document.status == "healthy",
                        "\(document.rootCauses.map(\.finding.id)) \(result.stdout.prefix(2000))")
                #expect(Self.silenceVerdicts(document).isEmpty)
                try await setup.expectGoModDownload(failsWith: nil)
            }
        }

        /// The same path with ICMP echo dropped at the server: a silent connect has no measured
        /// round trip to be judged against, and SilentConnectRule assumes a far one (500 ms).
        @Test(LabGate.trait)
        func threeHundredMillisecondsWithoutEchoIsSlowNotBroken() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab)
                try await lab.addDelay(router: setup.chain.routers[0], rttMs: 300)
                let server = setup.chain.server
                try await lab.run(in: server, ["iptables", "-I", "INPUT", "1", "-p", "icmp", "--icmp-type", "echo-request", "-j", "DROP"]).check()
                try await lab.run(in: server, ["ip6tables", "-I", "INPUT", "1", "-p", "ipv6-icmp", "--icmpv6-type", "echo-request", "-j", "DROP"]).check()
                let (result, document) = try await Self.check(setup)
                #expect(result.termination == .exited(0) && document.status == "healthy",
                        "\(document.rootCauses.map(\.finding.id)) \(result.stdout.prefix(2000))")
                #expect(Self.silenceVerdicts(document).isEmpty)
            }
        }

        @Test(LabGate.trait)
        func twentyPercentLossIsNotADrop() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab)
                let router = setup.chain.routers[0]
                try await lab.addDelay(router: router, rttMs: 20)
                for link in [setup.chain.links[0].b.name, setup.chain.links[1].a.name] {
                    try await lab.addLoss(router: router, inputInterface: link, probability: 0.2)
                }
                for _ in 0..<3 {
                    let (_, document) = try await Self.check(setup)
                    #expect(Self.silenceVerdicts(document).isEmpty, "\(document.rootCauses.map(\.finding.id))")
                }
            }
        }
    }
}
