import Foundation
import LabKit
import NetProbes
import Report
import Testing

extension LabSuite {
    /// `gomod-doctor tcp` against real listeners and real faults, with names resolved by the
    /// lab's dnsmasq through getaddrinfo in the client namespace.
    @Suite(.serialized)
    struct TCPLabTests {
        static let tools: Set<LabTool> = [.ip, .iptables, .sysctl, .ss, .dnsmasq, .python3]

        /// A dual-stack listener: "hold" never accepts (the kernel completes handshakes from the
        /// backlog, nothing is ever sent); "reset" accepts and closes with SO_LINGER 0 (RST).
        static let listener = """
            import socket, struct, sys, time
            mode, port = sys.argv[1], int(sys.argv[2])
            s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("::", port))
            s.listen(64)
            while mode == "reset":
                c, _ = s.accept()
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                c.close()
            while True:
                time.sleep(60)
            """

        /// Runs `gomod-doctor tcp --json -w <wait> target` in `host` and decodes its ProbeResult.
        static func tcp(_ lab: Lab, in host: LabHost, _ target: String, wait: Int = 1) async throws -> ProbeResult<TCPConnectEvidence> {
            let binary = try #require(EnvCommandEndToEndTests.binary, "gomod-doctor is not built")
            let result = try await lab.run(in: host, [binary, "tcp", "--json", "-w", "\(wait)", target], timeout: .seconds(30))
            #expect(!result.timedOut, "\(result)")
            #expect(result.exitStatus == (result.stdout.contains("\"status\" : \"ok\"") ? 0 : 1), "\(result)")
            do {
                return try JSONDecoder().decode(ProbeResult<TCPConnectEvidence>.self, from: Data(result.stdout.utf8))
            } catch {
                Issue.record("no ProbeResult JSON: \(error)\n\(result)\n\(result.stdout)")
                throw error
            }
        }

        /// The result of every attempt, by address family.
        static func results(_ result: ProbeResult<TCPConnectEvidence>) -> [AddressFamily: [TCPConnectAttempt.Result]] {
            Dictionary(grouping: result.evidence.attempts, by: \.address.family).mapValues { $0.map(\.result) }
        }

        /// Every result and verdict has its words in both languages (the command builds the key).
        @Test func everyResultAndVerdictHasASentence() {
            for result in TCPConnectAttempt.Result.allCases { #expect(MessageCatalog.has("ui.tcp.result.\(result.rawValue)")) }
            for verdict in DualStackVerdict.allCases { #expect(MessageCatalog.has("ui.tcp.verdict.\(verdict.rawValue)")) }
        }

        /// A connect takes one round trip: with 40 ms injected on the router, every attempt's
        /// connect time is that round trip, never less, and at most 5 ms more (the delayer adds
        /// about 0.5 ms, a loaded 2-core machine a few more; a second round trip would be 40).
        @Test(LabGate.trait)
        func connectTimeIsOneRoundTrip() async throws {
            try await Lab.with(tools: Self.tools.union([.gcc, .libnetfilterQueue])) { lab in
                let chain = try await lab.chain(routers: 1)
                let server = chain.serverInterface
                try await lab.spawn("listen-80", in: chain.server, ["python3", "-c", Self.listener, "hold", "80"], ready: .tcpPort(80))
                try await lab.addDelay(router: chain.routers[0], rttMs: 40)
                for target in [server.ipv4 + ":80", "[\(server.ipv6)]:80"] {
                    let result = try await Self.tcp(lab, in: chain.client, target)
                    let connect = try #require(result.evidence.attempts.first?.connectMilliseconds)
                    #expect(connect >= 39.5 && connect <= 45, "\(target): connect \(connect) ms, injected RTT 40 ms")
                }
            }
        }

        @Test(LabGate.trait)
        func refusedDroppedResetAndBrokenFamiliesAreClassified() async throws {
            try await Lab.with(tools: Self.tools) { lab in
                let chain = try await lab.chain(routers: 1)
                let router = chain.routers[0]
                let server = chain.serverInterface
                try await lab.addUnreachableRoute(host: router, prefix: "fd77:0:0:c8::/64")
                try await lab.addBlackholeRoute(host: router, prefix: "fd77:0:0:c9::/64")
                try await lab.addUnreachableRoute(host: router, prefix: "10.77.200.0/24")
                try await lab.startDNSServer(on: chain.server, address: server.ipv4, config: DNSServerConfig(records: [
                    .a("dual.lab.test", server.ipv4), .aaaa("dual.lab.test", server.ipv6),
                    .a("v6unreachable.lab.test", server.ipv4), .aaaa("v6unreachable.lab.test", "fd77:0:0:c8::2"),
                    .a("v6blackholed.lab.test", server.ipv4), .aaaa("v6blackholed.lab.test", "fd77:0:0:c9::2"),
                    .a("v4unreachable.lab.test", "10.77.200.2"), .aaaa("v4unreachable.lab.test", server.ipv6),
                ]))
                try await lab.setResolver(on: chain.client, nameservers: [server.ipv4])
                for (mode, port) in [("hold", 80), ("hold", 82), ("hold", 83), ("reset", 84), ("hold", 85)] {
                    try await lab.spawn("listen-\(port)", in: chain.server, ["python3", "-c", Self.listener, mode, "\(port)"],
                                        ready: .tcpPort(port))
                }
                try await lab.addFirewallRule(host: router, PacketMatch(destinationPort: 82), .drop)
                try await lab.addFirewallRule(host: router, PacketMatch(destinationPort: 83), .rejectWithTCPReset)
                // A middlebox that lets the handshake through and resets what follows it.
                for tool in ["iptables", "ip6tables"] {
                    try await lab.run(in: router, [tool, "-I", "FORWARD", "1", "-p", "tcp", "--dport", "85", "!", "--syn",
                                                   "-j", "REJECT", "--reject-with", "tcp-reset"]).check()
                }

                let open = try await Self.tcp(lab, in: chain.client, "dual.lab.test:80")
                #expect(open.outcome == .ok)
                #expect(open.evidence.verdict == .allReachable)
                #expect(Self.results(open) == [.ipv4: [.ok], .ipv6: [.ok]], "\(open)")
                #expect(open.evidence.attempts.allSatisfy { $0.afterConnect == .quiet })
                let resolved = try #require(open.evidence.resolution?.addresses)
                #expect(Set(resolved.map(\.ip)) == [server.ipv4, server.ipv6], "getaddrinfo through the lab DNS")
                #expect(open.evidence.happyEyeballsOrder.first == resolved.first?.withPort(80), "first getaddrinfo family first")
                #expect(open.evidence.happyEyeballsWinner?.endpoint == resolved.first?.withPort(80))

                let refused = try await Self.tcp(lab, in: chain.client, "dual.lab.test:81")
                #expect(refused.outcome.failure?.code == "refused")
                #expect(refused.outcome.failure?.detail.hasSuffix(": connect: connection refused") == true, "\(refused.outcome)")
                #expect(Self.results(refused) == [.ipv4: [.refused], .ipv6: [.refused]])
                #expect(refused.evidence.verdict == .allFailed)
                #expect(refused.evidence.attempts.allSatisfy { $0.resetOrigin?.hopsBeforeServer == 0 },
                        "the server's own RST: \(refused.evidence.attempts.map(\.resetOrigin))")

                let dropped = try await Self.tcp(lab, in: chain.client, "dual.lab.test:82")
                #expect(dropped.outcome.failure?.code == "timeout")
                #expect(dropped.outcome.failure?.detail.hasSuffix(": i/o timeout") == true, "\(dropped.outcome)")
                #expect(Self.results(dropped) == [.ipv4: [.timeout], .ipv6: [.timeout]])
                #expect(dropped.evidence.attempts.allSatisfy { $0.connectMilliseconds >= 900 }, "waited the -w time")

                // The router's RST to the SYN looks to connect(2) like a closed port's; its TTL
                // (64, one more than the server's echo replies) shows it was made one hop early.
                let rejected = try await Self.tcp(lab, in: chain.client, "dual.lab.test:83")
                #expect(Self.results(rejected) == [.ipv4: [.reset], .ipv6: [.reset]], "\(rejected)")
                #expect(rejected.outcome.failure?.code == "reset")
                #expect(rejected.evidence.attempts.allSatisfy { $0.resetOrigin == ResetOrigin(resetTTL: 64, echoTTL: 63) },
                        "\(rejected.evidence.attempts.map(\.resetOrigin))")

                let resetByServer = try await Self.tcp(lab, in: chain.client, "dual.lab.test:84")
                #expect(resetByServer.outcome.failure?.code == "reset", "\(resetByServer)")
                #expect(Self.results(resetByServer) == [.ipv4: [.reset], .ipv6: [.reset]])
                // The RST follows the handshake so closely that it may already fail the connect.
                #expect(resetByServer.evidence.attempts.allSatisfy { $0.afterConnect == .reset || $0.afterConnect == nil })
                #expect(resetByServer.evidence.attempts.allSatisfy { $0.errno?.hasPrefix("ECONNRESET") == true })
                #expect(resetByServer.outcome.failure?.detail.hasSuffix(": connection reset by peer") == true)

                let resetByMiddlebox = try await Self.tcp(lab, in: chain.client, "dual.lab.test:85")
                #expect(Self.results(resetByMiddlebox) == [.ipv4: [.reset], .ipv6: [.reset]], "\(resetByMiddlebox)")

                // Linux 6.x holds an ICMPv6 error during SYN_SENT as a soft error and fails the
                // connect (ENETUNREACH) at the first SYN retransmission, about 1 s later; IPv4
                // fails at once. Give it 3 s.
                let v6Unreachable = try await Self.tcp(lab, in: chain.client, "v6unreachable.lab.test:80", wait: 3)
                #expect(v6Unreachable.outcome == .ok)
                #expect(v6Unreachable.evidence.verdict == .ipv6Broken)
                #expect(Self.results(v6Unreachable) == [.ipv4: [.ok], .ipv6: [.unreachable]], "\(v6Unreachable)")

                let v6Blackholed = try await Self.tcp(lab, in: chain.client, "v6blackholed.lab.test:80")
                #expect(v6Blackholed.evidence.verdict == .ipv6Broken)
                #expect(Self.results(v6Blackholed) == [.ipv4: [.ok], .ipv6: [.timeout]], "\(v6Blackholed)")
                #expect(v6Blackholed.evidence.goDialerWinner?.endpoint == server.ipv4 + ":80")

                let v4Unreachable = try await Self.tcp(lab, in: chain.client, "v4unreachable.lab.test:80")
                #expect(v4Unreachable.evidence.verdict == .ipv4Broken)
                #expect(Self.results(v4Unreachable) == [.ipv4: [.unreachable], .ipv6: [.ok]], "\(v4Unreachable)")
            }
        }
    }
}
