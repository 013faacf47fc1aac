import Crypto
import GoModConfig

/// A SHA-256 hash in the checksum database's transparency log (`tlog.Hash`): a record
/// hash, an interior node hash or a tree root. Printed as standard base64, like Go's `Hash.String`.
public struct LogHash: Sendable, Hashable, Codable, CustomStringConvertible {
    public static let size = 32

    /// Exactly 32 bytes.
    public let bytes: [UInt8]

    /// The all-zero hash (Go's `tlog.Hash{}`, the "root" of an empty tree in `TreeHash`).
    public static let zero = LogHash(unchecked: [UInt8](repeating: 0, count: size))

    /// Returns nil unless `bytes` holds exactly 32 bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.size else { return nil }
        self.bytes = bytes
    }

    init(unchecked bytes: [UInt8]) {
        self.bytes = bytes
    }

    init<D: Digest>(digest: D) {
        self.bytes = Array(digest)
    }

    /// Parses standard base64 of 32 bytes.
    /// - Throws: `ModuleFetchError("tlog", "malformed hash")`.
    // golang.org/x/mod/sumdb/tlog/tlog.go ParseHash
    public static func parse(_ text: String) throws(ModuleFetchError) -> LogHash {
        guard let data = GoBase64.decode(text), let hash = LogHash(bytes: data) else {
            throw ModuleFetchError("tlog", "malformed hash")
        }
        return hash
    }

    public var description: String { GoBase64.encode(bytes) }

    /// Lower-case hex, as the RFC 6962 test vectors print roots.
    public var hex: String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The leaf hash of a record: SHA-256(0x00 ‖ data).
    // golang.org/x/mod/sumdb/tlog/tlog.go RecordHash
    public static func record(_ data: [UInt8]) -> LogHash {
        var hasher = SHA256()
        hasher.update(data: [0])
        hasher.update(data: data)
        return LogHash(digest: hasher.finalize())
    }

    /// An interior node hash: SHA-256(0x01 ‖ left ‖ right).
    // golang.org/x/mod/sumdb/tlog/tlog.go NodeHash
    public static func node(_ left: LogHash, _ right: LogHash) -> LogHash {
        var hasher = SHA256()
        hasher.update(data: [1])
        hasher.update(data: left.bytes)
        hasher.update(data: right.bytes)
        return LogHash(digest: hasher.finalize())
    }
}
