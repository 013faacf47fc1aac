import Foundation
import ZIPFoundation

/// Writes small zips for tests, and patches declared sizes to imitate hostile archives.
enum ZipFixture {
    struct File {
        var name: String
        var content: [UInt8]
        var symlink = false
        var directory = false
    }

    static func temporaryURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("modzip-\(UUID().uuidString).zip")
    }

    static func write(_ files: [File], compress: Bool = true) throws -> URL {
        let url = temporaryURL()
        let archive = try Archive(url: url, accessMode: .create)
        for file in files {
            let data = Data(file.content)
            let type: Entry.EntryType = file.directory ? .directory : file.symlink ? .symlink : .file
            try archive.addEntry(
                with: file.name, type: type, uncompressedSize: Int64(data.count),
                compressionMethod: compress ? .deflate : .none
            ) { position, size in
                data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
            }
        }
        return url
    }

    /// Sets the declared uncompressed size of every entry (local and central headers).
    static func patchUncompressedSize(_ url: URL, to size: UInt32) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        let value = withUnsafeBytes(of: size.littleEndian) { Array($0) }
        var i = 0
        while i + 46 <= bytes.count {
            if bytes[i..<i + 4] == [0x50, 0x4b, 0x01, 0x02] {
                bytes.replaceSubrange(i + 24..<i + 28, with: value)
            } else if bytes[i..<i + 4] == [0x50, 0x4b, 0x03, 0x04] {
                bytes.replaceSubrange(i + 22..<i + 26, with: value)
            }
            i += 1
        }
        try Data(bytes).write(to: url)
    }
}
