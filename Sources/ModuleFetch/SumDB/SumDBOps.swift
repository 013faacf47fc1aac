/// The I/O a checksum-database client needs (golang.org/x/mod `sumdb.ClientOps`), kept
/// narrow so the protocol logic stays pure: the HTTP transport, the on-disk state and the
/// reporting plug in here. Tests serve fixtures or a misbehaving server through it.
public protocol SumDBOps: Sendable {
    /// GET `path` (`/latest`, `/lookup/…`, `/tile/…`) from the database's base URL.
    func readRemote(_ path: String) async -> Result<[UInt8], ModuleFetchError>

    /// The stored configuration file `file` (`<name>/latest`: the last signed tree head
    /// seen); empty bytes when there is none yet.
    func readConfig(_ file: String) async -> Result<[UInt8], ModuleFetchError>

    /// Replaces `file` with `new` only if it still holds `old` (compare-and-swap).
    /// Returns false on a write conflict, so the client re-reads and merges again.
    func writeConfig(_ file: String, old: [UInt8], new: [UInt8]) async -> Result<Bool, ModuleFetchError>

    /// A cached lookup or tile (`<name>/lookup/…`, `<name>/tile/…`), nil when absent.
    func readCache(_ file: String) async -> [UInt8]?

    /// Stores a lookup or tile that was authenticated.
    func writeCache(_ file: String, data: [UInt8]) async

    /// Diagnostic log line.
    func log(_ message: String) async

    /// Reports proof of server misbehaviour (the full `SECURITY ERROR` text).
    func securityError(_ message: String) async
}
