/// The order and timing a dual-stack client would use, computed from independently measured
/// per-address attempts. Pure, so both rules are unit-tested.
public enum HappyEyeballsPlan {
    /// RFC 8305 §4: interleave the families, starting with the family of getaddrinfo's first
    /// answer (A, B, A, B, … then the rest of the longer family).
    public static func order(_ addresses: [ResolvedAddress]) -> [ResolvedAddress] {
        guard let first = addresses.first?.family else { return [] }
        let preferred = addresses.filter { $0.family == first }
        let other = addresses.filter { $0.family != first }
        var ordered: [ResolvedAddress] = []
        for index in 0..<max(preferred.count, other.count) {
            if index < preferred.count { ordered.append(preferred[index]) }
            if index < other.count { ordered.append(other[index]) }
        }
        return ordered
    }

    /// One measured attempt: did it connect, and after how long it connected or failed.
    public struct Measured: Sendable, Equatable {
        public var connected: Bool
        public var milliseconds: Double

        public init(connected: Bool, milliseconds: Double) {
            self.connected = connected
            self.milliseconds = milliseconds
        }
    }

    /// Which attempt wins and when.
    public struct Winner: Sendable, Equatable, Codable {
        /// Index into the attempts given.
        public var index: Int
        public var milliseconds: Double
    }

    /// RFC 8305 §5: attempts start in order, each `attemptDelay` (250 ms) after the previous
    /// or as soon as the previous fails, whichever is first; the first to connect wins.
    public static func rfc8305Winner(_ attempts: [Measured], attemptDelay: Double = 250) -> Winner? {
        var start = 0.0
        var best: Winner?
        for (index, attempt) in attempts.enumerated() {
            if let best, best.milliseconds <= start { break }
            let end = start + attempt.milliseconds
            if attempt.connected, best.map({ end < $0.milliseconds }) ?? true { best = Winner(index: index, milliseconds: end) }
            start = attempt.connected ? start + attemptDelay : min(start + attemptDelay, end)
        }
        return best
    }

    /// The go command's dialer (net/dial.go `dialParallel`, net/ipsock.go `partition`): the
    /// addresses of the first address's family are tried one after another; the other family's,
    /// also one after another, start 300 ms later (`FallbackDelay`); the first to connect wins.
    /// `attempts` are in getaddrinfo order.
    public static func goDialerWinner(_ attempts: [Measured], families: [AddressFamily], fallbackDelay: Double = 300) -> Winner? {
        guard let first = families.first, families.count == attempts.count else { return nil }
        func serial(_ indices: [Int], startingAt start: Double) -> Winner? {
            var time = start
            for index in indices {
                time += attempts[index].milliseconds
                if attempts[index].connected { return Winner(index: index, milliseconds: time) }
            }
            return nil
        }
        let primaries = families.indices.filter { families[$0] == first }
        let fallbacks = families.indices.filter { families[$0] != first }
        let primary = serial(primaries, startingAt: 0)
        // The fallback race starts only if the primaries have not connected by then (or failed sooner).
        let primaryFailedAt = primaries.reduce(0.0) { $0 + attempts[$1].milliseconds }
        let fallbackStart = primary == nil ? min(fallbackDelay, primaryFailedAt) : fallbackDelay
        let fallback = fallbacks.isEmpty ? nil : serial(fallbacks, startingAt: fallbackStart)
        switch (primary, fallback) {
        case let (p?, f?): return f.milliseconds < p.milliseconds ? f : p
        case let (p?, nil): return p
        case let (nil, f?): return f
        default: return nil
        }
    }
}
