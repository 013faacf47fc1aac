import Foundation
import LabKit
import NetProbes
import Testing

extension LabSuite {
    /// `gomod-doctor tls` in the lab client against `openssl s_server` and small python
    /// servers: each certificate kind and each handshake failure gets its own code.
    @Suite
    struct TLSProbeLabTests {
        static let name = "tls.lab.example"

        @Test(LabGate.trait)
        func certificateKindsAreClassified() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let address = chain.serverInterface.ipv4
                let ca = try await lab.makeCertificateAuthority(name: "lab CA")
                let interceptor = try await lab.makeCertificateAuthority(name: "Corp Interception CA")
                let name = Self.name
                let kinds: [(port: Int, certificate: LabCertificate, code: String?)] = [
                    (4431, try await lab.issueCertificate(from: ca, commonName: name, dnsNames: [name]), nil),
                    (4432, try await lab.issueCertificate(from: ca, commonName: name, dnsNames: [name], validity: .expired), "expired"),
                    (4433, try await lab.issueCertificate(from: ca, commonName: name, dnsNames: [name], validity: .notYetValid), "not-yet-valid"),
                    (4434, try await lab.issueCertificate(from: ca, commonName: "other", dnsNames: ["other.lab.example"]), "hostname-mismatch"),
                    (4435, try await lab.makeSelfSignedCertificate(commonName: name, dnsNames: [name]), "self-signed"),
                    (4436, try await lab.issueCertificate(from: interceptor, commonName: name, dnsNames: [name]), "unknown-authority"),
                ]
                for kind in kinds {
                    try await lab.startTLSServer(on: chain.server, port: kind.port, certificate: kind.certificate)
                }
                try await lab.spawn("plain-http", in: chain.server, ["python3", "-m", "http.server", "4437"], ready: .tcpPort(4437))
                let trust = ["SSL_CERT_FILE": ca.certificatePath]
                for kind in kinds {
                    let result = try await DoctorRun.tls(lab, in: chain.client, "\(address):\(kind.port)", environment: trust)
                    #expect(result.outcome.failure?.code == kind.code, "port \(kind.port): \(result.outcome)")
                    #expect(result.evidence.handshake?.completed == true, "port \(kind.port)")
                    #expect(result.evidence.handshake?.chain.first?.issuer.isEmpty == false)
                    #expect(result.evidence.trustRoots.file == ca.certificatePath)
                    switch kind.code {
                    case nil:
                        #expect(result.evidence.verdict?.trusted == true)
                        #expect(result.evidence.handshake?.protocolVersion == "TLSv1.3")
                        #expect(result.evidence.handshake?.cipherSuite?.hasPrefix("TLS_") == true)
                        #expect(result.evidence.handshake?.alpn == nil, "s_server -www offers no ALPN")
                        #expect(result.evidence.handshake?.chain.first?.dnsNames == [name])
                    case "expired"?, "not-yet-valid"?:
                        #expect(result.evidence.verdict?.goError?.hasPrefix("x509: certificate has expired or is not yet valid: current time") == true)
                        #expect(result.outcome.failure?.detail.contains("local time") == true)
                    case "hostname-mismatch"?:
                        #expect(result.evidence.verdict?.goError == "x509: certificate is valid for other.lab.example, not \(name)")
                        #expect(result.evidence.verdict?.validFor == ["other.lab.example"])
                    case "unknown-authority"?:
                        #expect(result.evidence.verdict?.untrustedIssuer == "CN=Corp Interception CA")
                        #expect(result.evidence.verdict?.issuerIsPublicRoot == false)
                        #expect(result.outcome.failure?.detail.contains("possible interception") == true)
                    default:
                        #expect(result.evidence.verdict?.goError == "x509: certificate signed by unknown authority")
                    }
                }
                let plain = try await DoctorRun.tls(lab, in: chain.client, "\(address):4437", environment: trust)
                #expect(plain.outcome.failure?.code == "not-tls", "\(plain.outcome)")
                #expect(plain.outcome.failure?.detail.contains("first record does not look like a TLS handshake") == true)
                // Without the lab CA in SSL_CERT_FILE the valid server is an unknown authority too.
                let untrusted = try await DoctorRun.tls(lab, in: chain.client, "\(address):4431", environment: ["SSL_CERT_FILE": "/nonexistent.pem"])
                #expect(untrusted.outcome.failure?.code == "unknown-authority", "\(untrusted.outcome)")
            }
        }

        /// A server that accepts and stays silent (handshake timeout) and one that resets the
        /// connection once the ClientHello arrives.
        @Test(LabGate.trait)
        func silentAndResettingServers() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let address = chain.serverInterface.ipv4
                try await lab.spawn("silent", in: chain.server, ["python3", "-c", DoctorRun.silentServer(port: 4441)], ready: .tcpPort(4441))
                try await lab.spawn("resetter", in: chain.server, ["python3", "-c", DoctorRun.resettingServer(port: 4442)], ready: .tcpPort(4442))
                let silent = try await DoctorRun.tls(lab, in: chain.client, "\(address):4441", timeout: 2)
                #expect(silent.outcome.failure?.code == "handshake-timeout", "\(silent.outcome)")
                #expect(silent.durationSeconds < 4, "ends at the deadline")
                let reset = try await DoctorRun.tls(lab, in: chain.client, "\(address):4442")
                #expect(reset.outcome.failure?.code == "reset", "\(reset.outcome)")
                let refused = try await DoctorRun.tls(lab, in: chain.client, "\(address):4449")
                #expect(refused.outcome.failure?.code == "refused", "\(refused.outcome)")
            }
        }
    }
}

/// Runs the built gomod-doctor inside a lab host and decodes its `--json`.
enum DoctorRun {
    static var binary: String {
        get throws {
            guard let path = EnvCommandEndToEndTests.binary else { throw LabError("gomod-doctor", "not built (swift build --build-tests)") }
            return path
        }
    }

    static func tls(_ lab: Lab, in host: LabHost, _ target: String, environment: [String: String] = [:],
                    timeout: Double = 5) async throws -> ProbeResult<TLSEvidence> {
        let argv = [try binary, "tls", target, "--servername", LabSuite.TLSProbeLabTests.name, "--json", "--timeout", "\(timeout)"]
        return try await decode(lab.run(in: host, argv, environment: environment, timeout: .seconds(Int64(timeout) + 20)))
    }

    static func http(_ lab: Lab, in host: LabHost, _ arguments: [String], environment: [String: String] = [:],
                     timeout: Double = 10) async throws -> ProbeResult<HTTPEvidence> {
        let argv = [try binary, "http"] + arguments + ["--json", "--timeout", "\(timeout)"]
        return try await decode(lab.run(in: host, argv, environment: environment, timeout: .seconds(Int64(timeout) + 20)))
    }

    static func decode<Evidence>(_ result: CommandResult) throws -> ProbeResult<Evidence> {
        do {
            return try JSONDecoder().decode(ProbeResult<Evidence>.self, from: Data(result.stdout.utf8))
        } catch {
            Issue.record("undecodable output of \(result.argv): \(result.stdout) \(result.stderr)")
            throw error
        }
    }

    /// Accepts connections and never sends a byte.
    static func silentServer(port: Int) -> String {
        """
        import socket, time
        s = socket.socket(socket.AF_INET6); s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("::", \(port))); s.listen(16)
        held = []
        while True:
            c, _ = s.accept(); held.append(c)
        """
    }

    /// Reads what the client sends first, then closes with SO_LINGER 0 (a TCP reset).
    static func resettingServer(port: Int) -> String {
        """
        import socket, struct
        s = socket.socket(socket.AF_INET6); s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("::", \(port))); s.listen(16)
        while True:
            c, _ = s.accept()
            try:
                c.recv(4096)
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            except OSError:
                pass  # a client that reset first (a trace's SYN, a cancelled dial): real servers live on
            c.close()
        """
    }
}
