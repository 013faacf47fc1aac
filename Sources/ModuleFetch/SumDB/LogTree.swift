import GoModConfig

/// A tree head of the checksum database: the number of records and the root hash.
/// Its text form is what the database signs (`tlog.FormatTree`).
public struct LogTree: Sendable, Hashable, Codable {
    public var size: Int64
    public var hash: LogHash

    public init(size: Int64, hash: LogHash) {
        self.size = size
        self.hash = hash
    }

    /// The empty tree a client starts from when it has no cached tree head.
    public static let empty = LogTree(size: 0, hash: .zero)

    static let prefix = "go.sum database tree\n"

    /// `go.sum database tree\n<N>\n<base64 hash>\n`.
    // golang.org/x/mod/sumdb/tlog/note.go FormatTree
    public var text: String { "\(Self.prefix)\(size)\n\(hash)\n" }

    /// Parses a tree note text; lines after the third are ignored, as Go does.
    /// - Throws: `ModuleFetchError("tlog", "malformed tree note")`.
    // golang.org/x/mod/sumdb/tlog/note.go ParseTree
    public static func parse(_ text: [UInt8]) throws(ModuleFetchError) -> LogTree {
        let malformed = ModuleFetchError("tlog", "malformed tree note")
        let newlines = text.lazy.filter { $0 == UInt8(ascii: "\n") }.count
        guard text.starts(with: Array(prefix.utf8)), newlines >= 3, text.count <= 1_000_000 else {
            throw malformed
        }
        let lines = text.split(separator: UInt8(ascii: "\n"), maxSplits: 3, omittingEmptySubsequences: false)
        let sizeText = String(decoding: lines[1], as: UTF8.self)
        guard let size = Int64(sizeText), size >= 0, String(size) == sizeText else { throw malformed }
        guard let data = GoBase64.decode(String(decoding: lines[2], as: UTF8.self)),
              let hash = LogHash(bytes: data)
        else { throw malformed }
        return LogTree(size: size, hash: hash)
    }
}
