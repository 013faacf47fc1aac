/// The one-line summary of all attempts to one host and port: in particular, "IPv6 resolves
/// but is broken while IPv4 works" (and the reverse), which dual-stack clients hide behind
/// a fallback delay and users never see.
public enum DualStackVerdict: String, Sendable, Codable, CaseIterable {
    case allReachable = "all-reachable"
    /// IPv6 addresses resolved, every one failed, and some IPv4 address connected.
    case ipv6Broken = "ipv6-broken"
    /// IPv4 addresses resolved, every one failed, and some IPv6 address connected.
    case ipv4Broken = "ipv4-broken"
    /// Some addresses of a family connect and others of the same family fail.
    case partial
    case allFailed = "all-failed"
    case noAddresses = "no-addresses"

    public static func judge(_ attempts: [TCPConnectAttempt]) -> DualStackVerdict {
        guard !attempts.isEmpty else { return .noAddresses }
        let tally = FamilyTally.of(attempts)
        if tally.ipv4.connected + tally.ipv6.connected == 0 { return .allFailed }
        if tally.ipv6.tried > 0 && tally.ipv6.connected == 0 { return .ipv6Broken }
        if tally.ipv4.tried > 0 && tally.ipv4.connected == 0 { return .ipv4Broken }
        if tally.ipv4.connected < tally.ipv4.tried || tally.ipv6.connected < tally.ipv6.tried { return .partial }
        return .allReachable
    }
}
