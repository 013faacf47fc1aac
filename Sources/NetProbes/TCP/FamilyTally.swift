/// How many addresses of each family were tried and connected.
public struct FamilyTally: Sendable, Equatable, Codable {
    public struct Counts: Sendable, Equatable, Codable {
        public var tried: Int
        public var connected: Int
    }

    public var ipv4: Counts
    public var ipv6: Counts

    public static func of(_ attempts: [TCPConnectAttempt]) -> FamilyTally {
        func counts(_ family: AddressFamily) -> Counts {
            let mine = attempts.filter { $0.address.family == family }
            return Counts(tried: mine.count, connected: mine.filter { $0.result == .ok }.count)
        }
        return FamilyTally(ipv4: counts(.ipv4), ipv6: counts(.ipv6))
    }
}
