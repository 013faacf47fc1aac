/// The lengths the module cache allows. The go command keeps every module it downloads under
/// `$GOMODCACHE/cache/download/<escaped path>/@v/<escaped version>.{info,mod,zip,ziphash}` and
/// extracts it to `$GOMODCACHE/<escaped path>@<escaped version>/`, one directory per path
/// element. A name longer than the file system allows fails there — measured with go 1.27:
/// `go: writing stat cache: mkdir …: file name too long` for a 256-byte element — so a
/// requirement beyond these limits can never be downloaded, whatever the network does.
/// modfile itself sets no length limit; these come from the file system (NAME_MAX 255 and
/// PATH_MAX 4096 on Linux, and the same or less on macOS and Windows).
public enum ModuleCacheLimits {
    /// The longest file name (one path element): NAME_MAX.
    public static let maxElementBytes = 255
    /// The longest escaped module path: PATH_MAX less its terminating NUL. The cache
    /// directory's own path only makes the real limit smaller.
    public static let maxPathBytes = 4095
    /// The longest suffix the cache appends to a version file name (`.ziphash`, `.partial`).
    static let longestVersionSuffix = ".ziphash".utf8.count

    /// Why the go command cannot store `path` (and `version`, when given) in the module
    /// cache, or nil when it can. Lengths are those of the case-escaped forms
    /// (module.EscapePath: each upper-case letter becomes `!` and its lower case). Linear in
    /// the input, and the reason never quotes the input (which may be megabytes long).
    public static func problem(path: String, version: String?) -> String? {
        var element = 1
        var elementBytes = 0
        var lastElementBytes = 0
        var total = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if elementBytes > maxElementBytes { return elementProblem(element, elementBytes) }
                element += 1
                elementBytes = 0
                total += 1
                continue
            }
            let width = escapedWidth(byte)
            elementBytes += width
            total += width
        }
        if elementBytes > maxElementBytes { return elementProblem(element, elementBytes) }
        lastElementBytes = elementBytes
        if total > maxPathBytes {
            return "module path is \(total) bytes (case-escaped); the module cache keeps it as a directory path, "
                + "at most \(maxPathBytes) bytes (PATH_MAX), so the go command cannot download it (file name too long)"
        }
        guard let version else { return nil }
        let versionBytes = version.utf8.reduce(0) { $0 + escapedWidth($1) }
        if versionBytes + longestVersionSuffix > maxElementBytes {
            return "version is \(versionBytes) bytes (case-escaped); the module cache names files <version>.ziphash, "
                + "at most \(maxElementBytes) bytes (NAME_MAX), so the go command cannot download it (file name too long)"
        }
        if lastElementBytes + 1 + versionBytes > maxElementBytes {
            return "last path element and version make a \(lastElementBytes + 1 + versionBytes)-byte directory name <element>@<version> "
                + "in the module cache, at most \(maxElementBytes) bytes (NAME_MAX), so the go command cannot extract it (file name too long)"
        }
        return nil
    }

    private static func escapedWidth(_ byte: UInt8) -> Int {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 2 : 1
    }

    private static func elementProblem(_ element: Int, _ bytes: Int) -> String {
        "module path element \(element) is \(bytes) bytes (case-escaped); the module cache keeps each element as a file name, "
            + "at most \(maxElementBytes) bytes (NAME_MAX), so the go command cannot download it (file name too long)"
    }

    /// `text` cut to its first `limit` bytes (on a character boundary) plus `…`, for naming
    /// an over-long input in a message without repeating all of it.
    public static func abbreviated(_ text: String, limit: Int = 64) -> String {
        guard text.utf8.count > limit else { return text }
        let utf8 = text.utf8
        var end = utf8.index(utf8.startIndex, offsetBy: limit)
        // Back off UTF-8 continuation bytes (10xxxxxx) so the cut falls between scalars.
        while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        return String(decoding: utf8[..<end], as: UTF8.self) + "…"
    }
}
