/// A `HashReader` over a list of stored hashes held in memory (index = position).
public struct StoredHashList: HashReader {
    public private(set) var hashes: [LogHash] = []
    /// The number of records whose hashes are stored.
    public private(set) var recordCount: Int64 = 0

    public init() {}

    /// Appends the stored hashes for the next record, as `tlog.StoredHashes` computes them.
    public mutating func append(record data: [UInt8]) async throws(ModuleFetchError) {
        hashes += try await TransparencyLog.storedHashes(n: recordCount, data: data, reader: self)
        recordCount += 1
    }

    public func readHashes(_ indexes: [Int64]) async throws(ModuleFetchError) -> [LogHash] {
        try indexes.map { (index: Int64) throws(ModuleFetchError) -> LogHash in
            guard index >= 0, index < Int64(hashes.count) else {
                throw ModuleFetchError("tlog", "hash index \(index) not stored")
            }
            return hashes[Int(index)]
        }
    }
}
