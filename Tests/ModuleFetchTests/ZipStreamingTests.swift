import Foundation
import NetProbes
import Testing
@testable import ModuleFetch

/// Issue 13 item 4, the verification's part: a zip is hashed from the nameless file it was
/// streamed to, within the same deadline as its transfer; hashing still running at the deadline
/// is a "timeout" failure — never a hash, never "bad-zip".
@Suite struct ZipStreamingTests {
    static let files: [ZipFixture.File] = [.init(name: "example.com/m@v1.0.0/go.mod", content: Array("module example.com/m\n".utf8)),
                                           .init(name: "example.com/m@v1.0.0/m.go", content: Array("package m\n".utf8))]

    static func served() throws -> TransportResponse {
        let url = try ZipFixture.write(files)
        defer { try? FileManager.default.removeItem(at: url) }
        var response = TransportResponse(url: "http://proxy/example.com/m/@v/v1.0.0.zip", status: 200)
        response.bodyFile = try ModuleZipStore.file(for: Array(try Data(contentsOf: url)))
        return response
    }

    @Test func aStreamedZipIsHashedFromItsFile() throws {
        let expected = try DirHash.hash1(Self.files.map { DirHash.FileDigest(name: $0.name, content: $0.content) })
        let result = DownloadVerification.hashZip(try Self.served(), path: "example.com/m", version: "v1.0.0", deadline: .after(seconds: 30))
        #expect(try result.get() == expected)
        #expect(DownloadVerification.checkZip(try Self.served(), path: "example.com/m", version: "v1.0.0", goSum: [expected],
                                              database: nil, deadline: .after(seconds: 30)) == nil)
    }

    @Test func hashingPastTheDeadlineIsATimeout() throws {
        let failure = DownloadVerification.checkZip(try Self.served(), path: "example.com/m", version: "v1.0.0", goSum: [],
                                                    database: nil, deadline: .after(seconds: -1))
        #expect(failure?.failureClass == "timeout", "\(String(describing: failure))")
        #expect(failure?.layer == .integrity)
    }

    @Test func noAnswerIsNotAValidZip() {
        let failure = DownloadVerification.checkZip(nil, path: "example.com/m", version: "v1.0.0", goSum: [], database: nil)
        #expect(failure?.failureClass == "bad-zip", "\(String(describing: failure))")
    }
}
