/// Go's `net.SplitHostPort` and `net.JoinHostPort`, which decide how NO_PROXY entries and
/// request addresses split into host and port.
enum GoHostPort {
    // net/ipsock.go SplitHostPort
    static func split(_ hostPort: String) -> (host: String, port: String)? {
        let bytes = Array(hostPort.utf8)
        guard let lastColon = bytes.lastIndex(of: UInt8(ascii: ":")) else { return nil }
        var host: ArraySlice<UInt8>
        var hostStart = 0
        var portSearchStart = 0
        if bytes.first == UInt8(ascii: "[") {
            guard let end = bytes.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            guard end + 1 == lastColon else { return nil }
            host = bytes[1..<end]
            hostStart = 1
            portSearchStart = end + 1
        } else {
            host = bytes[..<lastColon]
            if host.contains(UInt8(ascii: ":")) { return nil }
        }
        if bytes[hostStart...].contains(UInt8(ascii: "[")) { return nil }
        if bytes[portSearchStart...].contains(UInt8(ascii: "]")) { return nil }
        return (String(decoding: host, as: UTF8.self), String(decoding: bytes[(lastColon + 1)...], as: UTF8.self))
    }

    // net/ipsock.go JoinHostPort
    static func join(_ host: String, _ port: String) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
