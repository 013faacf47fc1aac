import Foundation
import LabKit
import Testing

extension LabSuite {
    /// Each lab certificate kind fails (or passes) verification the way its name says,
    /// as curl (OpenSSL) sees it when trusting only the lab CA.
    @Suite
    struct LabTLSTests {
        @Test(LabGate.trait)
        func certificateKindsAsCurlSeesThem() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let address = chain.serverInterface.ipv4
                let name = "tls.lab.example"
                let ca = try await lab.makeCertificateAuthority(name: "lab CA")
                let interceptor = try await lab.makeCertificateAuthority(name: "interception CA")
                let kinds: [(port: Int, certificate: LabCertificate, curlSays: String?)] = [
                    (4431, try await lab.issueCertificate(from: ca, commonName: name, dnsNames: [name]), nil),
                    (4432, try await lab.issueCertificate(from: ca, commonName: name, dnsNames: [name], validity: .expired),
                     "certificate has expired"),
                    (4433, try await lab.issueCertificate(from: ca, commonName: name, dnsNames: [name], validity: .notYetValid),
                     "certificate is not yet valid"),
                    (4434, try await lab.issueCertificate(from: ca, commonName: "other", dnsNames: ["other.lab.example"]),
                     "subject name"),
                    (4435, try await lab.makeSelfSignedCertificate(commonName: name, dnsNames: [name]), "self-signed certificate"),
                    (4436, try await lab.issueCertificate(from: interceptor, commonName: name, dnsNames: [name]),
                     "unable to get local issuer certificate"),
                ]
                for kind in kinds {
                    try await lab.startTLSServer(on: chain.server, port: kind.port, certificate: kind.certificate)
                }
                for kind in kinds {
                    let curl = try await lab.run(in: chain.client, [
                        "curl", "-sS", "--max-time", "5", "--cacert", ca.certificatePath, "-o", "/dev/null",
                        "-w", "%{http_code}", "--resolve", "\(name):\(kind.port):\(address)", "https://\(name):\(kind.port)/",
                    ])
                    if let expected = kind.curlSays {
                        #expect(curl.exitStatus == 60, "port \(kind.port): \(curl.stderr)")
                        #expect(curl.stderr.contains(expected), "port \(kind.port): \(curl.stderr)")
                    } else {
                        #expect(curl.succeeded && curl.stdout == "200", "port \(kind.port): \(curl)")
                    }
                }
            }
        }
    }
}
