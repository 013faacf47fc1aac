import Foundation
import SwiftASN1
@_spi(FixedExpiryValidationTime) import X509

/// The verdict on a presented chain, in the go command's order and words.
public struct ChainVerdict: Sendable, Codable, Equatable {
    /// True when the go command would accept the chain for this name.
    public var trusted: Bool
    /// The failure, with codes: "expired", "not-yet-valid", "hostname-mismatch", "self-signed",
    /// "unknown-authority", "bad-certificate" (unparsable), "no-certificate".
    public var failure: FailureClass?
    /// What the go command prints for this failure (crypto/x509 error texts, Go 1.19).
    public var goError: String?
    /// Names the leaf is valid for (shown on a mismatch).
    public var validFor: [String]
    /// Issuer of the certificate nobody vouches for (unknown authority).
    public var untrustedIssuer: String?
    /// Whether that issuer is among this machine's default (public) roots; nil when not asked.
    public var issuerIsPublicRoot: Bool?
    /// swift-certificates' own reasons when its `Verifier` rejected the chain.
    public var verifierReasons: [String]
}

/// Verifies a chain the way crypto/x509 Certificate.Verify does (verify.go): the leaf's dates,
/// then the host name, then a path to a trusted root; swift-certificates' `Verifier`
/// (RFC5280Policy + ServerIdentityPolicy) gives the final yes/no and its reasons.
public struct CertificateChainVerifier: Sendable {
    public var roots: TrustRoots
    /// The machine's default roots, to tell "a public CA your SSL_CERT_FILE lacks" from
    /// "an issuer no public store knows" (possible interception). Nil skips that question.
    public var publicRoots: TrustRoots?

    public init(roots: TrustRoots, publicRoots: TrustRoots?) {
        self.roots = roots
        self.publicRoots = publicRoots
    }

    public func verify(chain der: [[UInt8]], serverName: String, now: Date) async -> ChainVerdict {
        guard let leafDER = der.first else {
            return Self.failed("no-certificate", "the server sent no certificate", goError: "tls: server sent no certificate")
        }
        let parsed = der.compactMap { try? Certificate(derEncoded: $0) }
        guard parsed.count == der.count, let leaf = parsed.first else {
            return Self.failed("bad-certificate", "a certificate of the chain could not be parsed", goError: "tls: failed to parse certificate from server")
        }
        let summary = CertificateSummary(leaf, der: leafDER)
        let validFor = summary.dnsNames + summary.ipAddresses
        let stamp = Self.rfc3339(now)
        // crypto/x509/verify.go isValid: the leaf's validity period first.
        if now > leaf.notValidAfter {
            return Self.failed("expired", "certificate expired at \(Self.rfc3339(leaf.notValidAfter)); local time is \(stamp)",
                               goError: "x509: certificate has expired or is not yet valid: current time \(stamp) is after \(Self.rfc3339(leaf.notValidAfter))",
                               validFor: validFor)
        }
        if now < leaf.notValidBefore {
            return Self.failed("not-yet-valid", "certificate is valid from \(Self.rfc3339(leaf.notValidBefore)); local time is \(stamp): is this clock wrong?",
                               goError: "x509: certificate has expired or is not yet valid: current time \(stamp) is before \(Self.rfc3339(leaf.notValidBefore))",
                               validFor: validFor)
        }
        // Then VerifyHostname.
        if !TLSHostnameMatcher.matches(host: serverName, dnsNames: summary.dnsNames, ipAddresses: summary.ipAddresses) {
            let shown = validFor.isEmpty ? (summary.commonName.map { "CN=\($0) only" } ?? "no names") : validFor.joined(separator: ", ")
            return Self.failed("hostname-mismatch", "certificate is valid for \(shown), not \(serverName)",
                               goError: TLSHostnameMatcher.mismatchText(host: serverName, leaf: summary), validFor: validFor)
        }
        let intermediates = Array(parsed.dropFirst())
        let full = await validate(leaf: leaf, intermediates: intermediates, serverName: serverName, checkDates: true, now: now)
        if full.isEmpty {
            return ChainVerdict(trusted: true, failure: nil, goError: nil, validFor: validFor, untrustedIssuer: nil,
                                issuerIsPublicRoot: nil, verifierReasons: [])
        }
        // A path exists once dates are ignored: an intermediate or the root is out of date.
        if await validate(leaf: leaf, intermediates: intermediates, serverName: serverName, checkDates: false, now: now).isEmpty {
            var verdict = Self.failed("expired", "a CA certificate of the chain is outside its validity period; local time is \(stamp)",
                                      goError: "x509: certificate has expired or is not yet valid", validFor: validFor)
            verdict.verifierReasons = full
            return verdict
        }
        return unknownAuthority(leaf: leaf, chain: parsed, validFor: validFor, reasons: full)
    }

    func unknownAuthority(leaf: Certificate, chain: [Certificate], validFor: [String], reasons: [String]) -> ChainVerdict {
        let top = chain.last ?? leaf
        let goError = "x509: certificate signed by unknown authority"
        if chain.count == 1, leaf.subject == leaf.issuer {
            var verdict = Self.failed("self-signed", "the certificate is self-signed (\(leaf.subject)): no CA vouches for it",
                                      goError: goError, validFor: validFor)
            verdict.untrustedIssuer = leaf.issuer.description
            verdict.verifierReasons = reasons
            return verdict
        }
        let issuer = top.subject == top.issuer ? top.subject : top.issuer
        let isPublic = publicRoots.map { store in store.certificates.contains { $0.subject == issuer } }
        var detail = "no trusted root for issuer \(issuer)"
        if isPublic == false {
            detail += ": not a public CA on this machine; possible interception (TLS-inspecting proxy or firewall)"
        } else if isPublic == true, !roots.origin.overriddenBy.isEmpty {
            detail += ": a public CA, but \(roots.origin.overriddenBy.joined(separator: "/")) replaces the system roots"
        }
        var verdict = Self.failed("unknown-authority", detail, goError: goError, validFor: validFor)
        verdict.untrustedIssuer = issuer.description
        verdict.issuerIsPublicRoot = isPublic
        verdict.verifierReasons = reasons
        return verdict
    }

    /// swift-certificates' verdict: empty when the chain validates, else the policy reasons
    /// (or one line saying no path to a root was found).
    func validate(leaf: Certificate, intermediates: [Certificate], serverName: String, checkDates: Bool, now: Date) async -> [String] {
        let isIP = ResolvedAddress(literal: serverName) != nil
        var verifier = Verifier(rootCertificates: CertificateStore(roots.certificates)) {
            RFC5280Policy(fixedExpiryValidationTime: checkDates ? now : Self.midpoint(of: leaf))
            ServerIdentityPolicy(serverHostname: isIP ? nil : serverName, serverIP: isIP ? serverName : nil)
        }
        switch await verifier.validate(leaf: leaf, intermediates: CertificateStore(intermediates)) {
        case .validCertificate:
            return []
        case .couldNotValidate(let failures):
            let reasons = failures.map { String(describing: $0.policyFailureReason) }
            return reasons.isEmpty ? ["no chain to a trusted root"] : Array(Set(reasons)).sorted()
        }
    }

    /// An instant inside the leaf's validity period: chains that validate there but not now
    /// have a CA certificate out of date (RFC5280Policy's "no dates" mode is SPI).
    static func midpoint(of certificate: Certificate) -> Date {
        certificate.notValidBefore.addingTimeInterval(certificate.notValidAfter.timeIntervalSince(certificate.notValidBefore) / 2)
    }

    static func failed(_ code: String, _ detail: String, goError: String, validFor: [String] = []) -> ChainVerdict {
        ChainVerdict(trusted: false, failure: FailureClass(code, detail), goError: goError, validFor: validFor,
                     untrustedIssuer: nil, issuerIsPublicRoot: nil, verifierReasons: [])
    }

    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
