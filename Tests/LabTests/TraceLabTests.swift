import Foundation
import LabKit
import NetProbes
import Testing

extension LabSuite {
    /// `gomod-doctor trace` against Debian traceroute and against injected faults on
    /// client — r1 — r2 — r3 — server (subnets 1–4; hop n answers from 10.77.n.2).
    @Suite
    struct TraceLabTests {
        /// The same hops as traceroute, for UDP (`-n`), ICMP (`-I`) and TCP SYN (`-T -p 443`), IPv4 and IPv6.
        @Test(TraceLabSupport.trait)
        func hopListEqualsTraceroute() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 3)
                let server = chain.serverInterface
                let expected = (1...4).map { chain.links[$0 - 1].b }
                // The server is a host, not a router: its ICMP rate limit (one port unreachable
                // per second per peer, burst 6) would starve whichever tool runs second.
                try await lab.run(in: chain.server, ["sysctl", "-q", "-w", "net.ipv4.icmp_ratelimit=0",
                                                     "net.ipv6.icmp.ratelimit=0"]).check()
                for address in [server.ipv4, server.ipv6] {
                    let ipv6 = address.contains(":")
                    for (method, flags) in [("--udp", [String]()), ("--icmp", ["-I"]), ("--tcp", ["-T", "-p", "443"])] {
                        let reference = try await lab.run(
                            in: chain.client, [TraceLabSupport.traceroute, "-n"] + (ipv6 ? ["-6"] : []) + flags + [address]).check()
                        let theirs = TraceLabSupport.tracerouteHops(reference.stdout)
                        let ours = try await TraceLabSupport.trace(lab, in: chain.client, address, [method])
                        #expect(TraceLabSupport.ourHops(ours.evidence) == theirs,
                                "\(method) \(address): ours \(ours.evidence.hops.map(\.addresses)) vs traceroute\n\(reference.stdout)")
                        // And both are the lab's real path.
                        let path = expected.map { [ipv6 ? $0.ipv6 : $0.ipv4] }.enumerated()
                        #expect(theirs == Dictionary(uniqueKeysWithValues: path.map { ($0.offset + 1, Set($0.element)) }))
                        #expect(ours.evidence.reachedDestination, "\(method) \(address): \(ours.outcome)")
                        #expect(ours.evidence.endHop == 4)
                        #expect(ours.outcome == .ok)
                        #expect(ours.evidence.mechanism == (method == "--icmp" ? "raw-socket" : "ip-recverr"))
                    }
                }
                // Where ping_group_range lets the user open a datagram ICMP socket, the ICMP
                // method needs no raw socket: same hops, errors read from the error queue.
                try await lab.run(in: chain.client, ["sysctl", "-q", "-w", "net.ipv4.ping_group_range=0 2147483647"]).check()
                for address in [server.ipv4, server.ipv6] {
                    let ours = try await TraceLabSupport.trace(lab, in: chain.client, address, ["--icmp"])
                    #expect(ours.evidence.mechanism == "ip-recverr")
                    #expect(ours.evidence.hops.map(\.addresses) == expected.map { [address.contains(":") ? $0.ipv6 : $0.ipv4] })
                    #expect(ours.evidence.lastAnswer?.kind == .echoReply)
                }
            }
        }

        /// ICMP unreachable answers end the trace with traceroute's marks. r2 rejects UDP to the
        /// server with each ICMP code in turn (the newest rule wins); r2 answers hop 3, as the
        /// TTL check precedes its filter. (Unreachables from routes — `ip route add
        /// unreachable|prohibit` — are rate-limited by net.ipv4.route.error_cost, a sysctl that
        /// is not per namespace, so they would make this test depend on its neighbours.)
        @Test(TraceLabSupport.trait)
        func unreachableMarksAsTracerouteShowsThem() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 3)
                let r2 = chain.routers[1]
                let target = chain.serverInterface.ipv4
                let cases = [("icmp-net-unreachable", "!N"), ("icmp-host-unreachable", "!H"),
                             ("icmp-proto-unreachable", "!P"), ("icmp-admin-prohibited", "!X")]
                for (reject, mark) in cases {
                    try await lab.run(in: r2, ["iptables", "-I", "FORWARD", "1", "-p", "udp", "-d", target,
                                               "-j", "REJECT", "--reject-with", reject]).check()
                    let reference = try await lab.run(in: chain.client, [TraceLabSupport.traceroute, "-n", "-m", "6", target]).check()
                    let markedLine = reference.stdout.split(separator: "\n").first { $0.hasPrefix(" 3 ") }
                    #expect(markedLine?.contains(mark) == true, "traceroute:\n\(reference.stdout)")
                    let ours = try await TraceLabSupport.trace(lab, in: chain.client, target, ["--udp", "--max-ttl", "6"])
                    #expect(ours.evidence.endHop == 3, "\(reject): \(ours.evidence.hops.map(\.addresses))")
                    #expect(ours.evidence.lastAnswer?.kind == .unreachable)
                    #expect(ours.evidence.lastAnswer?.from == chain.links[1].b.ipv4)
                    #expect(ours.evidence.lastAnswer?.annotation == mark)
                    #expect(ours.evidence.hops.last?.annotations == [mark])
                    #expect(ours.outcome.failure?.code == "unreachable")
                    #expect(TraceLabSupport.ourHops(ours.evidence) == TraceLabSupport.tracerouteHops(reference.stdout))
                }
            }
        }

        /// Without --no-dns, hop names come from reverse DNS (the lab's dnsmasq answers PTR
        /// for its host records), and the target may be a name.
        @Test(TraceLabSupport.trait)
        func hopNamesFromReverseDNS() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 3)
                let server = chain.serverInterface
                try await lab.startDNSServer(on: chain.server, address: server.ipv4, config: DNSServerConfig(records: [
                    .a("r2.lab.test", chain.links[1].b.ipv4), .a("server.lab.test", server.ipv4),
                ]))
                try await lab.setResolver(on: chain.client, nameservers: [server.ipv4])
                let result = try await lab.run(in: chain.client, [try TraceLabSupport.binary(), "trace", "server.lab.test", "--udp", "--json", "-4"],
                                               timeout: .seconds(60))
                let trace = try JSONDecoder().decode(ProbeResult<TraceEvidence>.self, from: Data(result.stdout.utf8))
                #expect(trace.evidence.address == server.ipv4)
                #expect(trace.evidence.hops.map { $0.responders.first?.name } == [nil, "r2.lab.test", nil, "server.lab.test"])
                #expect(trace.outcome == .ok)
            }
        }

        /// Replies from r2 onwards lose 30 % on the r1–r2 link (r1 drops what it forwards
        /// from r2): mtr's picture of loss starting at r2's hop. (A drop in r2's own FORWARD
        /// chain would start at hop 3: a router answers time exceeded before its filter.)
        @Test(TraceLabSupport.trait)
        func lossOnR2LinkShowsAtR2Hop() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 3)
                let r1TowardsR2 = chain.links[1].a
                try await lab.addLoss(router: chain.routers[0], inputInterface: r1TowardsR2.name, probability: 0.3)
                let result = try await TraceLabSupport.trace(
                    lab, in: chain.client, chain.serverInterface.ipv4, ["--icmp", "--cycles", "30", "--interval", "0.05", "--wait", "1"])
                let hops = result.evidence.hops
                try #require(hops.count == 4, "\(hops)")
                #expect(hops[0].statistics.sent == 30)
                #expect(hops[0].statistics.lossPercent == 0, "hop 1: \(hops[0].statistics)")
                #expect(hops[1].addresses == [chain.links[1].b.ipv4])
                #expect(hops[1].statistics.lossPercent > 0, "hop 2: \(hops[1].statistics)")
                #expect(hops[1].statistics.lossPercent < 80, "hop 2: \(hops[1].statistics)")
                #expect(hops[1].statistics.received == hops[1].statistics.sent - Int((hops[1].statistics.lossPercent * 30 / 100).rounded()))
            }
        }
    }
}
