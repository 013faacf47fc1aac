import GoModConfig

/// Decides whether a module path looks private — one that a public proxy and the public
/// checksum database cannot serve. The go command has no such notion (it relies on
/// GOPRIVATE), so this is our judgement, kept deliberately conservative: a false "private"
/// would send users to change a working configuration.
public enum PrivateModuleHeuristic {
    /// Suffixes reserved for private or local use (RFC 2606, RFC 6761, RFC 8375, common intranets).
    static let privateSuffixes = [
        ".local", ".internal", ".corp", ".lan", ".intranet", ".intra", ".home", ".localdomain", ".private",
        ".test", ".example", ".invalid", ".localhost", ".home.arpa",
    ]
    /// Hosts whose modules are public even if their names look odd.
    static let publicHosts: Set<String> = [
        "github.com", "gitlab.com", "bitbucket.org", "gitee.com", "golang.org", "google.golang.org",
        "gopkg.in", "go.googlesource.com", "k8s.io", "sigs.k8s.io", "go.uber.org", "cloud.google.com",
    ]

    public static func host(of modulePath: String) -> String {
        String(modulePath.split(separator: "/", maxSplits: 1).first ?? Substring(modulePath))
    }

    public static func looksPrivate(_ modulePath: String) -> Bool {
        let host = host(of: modulePath).lowercased()
        if publicHosts.contains(host) { return false }
        if !host.contains(".") { return true }          // "corp/lib", "mycompany/x"
        if host.contains(":") { return true }           // host:port
        if host.split(separator: ".").allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) { return true } // IPv4
        let dotted = "." + host
        if privateSuffixes.contains(where: { dotted.hasSuffix($0) }) { return true }
        let labels = host.split(separator: ".").map(String.init)
        if labels.dropLast().contains(where: privateLabels.contains) { return true }
        if let first = labels.first, labels.count > 2, selfHostedForgeLabels.contains(first) { return true }
        return reservedDomains.contains { dotted.hasSuffix("." + $0) }
    }

    /// A label that names an intranet anywhere in the host: git.corp.acme.com, pkg.internal.acme.io.
    static let privateLabels: Set<String> = ["corp", "internal", "intranet", "intra", "private", "priv", "local", "lan"]
    /// The first label of a self-hosted forge (gitlab.acme.com); only with three or more labels,
    /// so public forges like gitlab.com and gitee.com are not caught.
    static let selfHostedForgeLabels: Set<String> = ["git", "gitlab", "gitea", "gogs", "gerrit", "scm", "code", "svn", "repo", "bitbucket"]
    /// Second-level names reserved for documentation (RFC 2606): nothing public serves them.
    static let reservedDomains = ["example.com", "example.net", "example.org"]

    /// A few well-known public module paths: a pattern matching all of them matches "everything".
    static let publicSamples = ["github.com/google/uuid", "golang.org/x/text", "gopkg.in/yaml.v3", "go.uber.org/zap", "k8s.io/api"]

    /// Whether a GOPRIVATE-style list covers public modules wholesale (e.g. `*` or `*/*`).
    public static func matchesAllPublicModules(_ patterns: String) -> Bool {
        !patterns.isEmpty && publicSamples.allSatisfy { PrefixPatterns.match(patterns, $0) }
    }

    /// Globs of the list that match public modules wholesale.
    public static func broadGlobs(_ patterns: String) -> [String] {
        patterns.split(separator: ",").map(String.init).filter { matchesAllPublicModules($0) }
    }
}
