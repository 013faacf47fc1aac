#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps what connect(2) and the first read report to a result, and words it the way the go
/// command prints a dial error (net/net.go `OpError.Error`: "dial tcp ADDR: connect: TEXT",
/// "dial tcp ADDR: i/o timeout"; syscall texts are lower-case, as in Go's zerrors_linux tables).
public enum TCPFailureClassifier {
    public static func result(forConnectErrno code: Int32) -> TCPConnectAttempt.Result {
        switch code {
        case ECONNREFUSED: .refused
        case ETIMEDOUT: .timeout
        case EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL, ENETDOWN, EHOSTDOWN: .unreachable
        case ECONNRESET, ECONNABORTED: .reset
        case EPERM, EACCES: .blocked
        default: .error
        }
    }

    /// "dial tcp 10.77.2.2:80: connect: connection refused".
    public static func connectDetail(endpoint: String, errno code: Int32) -> String {
        "dial tcp \(endpoint): connect: \(goText(code))"
    }

    /// "dial tcp 10.77.2.2:80: i/o timeout" (Go's poll.ErrDeadlineExceeded).
    public static func timeoutDetail(endpoint: String) -> String {
        "dial tcp \(endpoint): i/o timeout"
    }

    /// "read tcp 10.77.1.1:40000->10.77.2.2:80: read: connection reset by peer".
    public static func readResetDetail(local: String?, endpoint: String) -> String {
        "read tcp \(local.map { $0 + "->" } ?? "")\(endpoint): read: \(goText(ECONNRESET))"
    }

    /// strerror with a lower-case first letter: Go's errno strings for Linux.
    public static func goText(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
