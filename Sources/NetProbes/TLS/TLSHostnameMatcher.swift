import Foundation

/// Whether a certificate is valid for the name the client asked for, with the go command's
/// rules (crypto/x509/verify.go VerifyHostname, matchHostnames): IP targets match IP SANs only;
/// DNS names match SANs case-insensitively, a `*` only as the whole left-most label; the
/// Common Name is never used when a SAN extension is present.
public enum TLSHostnameMatcher {
    public static func matches(host: String, dnsNames: [String], ipAddresses: [String]) -> Bool {
        if let literal = ResolvedAddress(literal: host) {
            return ipAddresses.contains { ResolvedAddress(literal: $0)?.ip == literal.ip }
        }
        let wanted = host.lowercased().trimmingSuffix(".")
        return dnsNames.contains { pattern in matchesPattern(pattern.lowercased(), wanted) }
    }

    static func matchesPattern(_ pattern: String, _ host: String) -> Bool {
        let patternLabels = pattern.trimmingSuffix(".").split(separator: ".", omittingEmptySubsequences: false)
        let hostLabels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard !pattern.isEmpty, patternLabels.count == hostLabels.count else { return false }
        for (index, label) in patternLabels.enumerated() {
            if index == 0, label == "*", !hostLabels[0].isEmpty { continue }
            if label != hostLabels[index] { return false }
        }
        return true
    }

    /// The go command's text for a mismatch (crypto/x509/verify.go HostnameError.Error).
    public static func mismatchText(host: String, leaf: CertificateSummary) -> String {
        if ResolvedAddress(literal: host) != nil {
            if leaf.ipAddresses.isEmpty {
                return "x509: cannot validate certificate for \(host) because it doesn't contain any IP SANs"
            }
            return "x509: certificate is valid for \(leaf.ipAddresses.joined(separator: ", ")), not \(host)"
        }
        if leaf.dnsNames.isEmpty {
            if leaf.ipAddresses.isEmpty, let name = leaf.commonName, matchesPattern(name.lowercased(), host.lowercased()) {
                return "x509: certificate relies on legacy Common Name field, use SANs instead"
            }
            return "x509: certificate is not valid for any names, but wanted to match \(host)"
        }
        return "x509: certificate is valid for \(leaf.dnsNames.joined(separator: ", ")), not \(host)"
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
