import Crypto
import Foundation
import NetProbes
import ZIPFoundation

/// Reads module zips with ZIPFoundation: the central directory first (names, declared
/// sizes, symlinks), then, only if the declared sizes are within the go command's limits,
/// the contents, each cut off at its declared size. So a zip bomb costs bounded time and memory.
/// With a deadline, the work stops there (checked per entry and per 16 KiB decompressed): a
/// zip still being hashed at the deadline is a "timeout", never a hash and never "bad-zip".
public enum ModuleZipHasher {
    /// The entries the central directory lists, without decompressing anything.
    public static func entries(of url: URL, deadline: ProbeDeadline? = nil) throws(ModuleFetchError) -> [ModuleZipEntry] {
        let archive = try open(url)
        return try list(archive, deadline: deadline).map(describe)
    }

    /// dirhash.HashZip: Hash1 over every entry (full names, including the module prefix).
    /// Refuses a zip whose declared total exceeds 500 MiB or whose entry inflates past its
    /// declared size.
    // golang.org/x/mod/sumdb/dirhash/hash.go HashZip
    public static func hashZip(at url: URL, deadline: ProbeDeadline? = nil) throws(ModuleFetchError) -> String {
        let archive = try open(url)
        let entries = try list(archive, deadline: deadline)
        let declared = entries.reduce(UInt64(0)) { $0 &+ min($1.uncompressedSize, ModuleZipRules.maxZipFile + 1) }
        guard declared <= ModuleZipRules.maxZipFile else {
            throw ModuleFetchError(
                "too-large", "total uncompressed size of module contents too large (max size is \(ModuleZipRules.maxZipFile) bytes)")
        }
        // Like Go's map from name to file: a duplicated name hashes the last entry's content.
        var digests: [[UInt8]: [UInt8]] = [:]
        var names: [[UInt8]] = []
        for entry in entries {
            let name = describe(entry).name
            names.append(name)
            guard !name.contains(UInt8(ascii: "\n")) else { continue }
            digests[name] = try digest(of: entry, in: archive, deadline: deadline)
        }
        return try DirHash.hash1(names.map { DirHash.FileDigest(name: $0, sha256: digests[$0] ?? []) })
    }

    /// The go command's download checks then the hash: entries under `<path>@<version>/`,
    /// the zip rules (from the central directory), then HashZip.
    public static func checkAndHash(at url: URL, path: String, version: String,
                                    deadline: ProbeDeadline? = nil) throws(ModuleFetchError) -> String {
        let entries = try entries(of: url, deadline: deadline)
        if let error = ModuleZipRules.checkPrefix(entries, path: path, version: version) { throw error }
        let size: UInt64
        do {
            guard let value = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? UInt64 else {
                throw ModuleFetchError("local-io", "cannot read the size of the zip file")
            }
            size = value
        } catch {
            // Fail closed: the 500 MiB file rule cannot be applied to a file whose size is unknown.
            throw ModuleFetchError("local-io", "cannot read the size of the zip file: \(error)")
        }
        if let error = ModuleZipRules.check(entries, path: path, version: version, zipSize: size).error { throw error }
        return try hashZip(at: url, deadline: deadline)
    }

    /// The go command's message when the deadline ends the hashing (the download's context).
    static func timeout() -> ModuleFetchError {
        ModuleFetchError("timeout", "verifying the zip stopped at the deadline: context deadline exceeded")
    }

    /// The central directory's entries, stopping at the deadline.
    private static func list(_ archive: Archive, deadline: ProbeDeadline?) throws(ModuleFetchError) -> [Entry] {
        var entries: [Entry] = []
        for entry in archive {
            if entries.count % 1024 == 0, deadline?.hasPassed == true { throw timeout() }
            entries.append(entry)
        }
        return entries
    }

    private static func open(_ url: URL) throws(ModuleFetchError) -> Archive {
        do {
            return try Archive(url: url, accessMode: .read, pathEncoding: .isoLatin1)
        } catch {
            throw ModuleFetchError("bad-zip", "zip: not a valid zip file")
        }
    }

    /// Raw name bytes: decoded as ISO Latin-1 (one scalar per byte), so mapped back exactly.
    static func describe(_ entry: Entry) -> ModuleZipEntry {
        let name = entry.path(using: .isoLatin1).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        return ModuleZipEntry(name: name, uncompressedSize: entry.uncompressedSize, isSymlink: entry.type == .symlink)
    }

    /// SHA-256 of the entry's content, refusing more bytes than declared.
    private static func digest(of entry: Entry, in archive: Archive, deadline: ProbeDeadline?) throws(ModuleFetchError) -> [UInt8] {
        if deadline?.hasPassed == true { throw timeout() }
        var hasher = SHA256()
        var count: UInt64 = 0
        let limit = entry.uncompressedSize
        do {
            // extract(consumer:) computes but does not check the CRC; Go's reader checks
            // both the length and the CRC (archive/zip checksumReader).
            let crc = try archive.extract(entry, skipCRC32: false) { chunk in
                count += UInt64(chunk.count)
                if deadline?.hasPassed == true { throw timeout() }
                guard count <= limit else { throw ModuleFetchError("too-large", "zip entry larger than declared") }
                hasher.update(data: chunk)
            }
            guard count == limit else { throw ModuleFetchError("bad-zip", "unexpected EOF") }
            guard entry.type != .file || crc == entry.checksum else { throw ModuleFetchError("bad-zip", "zip: checksum error") }
        } catch let error as ModuleFetchError {
            throw error
        } catch {
            throw ModuleFetchError("bad-zip", "zip: \(describe(entry).nameText): \(error)")
        }
        return Array(hasher.finalize())
    }
}
