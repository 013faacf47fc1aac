import Foundation
import LabKit
import Testing

extension LabSuite {
    /// Each network fault the lab injects shows up to a standard client as the failure it
    /// stands for (refused, silent drop, ICMP unreachable, loss), and commands time out hard.
    @Suite
    struct LabFaultTests {
        @Test(LabGate.trait)
        func faultsAsCurlAndPingSeeThem() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 1)
                let router = chain.routers[0]
                let server = chain.serverInterface
                let tree = try await lab.makeModuleTree()
                try await lab.startGoProxy(on: chain.server, tree: tree, port: 80)
                try await lab.startGoProxy(on: chain.server, tree: tree, port: 81)
                try await lab.startGoProxy(on: chain.server, tree: tree, port: 82)

                func curl(_ url: String) async throws -> CommandResult {
                    try await lab.run(in: chain.client, [
                        "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--connect-timeout", "1", url,
                    ])
                }
                /// What connect(2) says, as Python names it ("ConnectionRefusedError", "timeout", …).
                func connect(_ address: String, _ port: Int) async throws -> String {
                    let script = """
                        import socket, sys
                        try:
                            socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=1); print("connected")
                        except OSError as e:
                            print(type(e).__name__, e.errno)
                        """
                    return try await lab.run(in: chain.client, ["python3", "-c", script, address, "\(port)"]).check()
                        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                }
                #expect(try await curl("http://\(server.ipv4)/").stdout == "404")
                #expect(try await connect(server.ipv4, 80) == "connected")

                try await lab.addFirewallRule(host: router, PacketMatch(destinationPort: 80), .rejectWithTCPReset)
                try await lab.addFirewallRule(host: router, PacketMatch(destinationPort: 81), .drop)
                try await lab.addFirewallRule(host: router, PacketMatch(destinationPort: 82), .rejectWithPortUnreachable)
                #expect(try await connect(server.ipv4, 80) == "ConnectionRefusedError 111")
                let dropped = try await curl("http://[\(server.ipv6)]:81/")
                #expect(dropped.exitStatus == 28, "silent drop times out: \(dropped)")
                #expect(try await connect(server.ipv4, 82) == "ConnectionRefusedError 111")  // ICMP port unreachable

                try await lab.addBlackholeRoute(host: router, prefix: "10.77.200.0/24")
                try await lab.addUnreachableRoute(host: router, prefix: "10.77.201.0/24")
                #expect(try await curl("http://10.77.200.1/").exitStatus == 28)
                #expect(try await connect("10.77.200.1", 80) == "TimeoutError None")
                #expect(try await connect("10.77.201.1", 80) == "OSError 113")  // EHOSTUNREACH from the router's ICMP

                try await lab.addLoss(router: router, inputInterface: chain.links[0].b.name, probability: 1)
                let ping = try await lab.run(in: chain.client, ["ping", "-n", "-c", "2", "-i", "0.1", "-W", "1", server.ipv4])
                #expect(ping.exitStatus == 1 && ping.stdout.contains("100% packet loss"), "\(ping.stdout)")

                try await lab.limitBandwidth(host: chain.server, interface: server.name, rate: "1mbit")
                let qdisc = try await lab.run(in: chain.server, ["tc", "qdisc", "show", "dev", server.name]).check()
                #expect(qdisc.stdout.contains("tbf") && qdisc.stdout.contains("rate 1Mbit"), "\(qdisc.stdout)")
            }
        }

        @Test(LabGate.trait)
        func commandsAreKilledAtTheirTimeout() async throws {
            try await Lab.with { lab in
                let host = try await lab.addHost("solo")
                let result = try await lab.run(in: host, ["sleep", "30"], timeout: .milliseconds(300))
                #expect(result.timedOut)
                #expect(result.termination == .signaled(9))
                #expect(!result.succeeded)
            }
        }

        /// A namespace with the lab's name pattern and no live owner is a crashed run's
        /// leftover: the next lab sweeps it (with its /etc/netns directory).
        @Test(LabGate.trait)
        func leftoversOfCrashedRunsAreSwept() async throws {
            let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
            let leftover = "gl" + String((0..<6).map { _ in alphabet.randomElement() ?? "z" }) + "-client"
            try await Lab.with { lab in
                try await lab.run(in: nil, ["ip", "netns", "add", leftover]).check()
                try FileManager.default.createDirectory(atPath: "/etc/netns/" + leftover, withIntermediateDirectories: true)
            }
            #expect(try await Lab.namedNamespaces().contains(leftover))
            #expect(await Lab.sweepLeftovers().contains(leftover))
            #expect(try await !Lab.namedNamespaces().contains(leftover))
            #expect(!FileManager.default.fileExists(atPath: "/etc/netns/" + leftover))
        }
    }
}
