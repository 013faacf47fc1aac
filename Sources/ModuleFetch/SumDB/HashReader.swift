/// Reads stored hashes of a transparency log by their storage index (`tlog.HashReader`).
/// The pure proof and tree-hash functions read through this, so they work the same over
/// an in-memory log, a local file or authenticated tiles fetched from a server.
public protocol HashReader: Sendable {
    /// Returns one hash per index, in order.
    func readHashes(_ indexes: [Int64]) async throws(ModuleFetchError) -> [LogHash]
}
