import Foundation
import GoModConfig
import ModuleFetch
import Testing

/// The go command's order of trust for downloaded bytes: go.sum first, the checksum database
/// only for what go.sum lacks; bytes that cannot be hashed fail; the failure names the URL that
/// served them (fetch.go checkModSum, haveModSumLocked).
struct DownloadVerificationTests {
    static let base = "http://a/x.io/m/@v/v1.0.0"
    static let info = #"{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}"#
    static let goMod = "module x.io/m\n"

    func zipBytes(_ content: String) throws -> [UInt8] {
        let url = try ZipFixture.write([ZipFixture.File(name: "x.io/m@v1.0.0/go.mod", content: Array(Self.goMod.utf8)),
                                        ZipFixture.File(name: "x.io/m@v1.0.0/m.go", content: Array(content.utf8))])
        defer { try? FileManager.default.removeItem(at: url) }
        return Array(try Data(contentsOf: url))
    }

    func fetch(zip: [UInt8], goSumZip: [String], goSumMod: [String]) async -> ModuleFetchOutcome {
        let transport = ScriptedTransport([Self.base + ".info": ScriptedTransport.ok(Self.info), Self.base + ".mod": ScriptedTransport.ok(Self.goMod),
                                           Self.base + ".zip": ScriptedTransport.Answer(status: 200, body: zip)])
        let fetcher = ModuleFetcher(transport: transport, environment: [:], govcs: GoVCSRules(), sumdb: nil)
        var request = ModuleFetchRequest(path: "x.io/m", version: "v1.0.0",
                                         steps: [RouteStep(kind: .proxy, url: "http://a", fallback: .onNotFound, action: .fetchFromProxy)],
                                         checksumDatabase: nil, insecure: false, isPrivate: false, fetchZip: true)
        request.goSumZipHashes = goSumZip
        request.goSumModHashes = goSumMod
        return await fetcher.fetch(request, deadline: .after(seconds: 5))
    }

    func hash(_ zip: [UInt8]) throws -> String {
        let url = ZipFixture.temporaryURL()
        try Data(zip).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try ModuleZipHasher.hashZip(at: url)
    }

    @Test func zipMatchingGoSumIsServed() async throws {
        let zip = try zipBytes("package m\n")
        let outcome = await fetch(zip: zip, goSumZip: [try hash(zip)], goSumMod: [DirHash.hashGoMod(Array(Self.goMod.utf8))])
        #expect(outcome.status == .ok, "\(outcome.failure?.message ?? "")")
    }

    @Test func modifiedZipIsAnIntegrityFailureNamingTheURLThatServedIt() async throws {
        let recorded = try hash(try zipBytes("package m\n"))
        let tampered = try zipBytes("package m // changed\n")
        let outcome = await fetch(zip: tampered, goSumZip: [recorded], goSumMod: [DirHash.hashGoMod(Array(Self.goMod.utf8))])
        #expect(outcome.status == .fails && outcome.failedAt == "zip")
        #expect(outcome.failure?.layer == .integrity && outcome.failure?.failureClass == "checksum-mismatch")
        // haveModSumLocked's base.Fatalf: not wrapped in "path@version: ".
        #expect(outcome.failure?.message.hasPrefix("verifying x.io/m@v1.0.0: checksum mismatch\n\tdownloaded: h1:") == true)
        #expect(outcome.failure?.message.contains("\tgo.sum:     \(recorded)") == true)
        #expect(outcome.failure?.message.contains("SECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.") == true)
        #expect(outcome.failedURL == Self.base + ".zip")
    }

    @Test func modifiedGoModIsCaughtBeforeTheZip() async throws {
        let outcome = await fetch(zip: try zipBytes("package m\n"), goSumZip: [], goSumMod: ["h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="])
        #expect(outcome.failedAt == "mod" && outcome.failure?.layer == .integrity)
        #expect(outcome.failure?.message.hasPrefix("verifying x.io/m@v1.0.0/go.mod: checksum mismatch") == true)
        #expect(outcome.failedURL == Self.base + ".mod")
    }

    @Test func bytesThatCannotBeHashedFailClosed() async throws {
        // go.sum lists a hash, the mirror sends something that is not a zip: never a pass.
        let outcome = await fetch(zip: Array("not a zip".utf8), goSumZip: ["h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="], goSumMod: [])
        #expect(outcome.status == .fails && outcome.failedAt == "zip")
        #expect(outcome.failure?.layer == .moduleProtocol && outcome.failure?.failureClass == "bad-zip")
    }

    /// Issue 13, item 1: a zip whose entries declare 2 GiB (a zip bomb's directory) is refused
    /// by the go command's size rule before anything is inflated — even when nothing would be
    /// compared (no go.sum line, no database), it is never "served".
    @Test func aZipDeclaringTooMuchIsRefusedNotServed() async throws {
        let url = try ZipFixture.write([ZipFixture.File(name: "x.io/m@v1.0.0/go.mod", content: Array(Self.goMod.utf8)),
                                        ZipFixture.File(name: "x.io/m@v1.0.0/big.txt", content: Array("small".utf8))])
        defer { try? FileManager.default.removeItem(at: url) }
        try ZipFixture.patchUncompressedSize(url, to: 0x8000_0000)
        let outcome = await fetch(zip: Array(try Data(contentsOf: url)), goSumZip: [], goSumMod: [])
        #expect(outcome.status == .fails && outcome.failedAt == "zip")
        #expect(outcome.failure?.failureClass == "too-large", "\(outcome.failure?.message ?? "")")
    }

    /// A traversal name breaks the zip rules (golang.org/x/mod/zip checkZip): refused, not served.
    @Test func aTraversalNameIsRefusedNotServed() async throws {
        let url = try ZipFixture.write([ZipFixture.File(name: "x.io/m@v1.0.0/go.mod", content: Array(Self.goMod.utf8)),
                                        ZipFixture.File(name: "x.io/m@v1.0.0/../../etc/passwd", content: Array("x".utf8))])
        defer { try? FileManager.default.removeItem(at: url) }
        let outcome = await fetch(zip: Array(try Data(contentsOf: url)), goSumZip: [], goSumMod: [])
        #expect(outcome.status == .fails && outcome.failure?.layer == .moduleProtocol && outcome.failure?.failureClass == "bad-zip",
                "\(outcome.failure?.message ?? "")")
    }
}
