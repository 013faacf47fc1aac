/// A Go release or language version ("go1.19.8", "1.21", "go1.22rc1"), ordered the way
/// cmd/go/internal/gover compares them: 1.21 < 1.21rc1 < 1.21.0 < 1.21.1.
public struct GoReleaseVersion: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    /// nil for a language version ("1.21") or a prerelease ("1.21rc1").
    public var patch: Int?
    /// "rc1", "beta2", or nil.
    public var prerelease: String?

    public init(major: Int, minor: Int, patch: Int? = nil, prerelease: String? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
    }

    /// Parses "go1.19.8", "1.19.8", "1.21", "go1.21rc1"; a trailing " X:…" or "-suffix" (as in
    /// `go version` output or distribution builds) is ignored. nil when it is not a Go version.
    public init?(_ text: String) {
        var rest = Substring(text)
        if rest.hasPrefix("go") { rest = rest.dropFirst(2) }
        if let cut = rest.firstIndex(where: { $0 == " " || $0 == "-" || $0 == "+" }) { rest = rest[..<cut] }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 1, parts.count <= 3, let major = Int(parts[0]) else { return nil }
        self.major = major
        self.minor = 0
        self.patch = nil
        self.prerelease = nil
        guard parts.count >= 2 else { return }
        let minorText = parts[1]
        let digits = minorText.prefix { $0.isNumber }
        guard let minor = Int(digits) else { return nil }
        self.minor = minor
        let suffix = minorText.dropFirst(digits.count)
        if !suffix.isEmpty {
            guard parts.count == 2, suffix.hasPrefix("rc") || suffix.hasPrefix("beta") else { return nil }
            self.prerelease = String(suffix)
        }
        if parts.count == 3 {
            guard let patch = Int(parts[2]) else { return nil }
            self.patch = patch
        }
    }

    public var description: String {
        var text = "\(major).\(minor)"
        if let prerelease { text += prerelease }
        if let patch { text += ".\(patch)" }
        return text
    }

    /// The toolchain name ("go1.21.3").
    public var toolchainName: String { "go" + description }

    /// Language version only (major.minor), for feature checks.
    public func atLeast(_ major: Int, _ minor: Int) -> Bool {
        (self.major, self.minor) >= (major, minor)
    }

    public static func < (lhs: GoReleaseVersion, rhs: GoReleaseVersion) -> Bool {
        if (lhs.major, lhs.minor) != (rhs.major, rhs.minor) { return (lhs.major, lhs.minor) < (rhs.major, rhs.minor) }
        return lhs.rank < rhs.rank
    }

    /// Within one minor: language version, then prereleases (beta before rc), then patches.
    private var rank: (Int, Int, Int) {
        if let patch { return (3, patch, 0) }
        guard let prerelease else { return (0, 0, 0) }
        let kind = prerelease.hasPrefix("beta") ? 1 : 2
        let number = Int(prerelease.drop { !$0.isNumber }) ?? 0
        return (kind, number, 0)
    }
}
