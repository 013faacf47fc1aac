#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// errno values as evidence text: the symbolic name where it matters for diagnosis, then the
/// C library's message ("EACCES: Permission denied").
public enum ErrnoText {
    public static func describe(_ code: Int32) -> String {
        let message = String(cString: strerror(code))
        guard let name = name(code) else { return message }
        return "\(name): \(message)"
    }

    public static func name(_ code: Int32) -> String? {
        switch code {
        case EACCES: "EACCES"
        case EPERM: "EPERM"
        case EPROTONOSUPPORT: "EPROTONOSUPPORT"
        case EAFNOSUPPORT: "EAFNOSUPPORT"
        case ENETUNREACH: "ENETUNREACH"
        case EHOSTUNREACH: "EHOSTUNREACH"
        case ECONNREFUSED: "ECONNREFUSED"
        case ECONNRESET: "ECONNRESET"
        case ETIMEDOUT: "ETIMEDOUT"
        case EADDRNOTAVAIL: "EADDRNOTAVAIL"
        case ENETDOWN: "ENETDOWN"
        case EMSGSIZE: "EMSGSIZE"
        case EINVAL: "EINVAL"
        default: nil
        }
    }
}
