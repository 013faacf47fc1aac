import Crypto

/// A tile of the transparency log (`tlog.Tile`): the hashes of `width` consecutive nodes at
/// one level of a height-`height` tiling. Level -1 is a data tile (record texts). The server
/// serves full tiles and partial ones (`.p/W`) for the ragged right edge of the tree.
public struct LogTile: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 1 ≤ height ≤ 30.
    public var height: Int
    /// -1 (data) ≤ level ≤ 63.
    public var level: Int
    /// Number within the level, unbounded.
    public var number: Int64
    /// 1 ≤ width ≤ 2^height; 2^height is a complete tile.
    public var width: Int

    public init(height: Int, level: Int, number: Int64, width: Int) {
        self.height = height
        self.level = level
        self.number = number
        self.width = width
    }

    public var description: String { path }

    /// The tile holding the stored hash at `index` (height must be > 0).
    // golang.org/x/mod/sumdb/tlog/tile.go TileForIndex
    public static func forIndex(height: Int, index: Int64) -> LogTile {
        locate(height: height, index: index).tile
    }

    /// The tile holding `index` and the byte range of that hash's subtree within the tile.
    // golang.org/x/mod/sumdb/tlog/tile.go tileForIndex
    static func locate(height: Int, index: Int64) -> (tile: LogTile, start: Int, end: Int) {
        precondition(height > 0, "TileForIndex: invalid height \(height)")
        var (level, n) = TransparencyLog.splitStoredHashIndex(index)
        let tileLevel = level / height
        level -= tileLevel * height
        let number = (n << level) >> height
        n -= (number << height) >> level
        let width = Int((n + 1) << level)
        let tile = LogTile(height: height, level: tileLevel, number: number, width: width)
        return (tile, Int(n << level) * LogHash.size, Int((n + 1) << level) * LogHash.size)
    }

    /// The hash at `index`, computed from this tile's `data`.
    // golang.org/x/mod/sumdb/tlog/tile.go HashFromTile
    public func hash(at index: Int64, data: [UInt8]) throws(ModuleFetchError) -> LogHash {
        guard height >= 1, height <= 30, level >= 0, level < 64, width >= 1, width <= 1 << height else {
            throw ModuleFetchError("tlog", "invalid tile \(path)")
        }
        guard data.count >= width * LogHash.size else {
            throw ModuleFetchError("tlog", "data len \(data.count) too short for tile \(path)")
        }
        let (other, start, end) = Self.locate(height: height, index: index)
        guard level == other.level, number == other.number, width >= other.width else {
            throw ModuleFetchError("tlog", "index \(index) is in \(other.path) not \(path)")
        }
        return Self.tileHash(data[start..<end])
    }

    /// The subtree hash of a run of 2^k hashes.
    // golang.org/x/mod/sumdb/tlog/tile.go tileHash
    ///
    /// Every lookup re-authenticates its tiles (as x/mod does), so this runs 255 node hashes per
    /// full tile per lookup: a go.sum audit of 1,000 lookups spent a third of its CPU here when
    /// each level allocated arrays. A run of 2^k hashes is now combined pairwise in one buffer,
    /// level by level (the same tree as Go's halving). Callers pass only such runs (HashFromTile's
    /// ranges); any other length keeps Go's recursion, which ends in its "bad math" panic.
    static func tileHash(_ data: ArraySlice<UInt8>) -> LogHash {
        precondition(!data.isEmpty, "bad math in tileHash")
        if data.count == LogHash.size { return LogHash(unchecked: Array(data)) }
        let count = data.count / LogHash.size
        guard data.count % LogHash.size == 0, count & (count - 1) == 0 else {
            let half = data.startIndex + data.count / 2
            return LogHash.node(tileHash(data[..<half]), tileHash(data[half...]))
        }
        let size = LogHash.size
        var hashes = Array(data)
        // 0x01 ‖ left ‖ right, the interior node input of RFC 6962 (LogHash.node).
        var input = [UInt8](repeating: 1, count: 1 + 2 * size)
        var width = count
        hashes.withUnsafeMutableBytes { hashes in
            input.withUnsafeMutableBytes { input in
                let children = UnsafeMutableRawBufferPointer(rebasing: input[1...])
                while width > 1 {
                    for pair in 0..<width / 2 {
                        children.copyMemory(from: UnsafeRawBufferPointer(rebasing: hashes[2 * pair * size ..< (2 * pair + 2) * size]))
                        let digest = SHA256.hash(data: UnsafeRawBufferPointer(input))
                        digest.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: hashes[pair * size ..< (pair + 1) * size]).copyMemory(from: $0) }
                    }
                    width /= 2
                }
            }
        }
        return LogHash(unchecked: Array(hashes[0..<size]))
    }

    /// The tiles a server must publish when its tree grows from `oldSize` to `newSize`.
    // golang.org/x/mod/sumdb/tlog/tile.go NewTiles
    public static func newTiles(height: Int, oldSize: Int64, newSize: Int64) -> [LogTile] {
        precondition(height > 0, "NewTiles: invalid height \(height)")
        var tiles: [LogTile] = []
        var level = 0
        while newSize >> (height * level) > 0 {
            let oldN = oldSize >> (height * level)
            let newN = newSize >> (height * level)
            var n = oldN >> height
            while n < newN >> height {
                tiles.append(LogTile(height: height, level: level, number: n, width: 1 << height))
                n += 1
            }
            n = newN >> height
            let maxW = Int(newN - n << height)
            let minW = oldN > n << height ? Int(oldN - n << height) : 1
            if minW <= maxW {
                for w in minW...maxW { tiles.append(LogTile(height: height, level: level, number: n, width: w)) }
            }
            level += 1
        }
        return tiles
    }

    /// The bytes of this (hash) tile, read from a log through `reader`.
    // golang.org/x/mod/sumdb/tlog/tile.go ReadTileData
    public func readData(from reader: some HashReader) async throws(ModuleFetchError) -> [UInt8] {
        let size = width == 0 ? 1 << height : width
        let start = number << height
        let indexes = (0..<size).map { TransparencyLog.storedHashIndex(level: height * level, n: start + Int64($0)) }
        let hashes = try await reader.readHashes(indexes)
        guard hashes.count == indexes.count else { throw TransparencyLog.countMismatch(indexes.count, hashes.count) }
        return hashes.flatMap(\.bytes)
    }

    /// The same tile, complete (width 2^height).
    public var full: LogTile {
        LogTile(height: height, level: level, number: number, width: 1 << height)
    }

    /// The parent `k` levels up, trimmed to the tree of `treeSize` records; nil when that
    /// parent would be empty. Mirrors tileParent (which returns `Tile{}` for "none").
    // golang.org/x/mod/sumdb/tlog/tile.go tileParent
    func parent(_ k: Int, treeSize: Int64) -> LogTile? {
        var tile = self
        tile.level += k
        tile.number >>= k * height
        tile.width = 1 << height
        let limit = treeSize >> (tile.level * height)
        if tile.number << height + Int64(tile.width) >= limit {
            if tile.number << height >= limit { return nil }
            tile.width = Int(limit - tile.number << height)
        }
        return tile
    }
}
