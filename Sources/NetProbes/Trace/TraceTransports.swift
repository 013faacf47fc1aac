#if canImport(Glibc)
import Glibc

/// Opens the transport of a trace method.
enum TraceTransports {
    static func open(_ configuration: TraceConfiguration, destination: String) throws(TraceTransportError) -> any TraceTransport {
        switch configuration.method {
        case .udp: return try TraceUDPTransport(destination: destination, basePort: configuration.port)
        case .tcp: return TraceTCPTransport(destination: destination, port: configuration.port)
        case .icmp: return try TraceICMPTransport(destination: destination)
        }
    }

    static func socketError(_ what: String) -> TraceTransportError {
        let code = errno
        return TraceTransportError(message: "\(what): " + TraceLinux.errorText(code),
                                   isPermission: code == EPERM || code == EACCES)
    }
}
#endif
