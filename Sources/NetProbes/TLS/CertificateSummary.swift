import Crypto
import Foundation
import SwiftASN1
import X509

/// One certificate of a chain as a person reads it (openssl x509 -noout -text, in short):
/// the fields that explain a verification failure. Built from DER so it stays Codable.
public struct CertificateSummary: Sendable, Codable, Equatable {
    public var subject: String
    public var issuer: String
    public var dnsNames: [String]
    public var ipAddresses: [String]
    /// RFC 3339, UTC.
    public var notBefore: String
    public var notAfter: String
    /// Hex bytes separated by colons, as openssl prints it.
    public var serial: String
    /// SHA-256 of the DER encoding, hex, lower case.
    public var sha256: String
    public var isCA: Bool
    /// Subject equals issuer (a root or a self-signed leaf).
    public var isSelfIssued: Bool

    public init(_ certificate: Certificate, der: [UInt8]) {
        subject = certificate.subject.description
        issuer = certificate.issuer.description
        var names: [String] = []
        var addresses: [String] = []
        if let sans = try? certificate.extensions.subjectAlternativeNames {
            for name in sans {
                switch name {
                case .dnsName(let dns): names.append(dns)
                case .ipAddress(let octets): addresses.append(Self.formatIP(octets.bytes))
                default: break
                }
            }
        }
        dnsNames = names
        ipAddresses = addresses
        notBefore = CertificateChainVerifier.rfc3339(certificate.notValidBefore)
        notAfter = CertificateChainVerifier.rfc3339(certificate.notValidAfter)
        serial = Array(certificate.serialNumber.bytes).map { String(format: "%02x", $0) }.joined(separator: ":")
        sha256 = SHA256.hash(data: der).map { String(format: "%02x", $0) }.joined()
        if case .isCertificateAuthority? = try? certificate.extensions.basicConstraints {
            isCA = true
        } else {
            isCA = false
        }
        isSelfIssued = certificate.subject == certificate.issuer
    }

    /// The common name of the subject, when there is one (for "valid for" messages).
    public var commonName: String? { Self.commonName(of: subject) }

    static func commonName(of distinguishedName: String) -> String? {
        distinguishedName.split(separator: ",").lazy
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("CN=") }
            .map { String($0.dropFirst(3)) }
    }

    static func formatIP(_ bytes: ArraySlice<UInt8>) -> String {
        let octets = Array(bytes)
        if octets.count == 4 { return octets.map(String.init).joined(separator: ".") }
        guard octets.count == 16 else { return octets.map { String(format: "%02x", $0) }.joined() }
        var groups: [UInt16] = []
        for index in stride(from: 0, to: 16, by: 2) { groups.append(UInt16(octets[index]) << 8 | UInt16(octets[index + 1])) }
        let text = groups.map { String($0, radix: 16) }.joined(separator: ":")
        return ResolvedAddress(literal: text)?.ip ?? text
    }
}
