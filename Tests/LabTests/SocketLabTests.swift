import Foundation
import LabKit
import NetProbes
import Testing

extension LabSuite {
    /// Firewalls at r3 on client — r1 — r2 — r3 — server, as the TCP-SYN trace and the socket
    /// table see them: REJECT with tcp-reset, REJECT with icmp-port-unreachable and DROP each
    /// leave a different last answer, and a DROP leaves connections in SYN_SENT.
    @Suite
    struct SocketLabTests {
        @Test(TraceLabSupport.trait)
        func firewallAtR3AsTraceAndSocketTableSeeIt() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 3)
                let r3 = chain.routers[2]
                let target = chain.serverInterface.ipv4
                let hopAddresses = (0..<3).map { chain.links[$0].b.ipv4 }   // r1, r2, r3
                try await lab.spawn("listener", in: chain.server, ["python3", "-c",
                    "import socket, time; s = socket.create_server(('0.0.0.0', 443)); time.sleep(600)"], ready: .tcpPort(443))
                let arguments = ["--tcp", "--cycles", "2", "--wait", "1", "--max-ttl", "8"]

                let open = try await TraceLabSupport.trace(lab, in: chain.client, target, arguments)
                #expect(open.outcome == .ok)
                #expect(open.evidence.lastAnswer?.kind == .synAck)
                #expect(open.evidence.endHop == 4)

                try await lab.addFirewallRule(host: r3, PacketMatch(destinationPort: 443), .rejectWithTCPReset)
                let reset = try await TraceLabSupport.trace(lab, in: chain.client, target, arguments)
                #expect(reset.evidence.lastAnswer?.kind == .tcpReset, "\(reset.evidence)")
                #expect(reset.evidence.endHop == 4)
                #expect(reset.evidence.hops.prefix(3).map(\.addresses) == hopAddresses.map { [$0] })

                try await lab.addFirewallRule(host: r3, PacketMatch(destinationPort: 443), .rejectWithPortUnreachable)
                let unreachable = try await TraceLabSupport.trace(lab, in: chain.client, target, arguments)
                #expect(unreachable.evidence.lastAnswer?.kind == .portUnreachable, "\(unreachable.evidence)")
                #expect(unreachable.evidence.lastAnswer?.from == hopAddresses[2])
                #expect(unreachable.evidence.reachedDestination == false)
                #expect(unreachable.outcome.failure?.code == "rejected")

                // DROP in r3's FORWARD chain: r3 still answers time exceeded (the TTL check
                // comes before the filter), so the trace goes silent after hop 3.
                try await lab.addFirewallRule(host: r3, PacketMatch(destinationPort: 443), .drop)
                let forwardDrop = try await TraceLabSupport.trace(lab, in: chain.client, target, arguments)
                #expect(forwardDrop.outcome.failure?.code == "path-silent", "\(forwardDrop.outcome)")
                #expect(forwardDrop.evidence.silentAfterHop == 3)

                // DROP as packets enter r3 (raw PREROUTING, before routing): r3 stays silent
                // too, and the trace stops after r2.
                for tool in ["iptables", "ip6tables"] {
                    try await lab.run(in: r3, [tool, "-t", "raw", "-I", "PREROUTING", "-p", "tcp", "--dport", "443", "-j", "DROP"]).check()
                }
                let connector = try await lab.spawn("connector", in: chain.client, ["python3", "-c",
                    "import socket, sys; socket.create_connection((sys.argv[1], 443), timeout=60)", target])
                let dropped = try await TraceLabSupport.trace(lab, in: chain.client, target, arguments)
                #expect(dropped.outcome.failure?.code == "path-silent", "\(dropped.outcome)")
                #expect(dropped.evidence.silentAfterHop == 2)
                #expect(dropped.evidence.endHop == nil)
                #expect(dropped.evidence.hops.map(\.addresses) == [[hopAddresses[0]], [hopAddresses[1]]])
                #expect(dropped.evidence.lastAnswer == TraceAnswer(kind: .timeExceeded, from: hopAddresses[1], icmpType: 11, icmpCode: 0))

                // The connect attempt sits in SYN_SENT: `gomod-doctor sockets` in the client shows it…
                let sockets = try await lab.run(in: chain.client, [
                    try TraceLabSupport.binary(), "sockets", "--state", "syn-sent", "--port", "443", "--json",
                ]).check()
                let table = try JSONDecoder().decode(ProbeResult<SocketTableEvidence>.self, from: Data(sockets.stdout.utf8))
                #expect(table.outcome == .ok)
                #expect(table.evidence.entries.contains { $0.remoteAddress == target && $0.remotePort == 443 && $0.state == .synSent },
                        "\(table.evidence.entries)")
                #expect(table.evidence.entries.allSatisfy { $0.state == .synSent })

                // …and the watcher `check` will use reports it as stuck (read through the
                // connector's /proc/<pid>/net, i.e. the client namespace's table).
                let watcher = SynSentWatcher(table: SocketTable(directory: "/proc/\(connector.pid)/net"),
                                             interval: .milliseconds(100), minimumSeconds: 1)
                let endpoint = SocketEndpoint(ip: target, port: 443)
                let elsewhere = SocketEndpoint(ip: target, port: 80)
                let watched = await watcher.watch([endpoint, elsewhere]) { try? await Task.sleep(for: .milliseconds(1500)) }
                #expect(watched.evidence.available)
                #expect(watched.evidence.samples >= 5)
                #expect(watched.evidence.stuck.contains { $0.remote == endpoint && $0.stayedSeconds >= 1 }, "\(watched.evidence)")
                #expect(!watched.evidence.stuck.contains { $0.remote == elsewhere })
            }
        }
    }
}
