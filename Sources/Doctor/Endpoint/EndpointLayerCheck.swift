/// One line of the layer chain `gomod-doctor probe` prints: how one layer of an endpoint fared.
public struct EndpointLayerCheck: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// The layer worked.
        case ok
        /// It worked with a caveat (ICMP filtered, IPv6 broken while IPv4 works).
        case warning
        /// The first broken layer: the root cause.
        case failed
        /// It failed too, but only because a layer below it did.
        case symptom
        /// Not probed (a layer below failed, or not applicable: TLS on http, trace when TCP was fine).
        case skipped
    }

    public var layer: Layer
    public var status: Status
    /// What was seen, in the probe's own words ("dial tcp 10.77.4.2:443: i/o timeout").
    public var detail: String

    public init(layer: Layer, status: Status, detail: String = "") {
        self.layer = layer
        self.status = status
        self.detail = detail
    }
}
