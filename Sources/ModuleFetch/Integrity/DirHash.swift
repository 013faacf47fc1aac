import Crypto
import GoModConfig

/// The `h1:` hash of go.sum (golang.org/x/mod/sumdb/dirhash `Hash1`): SHA-256 over a
/// summary of `hex(sha256(content))  name\n` lines, names sorted bytewise. The same function
/// hashes a module zip (names with the `path@version/` prefix) and a lone go.mod.
public enum DirHash {
    /// One file of a hashed set: its name (raw bytes, as in a zip) and the SHA-256 of its content.
    public struct FileDigest: Sendable, Equatable {
        public var name: [UInt8]
        public var sha256: [UInt8]

        public init(name: [UInt8], sha256: [UInt8]) {
            self.name = name
            self.sha256 = sha256
        }

        public init(name: String, content: [UInt8]) {
            self.init(name: Array(name.utf8), sha256: Array(SHA256.hash(data: content)))
        }
    }

    /// The summary text Hash1 hashes.
    /// - Throws: `dirhash: filenames with newlines are not supported`.
    // golang.org/x/mod/sumdb/dirhash/hash.go Hash1
    public static func summary(_ files: [FileDigest]) throws(ModuleFetchError) -> [UInt8] {
        let sorted = files.sorted { $0.name.lexicographicallyPrecedes($1.name) }
        var out: [UInt8] = []
        for file in sorted {
            guard !file.name.contains(UInt8(ascii: "\n")) else {
                throw ModuleFetchError("bad-zip", "dirhash: filenames with newlines are not supported")
            }
            out += Array(hex(file.sha256).utf8) + Array("  ".utf8) + file.name + [UInt8(ascii: "\n")]
        }
        return out
    }

    /// `h1:` + base64(SHA-256(summary)).
    public static func hash1(_ files: [FileDigest]) throws(ModuleFetchError) -> String {
        "h1:" + GoBase64.encode(Array(SHA256.hash(data: try summary(files))))
    }

    /// The go.sum `/go.mod` hash: Hash1 over one file named `go.mod`.
    // cmd/go/internal/modfetch/fetch.go checkGoMod (dirhash.Hash1([]string{"go.mod"}, …))
    public static func hashGoMod(_ content: [UInt8]) -> String {
        (try? hash1([FileDigest(name: "go.mod", content: content)])) ?? ""
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
