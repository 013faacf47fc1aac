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
