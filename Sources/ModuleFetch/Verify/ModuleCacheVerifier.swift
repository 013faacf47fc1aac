import Crypto
import Foundation
import GoModConfig
import ZIPFoundation

/// Verifies module versions in `$GOMODCACHE` like `go mod verify` (cmd/go/internal/modcmd/
/// verify.go verifyMod): the zip and the extracted directory must hash to the recorded
/// `.ziphash` (and that to go.sum). When the directory differs, its files are compared with
/// the zip's entries one by one, so the report says which file was changed, added or removed.
public struct ModuleCacheVerifier: Sendable {
    public var modCache: String

    public init(modCache: String) {
        self.modCache = modCache
    }

    public func verify(path: String, version: String, goSumHash: String?) -> CacheModuleCheck {
        let escapedPath = (try? ModulePath.escape(path)) ?? path
        let escapedVersion = (try? ModulePath.escapeVersion(version)) ?? version
        let zip = modCache + "/cache/download/" + escapedPath + "/@v/" + escapedVersion + ".zip"
        let directory = modCache + "/" + escapedPath + "@" + escapedVersion
        var check = CacheModuleCheck(path: path, version: version, zip: zip, directory: directory,
                                     status: .verified, problems: [], files: [])
        let fileManager = FileManager.default
        let hasZip = fileManager.fileExists(atPath: zip)
        let hasDirectory = fileManager.fileExists(atPath: directory)
        let name = "\(path) \(version)"
        guard let data = fileManager.contents(atPath: zip + "hash") else {
            guard hasZip || hasDirectory else {
                check.status = .notDownloaded
                return check
            }
            check.status = .failed
            check.problems = ["\(name): missing ziphash: open \(zip)hash: no such file or directory"]
            return check
        }
        let recorded = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if let goSumHash, goSumHash != recorded {
            check.problems.append("\(name): recorded hash \(recorded) (\(zip)hash) differs from go.sum \(goSumHash)")
        }
        if hasZip {
            do {
                if try ModuleZipHasher.hashZip(at: URL(fileURLWithPath: zip)) != recorded {
                    check.problems.append("\(name): zip has been modified (\(zip))")
                }
            } catch {
                check.status = .failed
                check.problems.append("\(name): \(error.message)")
                return check
            }
        }
        if hasDirectory {
            let prefix = path + "@" + version + "/"
            let files = Self.directoryDigests(directory)
            let digests = files.map { DirHash.FileDigest(name: Array((prefix + $0.key).utf8), sha256: $0.value) }
            if (try? DirHash.hash1(digests)) != recorded {
                check.problems.append("\(name): dir has been modified (\(directory))")
                if hasZip { check.files = Self.differences(directory: files, zip: zip, prefix: prefix) }
            }
        }
        if !check.problems.isEmpty { check.status = .modified }
        return check
    }

    /// SHA-256 of every regular file under `directory`, by path relative to it.
    static func directoryDigests(_ directory: String) -> [String: [UInt8]] {
        var digests: [String: [UInt8]] = [:]
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return digests }
        while let relative = walker.nextObject() as? String {
            let full = directory + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let content = FileManager.default.contents(atPath: full) else { continue }
            digests[relative] = Array(SHA256.hash(data: content))
        }
        return digests
    }

    /// Files whose content differs between the extracted directory and the zip.
    static func differences(directory: [String: [UInt8]], zip: String, prefix: String) -> [CacheModuleCheck.FileDifference] {
        guard let archive = try? Archive(url: URL(fileURLWithPath: zip), accessMode: .read, pathEncoding: .isoLatin1) else { return [] }
        var inZip: [String: [UInt8]] = [:]
        var total: UInt64 = 0
        for entry in archive where entry.type == .file {
            total += entry.uncompressedSize
            guard total <= ModuleZipRules.maxZipFile else { return [] }
            var hasher = SHA256()
            guard (try? archive.extract(entry, skipCRC32: false) { hasher.update(data: $0) }) != nil else { continue }
            let name = entry.path(using: .isoLatin1)
            guard name.hasPrefix(prefix) else { continue }
            inZip[String(name.dropFirst(prefix.count))] = Array(hasher.finalize())
        }
        var differences: [CacheModuleCheck.FileDifference] = []
        for file in Set(inZip.keys).union(directory.keys).sorted() {
            switch (inZip[file], directory[file]) {
            case (let a?, let b?) where a != b: differences.append(.init(file: file, change: "modified"))
            case (_?, nil): differences.append(.init(file: file, change: "missing"))
            case (nil, _?): differences.append(.init(file: file, change: "added"))
            default: break
            }
        }
        return differences
    }
}
