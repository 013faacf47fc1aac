import Foundation
import GoModConfig
import NetProbes

/// `SumDBOps` over the module transport with the state of a fresh GOPATH: no stored tree
/// head, an in-memory cache. Lets the checksum-database client verify what the database
/// serves (signed tree head, record, tiles) exactly as the go command would on first use.
actor TransportSumDBOps: SumDBOps {
    let base: String
    let transport: any ModuleTransport
    let deadline: ProbeDeadline
    /// Bodies already fetched (the `/lookup/…` the fetcher made itself), by remote path.
    var prefetched: [String: [UInt8]]
    var config: [String: [UInt8]] = [:]
    var cache: [String: [UInt8]] = [:]
    private(set) var requests: [TransportResponse] = []

    init(base: String, transport: any ModuleTransport, deadline: ProbeDeadline, prefetched: [String: [UInt8]]) {
        self.base = ProxyURL.trimmed(base)
        self.transport = transport
        self.deadline = deadline
        self.prefetched = prefetched
    }

    func readRemote(_ path: String) async -> Result<[UInt8], ModuleFetchError> {
        if let body = prefetched.removeValue(forKey: path) { return .success(body) }
        let response = await transport.get(base + path, maxBodyBytes: 1 << 20, insecure: false, deadline: deadline)
        requests.append(response)
        if let failure = response.failure { return .failure(ModuleFetchError("transport", failure.message)) }
        return .success(response.body)
    }

    func readConfig(_ file: String) async -> Result<[UInt8], ModuleFetchError> { .success(config[file] ?? []) }

    func writeConfig(_ file: String, old: [UInt8], new: [UInt8]) async -> Result<Bool, ModuleFetchError> {
        guard (config[file] ?? []) == old else { return .success(false) }
        config[file] = new
        return .success(true)
    }

    func readCache(_ file: String) async -> [UInt8]? { cache[file] }

    func writeCache(_ file: String, data: [UInt8]) async { cache[file] = data }

    func log(_ message: String) async {}

    func securityError(_ message: String) async {}
}
