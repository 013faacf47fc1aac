import Foundation

/// A fault rule of the lab GOPROXY (see lab/goproxy/server.py): the first rule whose
/// `prefix` starts the request path applies. `trickle` answers 200 and then sends one body
/// byte a second forever; `cutAfter` sends that many body bytes and closes early; both frame
/// the body by `framing`: "close" (no Content-Length, the default), "chunked" (never the last
/// chunk) or "length" (a Content-Length never reached).
public struct ProxyRule: Sendable, Codable, Hashable {
    public var prefix: String
    public var status: Int?
    public var body: String?
    public var location: String?
    public var delayMs: Int?
    public var hang: Bool?
    public var trickle: Bool?
    public var cutAfter: Int?
    public var framing: String?

    public init(prefix: String, status: Int? = nil, body: String? = nil, location: String? = nil, delayMs: Int? = nil, hang: Bool? = nil,
                trickle: Bool? = nil, cutAfter: Int? = nil, framing: String? = nil) {
        self.prefix = prefix
        self.status = status
        self.body = body
        self.location = location
        self.delayMs = delayMs
        self.hang = hang
        self.trickle = trickle
        self.cutAfter = cutAfter
        self.framing = framing
    }

    enum CodingKeys: String, CodingKey {
        case prefix, status, body, location, hang, trickle, framing
        case delayMs = "delay_ms"
        case cutAfter = "cut_after"
    }
}
