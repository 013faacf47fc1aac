import Foundation
import NetProbes
import Testing

/// Root loading like crypto/x509 root_unix.go: SSL_CERT_FILE replaces the bundle list,
/// SSL_CERT_DIR (colon separated) the directories; a certificate reached twice (c_rehash
/// links) counts once.
@Suite struct TLSTrustRootsTests {
    func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("roots-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func certFileReplacesTheBundleList() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/lab-ca.pem"
        try TLSFixtureCertificates.root.write(toFile: file, atomically: true, encoding: .utf8)
        let roots = TrustRoots.load(environment: ["SSL_CERT_FILE": file, "SSL_CERT_DIR": directory + "/none"])
        #expect(roots.origin.file == file)
        #expect(roots.origin.overriddenBy == ["SSL_CERT_FILE", "SSL_CERT_DIR"])
        #expect(roots.origin.directories.isEmpty)
        #expect(roots.certificates.count == 1)
    }

    @Test func certDirReadsEveryDirectoryAndCountsEachCertificateOnce() throws {
        let first = try scratch()
        let second = try scratch()
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        try TLSFixtureCertificates.root.write(toFile: first + "/root.pem", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: first + "/abcd1234.0", withDestinationPath: "root.pem")
        try TLSFixtureCertificates.inspectionRoot.write(toFile: second + "/corp.crt", atomically: true, encoding: .utf8)
        try "not a certificate".write(toFile: second + "/README", atomically: true, encoding: .utf8)
        let roots = TrustRoots.load(environment: ["SSL_CERT_FILE": first + "/missing.pem", "SSL_CERT_DIR": first + ":" + second])
        #expect(roots.origin.file == nil)
        #expect(roots.origin.directories == [first, second])
        #expect(roots.origin.certificateCount == 2)
        #expect(roots.origin.problems.isEmpty)
    }

    @Test func emptyVariablesKeepTheDefaults() {
        let roots = TrustRoots.load(environment: ["SSL_CERT_FILE": "", "SSL_CERT_DIR": ""])
        #expect(roots.origin.overriddenBy.isEmpty)
        #expect(roots.origin.file.map { TrustRoots.defaultFiles.contains($0) } ?? true)
    }
}
