import Foundation

/// A Go installation found on this machine: which `go` the user's shell would run, its GOROOT
/// and release. Which release it is decides which rules apply (GOROOT/go.env and GOTOOLCHAIN
/// since Go 1.21, GOAUTH since Go 1.24).
public struct GoInstallation: Sendable, Equatable, Codable {
    public var executable: String?
    public var root: String
    /// "go1.19.8" as written in $GOROOT/VERSION, if readable.
    public var versionText: String?

    public init(executable: String?, root: String, versionText: String?) {
        self.executable = executable
        self.root = root
        self.versionText = versionText
    }

    public var version: GoReleaseVersion? { versionText.flatMap(GoReleaseVersion.init) }

    /// Finds the `go` that PATH names and its GOROOT, as cmd/go/internal/cfg findGOROOT does:
    /// $GOROOT if set, else the directory two levels above the (symlink-resolved) executable
    /// when it looks like a GOROOT. nil when there is no go command and no GOROOT.
    public static func locate(environment: [String: String], hostOS: GoHostOS, fileSystem: any FileSystemReading) -> GoInstallation? {
        let executable = findExecutable(named: hostOS == .windows ? "go.exe" : "go", environment: environment, hostOS: hostOS, fileSystem: fileSystem)
        var root: String?
        if let explicit = environment["GOROOT"], !explicit.isEmpty {
            root = explicit
        } else if let executable {
            for candidate in [executable, fileSystem.resolvingSymlinks(executable)] {
                let dir = parentDirectory(parentDirectory(candidate))
                if fileSystem.isDirectory(hostOS.join(dir, "pkg", "tool")) || fileSystem.fileExists(hostOS.join(dir, "VERSION")) {
                    root = dir
                    break
                }
            }
        }
        guard let root else { return nil }
        let versionText = fileSystem.contents(of: hostOS.join(root, "VERSION"))
            .map { String(decoding: $0, as: UTF8.self) }
            .flatMap { $0.split(separator: "\n").first.map(String.init) }
        return GoInstallation(executable: executable, root: root, versionText: versionText)
    }

    static func findExecutable(named name: String, environment: [String: String], hostOS: GoHostOS, fileSystem: any FileSystemReading) -> String? {
        let path = environment["PATH"] ?? environment["Path"] ?? ""
        for dir in path.split(separator: hostOS.listSeparator) where !dir.isEmpty {
            let candidate = hostOS.join(String(dir), name)
            if fileSystem.fileExists(candidate) && !fileSystem.isDirectory(candidate) { return candidate }
        }
        return nil
    }

    static func parentDirectory(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && (trimmed.hasSuffix("/") || trimmed.hasSuffix("\\")) { trimmed = trimmed.dropLast() }
        guard let cut = trimmed.lastIndex(where: { $0 == "/" || $0 == "\\" }) else { return "." }
        return cut == trimmed.startIndex ? String(trimmed[...cut]) : String(trimmed[..<cut])
    }
}
