import Foundation

/// A fault rule of the lab GOPROXY (see lab/goproxy/server.py): the first rule whose
/// `prefix` starts the request path applies.
public struct ProxyRule: Sendable, Codable, Hashable {
    public var prefix: String
    public var status: Int?
    public var body: String?
    public var location: String?
    public var delayMs: Int?
    public var hang: Bool?

    public init(prefix: String, status: Int? = nil, body: String? = nil, location: String? = nil, delayMs: Int? = nil, hang: Bool? = nil) {
        self.prefix = prefix
        self.status = status
        self.body = body
        self.location = location
        self.delayMs = delayMs
        self.hang = hang
    }

    enum CodingKeys: String, CodingKey {
        case prefix, status, body, location, hang
        case delayMs = "delay_ms"
    }
}
