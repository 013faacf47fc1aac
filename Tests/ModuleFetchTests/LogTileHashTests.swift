@testable import ModuleFetch
import Testing

/// `LogTile.tileHash`, combined pairwise in one buffer for runs of 2^k hashes, against Go's
/// recursive halving (golang.org/x/mod/sumdb/tlog tileHash) written out here, and a known
/// RFC 6962 root.
struct LogTileHashTests {
    /// Go's definition, unchanged.
    static func goTileHash(_ data: ArraySlice<UInt8>) -> LogHash {
        if data.count == LogHash.size { return LogHash(unchecked: Array(data)) }
        let half = data.startIndex + data.count / 2
        return LogHash.node(goTileHash(data[..<half]), goTileHash(data[half...]))
    }

    @Test(arguments: [1, 2, 4, 8, 64, 256])
    func pairwiseEqualsGosHalving(count: Int) {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(count)
        let data = (0..<count * LogHash.size).map { _ -> UInt8 in
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: seed >> 56)
        }
        // A slice that does not start at index 0, as hash(at:) passes one.
        let padded = [UInt8](repeating: 7, count: 5) + data
        #expect(LogTile.tileHash(padded[5...]) == Self.goTileHash(data[...]))
    }

    /// RFC 6962's eight test leaves: their tree root (the "b" of the RFC's reference vectors).
    @Test func rfc6962RootOfEightLeaves() {
        let leaves: [[UInt8]] = [[], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
                                 [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
                                 [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f]]
        let data = leaves.flatMap { LogHash.record($0).bytes }
        #expect(LogTile.tileHash(data[...]).hex == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
    }
}
