import Foundation
import SwiftASN1
import X509

/// Where the trust roots came from, for evidence ("SSL_CERT_FILE=/tmp/lab-ca.pem: 1 certificate").
public struct TrustRootOrigin: Sendable, Codable, Equatable {
    /// The bundle file that was read (the first that exists), if any.
    public var file: String?
    /// Directories whose files were read.
    public var directories: [String]
    /// Variables that replaced the defaults ("SSL_CERT_FILE", "SSL_CERT_DIR").
    public var overriddenBy: [String]
    public var certificateCount: Int
    /// Read errors other than "does not exist".
    public var problems: [String]

    /// A probe's value until the roots it awaits have loaded; replaced before its evidence is
    /// returned.
    static let notLoaded = TrustRootOrigin(file: nil, directories: [], overriddenBy: [], certificateCount: 0, problems: [])
}

/// The roots the go command would trust on Linux (crypto/x509/root_unix.go loadSystemRoots,
/// root_linux.go): SSL_CERT_FILE replaces the bundle list (the first readable file wins),
/// SSL_CERT_DIR (colon separated) replaces the directory list (every file of every directory).
public struct TrustRoots: Sendable {
    public var certificates: [Certificate]
    public var origin: TrustRootOrigin

    // crypto/x509/root_linux.go certFiles
    public static let defaultFiles = [
        "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/ca-bundle.pem",
        "/etc/pki/tls/cacert.pem", "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", "/etc/ssl/cert.pem",
    ]
    // crypto/x509/root_linux.go certDirectories
    public static let defaultDirectories = ["/etc/ssl/certs", "/etc/pki/tls/certs", "/system/etc/security/cacerts"]

    public init(certificates: [Certificate], origin: TrustRootOrigin) {
        self.certificates = certificates
        self.origin = origin
    }

    /// Roots from PEM text (fixtures, or a bundle already read); `label` names it as the file.
    public static func fromPEM(_ text: String, label: String) -> TrustRoots {
        var collector = PEMCollector()
        collector.add(Data(text.utf8))
        return TrustRoots(certificates: collector.certificates,
                          origin: TrustRootOrigin(file: label, directories: [], overriddenBy: [],
                                                  certificateCount: collector.certificates.count, problems: []))
    }

    /// The DER blocks of the certificates in PEM text, in order (a chain as a server sends it).
    public static func derCertificates(inPEM text: String) -> [[UInt8]] {
        guard let documents = try? PEMDocument.parseMultiple(pemString: text) else { return [] }
        return documents.filter { $0.discriminator == "CERTIFICATE" }.map(\.derBytes)
    }

    /// Loads the roots for `environment` (the process environment, passed as a value).
    public static func load(environment: [String: String]) -> TrustRoots {
        var files = defaultFiles
        var directories = defaultDirectories
        var overriddenBy: [String] = []
        if let file = environment["SSL_CERT_FILE"], !file.isEmpty {
            files = [file]
            overriddenBy.append("SSL_CERT_FILE")
        }
        if let dirs = environment["SSL_CERT_DIR"], !dirs.isEmpty {
            directories = dirs.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            overriddenBy.append("SSL_CERT_DIR")
        }
        return load(files: files, directories: directories, overriddenBy: overriddenBy)
    }

    /// The defaults whatever the environment says: the "public" roots this machine ships.
    public static func systemDefaults() -> TrustRoots {
        load(files: defaultFiles, directories: defaultDirectories, overriddenBy: [])
    }

    static func load(files: [String], directories: [String], overriddenBy: [String]) -> TrustRoots {
        var collector = PEMCollector()
        var problems: [String] = []
        var usedFile: String?
        for file in files {
            if let data = FileManager.default.contents(atPath: file) {
                collector.add(data)
                usedFile = file
                break
            }
            if FileManager.default.fileExists(atPath: file) { problems.append("\(file): not readable") }
        }
        var usedDirectories: [String] = []
        for directory in directories {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            usedDirectories.append(directory)
            for name in names.sorted() where !isSameDirectoryLink(directory: directory, name: name) {
                if let data = FileManager.default.contents(atPath: directory + "/" + name) { collector.add(data) }
            }
        }
        let origin = TrustRootOrigin(file: usedFile, directories: usedDirectories, overriddenBy: overriddenBy,
                                     certificateCount: collector.certificates.count, problems: problems)
        return TrustRoots(certificates: collector.certificates, origin: origin)
    }

    /// crypto/x509/root_unix.go readUniqueDirectoryEntries: symlinks into the same directory
    /// (the c_rehash links) are skipped, their targets are read anyway.
    static func isSameDirectoryLink(directory: String, name: String) -> Bool {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: directory + "/" + name) else { return false }
        return !target.contains("/")
    }
}

/// Collects the certificates of PEM bundles, once each.
struct PEMCollector {
    var certificates: [Certificate] = []
    private var seen: Set<[UInt8]> = []

    mutating func add(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        guard text.contains("-----BEGIN CERTIFICATE-----"),
              let documents = try? PEMDocument.parseMultiple(pemString: text) else { return }
        for document in documents where document.discriminator == "CERTIFICATE" {
            guard !seen.contains(document.derBytes), let certificate = try? Certificate(derEncoded: document.derBytes) else { continue }
            seen.insert(document.derBytes)
            certificates.append(certificate)
        }
    }
}
