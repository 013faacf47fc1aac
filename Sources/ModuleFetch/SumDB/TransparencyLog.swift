/// The transparency-log arithmetic of the checksum database (RFC 6962 trees stored as a
/// flat array of hashes), ported from golang.org/x/mod/sumdb/tlog so that what we prove and
/// check is exactly what the go command proves and checks.
public enum TransparencyLog {
    /// The largest power of two strictly less than n, and its log2 (n > 1).
    // golang.org/x/mod/sumdb/tlog/tlog.go maxpow2
    static func maxPow2(_ n: Int64) -> (k: Int64, level: Int) {
        var level = 0
        while Int64(1) << (level + 1) < n { level += 1 }
        return (Int64(1) << level, level)
    }

    /// The storage index of the hash at `level` with number `n` in that level.
    // golang.org/x/mod/sumdb/tlog/tlog.go StoredHashIndex
    public static func storedHashIndex(level: Int, n: Int64) -> Int64 {
        var n = n
        for _ in 0..<level { n = 2 * n + 1 }
        var index: Int64 = 0
        while n > 0 {
            index += n
            n >>= 1
        }
        return index + Int64(level)
    }

    /// The inverse of `storedHashIndex`.
    // golang.org/x/mod/sumdb/tlog/tlog.go SplitStoredHashIndex
    public static func splitStoredHashIndex(_ index: Int64) -> (level: Int, n: Int64) {
        var n = index / 2
        var indexN = storedHashIndex(level: 0, n: n)
        while true {
            let next = indexN + 1 + Int64(UInt64(n + 1).trailingZeroBitCount)
            if next > index { break }
            n += 1
            indexN = next
        }
        let level = Int(index - indexN)
        return (level, n >> level)
    }

    /// The number of stored hashes for a tree of `n` records.
    // golang.org/x/mod/sumdb/tlog/tlog.go StoredHashCount
    public static func storedHashCount(_ n: Int64) -> Int64 {
        guard n > 0 else { return 0 }
        var count = storedHashIndex(level: 0, n: n - 1) + 1
        var i = UInt64(n - 1)
        while i & 1 != 0 {
            count += 1
            i >>= 1
        }
        return count
    }

    /// The hashes to append to storage when adding record `n` with `data`.
    // golang.org/x/mod/sumdb/tlog/tlog.go StoredHashes
    public static func storedHashes(n: Int64, data: [UInt8], reader: some HashReader) async throws(ModuleFetchError) -> [LogHash] {
        var hash = LogHash.record(data)
        var hashes = [hash]
        let m = UInt64(n + 1).trailingZeroBitCount
        var indexes = [Int64](repeating: 0, count: m)
        for i in 0..<m {
            indexes[m - 1 - i] = storedHashIndex(level: i, n: (n >> i) - 1)
        }
        let old = try await reader.readHashes(indexes)
        guard old.count == indexes.count else { throw countMismatch(indexes.count, old.count) }
        for i in 0..<m {
            hash = LogHash.node(old[m - 1 - i], hash)
            hashes.append(hash)
        }
        return hashes
    }

    /// The root hash of the tree of the first `n` records (zero hash for n = 0).
    // golang.org/x/mod/sumdb/tlog/tlog.go TreeHash
    public static func treeHash(_ n: Int64, reader: some HashReader) async throws(ModuleFetchError) -> LogHash {
        guard n > 0 else { return .zero }
        let indexes = subTreeIndex(lo: 0, hi: n, need: [])
        let hashes = try await reader.readHashes(indexes)
        guard hashes.count == indexes.count else { throw countMismatch(indexes.count, hashes.count) }
        var rest = hashes[...]
        return subTreeHash(lo: 0, hi: n, hashes: &rest)
    }

    /// Storage indexes of the complete subtrees covering [lo, hi).
    // golang.org/x/mod/sumdb/tlog/tlog.go subTreeIndex
    static func subTreeIndex(lo: Int64, hi: Int64, need: [Int64]) -> [Int64] {
        var lo = lo
        var need = need
        while lo < hi {
            let (k, level) = maxPow2(hi - lo + 1)
            precondition(lo & (k - 1) == 0, "tlog: bad math in subTreeIndex")
            need.append(storedHashIndex(level: level, n: lo >> level))
            lo += k
        }
        return need
    }

    /// Combines the subtree hashes read for [lo, hi), consuming them from `hashes`.
    // golang.org/x/mod/sumdb/tlog/tlog.go subTreeHash
    static func subTreeHash(lo: Int64, hi: Int64, hashes: inout ArraySlice<LogHash>) -> LogHash {
        var numTree = 0
        var lo = lo
        while lo < hi {
            let (k, _) = maxPow2(hi - lo + 1)
            precondition(lo & (k - 1) == 0 && lo < hi, "tlog: bad math in subTreeHash")
            numTree += 1
            lo += k
        }
        precondition(hashes.count >= numTree, "tlog: bad index math in subTreeHash")
        let start = hashes.startIndex
        var hash = hashes[start + numTree - 1]
        for i in stride(from: numTree - 2, through: 0, by: -1) {
            hash = LogHash.node(hashes[start + i], hash)
        }
        hashes = hashes.dropFirst(numTree)
        return hash
    }

    static func countMismatch(_ want: Int, _ got: Int) -> ModuleFetchError {
        ModuleFetchError("tlog", "tlog: ReadHashes(\(want) indexes) = \(got) hashes")
    }
}
