import Testing
@testable import ModuleFetch

/// Tile fetching as x/mod's client does it: cache first (a partial tile may be cut from a
/// cached full one), then the server, then the full tile when the partial one is gone.
@Suite struct SumDBTileFetcherTests {
    /// Serves full tiles only (as a server whose tree grew past the partial tile), and one
    /// cached full tile.
    actor FullTilesOnly: SumDBOps {
        private(set) var remote: [String] = []
        private(set) var written: [String] = []
        let full: [UInt8] = (0..<16 * 32).map { UInt8($0 % 251) }

        func readRemote(_ path: String) async -> Result<[UInt8], ModuleFetchError> {
            remote.append(path)
            return path.contains(".p/") ? .failure(ModuleFetchError("not-found", "gone")) : .success(full)
        }
        func readConfig(_ file: String) async -> Result<[UInt8], ModuleFetchError> { .success([]) }
        func writeConfig(_ file: String, old: [UInt8], new: [UInt8]) async -> Result<Bool, ModuleFetchError> { .success(true) }
        func readCache(_ file: String) async -> [UInt8]? { file == "db/tile/4/0/007" ? full : nil }
        func writeCache(_ file: String, data: [UInt8]) async { written.append(file) }
        func log(_ message: String) async {}
        func securityError(_ message: String) async {}
    }

    @Test func partialTilesFallBackToFullOnes() async throws {
        let ops = FullTilesOnly()
        let fetcher = SumDBTileFetcher(name: "db", ops: ops, tileHeight: 4)
        let partial = LogTile(height: 4, level: 0, number: 3, width: 5)
        let cachedPartial = LogTile(height: 4, level: 0, number: 7, width: 2)
        let data = try await fetcher.readTiles([partial, cachedPartial, partial])
        let full = ops.full
        #expect(data == [Array(full.prefix(5 * 32)), Array(full.prefix(2 * 32)), Array(full.prefix(5 * 32))])
        #expect(await ops.remote == ["/tile/4/0/003.p/5", "/tile/4/0/003"])
        #expect(await fetcher.remoteRequests == 2)
        await fetcher.saveTiles([partial, cachedPartial], data: [data[0], data[1]])
        #expect(await ops.written == ["db/tile/4/0/003.p/5"])  // the cached full tile makes saving its prefix pointless
    }
}
