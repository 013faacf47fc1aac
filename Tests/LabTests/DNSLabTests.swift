import Foundation
import LabKit
import NetProbes
import Testing

extension LabSuite {
    /// `gomod-doctor dig` against real dnsmasq servers in the lab, side by side with dig:
    /// the same record sets for every type, each failure class, truncation → TCP, and a
    /// resolver disagreement flagged by `--compare`.
    @Suite
    struct DNSLabTests {
        static let records: [DNSRecord] = [
            .a("git.corp.example", "10.77.50.7"), .aaaa("git.corp.example", "fd77:0:0:50::7"),
            .cname(alias: "www.corp.example", target: "git.corp.example"),
            .mx("corp.example", exchange: "mail.corp.example", preference: 10),
            .mx("corp.example", exchange: "backup.corp.example", preference: 20),
            .txt("corp.example", ["v=lab1", "two words"]),
            .ptr("7.50.77.10.in-addr.arpa", target: "git.corp.example"),
        ] + bigTXT

        /// Six TXT records of 3 × 60 bytes: about 1.1 kB, over the 512-byte UDP limit without EDNS.
        static var bigTXT: [DNSRecord] {
            var records: [DNSRecord] = []
            for index in 0..<6 {
                var strings: [String] = []
                for part in 0..<3 {
                    let letter = Character(UnicodeScalar(UInt8(97 + index * 3 + part)))
                    strings.append(String(repeating: letter, count: 60))
                }
                records.append(.txt("big.corp.example", strings))
            }
            return records
        }

        @Test(LabGate.trait)
        func answersEqualDigsForEveryRecordType() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let server = chain.serverInterface.ipv4
                try await lab.startDNSServer(on: chain.server, address: server, config: DNSServerConfig(
                    records: Self.records, nxdomainZones: ["corp.example"]))
                // NS and SOA need an authoritative zone, which LabKit's DNSRecord does not describe yet.
                let zoneServer = try await startAuthoritativeZone(lab, on: chain.server, address: server, port: 5354)
                let queries: [(String, String, Int)] = [
                    ("git.corp.example", "A", 53), ("git.corp.example", "AAAA", 53), ("www.corp.example", "A", 53),
                    ("www.corp.example", "CNAME", 53), ("corp.example", "MX", 53), ("corp.example", "TXT", 53),
                    ("7.50.77.10.in-addr.arpa", "PTR", 53), ("big.corp.example", "TXT", 53),
                    ("zone.example", "NS", zoneServer), ("zone.example", "SOA", zoneServer), ("www.zone.example", "A", zoneServer),
                ]
                for (name, type, port) in queries {
                    let ours = try await doctorDig(lab, chain.client, ["@" + server, "-p", "\(port)", name, type])
                    let digs = try await digAnswers(lab, chain.client, ["@" + server, "-p", "\(port)", name, type])
                    #expect(ours.evidence.rcode == "NOERROR", "\(name) \(type)")
                    #expect(!digs.isEmpty, "dig found no \(type) for \(name)")
                    #expect(Set(ours.evidence.answers.map(Self.key)) == digs, "\(name) \(type): ours \(ours.evidence.answers) dig \(digs)")
                }
                let reverse = try await doctorDig(lab, chain.client, ["@" + server, "-x", "10.77.50.7", "+short"], json: false)
                #expect(reverse.stdout == "git.corp.example.\n")
            }
        }

        @Test(LabGate.trait)
        func failuresAndTruncationAreClassified() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let server = chain.serverInterface
                try await lab.startDNSServer(on: chain.server, address: server.ipv4, config: DNSServerConfig(
                    records: Self.records, nxdomainZones: ["corp.example"], servfailZones: ["broken.example"]))
                try await lab.startBrokenDNSServer(on: chain.server, mode: .drop, address: server.ipv6, port: 53)

                let cases: [(String, String, String)] = [
                    ("missing.corp.example", "NXDOMAIN", "nxdomain"), ("any.broken.example", "SERVFAIL", "servfail"),
                    ("unknown.example.org", "REFUSED", "refused-dns"),
                ]
                for (name, rcode, code) in cases {
                    let ours = try await doctorDig(lab, chain.client, ["@" + server.ipv4, name, "+tries=1", "+time=3"])
                    let dig = try await lab.run(in: chain.client, ["dig", "@" + server.ipv4, "+tries=1", "+time=3", name]).check()
                    #expect(dig.stdout.contains("status: \(rcode)"))
                    #expect(ours.evidence.rcode == rcode)
                    #expect(ours.outcome.failure?.code == code)
                }

                // Without EDNS the big TXT set is truncated over UDP and fetched again over TCP.
                let big = try await doctorDig(lab, chain.client, ["@" + server.ipv4, "big.corp.example", "TXT", "+noedns"])
                #expect(big.evidence.retriedOverTCP)
                #expect(big.evidence.attempts.map(\.result) == ["truncated", "response"])
                #expect(big.evidence.transport == "tcp" && big.evidence.answers.count == 6)
                #expect((big.evidence.responseBytes ?? 0) > 512)
                let digBig = try await digAnswers(lab, chain.client, ["@" + server.ipv4, "+noedns", "big.corp.example", "TXT"])
                #expect(Set(big.evidence.answers.map(Self.key)) == digBig)

                // A server that reads and never answers: every try times out, exit status 9 like dig's.
                let dropped = try await doctorDig(lab, chain.client, ["@" + server.ipv6, "git.corp.example", "+time=1", "+tries=2"], status: 9)
                #expect(dropped.outcome.failure?.code == "timeout")
                #expect(dropped.evidence.attempts.map(\.result) == ["timeout", "timeout"])
                let digDropped = try await lab.run(in: chain.client, ["dig", "@" + server.ipv6, "+time=1", "+tries=2", "git.corp.example"])
                #expect(digDropped.exitStatus == 9)

                // Nothing listens on the port: ICMP port unreachable ends the query at once.
                let closed = try await doctorDig(lab, chain.client, ["@" + server.ipv4, "-p", "5399", "git.corp.example"], status: 9)
                #expect(closed.outcome.failure?.code == "unreachable")
                #expect(closed.evidence.attempts.count == 1)
            }
        }

        @Test(LabGate.trait)
        func resolverDisagreementIsFlagged() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let second = try await lab.addHost("dns2")
                let link = try await lab.link(chain.client, second)
                let system = chain.serverInterface.ipv4
                try await lab.startDNSServer(on: chain.server, address: system, config: DNSServerConfig(records: [
                    .a("proxy.golang.org", "10.77.1.2"), .a("git.corp.example", "10.77.50.7"),
                ]))
                try await lab.startDNSServer(on: second, address: link.b.ipv4, config: DNSServerConfig(records: [
                    .a("proxy.golang.org", "10.77.2.99"), .a("git.corp.example", "10.77.50.7"),
                ]))
                try await lab.setResolver(on: chain.client, nameservers: [system])

                let arguments = ["--compare", "--resolver", link.b.ipv4, "A", "+time=2"]
                let agreed = try await doctorCompare(lab, chain.client, arguments + ["git.corp.example"])
                #expect(agreed.outcome == .ok)
                #expect(agreed.evidence.flags.isEmpty)
                #expect(agreed.evidence.answers.map(\.role) == ["system", "public"])
                #expect(agreed.evidence.platform?.addresses.map(\.ip) == ["10.77.50.7"])

                let split = try await doctorCompare(lab, chain.client, arguments + ["proxy.golang.org"])
                let disagreement = try #require(split.evidence.flags.first { $0.code == "disagreement" })
                #expect(disagreement.resolvers == ["\(system)#53", "\(link.b.ipv4)#53"])
                #expect(disagreement.detail.contains("10.77.1.2") && disagreement.detail.contains("10.77.2.99"))
                #expect(split.outcome.failure?.code == "dns-disagreement")
                // A public name answered with lab (private) addresses by both: flagged for each.
                #expect(split.evidence.flags.filter { $0.code == "private-answer" }.count == 2)
                #expect(split.evidence.platform?.addresses.map(\.ip) == ["10.77.1.2"])
            }
        }

        @Test(LabGate.trait)
        func systemViewWalksTheSearchListLikeGetaddrinfo() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let server = chain.serverInterface.ipv4
                try await lab.startDNSServer(on: chain.server, address: server, config: DNSServerConfig(
                    records: Self.records, nxdomainZones: ["corp.example", "lab.example"]))
                try await lab.setResolver(on: chain.client, nameservers: [server], search: ["lab.example", "corp.example"],
                                          options: ["timeout:2", "attempts:1"])
                let result = try await doctor(lab, chain.client, ["--system", "git", "--json"]).check()
                let view = try JSONDecoder().decode(ProbeResult<SystemResolverEvidence>.self, from: Data(result.stdout.utf8))
                #expect(view.outcome == .ok)
                #expect(view.evidence.resolvConf?.search == ["lab.example", "corp.example"])
                #expect(view.evidence.resolvConf?.timeoutSeconds == 2)
                #expect(view.evidence.candidates == ["git.lab.example.", "git.corp.example.", "git."])
                #expect(view.evidence.queries.map { "\($0.name) \($0.type) \($0.rcode ?? "-")" } == [
                    "git.lab.example. A NXDOMAIN", "git.lab.example. AAAA NXDOMAIN",
                    "git.corp.example. A NOERROR", "git.corp.example. AAAA NOERROR",
                ])
                #expect(view.evidence.queries.flatMap(\.addresses) == ["10.77.50.7", "fd77:0:0:50::7"])
                #expect(Set(view.evidence.platform.addresses.map(\.ip)) == ["10.77.50.7", "fd77:0:0:50::7"])
            }
        }

        // MARK: helpers

        static func key(_ record: DNSRecordEvidence) -> String {
            "\(record.name.lowercased()) \(record.ttl) \(record.type) \(record.data)"
        }

        /// The gomod-doctor executable: beside the test bundle, or GOMOD_DOCTOR_BIN.
        static var binary: String? {
            if let explicit = ProcessInfo.processInfo.environment["GOMOD_DOCTOR_BIN"] { return explicit }
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let candidates = [
                URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gomod-doctor").path,
                root.appendingPathComponent(".build/debug/gomod-doctor").path,
            ]
            return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
        }

        func doctor(_ lab: Lab, _ host: LabHost, _ arguments: [String]) async throws -> CommandResult {
            let binary = try #require(Self.binary, "gomod-doctor is not built")
            return try await lab.run(in: host, [binary, "dig"] + arguments, timeout: .seconds(40))
        }

        func doctorDig(_ lab: Lab, _ host: LabHost, _ arguments: [String], status: Int32 = 0) async throws -> ProbeResult<DNSQueryEvidence> {
            let result = try await doctor(lab, host, arguments + ["--json"])
            #expect(result.exitStatus == status, "\(result)")
            return try JSONDecoder().decode(ProbeResult<DNSQueryEvidence>.self, from: Data(result.stdout.utf8))
        }

        func doctorDig(_ lab: Lab, _ host: LabHost, _ arguments: [String], json: Bool) async throws -> CommandResult {
            try await doctor(lab, host, arguments).check()
        }

        func doctorCompare(_ lab: Lab, _ host: LabHost, _ arguments: [String]) async throws -> ProbeResult<ResolverComparisonEvidence> {
            let result = try await doctor(lab, host, arguments + ["--json"])
            return try JSONDecoder().decode(ProbeResult<ResolverComparisonEvidence>.self, from: Data(result.stdout.utf8))
        }

        /// `dig +noall +answer` lines as "name ttl TYPE data" keys.
        func digAnswers(_ lab: Lab, _ host: LabHost, _ arguments: [String]) async throws -> Set<String> {
            let result = try await lab.run(in: host, ["dig", "+noall", "+answer", "+tries=1", "+time=3"] + arguments).check()
            var keys: Set<String> = []
            for line in result.stdout.split(separator: "\n") where !line.hasPrefix(";") {
                let fields = line.split(maxSplits: 4, whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard fields.count == 5 else { continue }
                let data = fields[4].trimmingCharacters(in: .whitespaces)
                keys.insert("\(fields[0].lowercased()) \(fields[1]) \(fields[3]) \(data)")
            }
            return keys
        }

        /// dnsmasq serving zone.example authoritatively (SOA, two NS, one A) on `address`:`port`.
        func startAuthoritativeZone(_ lab: Lab, on host: LabHost, address: String, port: Int) async throws -> Int {
            let config = [
                "no-resolv", "no-hosts", "bind-interfaces", "listen-address=\(address)", "port=\(port)", "user=root", "group=root",
                "cache-size=0", "log-facility=-", "auth-server=ns1.zone.example,\(address)", "auth-sec-servers=ns2.zone.example",
                "auth-zone=zone.example", "auth-soa=2024010101,hostmaster.zone.example,3600,600,86400,300",
                "host-record=www.zone.example,10.77.9.9",
            ].joined(separator: "\n") + "\n"
            let path = await lab.scratchPath("zone-dnsmasq.conf")
            try config.write(toFile: path, atomically: true, encoding: .utf8)
            try await lab.spawn("dnsmasq-zone", in: host, ["dnsmasq", "--keep-in-foreground", "--conf-file=\(path)",
                                                          "--pid-file=\(await lab.scratchPath("zone.pid"))"], ready: .udpPort(port))
            return port
        }
    }
}
