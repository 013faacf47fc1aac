import NIOCore
import NIOSSL
#if canImport(Glibc)
import Glibc
#endif

/// Names a failed handshake from what was seen: the first bytes the server sent, the error
/// NIO/NIOSSL raised, and whether the deadline had passed. Pure, so it is unit-tested.
public enum TLSHandshakeClassifier {
    /// `waitedSeconds`: how long the handshake was given (the first-byte bound or what was
    /// left of the deadline), for the timeout's detail.
    /// `peer`: who was asked ("proxy.golang.org (10.0.0.1:443)"); `receivedBytes`: all the
    /// server sent, for a message over the limit.
    public static func classify(firstBytes: [UInt8], error: (any Error)?, deadlinePassed: Bool,
                                waitedSeconds: Double? = nil, peer: String? = nil, receivedBytes: Int? = nil) -> FailureClass {
        switch ServerHelloParser.parse(firstBytes) {
        case .notTLS(let preview):
            // crypto/tls/conn.go readRecordOrCCS
            return FailureClass("not-tls", "tls: first record does not look like a TLS handshake (the server sent \"\(preview)\": plain HTTP on a TLS port?)")
        case .alert(_, let description):
            return FailureClass("tls-alert", "the server sent TLS alert \(alertName(description)) (\(description))")
        default:
            break
        }
        if deadlinePassed {
            // net/http/transport.go: the go command's own text for this case
            let waited = waitedSeconds.map { " in " + PhaseClock.formatSeconds($0) } ?? " before the deadline"
            let why = firstBytes.isEmpty
                ? "the server accepted the TCP connection and never answered the handshake: no TLS byte\(waited)"
                : "the server started the handshake and did not finish it\(waited)"
            return FailureClass("handshake-timeout", "net/http: TLS handshake timeout (\(why))")
        }
        if let error, isReset(error) {
            return FailureClass("reset", "read: connection reset by peer (during the TLS handshake)")
        }
        if let error, case ChannelError.eof = error {
            return FailureClass("reset", "EOF: the server closed the connection during the TLS handshake")
        }
        if let error, let ssl = error as? NIOSSLError, case .uncleanShutdown = ssl {
            return FailureClass("reset", "EOF: the server closed the connection during the TLS handshake")
        }
        let with = peer.map { " with \($0)" } ?? ""
        if let error, TLSLibraryError.codes(error).contains(where: TLSLibraryError.isExcessiveMessageSize) {
            let received = receivedBytes ?? firstBytes.count
            return FailureClass("handshake", "TLS handshake\(with) failed: the server sent a handshake message (its certificate chain) "
                                + "larger than this client accepts, \(TLSLibraryError.maximumCertificateListBytes) bytes; "
                                + "\(received) bytes had arrived when it gave up (the go command's crypto/tls refuses any handshake "
                                + "message over \(TLSLibraryError.goMaximumHandshakeBytes) bytes)")
        }
        if let error, case let reasons = TLSLibraryError.reasonNames(error), !reasons.isEmpty {
            // BoringSSL's reason names without the library's build paths.
            return FailureClass("handshake", "TLS handshake\(with) failed: \(reasons.joined(separator: ", ")) (reported by BoringSSL)")
        }
        return FailureClass("handshake", "TLS handshake\(with) failed: \(error.map { String(describing: $0) } ?? "unknown error")")
    }

    static func isReset(_ error: any Error) -> Bool {
        if let io = error as? IOError { return io.errnoCode == ECONNRESET || io.errnoCode == EPIPE }
        return String(describing: error).contains("Connection reset")
    }

    static func alertName(_ code: UInt8) -> String {
        switch code {
        case 40: return "handshake_failure"
        case 42: return "bad_certificate"
        case 48: return "unknown_ca"
        case 70: return "protocol_version"
        case 80: return "internal_error"
        case 112: return "unrecognized_name"
        case 120: return "no_application_protocol"
        default: return "alert"
        }
    }
}
