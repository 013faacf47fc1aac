import Foundation

/// The real go commands the differential tests run: Debian's Go 1.19 and the releases that
/// scripts/install-go-toolchains puts under $GO_TOOLCHAINS (default /opt/gomod-doctor-go).
struct GoToolchain: Sendable, CustomStringConvertible {
    var version: String
    /// The go binary.
    var executable: String
    /// Its GOROOT.
    var root: String

    var description: String { "go\(version)" }
    /// The bin directory, for a PATH that makes this the go command gomod-doctor finds.
    var binDirectory: String { (executable as NSString).deletingLastPathComponent }

    /// Whether this release reads GOAUTH (Go 1.24+).
    var readsGoAuth: Bool { atLeast(1, 24) }

    /// Whether this release is go`major`.`minor` or later.
    func atLeast(_ major: Int, _ minor: Int) -> Bool {
        let parts = version.split(separator: ".").compactMap { Int($0) }
        return parts.count >= 2 && (parts[0], parts[1]) >= (major, minor)
    }

    /// Every installed one, oldest first.
    static var installed: [GoToolchain] {
        var found: [GoToolchain] = []
        if FileManager.default.isExecutableFile(atPath: "/usr/lib/go-1.19/bin/go") {
            found.append(GoToolchain(version: "1.19", executable: "/usr/lib/go-1.19/bin/go", root: "/usr/lib/go-1.19"))
        }
        let root = ProcessInfo.processInfo.environment["GO_TOOLCHAINS"] ?? "/opt/gomod-doctor-go"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for version in versions.sorted(by: { $0.compare($1, options: .numeric) == .orderedAscending }) {
            let goroot = "\(root)/\(version)/go"
            if FileManager.default.isExecutableFile(atPath: goroot + "/bin/go") {
                found.append(GoToolchain(version: version, executable: goroot + "/bin/go", root: goroot))
            }
        }
        return found
    }

    /// The installed releases that read GOAUTH; in CI (CI=true) their absence is a failure, not a skip.
    static var withGoAuth: [GoToolchain] { installed.filter(\.readsGoAuth) }
}
