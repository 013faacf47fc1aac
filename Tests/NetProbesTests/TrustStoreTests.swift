import Foundation
import NetProbes
import Testing

/// `TrustStore`: the roots load once per store, off the cooperative threads, and every caller
/// (however many at once) gets that one load.
@Suite struct TrustStoreTests {
    @Test func concurrentCallersShareOneLoad() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trust-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/lab-ca.pem"
        try TLSFixtureCertificates.root.write(toFile: file, atomically: true, encoding: .utf8)
        let store = TrustStore(environment: ["SSL_CERT_FILE": file, "SSL_CERT_DIR": directory + "/none"])
        store.prepare()
        // The file goes away after the first load started: callers that come later still get
        // the roots of that one load, never a second (empty) one.
        let first = await store.loaded()
        try FileManager.default.removeItem(atPath: file)
        let origins = await withTaskGroup(of: TrustRootOrigin.self) { group in
            for _ in 0..<32 { group.addTask { await store.loaded().roots.origin } }
            var all: [TrustRootOrigin] = []
            for await origin in group { all.append(origin) }
            return all
        }
        #expect(first.roots.origin.file == file && first.roots.origin.certificateCount == 1)
        #expect(origins.count == 32 && origins.allSatisfy { $0 == first.roots.origin })
    }

    @Test func theSharedStoreIsOnePerTrustConfiguration() {
        let a = TrustStore.shared(environment: ["SSL_CERT_FILE": "/nonexistent/a.pem"])
        let b = TrustStore.shared(environment: ["SSL_CERT_FILE": "/nonexistent/a.pem", "HOME": "/elsewhere"])
        let c = TrustStore.shared(environment: ["SSL_CERT_FILE": "/nonexistent/c.pem"])
        #expect(a === b)
        #expect(a !== c)
    }
}
