import GoModConfig

/// The module zip rules, checked from the central directory alone so that a hostile zip
/// (a bomb, a huge declared size) is refused before anything is decompressed.
/// Texts are the go command's (cmd/go modfetch fetch.go and golang.org/x/mod/zip checkZip).
public enum ModuleZipRules {
    /// 500 MiB: the zip file, and the total uncompressed size of its contents.
    public static let maxZipFile: UInt64 = 500 << 20
    /// 16 MiB: go.mod and LICENSE.
    public static let maxGoMod: UInt64 = 16 << 20
    public static let maxLicense: UInt64 = 16 << 20

    /// The outcome of the checks: entries that pass, and per-entry problems.
    public struct Report: Sendable, Equatable {
        public var valid: [[UInt8]] = []
        /// `(entry name, reason)`.
        public var invalid: [(name: String, reason: String)] = []
        public var sizeError: String?

        /// cf.Err(): the size error, else every invalid entry as `name: reason`, one a line.
        // golang.org/x/mod/zip/zip.go CheckedFiles.Err
        public var error: ModuleFetchError? {
            if let sizeError { return ModuleFetchError("too-large", sizeError) }
            if invalid.isEmpty { return nil }
            return ModuleFetchError("bad-zip", invalid.map { "\($0.name): \($0.reason)" }.joined(separator: "\n"))
        }

        public static func == (a: Report, b: Report) -> Bool {
            a.valid == b.valid && a.sizeError == b.sizeError
                && a.invalid.map(\.name) == b.invalid.map(\.name) && a.invalid.map(\.reason) == b.invalid.map(\.reason)
        }
    }

    /// The download-time check: every entry must be under `<path>@<version>/`.
    // cmd/go/internal/modfetch/fetch.go downloadZip
    public static func checkPrefix(_ entries: [ModuleZipEntry], path: String, version: String) -> ModuleFetchError? {
        let prefix = Array("\(path)@\(version)/".utf8)
        guard let bad = entries.first(where: { !$0.name.starts(with: prefix) }) else { return nil }
        return ModuleFetchError("bad-zip", "zip for \(path)@\(version) has unexpected file \(bad.nameText)")
    }

    /// The zip content rules: prefix, clean and valid file paths, no case-fold collisions,
    /// go.mod only at the root, no symbolic links, size limits.
    // golang.org/x/mod/zip/zip.go checkZip
    public static func check(_ entries: [ModuleZipEntry], path: String, version: String, zipSize: UInt64) -> Report {
        var report = Report()
        if zipSize > maxZipFile {
            report.sizeError = "module zip file is too large (\(zipSize) bytes; limit is \(maxZipFile) bytes)"
            return report
        }
        let prefix = "\(path)@\(version)/"
        var collisions = CaseFoldCollisions()
        var total: UInt64 = 0
        for entry in entries {
            let full = entry.nameText
            func invalid(_ reason: String) { report.invalid.append((full, reason)) }
            guard entry.name.starts(with: Array(prefix.utf8)) else {
                invalid("path does not have prefix \(GoQuote.quote(prefix))")
                continue
            }
            var name = String(decoding: entry.name.dropFirst(prefix.utf8.count), as: UTF8.self)
            if name.isEmpty { continue }
            let isDirectory = name.hasSuffix("/")
            if isDirectory { name.removeLast() }
            guard isClean(name) else {
                invalid("file path is not clean")
                continue
            }
            do {
                try ModulePath.checkFilePath(name)
            } catch {
                invalid(error.message)
                continue
            }
            if let reason = collisions.check(name, isDirectory: isDirectory) {
                invalid(reason)
                continue
            }
            if isDirectory { continue }
            if entry.isSymlink {
                invalid("file is a symbolic link")
                continue
            }
            let base = name.split(separator: "/").last.map(String.init) ?? name
            if CaseFoldCollisions.fold(base) == "go.mod" {
                if base != name {
                    invalid("go.mod file not in module root directory")
                    continue
                }
                if name != "go.mod" {
                    invalid("go.mod files must have lowercase names")
                    continue
                }
            }
            let size = entry.uncompressedSize
            if maxZipFile - total >= size {
                total += size
            } else if report.sizeError == nil {
                report.sizeError = "total uncompressed size of module contents too large (max size is \(maxZipFile) bytes)"
            }
            if name == "go.mod" && size > maxGoMod {
                invalid("go.mod file too large (max size is \(maxGoMod) bytes)")
                continue
            }
            if name == "LICENSE" && size > maxLicense {
                invalid("LICENSE file too large (max size is \(maxLicense) bytes)")
                continue
            }
            report.valid.append(entry.name)
        }
        return report
    }

    /// path.Clean(name) == name.
    static func isClean(_ name: String) -> Bool {
        if name == "." || name == "/" { return true }
        if name.isEmpty || name.hasSuffix("/") { return false }
        let elements = name.split(separator: "/", omittingEmptySubsequences: false)
        for (i, element) in elements.enumerated() {
            if element.isEmpty && !(i == 0 && name.hasPrefix("/")) { return false }
            if element == "." || element == ".." { return false }
        }
        return true
    }
}
