import Foundation

/// Hosting sites the go command knows without go-get discovery (cmd/go/internal/vcs vcs.go
/// vcsPaths): the repository root follows from the path itself.
public enum KnownVCSHosts {
    struct Site {
        let prefix: String
        let pattern: String
        let vcs: String
    }

    static let sites = [
        Site(prefix: "github.com/", pattern: #"^(github\.com/[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+)(/[A-Za-z0-9_.\-]+)*$"#, vcs: "git"),
        Site(prefix: "bitbucket.org/", pattern: #"^(bitbucket\.org/[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+)(/[A-Za-z0-9_.\-]+)*$"#, vcs: "git"),
        Site(prefix: "hub.jazz.net/git/", pattern: #"^(hub\.jazz\.net/git/[a-z0-9]+/[A-Za-z0-9_.\-]+)(/[A-Za-z0-9_.\-]+)*$"#, vcs: "git"),
        Site(prefix: "git.apache.org/", pattern: #"^(git\.apache\.org/[a-z0-9_.\-]+\.git)(/[A-Za-z0-9_.\-]+)*$"#, vcs: "git"),
        Site(prefix: "git.openstack.org/", pattern: #"^(git\.openstack\.org/[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+)(\.git)?(/[A-Za-z0-9_.\-]+)*$"#, vcs: "git"),
        Site(prefix: "chiselapp.com/", pattern: #"^(chiselapp\.com/user/[A-Za-z0-9]+/repository/[A-Za-z0-9_.\-]+)$"#, vcs: "fossil"),
    ]

    /// The repository of a path on a known site: prefix = root, repoRoot = `https://<root>`.
    /// nil when the path is not on a known site. A path on a known site that does not fit its
    /// pattern is still nil here (the go command then reports an invalid import path).
    public static func match(_ path: String) -> GoImportMeta? {
        for site in sites where path.hasPrefix(site.prefix) {
            guard let regex = try? NSRegularExpression(pattern: site.pattern) else { return nil }
            let range = NSRange(path.startIndex..., in: path)
            guard let match = regex.firstMatch(in: path, range: range), let rootRange = Range(match.range(at: 1), in: path) else { return nil }
            let root = String(path[rootRange])
            return GoImportMeta(prefix: root, vcs: site.vcs, repoRoot: "https://" + root)
        }
        return nil
    }
}
