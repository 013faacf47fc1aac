import Foundation

/// A certificate authority made by the lab with the openssl CLI (EC P-256 keys).
public struct LabCertificateAuthority: Sendable {
    public let name: String
    /// The CA certificate (PEM): the file to give curl `--cacert` or Go `SSL_CERT_FILE`.
    public let certificatePath: String
    public let keyPath: String
    /// A directory of its own, for the per-certificate `openssl ca` databases.
    let directory: String
}

/// A server certificate and its key (PEM files).
public struct LabCertificate: Sendable {
    public let certificatePath: String
    public let keyPath: String
    /// The issuing CA's certificate (nil for a self-signed certificate).
    public let issuerPath: String?
}

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

/// The openssl configuration files the lab writes (no system openssl.cnf is read).
enum OpenSSLConfig {
    static func request(commonName: String) -> String {
        """
        [ req ]
        distinguished_name = dn
        prompt = no
        [ dn ]
        CN = \(commonName)
        [ ca_ext ]
        basicConstraints = critical,CA:TRUE
        keyUsage = critical,keyCertSign,cRLSign
        subjectKeyIdentifier = hash

        """
    }

    /// A `openssl ca` configuration with its own database in `directory`.
    static func authority(directory: String, ca: LabCertificateAuthority, subjectAltNames: [String]) -> String {
        """
        [ ca ]
        default_ca = lab
        [ lab ]
        database = \(directory)/index.txt
        serial = \(directory)/serial
        new_certs_dir = \(directory)
        certificate = \(ca.certificatePath)
        private_key = \(ca.keyPath)
        default_md = sha256
        policy = any_name
        unique_subject = no
        copy_extensions = none
        email_in_dn = no
        [ any_name ]
        commonName = supplied
        [ leaf_ext ]
        \(leafExtensions(subjectAltNames: subjectAltNames))
        """
    }

    static func leafExtensions(subjectAltNames: [String]) -> String {
        var lines = [
            "basicConstraints = critical,CA:FALSE",
            "keyUsage = critical,digitalSignature,keyEncipherment",
            "extendedKeyUsage = serverAuth",
            "subjectKeyIdentifier = hash",
        ]
        if !subjectAltNames.isEmpty { lines.append("subjectAltName = " + subjectAltNames.joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "DNS:name" and "IP:address" entries.
    static func subjectAltNames(dnsNames: [String], ipAddresses: [String]) -> [String] {
        dnsNames.map { "DNS:\($0)" } + ipAddresses.map { "IP:\($0)" }
    }
}
