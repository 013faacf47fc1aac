import Doctor
import Foundation
import LabKit
import NetProbes
import Testing

extension LabSuite {
    /// `gomod-doctor probe` on client — r1 — r2 — r3 — server (hop n answers from 10.77.n.2),
    /// an HTTPS server on 443 named through the lab DNS: the layered verdict for a healthy
    /// endpoint, ICMP filtered everywhere, and firewalls at r3 (DROP before routing, REJECT
    /// with tcp-reset, REJECT with icmp-port-unreachable), each told apart.
    @Suite
    struct EndpointVerdictLabTests {
        static let name = "proxy.lab.test"

        /// `probe --json` decoded: the evidence and the verdict.
        struct Report: Decodable {
            var evidence: EndpointEvidence
            var verdict: EndpointVerdict
        }

        static func probe(_ lab: Lab, in host: LabHost, environment: [String: String], _ extra: [String] = [],
                          target: String = name) async throws -> Report {
            let argv = [try TraceLabSupport.binary(), "probe", target, "--json", "--timeout", "6"]
                + (extra.contains("--resolver") ? extra : extra + ["--resolver", "none"])
            let result = try await lab.run(in: host, argv, environment: environment, timeout: .seconds(40))
            #expect(result.exitStatus == 0 || result.exitStatus == 1, "\(result)")
            return try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        }

        static func statuses(_ report: Report) -> [Layer: EndpointLayerCheck.Status] {
            Dictionary(uniqueKeysWithValues: report.verdict.layers.map { ($0.layer, $0.status) })
        }

        @Test(TraceLabSupport.trait)
        func layeredVerdictTellsFaultsApart() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 3)
                let server = chain.serverInterface.ipv4
                let r3 = chain.routers[2]
                let hopAddresses = (0..<3).map { chain.links[$0].b.ipv4 }   // r1, r2, r3
                try await lab.run(in: chain.server, ["sysctl", "-q", "-w", "net.ipv4.icmp_ratelimit=0"]).check()
                let ca = try await lab.makeCertificateAuthority(name: "lab CA")
                let certificate = try await lab.issueCertificate(from: ca, commonName: Self.name, dnsNames: [Self.name])
                try await lab.startTLSServer(on: chain.server, port: 443, certificate: certificate)
                try await lab.startDNSServer(on: chain.server, address: server, config: DNSServerConfig(records: [.a(Self.name, server)]))
                try await lab.setResolver(on: chain.client, nameservers: [server])
                let trust = ["SSL_CERT_FILE": ca.certificatePath]

                // The lab's DNS server doubles as the "public" resolver: both agree, nothing to flag.
                let healthy = try await Self.probe(lab, in: chain.client, environment: trust, ["--resolver", server])
                #expect(healthy.verdict.rootLayer == nil, "\(healthy.verdict)")
                #expect(healthy.evidence.resolvers?.evidence.answers.contains { $0.role == "public" && $0.addresses == [server] } == true)
                // One server in both roles is one resolver in the verdict (its answers are one fact).
                #expect(healthy.verdict.resolvers?.map(\.server) == [server], "\(healthy.verdict.resolvers ?? [])")
                #expect(healthy.verdict.findings.map(\.id) == ["endpoint.healthy"], "\(healthy.verdict.findings)")
                #expect(healthy.evidence.http?.evidence.finalStatus == 200)
                #expect(healthy.evidence.trace == nil, "no trace when TCP is fine")

                // ICMP dropped on every router: harmless, the endpoint is still healthy.
                for router in chain.routers {
                    try await lab.run(in: router, ["iptables", "-I", "FORWARD", "1", "-p", "icmp", "-j", "DROP"]).check()
                }
                let filtered = try await Self.probe(lab, in: chain.client, environment: trust)
                #expect(filtered.verdict.rootLayer == nil, "\(filtered.verdict)")
                #expect(filtered.verdict.findings.map(\.id) == ["endpoint.healthy", "endpoint.icmp-filtered"], "\(filtered.verdict.findings)")
                #expect(filtered.evidence.icmp?.evidence.received == 0)
                #expect(Self.statuses(filtered)[.icmp] == .warning)
                #expect(Self.statuses(filtered)[.http] == .ok)
                for router in chain.routers {
                    try await lab.run(in: router, ["iptables", "-D", "FORWARD", "-p", "icmp", "-j", "DROP"]).check()
                }

                // DROP as packets enter r3 (raw PREROUTING): r3 never answers, the SYN_SENT
                // connection is seen, the TCP-SYN trace goes silent after r2 (hop 2).
                try await lab.run(in: r3, ["iptables", "-t", "raw", "-I", "PREROUTING", "-p", "tcp", "--dport", "443", "-j", "DROP"]).check()
                let dropped = try await Self.probe(lab, in: chain.client, environment: trust)
                let drop = try #require(dropped.verdict.findings.first)
                #expect(dropped.verdict.rootLayer == .tcp)
                #expect(drop.id == "endpoint.tcp.dropped-after-hop", "\(dropped.verdict.findings)")
                #expect(drop.arguments["hop"] == "2")
                #expect(drop.arguments["address"] == hopAddresses[1])
                #expect(drop.evidence.contains("stuck in SYN_SENT (no answer to the SYN): \(server):443"), "\(drop.evidence)")
                #expect(dropped.evidence.synSent?.stuck.isEmpty == false)
                #expect(dropped.evidence.trace?.evidence.silentAfterHop == 2)
                #expect(dropped.evidence.tls == nil && dropped.evidence.http == nil, "nothing above a broken TCP is probed")
                #expect(dropped.evidence.durationSeconds < 8, "one deadline for the whole probe")
                // The text: the layer chain with its marks, and the verdict in words.
                let text = try await lab.run(in: chain.client, [try TraceLabSupport.binary(), "probe", Self.name, "--timeout", "6", "--lang", "en", "--resolver", "none"],
                                             environment: trust, timeout: .seconds(40))
                #expect(text.exitStatus == 1)
                #expect(text.stdout.contains("✗ TCP"), "\(text.stdout)")
                #expect(text.stdout.contains("✓ DNS"), "\(text.stdout)")
                #expect(text.stdout.contains("packets are dropped at or after hop 2 (\(hopAddresses[1]))"), "\(text.stdout)")
                try await lab.run(in: r3, ["iptables", "-t", "raw", "-F", "PREROUTING"]).check()

                // REJECT with tcp-reset at r3: the RST comes from one hop before the server.
                try await lab.addFirewallRule(host: r3, PacketMatch(destinationPort: 443), .rejectWithTCPReset, ipv4Only: true)
                let reset = try await Self.probe(lab, in: chain.client, environment: trust)
                #expect(reset.verdict.rootLayer == .tcp)
                #expect(reset.verdict.findings.first?.id == "endpoint.tcp.reset-by-middlebox", "\(reset.verdict.findings)")
                #expect(reset.verdict.findings.first?.arguments["hops"] == "1")
                #expect(reset.evidence.synSent?.stuck.isEmpty == true)
                try await lab.run(in: r3, ["iptables", "-F", "FORWARD"]).check()

                // REJECT with icmp-port-unreachable at r3: the trace's last answer names r3.
                try await lab.addFirewallRule(host: r3, PacketMatch(destinationPort: 443), .rejectWithPortUnreachable, ipv4Only: true)
                let rejected = try await Self.probe(lab, in: chain.client, environment: trust)
                #expect(rejected.verdict.rootLayer == .tcp)
                #expect(rejected.verdict.findings.first?.id == "endpoint.tcp.rejected-icmp", "\(rejected.verdict.findings)")
                #expect(rejected.verdict.findings.first?.arguments["address"] == hopAddresses[2])
                #expect(rejected.evidence.trace?.evidence.lastAnswer?.kind == .portUnreachable)
            }
        }

        /// Above a working TCP connection: a reset right after the ClientHello (SNI filtering),
        /// a certificate from a CA no public store knows (interception, named), and a server
        /// that answers 403 / 429 (it refuses this client).
        @Test(LabGate.trait)
        func upperLayerVerdicts() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 1)
                let server = chain.serverInterface.ipv4
                try await lab.startDNSServer(on: chain.server, address: server, config: DNSServerConfig(records: [.a(Self.name, server)]))
                try await lab.setResolver(on: chain.client, nameservers: [server])
                let ca = try await lab.makeCertificateAuthority(name: "lab CA")
                let interceptor = try await lab.makeCertificateAuthority(name: "Corp Interception CA")
                let intercepted = try await lab.issueCertificate(from: interceptor, commonName: Self.name, dnsNames: [Self.name])
                try await lab.startTLSServer(on: chain.server, port: 8443, certificate: intercepted)
                try await lab.spawn("resetter", in: chain.server, ["python3", "-c", DoctorRun.resettingServer(port: 8444)], ready: .tcpPort(8444))
                try await lab.spawn("refuser", in: chain.server, ["python3", "-c", Self.refusingServer, "8080"], ready: .tcpPort(8080))
                let trust = ["SSL_CERT_FILE": ca.certificatePath]

                let sni = try await Self.probe(lab, in: chain.client, environment: trust, target: "\(Self.name):8444")
                #expect(sni.verdict.rootLayer == .tls)
                #expect(sni.verdict.findings.map(\.id) == ["endpoint.tls.sni-filtered"], "\(sni.verdict.findings)")
                #expect(Self.statuses(sni)[.tcp] == .ok)
                #expect(sni.evidence.http == nil)

                let interception = try await Self.probe(lab, in: chain.client, environment: trust, target: "\(Self.name):8443")
                #expect(interception.verdict.findings.first?.id == "endpoint.tls.interception", "\(interception.verdict.findings)")
                #expect(interception.verdict.findings.first?.arguments["issuer"] == "CN=Corp Interception CA")
                #expect(interception.verdict.findings.first?.fix?.commands.contains("export SSL_CERT_FILE=/path/to/corporate-ca.pem") == true)

                let refused = try await Self.probe(lab, in: chain.client, environment: trust, ["--scheme", "http", "--path", "/limited"],
                                                   target: "\(Self.name):8080")
                #expect(refused.verdict.rootLayer == .http)
                #expect(refused.verdict.findings.first?.id == "endpoint.http.refused-client", "\(refused.verdict.findings)")
                #expect(refused.verdict.findings.first?.evidence.contains("Retry-After: 60") == true)
                #expect(Self.statuses(refused)[.tls] == .skipped)
                let forbidden = try await Self.probe(lab, in: chain.client, environment: trust, ["--scheme", "http", "--path", "/x"],
                                                     target: "\(Self.name):8080")
                #expect(forbidden.verdict.findings.first?.arguments["status"] == "403 Forbidden", "\(forbidden.verdict.findings)")
            }
        }

        /// Answers 429 with Retry-After on /limited and 403 elsewhere.
        static let refusingServer = """
        import http.server, sys
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                limited = self.path == "/limited"
                self.send_response(429 if limited else 403)
                if limited: self.send_header("Retry-After", "60")
                self.send_header("Content-Length", "0"); self.end_headers()
        http.server.HTTPServer(("0.0.0.0", int(sys.argv[1])), Handler).serve_forever()
        """
    }
}
