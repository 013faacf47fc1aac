#if canImport(Glibc)
import Glibc

/// Opens the transport of a trace method.
enum TraceTransports {
    static func open(_ configuration: TraceConfiguration, destination: String) throws(TraceTransportError) -> any TraceTransport {
        switch configuration.method {
        case .udp: return try TraceUDPTransport(destination: destination, basePort: configuration.port)
        case .tcp: return TraceTCPTransport(destination: destination, port: configuration.port)
        case .icmp:
            // The unprivileged datagram socket first; a raw socket when the kernel refuses it.
            do {
                return try TraceICMPDatagramTransport(destination: destination)
            } catch where error.isPermission {
                do {
                    return try TraceICMPTransport(destination: destination)
                } catch {
                    throw TraceTransportError(message: error.message + "; datagram icmp socket refused too (net.ipv4.ping_group_range)",
                                              isPermission: error.isPermission)
                }
            }
        }
    }

    static func socketError(_ what: String) -> TraceTransportError {
        let code = errno
        return TraceTransportError(message: "\(what): " + TraceLinux.errorText(code),
                                   isPermission: code == EPERM || code == EACCES)
    }
}
#endif
