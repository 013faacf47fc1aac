import GoModConfig
import Testing
@testable import ModuleFetch

/// The reference §8 vectors: stored hash indexes, tile paths, the RFC 6962 root, tree
/// notes, and the real sum.golang.org lookup record for github.com/google/uuid@v1.2.0.
@Suite struct TransparencyLogVectorTests {
    @Test func storedHashIndexes() {
        let cases: [(Int, Int64, Int64)] = [(0, 0, 0), (0, 1, 1), (1, 0, 2), (0, 2, 3), (0, 3, 4), (1, 1, 5), (2, 0, 6), (0, 4, 7)]
        for (level, n, want) in cases {
            #expect(TransparencyLog.storedHashIndex(level: level, n: n) == want)
        }
        #expect(TransparencyLog.storedHashIndex(level: 0, n: 2580307) == 5160600)
        let tile = LogTile.forIndex(height: 8, index: 5160600)
        #expect(tile.full.path == "tile/8/0/x010/079")
        #expect(tile.number == 10079 && tile.width == 84)  // slot 83, so a width-84 prefix holds it
    }

    @Test(arguments: [
        ("tile/4/0/001", LogTile(height: 4, level: 0, number: 1, width: 16)),
        ("tile/4/0/001.p/5", LogTile(height: 4, level: 0, number: 1, width: 5)),
        ("tile/3/5/x123/x456/078", LogTile(height: 3, level: 5, number: 123_456_078, width: 8)),
        ("tile/3/5/x123/x456/078.p/2", LogTile(height: 3, level: 5, number: 123_456_078, width: 2)),
        ("tile/1/0/x003/x057/500", LogTile(height: 1, level: 0, number: 3_057_500, width: 2)),
        ("tile/1/data/x003/x057/500", LogTile(height: 1, level: -1, number: 3_057_500, width: 2)),
    ])
    func tilePaths(_ path: String, _ tile: LogTile) throws {
        #expect(tile.path == path)
        #expect(try LogTile.parse(path: path) == tile)
    }

    @Test(arguments: ["tile/3/5/123/456/078", "tile/3/5/x123/x456/78", "tile/3/5/x123/456/078", "tile/4/0/001.p/16",
                      "tile/4/0/001.p/0", "tile/31/0/001", "tile/4/-1/001", "tile/4/0", "tiles/4/0/001", "tile/4/0/1000"])
    func badTilePaths(_ path: String) {
        #expect(throws: ModuleFetchError("tlog", "malformed tile path \"\(path)\"")) { try LogTile.parse(path: path) }
    }

    @Test func rfc6962Root() async throws {
        let leaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
        var storage = StoredHashList()
        for leaf in leaves { try await storage.append(record: Self.bytes(hex: leaf)) }
        #expect(try await TransparencyLog.treeHash(8, reader: storage).hex == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
        #expect(try await TransparencyLog.treeHash(0, reader: storage) == .zero)
    }

    @Test func formatAndParseTree() throws {
        let tree = LogTree(size: 123_456_789_012, hash: LogHash.record(Array("hello world".utf8)))
        #expect(tree.text == "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n")
        #expect(try LogTree.parse(Array(tree.text.utf8)) == tree)
        #expect(try LogTree.parse(Array((tree.text + "extra\n").utf8)) == tree)
        for bad in ["go.sum database tree\n1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=", "go.sum database tree\n01\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
                    "go.sum database tree\n-1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n", "go.sum database tree\n1\nTszz\n", "go.sum tree\n1\nx\n"] {
            #expect(throws: ModuleFetchError("tlog", "malformed tree note")) { try LogTree.parse(Array(bad.utf8)) }
        }
    }

    static let uuidLookup = """
        2580307
        github.com/google/uuid v1.2.0 h1:qJYtXnJRWmpe7m/3XlyhrsLrEURqHRM2kxzoxXqyUDs=
        github.com/google/uuid v1.2.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=

        go.sum database tree
        3935567
        SapHtgdNCeF00Cx8kqztePV24kgzNg++Xovae42HAMw=

        — sum.golang.org Az3grsm7Wm4CVNR1RHq9BFnu9jzcRlU2uw7lr0gfUWgO6+rqPNjT+fUTl9gH0NRTgdwW9nItuQSMbhSaLCsk8YeYSAs=

        """

    @Test func realLookupRecord() throws {
        let (record, rest) = try LogRecord.parse(Array(Self.uuidLookup.utf8))
        #expect(record.id == 2580307)
        #expect(LogHash.record(record.text).description == "xrvBSS0VxqEVIi3YJE3dOKn3XDpSBi+S6bSDTcC1nis=")
        let note = try SignedNote.open(rest, verifiers: NoteVerifiers(parsing: [SignedNoteTests.sumGolangOrgKey]))
        let tree = try LogTree.parse(Array(note.text.utf8))
        #expect(tree.size == 3935567 && record.id < tree.size)
        #expect(try record.formatted() == Array(Self.uuidLookup.utf8).prefix(record.text.count + 8) + [10])
    }

    @Test(arguments: ["x\nline\n\nrest", "12\nline\nrest", "12\nli\u{1}ne\n\nrest", "12"])
    func malformedRecords(_ text: String) {
        #expect(throws: ModuleFetchError("invalid-response", "malformed record data")) { try LogRecord.parse(Array(text.utf8)) }
    }

    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).compactMap { UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16) }
    }
}
