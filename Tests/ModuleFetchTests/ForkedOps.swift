import Foundation
@testable import ModuleFetch

/// Remote reads from one database, state (config, cache, reports) from another: a client
/// that saw `config` earlier and now talks to `remote`.
struct ForkedOps: SumDBOps {
    let config: FakeSumDB
    let remote: any SumDBOps

    func readRemote(_ path: String) async -> Result<[UInt8], ModuleFetchError> { await remote.readRemote(path) }
    func readConfig(_ file: String) async -> Result<[UInt8], ModuleFetchError> { await config.readConfig(file) }
    func writeConfig(_ file: String, old: [UInt8], new: [UInt8]) async -> Result<Bool, ModuleFetchError> {
        await config.writeConfig(file, old: old, new: new)
    }
    func readCache(_ file: String) async -> [UInt8]? { await config.readCache(file) }
    func writeCache(_ file: String, data: [UInt8]) async { await config.writeCache(file, data: data) }
    func log(_ message: String) async {}
    func securityError(_ message: String) async { await config.securityError(message) }
}
