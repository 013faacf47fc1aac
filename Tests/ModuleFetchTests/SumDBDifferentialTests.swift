import Foundation
import GoModConfig
import Testing
@testable import ModuleFetch

/// Differential test against golang.org/x/mod itself: for random logs, Go computes tree
/// hashes, record and tree proofs and tile contents; for random zips, dirhash.HashZip.
/// Ours must agree byte for byte. Skipped when Go or golang-golang-x-mod-dev is missing.
@Suite struct SumDBDifferentialTests {
    static let probe = #"""
        package main

        import (
        	"encoding/json"
        	"os"

        	"golang.org/x/mod/sumdb/dirhash"
        	"golang.org/x/mod/sumdb/tlog"
        )

        type treeIn struct {
        	Records      [][]byte
        	RecordProofs [][2]int64
        	TreeProofs   [][2]int64
        	Height       int
        }
        type input struct {
        	Trees []treeIn
        	Zips  []string
        }
        type treeOut struct {
        	Hashes       []string
        	RecordProofs [][]string
        	TreeProofs   [][]string
        	Tiles        map[string][]byte
        }
        type output struct {
        	Trees []treeOut
        	Zips  []string
        }
        type storage []tlog.Hash

        func (s storage) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
        	var out []tlog.Hash
        	for _, i := range indexes {
        		out = append(out, s[i])
        	}
        	return out, nil
        }

        func strs(hs []tlog.Hash) []string {
        	out := []string{}
        	for _, h := range hs {
        		out = append(out, h.String())
        	}
        	return out
        }

        func main() {
        	var in input
        	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
        		panic(err)
        	}
        	var out output
        	for _, t := range in.Trees {
        		var s storage
        		var o treeOut
        		o.Tiles = map[string][]byte{}
        		for i, r := range t.Records {
        			hs, err := tlog.StoredHashes(int64(i), r, s)
        			if err != nil {
        				panic(err)
        			}
        			s = append(s, hs...)
        			h, err := tlog.TreeHash(int64(i+1), s)
        			if err != nil {
        				panic(err)
        			}
        			o.Hashes = append(o.Hashes, h.String())
        		}
        		for _, p := range t.RecordProofs {
        			proof, err := tlog.ProveRecord(p[0], p[1], s)
        			if err != nil {
        				panic(err)
        			}
        			o.RecordProofs = append(o.RecordProofs, strs(proof))
        		}
        		for _, p := range t.TreeProofs {
        			proof, err := tlog.ProveTree(p[0], p[1], s)
        			if err != nil {
        				panic(err)
        			}
        			o.TreeProofs = append(o.TreeProofs, strs(proof))
        		}
        		for _, tile := range tlog.NewTiles(t.Height, 0, int64(len(t.Records))) {
        			data, err := tlog.ReadTileData(tile, s)
        			if err != nil {
        				panic(err)
        			}
        			o.Tiles[tile.Path()] = data
        		}
        		out.Trees = append(out.Trees, o)
        	}
        	for _, z := range in.Zips {
        		h, err := dirhash.HashZip(z, dirhash.Hash1)
        		if err != nil {
        			h = "error"
        		}
        		out.Zips = append(out.Zips, h)
        	}
        	json.NewEncoder(os.Stdout).Encode(out)
        }
        """#

    struct TreeInput: Codable {
        var Records: [Data]
        var RecordProofs: [[Int64]]
        var TreeProofs: [[Int64]]
        var Height: Int
    }
    struct Input: Codable {
        var Trees: [TreeInput]
        var Zips: [String]
    }
    struct TreeOutput: Codable {
        var Hashes: [String]
        var RecordProofs: [[String]]?
        var TreeProofs: [[String]]?
        var Tiles: [String: Data]
    }
    struct Output: Codable {
        var Trees: [TreeOutput]
        var Zips: [String]
    }

    @Test(.enabled(if: GoProgram.available, "needs go and golang-golang-x-mod-dev"))
    func agreesWithXMod() async throws {
        var rng = SplitMix64(seed: 0x7375_6d64_62)
        var trees: [TreeInput] = []
        for _ in 0..<12 {
            let size = Int64(1 + rng.next() % 300)
            let records = (0..<size).map { _ in Data((0..<Int(rng.next() % 40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }) }
            let recordProofs = (0..<20).map { _ -> [Int64] in
                let t = Int64(1 + rng.next() % UInt64(size))
                return [t, Int64(rng.next() % UInt64(t))]
            }
            let treeProofs = (0..<20).map { _ -> [Int64] in
                let t = Int64(1 + rng.next() % UInt64(size))
                return [t, Int64(1 + rng.next() % UInt64(t))]
            }
            trees.append(TreeInput(Records: records, RecordProofs: recordProofs, TreeProofs: treeProofs, Height: [1, 2, 3, 8][Int(rng.next() % 4)]))
        }
        let dir = try GoProgram.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let zips = try (0..<40).map { i in try Self.randomZip(&rng, index: i) }
        defer { zips.forEach { try? FileManager.default.removeItem(at: $0) } }

        let binary = try GoProgram.build(Self.probe, name: "tlogprobe", in: dir)
        let input = try JSONEncoder().encode(Input(Trees: trees, Zips: zips.map(\.path)))
        let output = try JSONDecoder().decode(Output.self, from: try GoProgram.run(binary, input: input))
        try #require(output.Trees.count == trees.count && output.Zips.count == zips.count)
        #expect(output.Zips.filter { $0.hasPrefix("h1:") }.count > 30)
        #expect(zips.contains { url in (try? ModuleZipHasher.entries(of: url).contains { $0.nameText.hasSuffix("/") }) == true })

        for (tree, want) in zip(trees, output.Trees) {
            var storage = StoredHashList()
            var hashes: [String] = []
            for record in tree.Records {
                try await storage.append(record: Array(record))
                hashes.append(try await TransparencyLog.treeHash(storage.recordCount, reader: storage).description)
            }
            #expect(hashes == want.Hashes)
            try #require(want.RecordProofs?.count == tree.RecordProofs.count && want.TreeProofs?.count == tree.TreeProofs.count)
            #expect(!want.Tiles.isEmpty)
            for (pair, proof) in zip(tree.RecordProofs, want.RecordProofs ?? []) {
                #expect(try await TransparencyLog.proveRecord(t: pair[0], n: pair[1], reader: storage).map(\.description) == proof)
            }
            for (pair, proof) in zip(tree.TreeProofs, want.TreeProofs ?? []) {
                #expect(try await TransparencyLog.proveTree(t: pair[0], n: pair[1], reader: storage).map(\.description) == proof)
            }
            var tiles: [String: Data] = [:]
            for tile in LogTile.newTiles(height: tree.Height, oldSize: 0, newSize: storage.recordCount) {
                tiles[tile.path] = Data(try await tile.readData(from: storage))
            }
            #expect(tiles == want.Tiles)
        }
        for (url, want) in zip(zips, output.Zips) {
            let mine = (try? ModuleZipHasher.hashZip(at: url)) ?? "error"
            #expect(mine == want, "zip \(url.lastPathComponent)")
        }
    }

    /// A zip of 0–8 entries with names mixing case, non-ASCII, spaces and duplicates.
    static func randomZip(_ rng: inout SplitMix64, index: Int) throws -> URL {
        let parts = ["a", "B", "é", "dir/", "x y", "go.mod", "LICENSE", "Ω", "z"]
        var files: [ZipFixture.File] = []
        for _ in 0..<Int(rng.next() % 9) {
            var name = "example.com/m@v1.0.\(index)/"
            for _ in 0...(rng.next() % 3) { name += parts[Int(rng.next() % UInt64(parts.count))] }
            if name.hasSuffix("/") { name += "f" }
            let content = (0..<Int(rng.next() % 3000)).map { _ in UInt8(truncatingIfNeeded: rng.next() % 7) }
            files.append(.init(name: name, content: content))
        }
        if let first = files.first, rng.next() % 4 == 0 { files.append(.init(name: first.name, content: [1, 2, 3])) }
        if rng.next() % 4 == 0 { files.append(.init(name: "example.com/m@v1.0.\(index)/dir/", content: [], directory: true)) }
        return try ZipFixture.write(files, compress: rng.next() % 2 == 0)
    }
}

/// A small seeded generator so the differential inputs are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
