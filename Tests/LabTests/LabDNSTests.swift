import Foundation
import LabKit
import Testing

extension LabSuite {
    /// The lab DNS answers every record kind from Swift values and produces each failure
    /// kind the doctor must tell apart (NXDOMAIN, REFUSED, SERVFAIL, no answer).
    @Suite
    struct LabDNSTests {
        @Test(LabGate.trait)
        func recordsAndFailuresAsDigSeesThem() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let server = chain.serverInterface
                _ = try await lab.startDNSServer(on: chain.server, address: server.ipv4, config: DNSServerConfig(
                    records: [
                        .a("git.corp.example", "10.77.50.7"), .aaaa("git.corp.example", "fd77:0:0:50::7"),
                        .cname(alias: "www.corp.example", target: "git.corp.example"),
                        .mx("corp.example", exchange: "mail.corp.example", preference: 10),
                        .txt("corp.example", ["v=lab1"]),
                        .srv("_go._tcp.corp.example", target: "git.corp.example", port: 8443),
                        .ptr("9.9.77.10.in-addr.arpa", target: "nine.corp.example"),
                    ],
                    nxdomainZones: ["corp.example"], servfailZones: ["broken.example"]))
                try await lab.startBrokenDNSServer(on: chain.server, mode: .drop, address: server.ipv6, port: 53)

                func dig(_ arguments: [String], server address: String = server.ipv4) async throws -> CommandResult {
                    try await lab.run(in: chain.client, ["dig", "@" + address, "+tries=1", "+time=1"] + arguments)
                }
                func short(_ name: String, _ type: String) async throws -> String {
                    try await dig(["+short", name, type]).check().stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                }
                #expect(try await short("git.corp.example", "A") == "10.77.50.7")
                #expect(try await short("git.corp.example", "AAAA") == "fd77:0:0:50::7")
                #expect(try await short("www.corp.example", "A") == "git.corp.example.\n10.77.50.7")
                #expect(try await short("corp.example", "MX") == "10 mail.corp.example.")
                #expect(try await short("corp.example", "TXT") == "\"v=lab1\"")
                #expect(try await short("_go._tcp.corp.example", "SRV") == "0 0 8443 git.corp.example.")
                #expect(try await short("9.9.77.10.in-addr.arpa", "PTR") == "nine.corp.example.")
                #expect(try await dig(["missing.corp.example"]).check().stdout.contains("status: NXDOMAIN"))
                #expect(try await dig(["unknown.example.org"]).check().stdout.contains("status: REFUSED"))
                #expect(try await dig(["any.broken.example"]).check().stdout.contains("status: SERVFAIL"))
                let dropped = try await dig(["git.corp.example"], server: server.ipv6)
                #expect(dropped.exitStatus == 9, "dig exits 9 when no server answers: \(dropped.stdout)")
            }
        }
    }
}
