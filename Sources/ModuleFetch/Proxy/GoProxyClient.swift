import Foundation
import GoModConfig
import NetProbes

/// A GOPROXY protocol client for one proxy base URL: requests a file and applies the go
/// command's checks to the answer (cmd/go/internal/modfetch/proxy.go, fetch.go downloadZip).
public struct GoProxyClient: Sendable {
    /// Zip bodies above this are refused (codehost.MaxZipFile, 500 MiB).
    public static let maxZipBytes = 500 << 20
    /// Bound for the other files; the go command reads them whole, 16 MiB is far above real ones.
    public static let maxFileBytes = 16 << 20

    public var base: String
    public var transport: any ModuleTransport

    public init(base: String, transport: any ModuleTransport) {
        self.base = base
        self.transport = transport
    }

    /// Fetches `file` for `modulePath`. `failure` is the go command's error for this request
    /// (unwrapped: the caller adds `path@version: `).
    public func fetch(_ file: ProxyFile, modulePath: String, deadline: ProbeDeadline) async -> ProxyFileResult {
        let url: String
        do {
            url = try ProxyURL.make(base: base, modulePath: modulePath, file: file)
        } catch {
            let failure = FetchFailure(layer: .config, failureClass: "invalid-path", message: error.message)
            return ProxyFileResult(file: file, response: TransportResponse(url: base, status: nil, failure: failure))
        }
        if case .latest = file {
            return await latest(url: url, modulePath: modulePath, deadline: deadline)
        }
        let response: TransportResponse
        if case .zip = file {
            // Streamed to a nameless temporary file: memory stays bounded for a 500 MiB zip.
            response = await transport.download(url, maxBodyBytes: Self.maxZipBytes, insecure: false, deadline: deadline)
        } else {
            response = await transport.get(url, maxBodyBytes: Self.maxFileBytes, insecure: false, deadline: deadline)
        }
        var result = ProxyFileResult(file: file, response: response)
        guard response.failure == nil else { return result }
        switch file {
        case .info(let version):
            result.protocolFailure = ProxyResponseChecks.checkInfo(response.body, requested: version, modulePath: modulePath,
                                                                   proxy: SecretRedactor.redact(base))
            result.info = ProxyInfoShape.problem(response.body) == nil ? try? JSONDecoder().decode(ProxyInfo.self, from: Data(response.body)) : nil
        case .zip(let version):
            result.protocolFailure = ProxyResponseChecks.checkZip(response.body, truncated: response.bodyTruncated,
                                                                  modulePath: modulePath, version: version)
        case .list:
            result.versions = ProxyResponseChecks.versions(inList: response.body)
        case .mod, .latest:
            break
        }
        return result
    }

    /// `@latest`, falling back to the highest release in `@v/list` on not-found
    /// (proxyRepo.Latest, proxyRepo.latest).
    func latest(url: String, modulePath: String, deadline: ProbeDeadline) async -> ProxyFileResult {
        let response = await transport.get(url, maxBodyBytes: Self.maxFileBytes, insecure: false, deadline: deadline)
        var result = ProxyFileResult(file: .latest, response: response)
        if let failure = response.failure {
            guard failure.isNotFound else { return result }
            let list = await fetch(.list, modulePath: modulePath, deadline: deadline)
            result.fallback = list.response
            if let listFailure = list.failure {
                result.response.failure = listFailure
                return result
            }
            result.response.failure = nil
            result.versions = list.versions
            // proxy.go latest: the highest release, else the highest pre-release.
            let releases = list.versions.filter { Semver.prerelease($0).isEmpty }
            result.info = (releases.last ?? list.versions.last).map { ProxyInfo(version: $0, time: nil) }
            return result
        }
        if let shape = ProxyInfoShape.failure(response.body, file: "\(modulePath)@latest", proxy: SecretRedactor.redact(base)) {
            result.protocolFailure = shape
            return result
        }
        result.info = try? JSONDecoder().decode(ProxyInfo.self, from: Data(response.body))
        if result.info == nil {
            result.protocolFailure = FetchFailure(
                layer: .moduleProtocol, failureClass: "invalid-response",
                message: "invalid response from proxy \"\(SecretRedactor.redact(base))\": " + ProxyResponseChecks.jsonError(response.body))
        }
        return result
    }
}

/// The `.info` / `@latest` JSON (modfetch.RevInfo).
public struct ProxyInfo: Sendable, Equatable, Codable {
    public var version: String
    public var time: String?

    public init(version: String, time: String?) {
        self.version = version
        self.time = time
    }

    enum CodingKeys: String, CodingKey {
        case version = "Version"
        case time = "Time"
    }

    /// Like json.Unmarshal into RevInfo: missing fields stay empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(String.self, forKey: .version) ?? ""
        time = try container.decodeIfPresent(String.self, forKey: .time)
    }
}

/// One file fetched from one proxy, with what the go command would make of it.
public struct ProxyFileResult: Sendable, Equatable, Codable {
    public var file: ProxyFile
    public var response: TransportResponse
    /// The `@v/list` request made after `@latest` was not found.
    public var fallback: TransportResponse?
    /// A 200 answer that the go command rejects.
    public var protocolFailure: FetchFailure?
    public var info: ProxyInfo?
    /// `@v/list` (or the `@latest` fallback): valid semantic versions, sorted ascending.
    public var versions: [String] = []

    public init(file: ProxyFile, response: TransportResponse) {
        self.file = file
        self.response = response
    }

    /// The go command's error for this request, nil when it would accept the answer.
    public var failure: FetchFailure? { response.failure ?? protocolFailure }
}
