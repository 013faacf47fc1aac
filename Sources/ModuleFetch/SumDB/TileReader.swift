/// Where tiles come from (`tlog.TileReader`): a server, a cache, or memory in tests.
/// `readTiles` returns unauthenticated bytes; `TileHashReader` authenticates them against a
/// signed tree and only then calls `saveTiles`, so a cache never holds a tile that lied.
public protocol TileReader: Sendable {
    /// The tile height the log uses (8 for sum.golang.org).
    var tileHeight: Int { get }
    /// One data blob per tile, in order (width × 32 bytes each for hash tiles).
    func readTiles(_ tiles: [LogTile]) async throws(ModuleFetchError) -> [[UInt8]]
    /// Called with tiles that were verified against a signed tree head.
    func saveTiles(_ tiles: [LogTile], data: [[UInt8]]) async
}
