import Foundation
import LabKit
import NetProbes
import Testing

extension LabSuite {
    /// `gomod-doctor http` in the lab client against the lab GOPROXY (fault rules), tinyproxy
    /// and a refusing CONNECT proxy: phases, redirect chains and proxy failures.
    @Suite
    struct HTTPProbeLabTests {
        /// The connect phase is one round trip: with 40 ms injected on the router it must read
        /// 40 ms (± 2 ms; the delayer itself adds about 0.5 ms). Median of five runs; curl's
        /// time_connect on the same path is kept in the message for comparison.
        @Test(LabGate.trait)
        func connectPhaseIsTheInjectedRoundTrip() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 1)
                let address = chain.serverInterface.ipv4
                let tree = try await lab.makeModuleTree()
                try await lab.startGoProxy(on: chain.server, tree: tree, port: 80, rules: [ProxyRule(prefix: "/ok", status: 200, body: "ok\n")])
                try await lab.addDelay(router: chain.routers[0], rttMs: 40)
                var connects: [Double] = []
                var curl: [String] = []
                for _ in 0..<5 {
                    let result = try await DoctorRun.http(lab, in: chain.client, ["http://\(address)/ok"])
                    #expect(result.outcome == .ok, "\(result.outcome)")
                    let hop = try #require(result.evidence.hops.first)
                    connects.append((hop.timings.connect ?? 0) * 1000)
                    #expect((hop.timings.ttfb ?? 0) * 1000 >= 39, "the request needs a round trip too")
                    #expect(hop.timings.total >= (hop.timings.connect ?? 0) + (hop.timings.ttfb ?? 0))
                    let reference = try await lab.run(in: chain.client, ["curl", "-s", "-o", "/dev/null", "-w", "%{time_connect}", "http://\(address)/ok"])
                    curl.append(reference.stdout)
                }
                let median = connects.sorted()[2]
                #expect(abs(median - 40) <= 2, "connect phases \(connects) ms, injected 40 ms; curl time_connect \(curl) s")
            }
        }

        /// Three redirects then a 200; a two-URL loop; https redirecting to http; a 404 whose
        /// text/plain body the go command would show; a response that never ends.
        @Test(LabGate.trait)
        func redirectChainsLoopsAndStatuses() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let address = chain.serverInterface.ipv4
                let base = "http://\(address)"
                let ca = try await lab.makeCertificateAuthority(name: "lab CA")
                let certificate = try await lab.issueCertificate(from: ca, commonName: address, dnsNames: [], ipAddresses: [address])
                let tree = try await lab.makeModuleTree()
                let rules = [
                    ProxyRule(prefix: "/hop1", status: 302, location: "\(base)/hop2"),
                    ProxyRule(prefix: "/hop2", status: 301, location: "/hop3"),
                    ProxyRule(prefix: "/hop3", status: 307, location: "\(base)/final"),
                    ProxyRule(prefix: "/final", status: 200, body: "arrived\n"),
                    ProxyRule(prefix: "/loopA", status: 302, location: "\(base)/loopB"),
                    ProxyRule(prefix: "/loopB", status: 302, location: "\(base)/loopA"),
                    ProxyRule(prefix: "/down", status: 302, location: "\(base)/final"),
                    ProxyRule(prefix: "/missing", status: 404, body: "not found: example.com/m@v9.9.9\n"),
                    ProxyRule(prefix: "/endless", hang: true),
                    ProxyRule(prefix: "/big", status: 200, body: String(repeating: "0123456789", count: 1000)),
                ]
                try await lab.startGoProxy(on: chain.server, tree: tree, port: 80, rules: rules)
                try await lab.startGoProxy(on: chain.server, tree: tree, port: 443, certificate: certificate, rules: rules)
                let trust = ["SSL_CERT_FILE": ca.certificatePath]

                let walk = try await DoctorRun.http(lab, in: chain.client, ["-L", "\(base)/hop1"])
                #expect(walk.outcome == .ok, "\(walk.outcome)")
                #expect(walk.evidence.chain == ["\(base)/hop1", "\(base)/hop2", "\(base)/hop3", "\(base)/final"])
                #expect(walk.evidence.hops.map(\.status) == [302, 301, 307, 200])
                #expect(walk.evidence.finalStatus == 200)
                let single = try await DoctorRun.http(lab, in: chain.client, ["\(base)/hop1"])
                #expect(single.outcome == .ok && single.evidence.hops.count == 1 && single.evidence.finalStatus == 302)

                let loop = try await DoctorRun.http(lab, in: chain.client, ["-L", "\(base)/loopA"])
                #expect(loop.outcome.failure?.code == "redirect-loop", "\(loop.outcome)")
                #expect(loop.evidence.hops.count == 2)

                let insecure = try await DoctorRun.http(lab, in: chain.client, ["-L", "https://\(address)/down"], environment: trust)
                #expect(insecure.outcome.failure?.code == "insecure-redirect", "\(insecure.outcome)")
                #expect(insecure.evidence.goError == "redirected from secure URL https://\(address)/down to insecure URL \(base)/final")
                #expect(insecure.evidence.hops.first?.tlsVerdict?.trusted == true)

                let missing = try await DoctorRun.http(lab, in: chain.client, ["-L", "https://\(address)/missing"], environment: trust)
                #expect(missing.outcome.failure?.code == "http-status")
                #expect(missing.evidence.statusClass == "not-found")
                #expect(missing.evidence.goError == "reading https://\(address)/missing: 404 Not Found\n\tserver response: not found: example.com/m@v9.9.9")

                let untrusted = try await DoctorRun.http(lab, in: chain.client, ["https://\(address)/final"])
                #expect(untrusted.outcome.failure?.code == "unknown-authority", "\(untrusted.outcome)")
                #expect(untrusted.evidence.hops.first?.status == nil, "nothing is sent over an unverified connection")

                let big = try await DoctorRun.http(lab, in: chain.client, ["--max-body", "4096", "\(base)/big"])
                #expect(big.outcome.failure?.code == "too-large", "\(big.outcome)")
                #expect(big.evidence.hops.first?.bodyTruncated == true)
                let head = try await DoctorRun.http(lab, in: chain.client, ["-I", "\(base)/big"])
                #expect(head.outcome == .ok && head.evidence.method == "HEAD" && head.evidence.hops.first?.bodyBytes == 0, "\(head.outcome)")

                // Accepts and never answers: named at the first-byte bound (1 s of a 2 s deadline).
                let endless = try await DoctorRun.http(lab, in: chain.client, ["\(base)/endless"], timeout: 2)
                #expect(endless.outcome.failure?.code == "no-response", "\(endless.outcome)")
                #expect(endless.durationSeconds < 2, "ends at the first-byte bound, before the deadline")
            }
        }

        /// HTTPS through tinyproxy works and shows the tunnel; a proxy that answers CONNECT
        /// with 403 is `proxy-connect-refused`, a proxy that is down `proxy-connect`.
        @Test(LabGate.trait)
        func connectProxies() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 1)
                let address = chain.serverInterface.ipv4
                let proxyAddress = chain.links[0].b.ipv4
                let ca = try await lab.makeCertificateAuthority(name: "lab CA")
                let certificate = try await lab.issueCertificate(from: ca, commonName: address, dnsNames: [], ipAddresses: [address])
                let tree = try await lab.makeModuleTree()
                try await lab.startGoProxy(on: chain.server, tree: tree, port: 443, certificate: certificate,
                                           rules: [ProxyRule(prefix: "/ok", status: 200, body: "ok\n")])
                try await lab.startConnectProxy(on: chain.routers[0], port: 3128)
                try await lab.spawn("refuser", in: chain.routers[0], ["python3", "-c", Self.refusingProxy(port: 3129)], ready: .tcpPort(3129))
                let url = "https://\(address)/ok"
                let trust = ["SSL_CERT_FILE": ca.certificatePath]

                let through = try await DoctorRun.http(lab, in: chain.client, [url],
                                                       environment: trust.merging(["HTTPS_PROXY": "http://user:s3cret@\(proxyAddress):3128"]) { $1 })
                #expect(through.outcome == .ok, "\(through.outcome)")
                #expect(through.evidence.hops.first?.proxy?.url == "http://REDACTED@\(proxyAddress):3128")
                #expect(through.evidence.hops.first?.proxy?.connectStatus?.hasPrefix("200") == true)
                #expect(through.evidence.hops.first?.timings.proxyConnect != nil)

                let refused = try await DoctorRun.http(lab, in: chain.client, [url],
                                                       environment: trust.merging(["https_proxy": "\(proxyAddress):3129"]) { $1 })
                #expect(refused.outcome.failure?.code == "proxy-connect-refused", "\(refused.outcome)")
                #expect(refused.evidence.hops.first?.proxy?.connectStatus == "403 Forbidden")
                #expect(refused.evidence.proxyConnectStatusCode == 403)
                #expect(refused.evidence.goError == "Get \"\(url)\": Forbidden")

                let down = try await DoctorRun.http(lab, in: chain.client, [url],
                                                    environment: trust.merging(["HTTPS_PROXY": "http://\(proxyAddress):3999"]) { $1 })
                #expect(down.outcome.failure?.code == "proxy-connect", "\(down.outcome)")
                #expect(down.outcome.failure?.detail == "proxyconnect tcp: dial tcp \(proxyAddress):3999: connect: connection refused")

                let bypass = try await DoctorRun.http(lab, in: chain.client, [url],
                                                      environment: trust.merging(["HTTPS_PROXY": "http://\(proxyAddress):3999", "NO_PROXY": "10.77.0.0/16"]) { $1 })
                #expect(bypass.outcome == .ok && bypass.evidence.hops.first?.proxy == nil, "\(bypass.outcome)")
            }
        }

        /// A CONNECT proxy that refuses every tunnel with 403 (as a deny rule would).
        static func refusingProxy(port: Int) -> String {
            """
            import socket
            s = socket.socket(socket.AF_INET6); s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("::", \(port))); s.listen(16)
            while True:
                c, _ = s.accept(); data = b""
                while b"\\r\\n\\r\\n" not in data:
                    chunk = c.recv(4096)
                    if not chunk: break
                    data += chunk
                c.sendall(b"HTTP/1.1 403 Forbidden\\r\\nContent-Length: 0\\r\\n\\r\\n"); c.close()
            """
        }
    }
}
