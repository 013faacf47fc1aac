import Foundation
@testable import ModuleFetch

/// Passes everything to `base`, rewriting remote responses.
struct RewritingOps: SumDBOps {
    let base: any SumDBOps
    let rewrite: @Sendable (String, [UInt8]) -> [UInt8]

    func readRemote(_ path: String) async -> Result<[UInt8], ModuleFetchError> {
        await base.readRemote(path).map { rewrite(path, $0) }
    }
    func readConfig(_ file: String) async -> Result<[UInt8], ModuleFetchError> { await base.readConfig(file) }
    func writeConfig(_ file: String, old: [UInt8], new: [UInt8]) async -> Result<Bool, ModuleFetchError> {
        await base.writeConfig(file, old: old, new: new)
    }
    func readCache(_ file: String) async -> [UInt8]? { await base.readCache(file) }
    func writeCache(_ file: String, data: [UInt8]) async { await base.writeCache(file, data: data) }
    func log(_ message: String) async { await base.log(message) }
    func securityError(_ message: String) async { await base.securityError(message) }
}
