/// `--port` and `--state` of `gomod-doctor sockets`: a port matches either end.
public struct SocketFilter: Sendable, Equatable {
    public var port: Int?
    public var state: TCPSocketState?

    public init(port: Int? = nil, state: TCPSocketState? = nil) {
        self.port = port
        self.state = state
    }

    public func matches(_ entry: SocketTableEntry) -> Bool {
        if let port, entry.localPort != port && entry.remotePort != port { return false }
        if let state, entry.state != state { return false }
        return true
    }
}
