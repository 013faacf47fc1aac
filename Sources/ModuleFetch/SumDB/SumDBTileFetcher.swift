/// Reads tiles for a checksum-database client through `SumDBOps`, each tile once: many
/// concurrent lookups that need the same tile share one request (in-flight de-duplication),
/// and results are remembered for the client's lifetime, as x/mod's `par.Cache` does.
// golang.org/x/mod/sumdb/client.go tileReader, readTile, SaveTiles
public actor SumDBTileFetcher: TileReader {
    public nonisolated let tileHeight: Int
    private let name: String
    private let ops: any SumDBOps
    private var tiles = InFlightResults<LogTile, Result<[UInt8], ModuleFetchError>>()
    private var saved: Set<LogTile> = []
    /// Remote tile requests made so far (for audits and benchmarks).
    public private(set) var remoteRequests = 0

    public init(name: String, ops: any SumDBOps, tileHeight: Int = 8) {
        self.name = name
        self.ops = ops
        self.tileHeight = tileHeight
    }

    public nonisolated func readTiles(_ tiles: [LogTile]) async throws(ModuleFetchError) -> [[UInt8]] {
        let results = await withTaskGroup(of: (Int, Result<[UInt8], ModuleFetchError>).self) { group in
            for (i, tile) in tiles.enumerated() {
                group.addTask { (i, await self.readTile(tile)) }
            }
            var results = [Result<[UInt8], ModuleFetchError>](repeating: .success([]), count: tiles.count)
            for await (i, result) in group { results[i] = result }
            return results
        }
        return try results.map { (result) throws(ModuleFetchError) -> [UInt8] in try result.get() }
    }

    /// The bytes of `tile`, from the cache, else the server; a partial tile may be cut
    /// from the full one.
    public func readTile(_ tile: LogTile) async -> Result<[UInt8], ModuleFetchError> {
        switch tiles.claim(tile) {
        case .ready(let result):
            return result
        case .pending:
            return await withCheckedContinuation { tiles.addWaiter(tile, $0) }
        case .claimed:
            let result = await fetch(tile)
            tiles.finish(tile, with: result)
            return result
        }
    }

    private func fetch(_ tile: LogTile) async -> Result<[UInt8], ModuleFetchError> {
        if let data = await ops.readCache(cacheKey(tile)) {
            saved.insert(tile)
            return .success(data)
        }
        let full = tile.full
        if tile != full, let data = await ops.readCache(cacheKey(full)), let cut = Self.cut(data, full: full, to: tile) {
            saved.insert(tile)  // we already have the full tile; don't save the partial one
            return .success(cut)
        }
        remoteRequests += 1
        let result = await ops.readRemote("/" + tile.path)
        if case .success = result { return result }
        if tile != full {
            remoteRequests += 1
            if case .success(let data) = await ops.readRemote("/" + full.path), let cut = Self.cut(data, full: full, to: tile) {
                return .success(cut)
            }
        }
        return result
    }

    /// The first `tile.width` hashes of a full tile's data (nil if it is too short).
    private static func cut(_ data: [UInt8], full: LogTile, to tile: LogTile) -> [UInt8]? {
        let count = data.count / full.width * tile.width
        return count <= data.count ? Array(data.prefix(count)) : nil
    }

    public func saveTiles(_ tiles: [LogTile], data: [[UInt8]]) async {
        for (tile, bytes) in zip(tiles, data) where saved.insert(tile).inserted {
            await ops.writeCache(cacheKey(tile), data: bytes)
        }
    }

    private func cacheKey(_ tile: LogTile) -> String { name + "/" + tile.path }
}
