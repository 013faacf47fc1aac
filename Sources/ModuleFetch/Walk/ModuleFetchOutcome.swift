import Foundation
import GoModConfig

/// The prediction for one module: served by which source, or the failure the go command
/// would report, with its layer and class.
public struct ModuleFetchOutcome: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        /// Every file fetched (and the checksum database answered where it is consulted).
        case ok
        /// The go command would fail for this module.
        case fails
        /// Nothing to fetch (local replacement, vendored).
        case skipped
    }

    public var path: String
    public var version: String
    public var status: Status
    /// The source that served the module's files ("https://proxy.example", "direct").
    public var servedBy: String?
    /// The go command's error, `path@version: …` as `go mod download -json` reports it.
    public var failure: FetchFailure?
    /// The file whose walk failed ("info", "mod", "zip") or "sumdb".
    public var failedAt: String?
    /// The URL (redacted) whose answer decided the failure: the request that failed, or the one
    /// that served bytes failing verification; nil when no request did (configuration). `check`
    /// ties the failure to the endpoint of this URL — by data, not by reading the message.
    public var failedURL: String?
    public var walks: [FileWalk]
    public var checksum: ChecksumLookup?
    /// Why nothing was fetched (status skipped).
    public var skippedBecause: String?

    public init(path: String, version: String, status: Status, servedBy: String? = nil, failure: FetchFailure? = nil,
                failedAt: String? = nil, walks: [FileWalk] = [], checksum: ChecksumLookup? = nil, skippedBecause: String? = nil) {
        self.path = path
        self.version = version
        self.status = status
        self.servedBy = servedBy
        self.failure = failure
        self.failedAt = failedAt
        self.walks = walks
        self.checksum = checksum
        self.skippedBecause = skippedBecause
    }

    /// Every request made for the module, in order (for `-x`-style output).
    public var requests: [TransportResponse] {
        walks.flatMap { walk in
            walk.attempts.flatMap { attempt -> [TransportResponse] in
                var list: [TransportResponse] = []
                if let request = attempt.request { list.append(request) }
                if let fallback = attempt.fallbackRequest { list.append(fallback) }
                if let direct = attempt.direct {
                    list += direct.discovery
                    if let vcs = direct.vcsRequest { list.append(vcs) }
                }
                return list
            }
        } + (checksum?.requests ?? [])
    }
}

/// The checksum-database lookup made for a module whose hashes go.sum does not hold.
public struct ChecksumLookup: Sendable, Equatable, Codable {
    public var database: String
    /// The base the lookups go to (`<proxy>/sumdb/<name>` or the database URL).
    public var base: String?
    public var requests: [TransportResponse]
    /// The verified go.sum lines the database holds (go.mod line, then the zip line).
    public var lines: [String] = []
    public var failure: FetchFailure?

    enum CodingKeys: String, CodingKey { case database, base, requests, lines, failure }

    /// `base` may be a GOSUMDB URL with credentials: encoded redacted.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(database, forKey: .database)
        try container.encodeIfPresent(base.map(SecretRedactor.redact), forKey: .base)
        try container.encode(requests, forKey: .requests)
        try container.encode(lines, forKey: .lines)
        try container.encodeIfPresent(failure, forKey: .failure)
    }
}
