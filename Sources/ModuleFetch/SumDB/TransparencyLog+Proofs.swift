/// Inclusion (record) and consistency (tree) proofs, ported from golang.org/x/mod/sumdb/tlog.
/// A proof is a list of hashes; checking it needs only the two tree heads, never the log.
extension TransparencyLog {
    static let proofFailed = ModuleFetchError("tlog", "invalid transparency proof")

    /// The proof that record `n` is in the tree of size `t`.
    // golang.org/x/mod/sumdb/tlog/tlog.go ProveRecord
    public static func proveRecord(t: Int64, n: Int64, reader: some HashReader) async throws(ModuleFetchError) -> [LogHash] {
        guard t >= 0, n >= 0, n < t else { throw ModuleFetchError("tlog", "tlog: invalid inputs in ProveRecord") }
        let indexes = leafProofIndex(lo: 0, hi: t, n: n, need: [])
        if indexes.isEmpty { return [] }
        let hashes = try await reader.readHashes(indexes)
        guard hashes.count == indexes.count else { throw countMismatch(indexes.count, hashes.count) }
        var rest = hashes[...]
        return leafProof(lo: 0, hi: t, n: n, hashes: &rest)
    }

    // golang.org/x/mod/sumdb/tlog/tlog.go leafProofIndex
    static func leafProofIndex(lo: Int64, hi: Int64, n: Int64, need: [Int64]) -> [Int64] {
        precondition(lo <= n && n < hi, "tlog: bad math in leafProofIndex")
        if lo + 1 == hi { return need }
        let (k, _) = maxPow2(hi - lo)
        if n < lo + k {
            return subTreeIndex(lo: lo + k, hi: hi, need: leafProofIndex(lo: lo, hi: lo + k, n: n, need: need))
        }
        return leafProofIndex(lo: lo + k, hi: hi, n: n, need: subTreeIndex(lo: lo, hi: lo + k, need: need))
    }

    // golang.org/x/mod/sumdb/tlog/tlog.go leafProof
    static func leafProof(lo: Int64, hi: Int64, n: Int64, hashes: inout ArraySlice<LogHash>) -> [LogHash] {
        if lo + 1 == hi { return [] }
        let (k, _) = maxPow2(hi - lo)
        var proof: [LogHash]
        let sibling: LogHash
        if n < lo + k {
            proof = leafProof(lo: lo, hi: lo + k, n: n, hashes: &hashes)
            sibling = subTreeHash(lo: lo + k, hi: hi, hashes: &hashes)
        } else {
            sibling = subTreeHash(lo: lo, hi: lo + k, hashes: &hashes)
            proof = leafProof(lo: lo + k, hi: hi, n: n, hashes: &hashes)
        }
        proof.append(sibling)
        return proof
    }

    /// Checks that `proof` shows record `n` with hash `leaf` is in the tree of size `t`, root `root`.
    /// - Throws: `invalid transparency proof`.
    // golang.org/x/mod/sumdb/tlog/tlog.go CheckRecord
    public static func checkRecord(proof: [LogHash], t: Int64, root: LogHash, n: Int64, leaf: LogHash) throws(ModuleFetchError) {
        guard t >= 0, n >= 0, n < t else { throw ModuleFetchError("tlog", "tlog: invalid inputs in CheckRecord") }
        guard try runRecordProof(proof[...], lo: 0, hi: t, n: n, leaf: leaf) == root else { throw proofFailed }
    }

    // golang.org/x/mod/sumdb/tlog/tlog.go runRecordProof
    static func runRecordProof(_ proof: ArraySlice<LogHash>, lo: Int64, hi: Int64, n: Int64, leaf: LogHash) throws(ModuleFetchError) -> LogHash {
        if lo + 1 == hi {
            guard proof.isEmpty else { throw proofFailed }
            return leaf
        }
        guard let last = proof.last else { throw proofFailed }
        let (k, _) = maxPow2(hi - lo)
        if n < lo + k {
            return LogHash.node(try runRecordProof(proof.dropLast(), lo: lo, hi: lo + k, n: n, leaf: leaf), last)
        }
        return LogHash.node(last, try runRecordProof(proof.dropLast(), lo: lo + k, hi: hi, n: n, leaf: leaf))
    }

    /// The proof that the tree of size `n` is a prefix of the tree of size `t`.
    // golang.org/x/mod/sumdb/tlog/tlog.go ProveTree
    public static func proveTree(t: Int64, n: Int64, reader: some HashReader) async throws(ModuleFetchError) -> [LogHash] {
        guard t >= 1, n >= 1, n <= t else { throw ModuleFetchError("tlog", "tlog: invalid inputs in ProveTree") }
        let indexes = treeProofIndex(lo: 0, hi: t, n: n, need: [])
        if indexes.isEmpty { return [] }
        let hashes = try await reader.readHashes(indexes)
        guard hashes.count == indexes.count else { throw countMismatch(indexes.count, hashes.count) }
        var rest = hashes[...]
        return treeProof(lo: 0, hi: t, n: n, hashes: &rest)
    }

    // golang.org/x/mod/sumdb/tlog/tlog.go treeProofIndex
    static func treeProofIndex(lo: Int64, hi: Int64, n: Int64, need: [Int64]) -> [Int64] {
        precondition(lo < n && n <= hi, "tlog: bad math in treeProofIndex")
        if n == hi { return lo == 0 ? need : subTreeIndex(lo: lo, hi: hi, need: need) }
        let (k, _) = maxPow2(hi - lo)
        if n <= lo + k {
            return subTreeIndex(lo: lo + k, hi: hi, need: treeProofIndex(lo: lo, hi: lo + k, n: n, need: need))
        }
        return treeProofIndex(lo: lo + k, hi: hi, n: n, need: subTreeIndex(lo: lo, hi: lo + k, need: need))
    }

    // golang.org/x/mod/sumdb/tlog/tlog.go treeProof
    static func treeProof(lo: Int64, hi: Int64, n: Int64, hashes: inout ArraySlice<LogHash>) -> [LogHash] {
        if n == hi {
            return lo == 0 ? [] : [subTreeHash(lo: lo, hi: hi, hashes: &hashes)]
        }
        let (k, _) = maxPow2(hi - lo)
        var proof: [LogHash]
        let sibling: LogHash
        if n <= lo + k {
            proof = treeProof(lo: lo, hi: lo + k, n: n, hashes: &hashes)
            sibling = subTreeHash(lo: lo + k, hi: hi, hashes: &hashes)
        } else {
            sibling = subTreeHash(lo: lo, hi: lo + k, hashes: &hashes)
            proof = treeProof(lo: lo + k, hi: hi, n: n, hashes: &hashes)
        }
        proof.append(sibling)
        return proof
    }

    /// Checks that `proof` shows the tree (n, old) is a prefix of the tree (t, root).
    /// - Throws: `invalid transparency proof`.
    // golang.org/x/mod/sumdb/tlog/tlog.go CheckTree
    public static func checkTree(proof: [LogHash], t: Int64, root: LogHash, n: Int64, old: LogHash) throws(ModuleFetchError) {
        guard t >= 1, n >= 1, n <= t else { throw ModuleFetchError("tlog", "tlog: invalid inputs in CheckTree") }
        let (oldHash, newHash) = try runTreeProof(proof[...], lo: 0, hi: t, n: n, old: old)
        guard newHash == root, oldHash == old else { throw proofFailed }
    }

    // golang.org/x/mod/sumdb/tlog/tlog.go runTreeProof
    static func runTreeProof(_ proof: ArraySlice<LogHash>, lo: Int64, hi: Int64, n: Int64, old: LogHash)
        throws(ModuleFetchError) -> (LogHash, LogHash)
    {
        if n == hi {
            if lo == 0 {
                guard proof.isEmpty else { throw proofFailed }
                return (old, old)
            }
            guard proof.count == 1, let only = proof.first else { throw proofFailed }
            return (only, only)
        }
        guard let last = proof.last else { throw proofFailed }
        let (k, _) = maxPow2(hi - lo)
        if n <= lo + k {
            let (oldHash, subHash) = try runTreeProof(proof.dropLast(), lo: lo, hi: lo + k, n: n, old: old)
            return (oldHash, LogHash.node(subHash, last))
        }
        let (oldHash, subHash) = try runTreeProof(proof.dropLast(), lo: lo + k, hi: hi, n: n, old: old)
        return (LogHash.node(last, oldHash), LogHash.node(last, subHash))
    }
}
