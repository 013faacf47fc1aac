import Foundation

/// When a certificate is valid. OpenSSL 3.0 `req`/`x509` cannot back-date, so the lab signs
/// with `openssl ca -startdate/-enddate`.
public enum CertificateValidity: Sendable {
    /// From a day ago to 30 days ahead.
    case valid
    /// From 30 days ago to yesterday.
    case expired
    /// From 30 to 60 days ahead.
    case notYetValid
    case between(Date, Date)

    var interval: (Date, Date) {
        let day: TimeInterval = 86_400
        switch self {
        case .valid: return (Date() - day, Date() + 30 * day)
        case .expired: return (Date() - 30 * day, Date() - day)
        case .notYetValid: return (Date() + 30 * day, Date() + 60 * day)
        case .between(let start, let end): return (start, end)
        }
    }

    /// The YYYYMMDDHHMMSSZ form `openssl ca` takes.
    static func opensslTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss'Z'"
        return formatter.string(from: date)
    }
}
