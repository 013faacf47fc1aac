import Foundation
import GoModConfig

/// Which of the walk's errors the go command reports: errors from `direct` (and `noproxy`)
/// first, then proxy errors other than not-found (the last one wins), then not-found (the
/// last one wins) — cmd/go/internal/modfetch/proxy.go TryProxies.
public struct ProxyErrorRanking: Sendable, Equatable {
    enum Rank: Int, Sendable { case notExist, proxy, direct }

    public private(set) var best: FetchFailure?
    var rank: Rank = .notExist

    public init() {}

    /// Records the error of one entry. `usedDirect` is true for `direct`, and for `noproxy`
    /// when it really fetched (not when it only said "path does not match").
    public mutating func record(_ failure: FetchFailure, usedDirect: Bool) {
        if usedDirect {
            best = failure
            rank = .direct
        } else if rank.rawValue <= Rank.proxy.rawValue, !failure.isNotFound {
            best = failure
            rank = .proxy
        } else if rank == .notExist {
            best = failure
        }
    }

    /// Whether the walk moves on to the next entry after `failure` at an entry with `fallback`.
    public static func continues(after failure: FetchFailure, fallback: ProxyFallback) -> Bool {
        fallback == .onAnyError || failure.isNotFound
    }
}
