import NetProbes

/// One GET through the project's `HTTPClient`, as the module protocol needs it: the body on
/// 2xx, otherwise a `ModuleFetchError` with the go command's text (`reading URL: 404 Not
/// Found` …) and code "not-found" for 404/410 (the go command's fs.ErrNotExist), so the
/// GOPROXY and GOSUMDB fallback rules can be applied by the caller.
public struct ModuleHTTPGetter: Sendable {
    public var client: HTTPClient
    /// Per request.
    public var timeoutSeconds: Double

    public init(client: HTTPClient, timeoutSeconds: Double = 30) {
        self.client = client
        self.timeoutSeconds = timeoutSeconds
    }

    /// A getter for `environment` (HTTP(S)_PROXY, NO_PROXY, SSL_CERT_*) with a body limit.
    public init(environment: [String: String], maxBodyBytes: Int = 16 << 20, timeoutSeconds: Double = 30) {
        self.init(client: HTTPClient(options: HTTPClientOptions(maxBodyBytes: maxBodyBytes, environment: environment)),
                  timeoutSeconds: timeoutSeconds)
    }

    // cmd/go/internal/web/http.go get + api.go HTTPError (404 and 410 are fs.ErrNotExist)
    public func get(_ url: String) async -> Result<[UInt8], ModuleFetchError> {
        await fetch(url, client: client, deadline: .after(seconds: timeoutSeconds)).map(\.body)
    }

    /// Like `get`, the body streamed to a nameless temporary file (a module zip: memory stays
    /// bounded whatever the mirror sends); the transfer ends at `deadline`.
    public func download(_ url: String, deadline: ProbeDeadline) async -> Result<HTTPBodyFile, ModuleFetchError> {
        let file: HTTPBodyFile
        do throws(HTTPBodyFile.Failure) {
            file = try HTTPBodyFile()
        } catch {
            return .failure(ModuleFetchError("local-io", error.description))
        }
        var client = self.client
        client.options.bodyFile = file
        return await fetch(url, client: client, deadline: deadline).map { _ in file }
    }

    func fetch(_ url: String, client: HTTPClient, deadline: ProbeDeadline) async -> Result<HTTPFetch, ModuleFetchError> {
        let target: HTTPRequestURL
        do {
            target = try HTTPRequestURL(url)
        } catch {
            return .failure(ModuleFetchError("transport", "\(url): \(error.description)"))
        }
        let fetch = await client.fetch(target, deadline: deadline)
        if fetch.outcome.isOK { return .success(fetch) }
        let detail = fetch.evidence.goError ?? fetch.outcome.failure?.detail ?? "request failed"
        if let status = fetch.evidence.finalStatus, status == 404 || status == 410 {
            return .failure(ModuleFetchError("not-found", detail))
        }
        let code = fetch.outcome.failure?.code == "http-status" ? "http-status" : "transport"
        return .failure(ModuleFetchError(code, detail))
    }
}
