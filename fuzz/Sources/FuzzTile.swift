import GoModConfig
@testable import ModuleFetch

/// Tiles (LogTile paths, TileHashReader over a server's tiles). The input is first taken as a
/// tile path: one that parses prints back to itself. Then its bytes choose a small log
/// (height 1–4, 1–200 records made of the input), a record, and how the server lies about
/// its tiles (flip one byte, or cut the tile short; a zero mask serves honest tiles).
/// Properties: honest tiles give the true hashes and proofs that check; lying tiles give a
/// ModuleFetchError or — when the lie touched nothing read — still the true hashes; a proof
/// built from tiles that authenticated always checks against the signed root.
@Sendable func fuzzTile(_ bytes: [UInt8]) {
    let pathText = String(decoding: bytes, as: UTF8.self)
    if let tile = try? LogTile.parse(path: pathText) {
        require(tile.path == pathText, "tile path does not print back")
        require((try? LogTile.parse(path: tile.path)) == tile, "printed tile path parses differently")
    }
    guard bytes.count >= 7 else { return }
    let height = 1 + Int(bytes[0] % 4)
    let size = 1 + Int64((Int(bytes[1]) << 8 | Int(bytes[2])) % 200)
    let record = Int64(bytes[3]) % size
    let lie = TileLie(selector: Int(bytes[4]), position: Int(bytes[5]), mask: bytes[6])
    let payload = Array(bytes.dropFirst(7))
    runBlocking { await checkTiles(height: height, size: size, record: record, lie: lie, payload: payload) }
}

/// How the fuzzed server lies: tiles whose (level, number) hit `selector` get byte
/// `position` xor-ed with `mask`, or are cut to `position` bytes when the mask is 0xFF.
struct TileLie: Sendable {
    var selector: Int
    var position: Int
    var mask: UInt8

    func apply(_ tile: LogTile, _ data: [UInt8]) -> [UInt8] {
        guard mask != 0, !data.isEmpty, (tile.level * 7 + Int(tile.number % 1000)) % 5 == selector % 5 else { return data }
        if mask == 0xFF { return Array(data.prefix(position % data.count)) }
        var lied = data
        lied[position % data.count] ^= mask
        return lied
    }
}

/// Serves tiles computed from the true stored hashes, through `lie`.
struct LyingTiles: TileReader {
    let tileHeight: Int
    let storage: StoredHashList
    let lie: TileLie

    func readTiles(_ tiles: [LogTile]) async throws(ModuleFetchError) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for tile in tiles { out.append(lie.apply(tile, try await tile.readData(from: storage))) }
        return out
    }

    func saveTiles(_ tiles: [LogTile], data: [[UInt8]]) async {}
}

private func checkTiles(height: Int, size: Int64, record: Int64, lie: TileLie, payload: [UInt8]) async {
    var storage = StoredHashList()
    do {
        for index in 0..<size {
            let start = payload.isEmpty ? 0 : Int(index) % payload.count
            try await storage.append(record: Array(payload[start...].prefix(8)) + Array("\(index)".utf8))
        }
    } catch {
        fatalError("building the log failed: \(error)")
    }
    let root: LogHash
    do {
        root = try await TransparencyLog.treeHash(size, reader: storage)
    } catch {
        fatalError("tree hash of the true log failed: \(error)")
    }
    let reader = TileHashReader(tree: LogTree(size: size, hash: root),
                                tileReader: LyingTiles(tileHeight: height, storage: storage, lie: lie))
    let honest = lie.mask == 0
    let leafIndex = TransparencyLog.storedHashIndex(level: 0, n: record)
    do {
        let read = try await reader.readHashes([leafIndex])
        let truth = try await storage.readHashes([leafIndex])
        require(read == truth, "tiles that authenticated gave a wrong hash")
    } catch {
        require(!honest, "honest tiles failed: \(error)")
    }
    do {
        let proof = try await TransparencyLog.proveRecord(t: size, n: record, reader: reader)
        let leaf = try await storage.readHashes([leafIndex])[0]
        do {
            try TransparencyLog.checkRecord(proof: proof, t: size, root: root, n: record, leaf: leaf)
        } catch {
            fatalError("record proof from authenticated tiles does not check: \(error)")
        }
    } catch {
        require(!honest, "honest tiles gave no record proof: \(error)")
    }
    let old = record + 1
    do {
        let proof = try await TransparencyLog.proveTree(t: size, n: old, reader: reader)
        let oldRoot = try await TransparencyLog.treeHash(old, reader: storage)
        do {
            try TransparencyLog.checkTree(proof: proof, t: size, root: root, n: old, old: oldRoot)
        } catch {
            fatalError("tree proof from authenticated tiles does not check: \(error)")
        }
    } catch {
        require(!honest, "honest tiles gave no tree proof: \(error)")
    }
}
