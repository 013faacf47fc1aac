import Foundation
import NetProbes

/// One GET of the module protocol as the walk sees it: status, body, failure and the HTTP
/// evidence. `failure` is nil only for a 200 (the go command treats every other status as an error).
public struct TransportResponse: Sendable, Equatable, Codable {
    /// The URL requested, redacted.
    public var url: String
    public var status: Int?
    public var body: [UInt8]
    /// The body was longer than the limit asked for.
    public var bodyTruncated: Bool
    public var failure: FetchFailure?
    /// Absent for file:// URLs and for test transports.
    public var evidence: HTTPEvidence?
    public var seconds: Double
    /// True when .netrc credentials were sent with the request (never the credentials).
    public var sentNetrcCredentials: Bool?
    /// A `download`'s 200 body, on disk and nameless (`body` is then empty); nil when the body
    /// is in `body`. Not encoded; compared by identity.
    public var bodyFile: HTTPBodyFile?

    public init(url: String, status: Int?, body: [UInt8] = [], bodyTruncated: Bool = false, failure: FetchFailure? = nil,
                evidence: HTTPEvidence? = nil, seconds: Double = 0) {
        self.url = url
        self.status = status
        self.body = body
        self.bodyTruncated = bodyTruncated
        self.failure = failure
        self.evidence = evidence
        self.seconds = seconds
    }

    enum CodingKeys: String, CodingKey { case url, status, bodyTruncated, failure, evidence, seconds, sentNetrcCredentials }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        url = try c.decode(String.self, forKey: .url)
        status = try c.decodeIfPresent(Int.self, forKey: .status)
        body = []
        bodyTruncated = try c.decode(Bool.self, forKey: .bodyTruncated)
        failure = try c.decodeIfPresent(FetchFailure.self, forKey: .failure)
        evidence = try c.decodeIfPresent(HTTPEvidence.self, forKey: .evidence)
        seconds = try c.decode(Double.self, forKey: .seconds)
        sentNetrcCredentials = try c.decodeIfPresent(Bool.self, forKey: .sentNetrcCredentials)
    }

    /// The body is not encoded: evidence stays small and never carries module content.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(url, forKey: .url)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encode(bodyTruncated, forKey: .bodyTruncated)
        try c.encodeIfPresent(failure, forKey: .failure)
        try c.encodeIfPresent(evidence, forKey: .evidence)
        try c.encode(seconds, forKey: .seconds)
        try c.encodeIfPresent(sentNetrcCredentials, forKey: .sentNetrcCredentials)
    }
}

/// How the module protocol reaches a URL. The real one is `HTTPModuleTransport`; tests script
/// answers. Implementations never throw: a failure is a response with `failure` set.
public protocol ModuleTransport: Sendable {
    /// GET `url`; read at most `maxBodyBytes` (+1 to tell "too large"); `insecure` is GOINSECURE.
    func get(_ url: String, maxBodyBytes: Int, insecure: Bool, deadline: ProbeDeadline) async -> TransportResponse

    /// GET a large file (a module zip): like `get`, but the body may be streamed to a nameless
    /// temporary file (`TransportResponse.bodyFile`) instead of memory, and the transfer ends at
    /// `deadline` or at `maxBodyBytes`, whichever comes first.
    func download(_ url: String, maxBodyBytes: Int, insecure: Bool, deadline: ProbeDeadline) async -> TransportResponse
}

extension ModuleTransport {
    /// Transports that answer from memory (test scripts) download as they get.
    public func download(_ url: String, maxBodyBytes: Int, insecure: Bool, deadline: ProbeDeadline) async -> TransportResponse {
        await get(url, maxBodyBytes: maxBodyBytes, insecure: insecure, deadline: deadline)
    }
}
