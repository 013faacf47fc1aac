/// Where a go error broke, in the vocabulary of the probe and fetch layers
/// (docs/json-tls-http.md failure codes, docs/json-fetch.md classes): the layer, a bounded
/// class, and the specific cause (a catalog key suffix: `explain.cause.<cause>`).
public struct GoErrorClassification: Sendable, Equatable, Codable {
    public var layer: Layer
    /// `nxdomain`, `timeout`, `refused`, `reset`, `unknown-authority`, `not-found`, `auth`, …
    public var failureClass: String
    /// `dns-nxdomain`, `sumdb-private-module`, `gosum-mismatch`, … or `unknown`.
    public var cause: String
    /// Which step of the download: `proxy`, `direct`, `sumdb`, `config`, `local`; nil when unclear.
    public var stage: String?

    public init(layer: Layer, failureClass: String, cause: String, stage: String? = nil) {
        self.layer = layer
        self.failureClass = failureClass
        self.cause = cause
        self.stage = stage
    }

    enum CodingKeys: String, CodingKey {
        case layer
        case failureClass = "class"
        case cause, stage
    }
}
