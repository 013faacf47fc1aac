import Foundation
@testable import ModuleFetch

/// A module zip file (ModuleZipHasher over ZIPFoundation, ModuleZipRules): the input is
/// written to a file and read as the go command's download path would: central directory
/// entries, prefix and content rules, then the hash. Only ModuleFetchError; a valid entry is
/// one the directory listed; the hash is `h1:` base64 and the same when computed twice; no
/// file descriptor stays open.
@Sendable func fuzzZip(_ bytes: [UInt8]) {
    let descriptors = openDescriptors()
    checkZip(bytes)
    require(openDescriptors() <= descriptors, "reading the zip left a file descriptor open")
}

/// The number of open file descriptors of this process.
private func openDescriptors() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
}

private func checkZip(_ bytes: [UInt8]) {
    let url = zipScratch
    guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else {
        fatalError("cannot write \(url.path)")
    }
    let entries: [ModuleZipEntry]
    do {
        entries = try ModuleZipHasher.entries(of: url)
    } catch {
        require(error.code == "bad-zip", "zip directory error with code \(error.code)")
        return
    }
    let (path, version) = ("example.com/m", "v1.0.0")
    _ = ModuleZipRules.checkPrefix(entries, path: path, version: version)
    let report = ModuleZipRules.check(entries, path: path, version: version, zipSize: UInt64(bytes.count))
    let names = Set(entries.map(\.name))
    require(report.valid.allSatisfy(names.contains), "a valid entry the directory did not list")
    do {
        let hash = try ModuleZipHasher.hashZip(at: url)
        require(hash.hasPrefix("h1:") && hash.utf8.count == 47, "hash is not h1:<base64 SHA-256>: \(hash)")
        require((try? ModuleZipHasher.hashZip(at: url)) == hash, "hash differs when computed again")
    } catch {
        require(["bad-zip", "too-large"].contains(error.code), "hash error with code \(error.code): \(error)")
    }
    _ = try? ModuleZipHasher.checkAndHash(at: url, path: path, version: version)
}

/// One scratch file per fuzzing process.
let zipScratch: URL = {
    let directory = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
    return URL(fileURLWithPath: directory).appendingPathComponent("gomod-doctor-fuzz-\(getpid()).zip")
}()

/// The zip rules alone (ModuleZipRules.check, CaseFoldCollisions) over entries made from
/// the input: one entry a line, `name` or `name\tsize` or `name\tsize\tl` (a symlink).
/// Properties: valid entries carry the prefix and are distinct under case folding (no two
/// valid files could collide on a case-insensitive file system); the valid total stays
/// within 500 MiB unless a size error is reported; the same entries give the same report.
@Sendable func fuzzZipRules(_ bytes: [UInt8]) {
    let prefix = "example.com/m@v1.0.0/"
    var entries: [ModuleZipEntry] = []
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        let parts = line.split(separator: UInt8(ascii: "\t"), maxSplits: 2, omittingEmptySubsequences: false)
        let rawName = Array(parts[0])
        // Most entries get the prefix so the interesting rules run; a leading '!' keeps the name raw.
        let name = rawName.first == UInt8(ascii: "!") ? Array(rawName.dropFirst()) : Array(prefix.utf8) + rawName
        let size = parts.count > 1 ? UInt64(String(decoding: parts[1], as: UTF8.self)) ?? 0 : 0
        entries.append(ModuleZipEntry(name: name, uncompressedSize: size, isSymlink: parts.count > 2))
    }
    let report = ModuleZipRules.check(entries, path: "example.com/m", version: "v1.0.0", zipSize: UInt64(bytes.count))
    require(report == ModuleZipRules.check(entries, path: "example.com/m", version: "v1.0.0", zipSize: UInt64(bytes.count)),
            "same entries, different report")
    var folded: Set<String> = []
    var total: UInt64 = 0
    var sizes: [[UInt8]: UInt64] = [:]
    for entry in entries where sizes[entry.name] == nil { sizes[entry.name] = entry.uncompressedSize }
    for name in report.valid {
        require(name.starts(with: Array(prefix.utf8)), "valid entry without the prefix")
        let text = String(decoding: name, as: UTF8.self)
        require(folded.insert(CaseFoldCollisions.fold(text)).inserted, "two valid entries collide under case folding: \(text)")
        total &+= sizes[name] ?? 0
    }
    if report.sizeError == nil { require(total <= ModuleZipRules.maxZipFile, "valid total \(total) over the limit, no size error") }
    if entries.count > 1, report.error == nil {
        require(ModuleZipRules.check(entries + [entries[0]], path: "example.com/m", version: "v1.0.0", zipSize: 0).error != nil
                    || entries[0].name.last == UInt8(ascii: "/") || entries[0].name == Array(prefix.utf8),
                "a duplicated file entry was accepted")
    }
}
