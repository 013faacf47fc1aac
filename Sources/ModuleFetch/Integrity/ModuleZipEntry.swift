/// What a zip's central directory says about one entry, before any byte is decompressed.
public struct ModuleZipEntry: Sendable, Equatable {
    /// The entry name as raw bytes (zip names are bytes; Go compares them as such).
    public var name: [UInt8]
    /// The declared uncompressed size.
    public var uncompressedSize: UInt64
    public var isSymlink: Bool

    public init(name: [UInt8], uncompressedSize: UInt64, isSymlink: Bool = false) {
        self.name = name
        self.uncompressedSize = uncompressedSize
        self.isSymlink = isSymlink
    }

    public init(name: String, uncompressedSize: UInt64, isSymlink: Bool = false) {
        self.init(name: Array(name.utf8), uncompressedSize: uncompressedSize, isSymlink: isSymlink)
    }

    /// The name for messages (invalid UTF-8 replaced).
    public var nameText: String { String(decoding: name, as: UTF8.self) }
}
