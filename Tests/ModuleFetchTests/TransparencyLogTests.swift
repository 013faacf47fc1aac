import GoModConfig
import Testing
@testable import ModuleFetch

/// Port of golang.org/x/mod/sumdb/tlog tlog_test.go TestTree, with fewer leaves to keep it fast.
@Suite struct TransparencyLogTests {
    @Test func treeProofsAndTiles() async throws {
        let height = 2
        var storage = StoredHashList()
        var trees: [LogHash] = []
        var leaves: [LogHash] = []
        var tiles: [LogTile: [UInt8]] = [:]
        for i in Int64(0)..<40 {
            let data = Array("leaf \(i)".utf8)
            let before = storage.hashes.count
            try await storage.append(record: data)
            leaves.append(LogHash.record(data))
            #expect(TransparencyLog.storedHashCount(i + 1) == Int64(storage.hashes.count))
            let root = try await TransparencyLog.treeHash(i + 1, reader: storage)

            for tile in LogTile.newTiles(height: height, oldSize: i, newSize: i + 1) {
                let data = try await tile.readData(from: storage)
                let old = LogTile(height: tile.height, level: tile.level, number: tile.number, width: tile.width - 1)
                let oldData = tiles[old] ?? []
                #expect(oldData.count == data.count - LogHash.size && Array(data.prefix(oldData.count)) == oldData)
                tiles[tile] = data
            }
            for tile in LogTile.newTiles(height: height, oldSize: i / 2, newSize: i + 1) {
                #expect(try await tile.readData(from: storage) == tiles[tile])
            }
            for j in before..<storage.hashes.count {
                let tile = LogTile.forIndex(height: height, index: Int64(j))
                let data = try #require(tiles[tile])
                #expect(try tile.hash(at: Int64(j), data: data) == storage.hashes[j])
            }
            trees.append(root)

            for j in Int64(0)...i {
                var proof = try await TransparencyLog.proveRecord(t: i + 1, n: j, reader: storage)
                try TransparencyLog.checkRecord(proof: proof, t: i + 1, root: root, n: j, leaf: leaves[Int(j)])
                for k in proof.indices {
                    let saved = proof[k]
                    proof[k] = Self.flip(saved)
                    #expect(throws: ModuleFetchError("tlog", "invalid transparency proof")) {
                        try TransparencyLog.checkRecord(proof: proof, t: i + 1, root: root, n: j, leaf: leaves[Int(j)])
                    }
                    proof[k] = saved
                }
            }

            let store = MemoryTiles(height: height, tiles: tiles)
            let reader = TileHashReader(tree: LogTree(size: i + 1, hash: root), tileReader: store)
            for j in Int64(0)...i {
                #expect(try await reader.readHashes([TransparencyLog.storedHashIndex(level: 0, n: j)]) == [leaves[Int(j)]])
                let proof = try await TransparencyLog.proveRecord(t: i + 1, n: j, reader: reader)
                try TransparencyLog.checkRecord(proof: proof, t: i + 1, root: root, n: j, leaf: leaves[Int(j)])
            }
            await #expect(throws: ModuleFetchError("tlog", "indexes not in tree")) {
                try await reader.readHashes([(i + 1) * 2])
            }
            for j in Int64(0)...i {
                #expect(try await TransparencyLog.treeHash(j + 1, reader: reader) == trees[Int(j)])
                var proof = try await TransparencyLog.proveTree(t: i + 1, n: j + 1, reader: reader)
                try TransparencyLog.checkTree(proof: proof, t: i + 1, root: root, n: j + 1, old: trees[Int(j)])
                for k in proof.indices {
                    let saved = proof[k]
                    proof[k] = Self.flip(saved)
                    #expect(throws: ModuleFetchError("tlog", "invalid transparency proof")) {
                        try TransparencyLog.checkTree(proof: proof, t: i + 1, root: root, n: j + 1, old: trees[Int(j)])
                    }
                    proof[k] = saved
                }
            }
        }
    }

    /// A tile altered by the "server" is refused, and nothing is saved from that read.
    @Test func inconsistentTileIsRefused() async throws {
        var storage = StoredHashList()
        for i in 0..<300 { try await storage.append(record: Array("record \(i)".utf8)) }
        let root = try await TransparencyLog.treeHash(300, reader: storage)
        var tiles: [LogTile: [UInt8]] = [:]
        for tile in LogTile.newTiles(height: 2, oldSize: 0, newSize: 300) { tiles[tile] = try await tile.readData(from: storage) }
        let store = MemoryTiles(height: 2, tiles: tiles)
        let reader = TileHashReader(tree: LogTree(size: 300, hash: root), tileReader: store)
        await store.setTamper { tile, data in
            guard tile.level == 0, tile.number == 3 else { return data }
            var copy = data
            copy[0] ^= 1
            return copy
        }
        await #expect(throws: ModuleFetchError("tlog", "downloaded inconsistent tile")) {
            try await reader.readHashes([TransparencyLog.storedHashIndex(level: 0, n: 13)])
        }
        #expect(await store.saved.isEmpty)
        // A hash in an untouched tile still reads, authenticated by the same root.
        #expect(try await reader.readHashes([TransparencyLog.storedHashIndex(level: 0, n: 200)]) == [LogHash.record(Array("record 200".utf8))])
        // A tree head that does not match the tiles is refused outright.
        let wrong = TileHashReader(tree: LogTree(size: 300, hash: LogHash.record([])), tileReader: store)
        await #expect(throws: ModuleFetchError("tlog", "downloaded inconsistent tile")) {
            try await wrong.readHashes([TransparencyLog.storedHashIndex(level: 0, n: 200)])
        }
    }

    /// Trees whose complete subtrees share a tile (size 12 at height 2: [0,8) and [8,12) in
    /// one level-1 tile; size 259 at height 8): x/mod's loop starts at len(stx) and so never
    /// checks the leaf tile it adds, returning a forged hash. We authenticate it.
    @Test(arguments: [(2, 12), (8, 259)])
    func sharedSubtreeTileDoesNotSkipAuthentication(height: Int, size: Int) async throws {
        var storage = StoredHashList()
        for i in 0..<size { try await storage.append(record: Array("r\(i)".utf8)) }
        let root = try await TransparencyLog.treeHash(Int64(size), reader: storage)
        var tiles: [LogTile: [UInt8]] = [:]
        for tile in LogTile.newTiles(height: height, oldSize: 0, newSize: Int64(size)) { tiles[tile] = try await tile.readData(from: storage) }
        let store = MemoryTiles(height: height, tiles: tiles)
        let leaf = Int64(size == 12 ? 4 : 5)
        let target = LogTile.forIndex(height: height, index: TransparencyLog.storedHashIndex(level: 0, n: leaf))
        let forged = LogHash.record(Array("forged".utf8))
        await store.setTamper { tile, data in
            guard tile.level == 0, tile.number == target.number else { return data }
            let slot = Int(leaf - (target.number << height)) * 32
            return Array(data[..<slot]) + forged.bytes + Array(data[(slot + 32)...])
        }
        let reader = TileHashReader(tree: LogTree(size: Int64(size), hash: root), tileReader: store)
        await #expect(throws: ModuleFetchError("tlog", "downloaded inconsistent tile")) {
            try await reader.readHashes([TransparencyLog.storedHashIndex(level: 0, n: leaf)])
        }
    }

    @Test func splitStoredHashIndexInvertsStoredHashIndex() {
        for level in 0..<10 {
            for n in Int64(0)..<200 {
                let index = TransparencyLog.storedHashIndex(level: level, n: n)
                let (l, m) = TransparencyLog.splitStoredHashIndex(index)
                #expect(l == level && m == n, "index \(index)")
            }
        }
    }

    static func flip(_ hash: LogHash) -> LogHash {
        var bytes = hash.bytes
        bytes[0] ^= 1
        return LogHash(bytes: bytes) ?? hash
    }
}
