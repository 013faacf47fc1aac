/// An errno value with the C library's text.
struct ICMPErrno: Error, Equatable {
    var code: Int32
    var text: String { ErrnoText.describe(code) }
}

/// Why an ICMP socket could not be opened ("datagram: EACCES Permission denied").
public struct ICMPSocketOpenError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var kind: ICMPSocketKind
    public var errno: Int32

    public var description: String { "\(kind.rawValue) ICMP socket: \(ErrnoText.describe(errno))" }
}
