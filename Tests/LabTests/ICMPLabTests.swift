import Foundation
import LabKit
import NetProbes
import Report
import Testing

extension LabSuite {
    /// `gomod-doctor ping` across client — r1 — server, over both ICMP socket kinds: the
    /// datagram socket (enabled by widening net.ipv4.ping_group_range in the client namespace)
    /// and the raw socket.
    @Suite(.serialized)
    struct ICMPLabTests {
        static let tools: Set<LabTool> = [.ip, .iptables, .sysctl, .ss, .ping, .dnsmasq, .gcc, .libnetfilterQueue]

        /// Runs `gomod-doctor ping … --json` in `host` and decodes its ProbeResult.
        static func ping(_ lab: Lab, in host: LabHost, _ arguments: [String]) async throws -> ProbeResult<PingEvidence> {
            let binary = try #require(EnvCommandEndToEndTests.binary, "gomod-doctor is not built")
            let result = try await lab.run(in: host, [binary, "ping", "--json"] + arguments, timeout: .seconds(60))
            #expect(!result.timedOut, "\(result)")
            do {
                return try JSONDecoder().decode(ProbeResult<PingEvidence>.self, from: Data(result.stdout.utf8))
            } catch {
                Issue.record("no ProbeResult JSON: \(error)\n\(result)\n\(result.stdout)")
                throw error
            }
        }

        /// The avg of iputils ping's "rtt min/avg/max/mdev = a/b/c/d ms" line.
        static func pingAverage(_ output: String) -> Double? {
            guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("rtt ") }),
                  let values = line.split(separator: "=").last?.split(separator: "/"), values.count >= 2 else { return nil }
            return Double(values[1].trimmingCharacters(in: .whitespaces))
        }

        /// Every socket kind has its words in both languages (the command builds the key).
        @Test func everySocketKindHasASentence() {
            for kind in ICMPSocketKind.allCases {
                #expect(MessageCatalog.has("ui.ping.socket.\(kind.rawValue)"))
            }
        }

        static func allowDatagramSockets(_ lab: Lab, in host: LabHost) async throws {
            try await lab.run(in: host, ["sysctl", "-q", "-w", "net.ipv4.ping_group_range=0 2147483647"]).check()
        }

        /// 40 ms of round trip and 20 % loss of the requests injected on the router: 200 pings
        /// at 20 ms report the RTT within 2 ms and the loss within 10 points (binomial
        /// standard deviation 2.8 points), over each socket kind. The delayer itself adds
        /// about 0.5 ms (lab/README.md), inside the tolerance.
        @Test(LabGate.trait, arguments: [ICMPSocketKind.datagram, .raw])
        func lossAndRoundTripOverADelayedLossyLink(socket: ICMPSocketKind) async throws {
            try await Lab.with(tools: Self.tools) { lab in
                let chain = try await lab.chain(routers: 1)
                let router = chain.routers[0]
                let server = chain.serverInterface
                // The name server sits on the router, outside the delayed and lossy FORWARD path:
                // a lost DNS query would cost the resolver's 5 s retry, not test ICMP.
                let resolver = chain.links[0].b.ipv4
                try await lab.startDNSServer(on: router, address: resolver,
                                             config: DNSServerConfig(records: [.a("far.lab.test", server.ipv4)]))
                try await lab.setResolver(on: chain.client, nameservers: [resolver])
                try await lab.addDelay(router: router, rttMs: 40)
                try await lab.addLoss(router: router, inputInterface: chain.links[0].b.name, probability: 0.2)
                if socket == .datagram { try await Self.allowDatagramSockets(lab, in: chain.client) }

                let result = try await Self.ping(lab, in: chain.client,
                                                 ["-c", "200", "-i", "0.02", "-W", "1", "--socket", socket.rawValue, "far.lab.test"])
                let evidence = result.evidence
                #expect(result.outcome == .ok)
                #expect(evidence.socketKind == socket)
                #expect(evidence.address?.ip == server.ipv4, "resolved through the lab DNS")
                #expect(evidence.transmitted == 200 && !evidence.endedEarly)
                #expect(abs(evidence.lossPercent - 20) <= 10, "loss \(evidence.lossPercent) %, injected 20 %")
                let rtt = try #require(evidence.rtt)
                #expect(abs(rtt.avgMilliseconds - 40) <= 2, "avg RTT \(rtt.avgMilliseconds) ms, injected 40 ms")
                #expect(rtt.minMilliseconds >= 39, "no reply faster than the injected delay: \(rtt)")
                #expect(evidence.replies.allSatisfy { $0.status == .reply || $0.status == .timeout })
                #expect(evidence.replies.filter { $0.status == .reply }.allSatisfy { $0.ttl == 63 }, "one router hop")

                // Beside the classic tool: iputils ping over the same link agrees on the RTT.
                let reference = try await lab.run(in: chain.client, ["ping", "-n", "-q", "-c", "200", "-i", "0.02", "-W", "1", "far.lab.test"],
                                                  timeout: .seconds(60))
                let referenceAverage = try #require(Self.pingAverage(reference.stdout), "\(reference)\n\(reference.stdout)")
                #expect(abs(rtt.avgMilliseconds - referenceAverage) <= 2, "ours \(rtt.avgMilliseconds) ms, ping's \(referenceAverage) ms")
            }
        }

        /// ICMP destination unreachable from the router is reported per request on both socket
        /// kinds and both families: the raw socket reads the ICMP error itself, the datagram
        /// socket through IP_RECVERR and its error queue. Before ping_group_range is widened,
        /// the automatic choice records the datagram socket's EACCES and falls back to raw.
        @Test(LabGate.trait)
        func unreachableFromTheRouterOnEverySocketKind() async throws {
            try await Lab.with(tools: Self.tools) { lab in
                let chain = try await lab.chain(routers: 1)
                let router = chain.routers[0]
                let routerSide = chain.links[0].b
                // IPv4: a REJECT in FORWARD, not an unreachable route — the kernel's answers for an
                // unreachable route (ip_error) are rate-limited per sender (5 in a burst, then one
                // a second, a global sysctl a namespace cannot change); REJECT is not.
                try await lab.addRoute(on: router, to: "10.77.201.0/24", via: chain.links[1].b.ipv4)
                try await lab.run(in: router, ["iptables", "-I", "FORWARD", "1", "-d", "10.77.201.0/24",
                                               "-j", "REJECT", "--reject-with", "icmp-host-unreachable"]).check()
                try await lab.addUnreachableRoute(host: router, prefix: "fd77:0:0:c9::/64")

                let automatic = try await Self.ping(lab, in: chain.client, ["-c", "1", chain.serverInterface.ipv4])
                #expect(automatic.outcome == .ok)
                #expect(automatic.evidence.socketKind == .raw)
                #expect(automatic.evidence.socketErrors.map(\.kind) == [.datagram])
                #expect(automatic.evidence.socketErrors.first?.errno == EACCES)

                try await Self.allowDatagramSockets(lab, in: chain.client)
                let widened = try await Self.ping(lab, in: chain.client, ["-c", "1", chain.serverInterface.ipv6])
                #expect(widened.evidence.socketKind == .datagram && widened.evidence.socketErrors.isEmpty)
                #expect(widened.outcome == .ok)

                let cases: [(target: String, reporter: String, text: String)] = [
                    ("10.77.201.1", routerSide.ipv4, "Destination Host Unreachable"),
                    ("fd77:0:0:c9::1", routerSide.ipv6, "Destination unreachable: No route"),
                ]
                for socket in [ICMPSocketKind.datagram, .raw] {
                    for (target, reporter, text) in cases {
                        let result = try await Self.ping(lab, in: chain.client,
                                                         ["-c", "3", "-i", "0.1", "-W", "1", "--socket", socket.rawValue, target])
                        let context = "\(socket) \(target): \(result)"
                        #expect(result.outcome.failure?.code == "unreachable", "\(context)")
                        #expect(result.evidence.errors == 3 && result.evidence.received == 0, "\(context)")
                        for reply in result.evidence.replies {
                            #expect(reply.status == .icmpError, "\(context)")
                            #expect(reply.from == reporter, "\(context)")
                            #expect(reply.detail == text, "\(context)")
                        }
                    }
                }

                // Back to back, every request still gets its own error from the error queue.
                let burst = try await Self.ping(lab, in: chain.client,
                                                ["-c", "50", "-i", "0.002", "-W", "1", "--socket", "datagram", "10.77.201.1"])
                #expect(burst.evidence.replies.allSatisfy { $0.status == .icmpError }, "\(burst.evidence.replies.map(\.status))")
            }
        }
    }
}
