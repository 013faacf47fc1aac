@testable import ModuleFetch
import Testing

/// `AuthenticatedTiles`: a read whose tiles match bytes that already authenticated against
/// the same root skips the hashing; a server that later serves other bytes for such a tile is
/// still caught, and nothing of another tree is taken as authenticated.
struct AuthenticatedTilesTests {
    @Test func changedBytesAreAuthenticatedAgainAndRefused() async throws {
        var storage = StoredHashList()
        for i in 0..<300 { try await storage.append(record: Array("record \(i)".utf8)) }
        let root = try await TransparencyLog.treeHash(300, reader: storage)
        var tiles: [LogTile: [UInt8]] = [:]
        for tile in LogTile.newTiles(height: 2, oldSize: 0, newSize: 300) { tiles[tile] = try await tile.readData(from: storage) }
        let store = MemoryTiles(height: 2, tiles: tiles)
        let cache = AuthenticatedTiles()
        let tree = LogTree(size: 300, hash: root)
        let reader = TileHashReader(tree: tree, tileReader: store, authenticated: cache)
        let index = TransparencyLog.storedHashIndex(level: 0, n: 13)
        #expect(try await reader.readHashes([index]) == [LogHash.record(Array("record 13".utf8))])
        // The same read again is served from what authenticated.
        #expect(try await reader.readHashes([index]) == [LogHash.record(Array("record 13".utf8))])

        // The "server" now lies about the tile holding record 13: authenticated in full, refused.
        await store.setTamper { tile, data in
            guard tile.level == 0, tile.number == 3 else { return data }
            var copy = data
            copy[0] ^= 1
            return copy
        }
        await #expect(throws: ModuleFetchError("tlog", "downloaded inconsistent tile")) {
            try await reader.readHashes([index])
        }
        // Another tree's reader never takes these tiles as authenticated.
        let forged = TileHashReader(tree: LogTree(size: 300, hash: LogHash.zero), tileReader: MemoryTiles(height: 2, tiles: tiles),
                                    authenticated: cache)
        await #expect(throws: ModuleFetchError("tlog", "downloaded inconsistent tile")) {
            try await forged.readHashes([index])
        }
    }

    @Test func coversOnlyTheRememberedTreeAndBytes() async {
        let cache = AuthenticatedTiles()
        let tile = LogTile(height: 2, level: 0, number: 1, width: 4)
        let tree = LogTree(size: 300, hash: LogHash.zero)
        let other = LogTree(size: 301, hash: LogHash.zero)
        let bytes = [UInt8](repeating: 9, count: 128)
        #expect(await !cache.covers(tree, [tile], [bytes]))
        await cache.remember(tree, [tile], [bytes])
        #expect(await cache.covers(tree, [tile], [bytes]))
        #expect(await !cache.covers(tree, [tile], [bytes.map { $0 ^ 1 }]))
        #expect(await !cache.covers(other, [tile], [bytes]))
        await cache.remember(other, [], [])
        #expect(await !cache.covers(tree, [tile], [bytes]))
    }
}
