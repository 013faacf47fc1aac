/// The tile contents a client has already authenticated against one signed tree, so that the
/// next lookup in that tree does not hash the same tiles again.
///
/// Every lookup authenticates its tiles up to the signed root (as x/mod's TileHashReader does
/// on each call): 255 node hashes for each full tile, several tiles per lookup. A go.sum audit
/// of 1,000 lookups in one tree reads the same handful of tiles each time. Bytes equal to
/// bytes that authenticated against the same root are authenticated too, so a lookup whose
/// tiles all match what is remembered skips the hashing; any other data (a new tree, a tile
/// not seen, a server that now serves different bytes) is authenticated in full, as before.
/// Only the newest tree is kept, and at most `capacity` tiles of it.
public actor AuthenticatedTiles {
    public static let capacity = 512

    private var tree: LogTree?
    private var tiles: [LogTile: [UInt8]] = [:]

    public init() {}

    /// Whether every tile's data is what authenticated against `tree` before.
    func covers(_ tree: LogTree, _ tiles: [LogTile], _ data: [[UInt8]]) -> Bool {
        guard tree == self.tree, tiles.count == data.count else { return false }
        return zip(tiles, data).allSatisfy { self.tiles[$0] == $1 }
    }

    /// Remembers tiles whose data just authenticated against `tree` (a newer tree replaces the
    /// older one's tiles).
    func remember(_ tree: LogTree, _ tiles: [LogTile], _ data: [[UInt8]]) {
        if tree != self.tree {
            self.tree = tree
            self.tiles = [:]
        }
        for (tile, bytes) in zip(tiles, data) where self.tiles[tile] != nil || self.tiles.count < Self.capacity {
            self.tiles[tile] = bytes
        }
    }
}
