@testable import ModuleFetch

/// A `TileReader` over tiles held in memory, counting reads and saves; `tamper` lets a
/// test corrupt what a "server" hands out.
actor MemoryTiles: TileReader {
    nonisolated let tileHeight: Int
    var tiles: [LogTile: [UInt8]]
    private(set) var reads = 0
    private(set) var saved: Set<LogTile> = []
    var tamper: (@Sendable (LogTile, [UInt8]) -> [UInt8])?

    init(height: Int, tiles: [LogTile: [UInt8]] = [:]) {
        self.tileHeight = height
        self.tiles = tiles
    }

    func setTamper(_ tamper: (@Sendable (LogTile, [UInt8]) -> [UInt8])?) {
        self.tamper = tamper
    }

    func readTiles(_ wanted: [LogTile]) async throws(ModuleFetchError) -> [[UInt8]] {
        reads += wanted.count
        return try wanted.map { (tile) throws(ModuleFetchError) -> [UInt8] in
            guard let data = tiles[tile] else { throw ModuleFetchError("not-found", "no tile \(tile.path)") }
            return tamper?(tile, data) ?? data
        }
    }

    func saveTiles(_ tiles: [LogTile], data: [[UInt8]]) async {
        saved.formUnion(tiles)
    }
}
