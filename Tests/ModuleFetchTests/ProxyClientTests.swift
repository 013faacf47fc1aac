import Foundation
import GoModConfig
import ModuleFetch
import NetProbes
import Testing

/// Answers from a table of URL → (status, body); anything else is 404. Records every URL asked.
final class ScriptedTransport: ModuleTransport, @unchecked Sendable {
    struct Answer {
        var status: Int?
        var body: [UInt8]
        var failure: FetchFailure?
    }

    private let lock = NSLock()
    private var answers: [String: Answer]
    private var asked: [String] = []

    init(_ answers: [String: Answer] = [:]) {
        self.answers = answers
    }

    static func ok(_ text: String) -> Answer { Answer(status: 200, body: Array(text.utf8)) }
    static func status(_ code: Int, _ line: String) -> Answer { Answer(status: code, body: []) }
    static func transport(_ layer: FetchFailure.Layer, _ cls: String, _ message: String) -> Answer {
        Answer(status: nil, body: [], failure: FetchFailure(layer: layer, failureClass: cls, message: message))
    }

    var requested: [String] { lock.withLock { asked } }

    func get(_ url: String, maxBodyBytes: Int, insecure: Bool, deadline: ProbeDeadline) async -> TransportResponse {
        let answer = lock.withLock {
            asked.append(url)
            return answers[url]
        }
        guard let answer else {
            return TransportResponse(url: url, status: 404, failure: FetchFailure(
                layer: .http, failureClass: "not-found", message: "reading \(url): 404 Not Found"))
        }
        if let failure = answer.failure { return TransportResponse(url: url, status: nil, failure: failure) }
        let status = answer.status ?? 200
        var response = TransportResponse(url: url, status: status, body: Array(answer.body.prefix(maxBodyBytes)),
                                         bodyTruncated: answer.body.count > maxBodyBytes)
        if status != 200 {
            response.failure = FetchFailure(layer: .http, failureClass: HTTPClient.statusClass(status),
                                            message: "reading \(url): \(status) \(Self.reason(status))")
        }
        return response
    }

    static func reason(_ status: Int) -> String {
        [403: "Forbidden", 404: "Not Found", 410: "Gone", 500: "Internal Server Error", 401: "Unauthorized"][status] ?? "Status"
    }
}

@Suite
struct ProxyClientTests {
    @Test
    func urlsEscapeUpperCaseAndBangOnTheWire() throws {
        let url = try ProxyURL.make(base: "https://proxy.example/", modulePath: "github.com/GoogleCloudPlatform/omega", file: .info("v1.0.0-RC1"))
        #expect(url == "https://proxy.example/github.com/%21google%21cloud%21platform/omega/@v/v1.0.0-%21r%21c1.info")
        #expect(try ProxyURL.make(base: "file:///srv/proxy", modulePath: "rsc.io/quote", file: .list) == "file:///srv/proxy/rsc.io/quote/@v/list")
        #expect(try ProxyURL.make(base: "http://p", modulePath: "x.io/m", file: .latest) == "http://p/x.io/m/@latest")
        #expect(try ProxyURL.make(base: "http://p", modulePath: "x.io/m", file: .zip("v2.0.0+incompatible")) == "http://p/x.io/m/@v/v2.0.0+incompatible.zip")
        #expect(try SumDBRouter.lookupURL(base: "https://sum.example/", path: "github.com/Foo/bar", version: "v1.0.0") ==
            "https://sum.example/lookup/github.com/!foo/bar@v1.0.0")
        #expect(ProxyURL.sumdbSupported(base: "https://p.example/", name: "sum.golang.org") == "https://p.example/sumdb/sum.golang.org/supported")
        #expect(ProxyURL.pathEscape("a b?c#d/e;f,g!") == "a%20b%3Fc%23d/e%3Bf%2Cg%21")
        #expect(throws: ConfigInputError.self) { try ProxyURL.make(base: "http://p", modulePath: "x.io/M!x", file: .list) }
    }

    @Test
    func infoChecksFollowTheGoCommand() {
        #expect(ProxyResponseChecks.checkInfo(Array(#"{"Version":"v1.0.0"}"#.utf8), requested: "v1.0.0", modulePath: "x.io/m", proxy: "http://p") == nil)
        let mismatch = ProxyResponseChecks.checkInfo(Array(#"{"Version":"v1.0.1"}"#.utf8), requested: "v1.0.0", modulePath: "x.io/m", proxy: "http://p")
        #expect(mismatch?.message == "proxy returned info for version v1.0.1 instead of requested version")
        #expect(mismatch?.layer == .moduleProtocol)
        let html = ProxyResponseChecks.checkInfo(Array("<html>".utf8), requested: "v1.0.0", modulePath: "x.io/m", proxy: "http://p")
        #expect(html?.message == "invalid response from proxy \"http://p\": invalid character '<' looking for beginning of value")
        let empty = ProxyResponseChecks.checkInfo([], requested: "v1.0.0", modulePath: "x.io/m", proxy: "http://p")
        #expect(empty?.message == "invalid response from proxy \"http://p\": unexpected end of JSON input")
        // A non-canonical query is not held to an exact answer.
        #expect(ProxyResponseChecks.checkInfo(Array(#"{"Version":"v1.0.0"}"#.utf8), requested: "v1.0", modulePath: "x.io/m", proxy: "p") == nil)
    }

    @Test
    func proxyFileJSONRoundTrips() throws {
        let files: [ProxyFile] = [.list, .latest, .info("v1.0.0"), .mod("v1.0.0"), .zip("v2.0.0+incompatible")]
        let data = try JSONEncoder().encode(files)
        #expect(String(decoding: try JSONEncoder().encode(ProxyFile.info("v1.0.0")), as: UTF8.self).contains(#""kind":"info""#))
        #expect(try JSONDecoder().decode([ProxyFile].self, from: data) == files)
    }

    @Test
    func listKeepsCanonicalVersionsSorted() {
        let body = Array("v1.10.0 2024-01-01T00:00:00Z\nv1.2.0\nnot-a-version\nv1.2\nv1.2.0\nv2.0.0-rc.1\n".utf8)
        #expect(ProxyResponseChecks.versions(inList: body) == ["v1.2.0", "v1.10.0", "v2.0.0-rc.1"])
    }

    @Test
    func latestFallsBackToTheListOnNotFound() async {
        let transport = ScriptedTransport(["http://p/x.io/m/@v/list": ScriptedTransport.ok("v1.0.0\nv1.3.0\nv1.4.0-pre\n")])
        let result = await GoProxyClient(base: "http://p", transport: transport).fetch(.latest, modulePath: "x.io/m", deadline: .after(seconds: 5))
        #expect(result.failure == nil)
        #expect(result.info?.version == "v1.3.0")
        #expect(transport.requested == ["http://p/x.io/m/@latest", "http://p/x.io/m/@v/list"])
        let forbidden = ScriptedTransport(["http://p/x.io/m/@latest": ScriptedTransport.status(403, "")])
        let refused = await GoProxyClient(base: "http://p", transport: forbidden).fetch(.latest, modulePath: "x.io/m", deadline: .after(seconds: 5))
        #expect(refused.failure?.failureClass == "auth")
        #expect(forbidden.requested == ["http://p/x.io/m/@latest"], "only not-found falls back to the list")
    }

    @Test
    func zipTooLargeIsRefusedInTheWalkGarbageAfterIt() {
        #expect(ProxyResponseChecks.checkZip([], truncated: true, modulePath: "x.io/m", version: "v1.0.0")?.message == "downloaded zip file too large")
        // Garbage is refused after the walk (fetch.go downloadZip), where `|` does not fall through:
        // DownloadVerificationTests.bytesThatCannotBeHashedFailClosed.
        #expect(ProxyResponseChecks.checkZip(Array("not a zip".utf8), truncated: false, modulePath: "x.io/m", version: "v1.0.0") == nil)
    }

    @Test
    func fileProxyMapsMissingToNotFound() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fetch-file-proxy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("x.io/m/@v"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(#"{"Version":"v1.0.0"}"#.utf8).write(to: root.appendingPathComponent("x.io/m/@v/v1.0.0.info"))
        let client = GoProxyClient(base: "file://" + root.path, transport: HTTPModuleTransport(environment: [:], auth: GoAuthCredentials(goauth: "off", supported: true, environment: [:])))
        let info = await client.fetch(.info("v1.0.0"), modulePath: "x.io/m", deadline: .after(seconds: 5))
        #expect(info.failure == nil && info.info?.version == "v1.0.0")
        let missing = await client.fetch(.mod("v1.0.0"), modulePath: "x.io/m", deadline: .after(seconds: 5))
        #expect(missing.response.status == 404)
        #expect(missing.failure?.isNotFound == true)
        #expect(missing.failure?.message == "reading file://\(root.path)/x.io/m/@v/v1.0.0.mod: no such file or directory")
    }
}
