import GoModConfig

/// The exact commands to run next for a classified error: a configuration change where one
/// fixes it, otherwise the gomod-doctor probe that looks at the broken layer.
public enum ExplainNextSteps {
    /// `env` is the user's resolved environment when the CLI has one: every go variable change
    /// then comes from FixCommands (`export` too when the shell sets the variable).
    public static func commands(for classification: GoErrorClassification, facts: GoErrorFacts, env: ResolvedGoEnv? = nil) -> [String] {
        let host = facts.host
        let endpoint = facts.address ?? host.map { $0.contains(":") && !$0.hasPrefix("[") ? "[\($0)]:443" : "\($0):443" }
        let moduleAtVersion = facts.module.map { module in facts.version.map { "\(module)@\($0)" } ?? module }
        let privatePattern = facts.module.map(privatePattern(for:))
        var commands: [String] = []
        switch classification.cause {
        case "dns-nxdomain", "dns-servfail", "dns-unresolved":
            if let host { commands += ["gomod-doctor dig --system \(host)", "gomod-doctor dig --compare \(host)"] }
        case "dns-server-unreachable":
            if let host { commands.append("gomod-doctor dig --system \(host)") }
            commands.append("cat /etc/resolv.conf")
        case "tcp-timeout", "tcp-refused", "tcp-reset", "tcp-unreachable", "tcp-connect-failed":
            if let endpoint { commands += ["gomod-doctor tcp \(endpoint)", "gomod-doctor trace \(hostOnly(endpoint))"] }
        case "ipv6-unreachable":
            if let endpoint { commands.append("gomod-doctor tcp -6 \(endpoint)") }
            if let host, !host.contains(":") { commands.append("gomod-doctor tcp -4 \(host):443") }
        case "https-proxy-unreachable":
            if let address = facts.address { commands.append("gomod-doctor tcp \(address)") }
            commands.append("gomod-doctor env")
        case let cause where cause.hasPrefix("tls-"):
            let port = facts.url.flatMap(GoErrorFacts.port(ofURL:))
            if let host { commands.append("gomod-doctor tls \(host)" + (port.map { ":\($0)" } ?? "")) }
        case "https-proxy-refused":
            if let url = facts.url { commands.append("gomod-doctor http -L \(FixCommands.shellQuoted(url))") }
            commands.append("gomod-doctor env")
        case "http-timeout", "http-eof", "http2-goaway", "http2-stream-error", "http2-connection-error", "too-many-redirects", "insecure-redirect", "rate-limited", "http-client-error",
             "proxy-server-error", "sumdb-server-error", "proxy-forbidden", "sumdb-forbidden", "direct-auth":
            if let url = facts.url { commands.append("gomod-doctor http -L \(FixCommands.shellQuoted(url))") }
            if classification.cause == "proxy-forbidden", let privatePattern, facts.module.map(PrivateModuleHeuristic.looksPrivate) == true {
                commands += FixCommands.explainAppend("GOPRIVATE", [privatePattern], in: env)
            }
        case "sumdb-not-found":
            // A public path: first see whether the version exists at all; GOPRIVATE only if the repository is private.
            if let module = facts.module { commands.append("go list -m -versions \(module)") }
            if let privatePattern { commands += FixCommands.explainAppend("GOPRIVATE", [privatePattern], in: env) }
        case "sumdb-private-module", "proxy-private-module", "git-auth", "goprivate-skip":
            if let privatePattern { commands += FixCommands.explainAppend("GOPRIVATE", [privatePattern], in: env) }
            if classification.cause == "git-auth", let host = facts.module.map(PrivateModuleHeuristic.host(of:)) {
                commands.append("git config --global url.\"git@\(host):\".insteadOf \"https://\(host)/\"")
            }
        case "git-repo-not-found":
            if let url = facts.url { commands.append("git ls-remote \(FixCommands.shellQuoted(url))") }
            if let privatePattern, facts.module.map(PrivateModuleHeuristic.looksPrivate) == true {
                commands += FixCommands.explainAppend("GOPRIVATE", [privatePattern], in: env)
            }
        case "proxy-not-found", "direct-not-found", "unknown-version", "goproxy-off-after-not-found":
            if let module = facts.module { commands.append("go list -m -versions \(module)") }
            if let moduleAtVersion { commands.append("gomod-doctor fetch \(moduleAtVersion)") }
        case "gosum-mismatch":
            if let moduleAtVersion { commands.append("gomod-doctor fetch \(moduleAtVersion)") }
            commands.append("go mod verify")
        case "sumdb-mismatch":
            commands.append("go clean -modcache")
            if let moduleAtVersion { commands.append("gomod-doctor fetch \(moduleAtVersion)") }
        case "sumdb-misbehavior":
            commands.append("gomod-doctor env")
        case "missing-gosum-entry":
            commands.append(moduleAtVersion.map { "go mod download \($0)" } ?? "go mod tidy")
        case "gosum-malformed":
            commands.append("go mod tidy")
        case "gosumdb-invalid", "gosumdb-key-mismatch", "gosumdb-off":
            commands += FixCommands.explainSet("GOSUMDB", to: "sum.golang.org", in: env)
        case "goproxy-invalid", "goproxy-off":
            commands += FixCommands.explainSet("GOPROXY", to: "https://proxy.golang.org,direct", in: env)
        case "mod-vendor":
            commands.append("go mod vendor")
            commands += FixCommands.explainUnset("GOFLAGS", in: env)
        case "toolchain-unavailable":
            commands += FixCommands.explainSet("GOTOOLCHAIN", to: "local", in: env)
        case "toolchain-switch-forbidden":
            // GOTOOLCHAIN=local (or path) forbids the switch the go command would otherwise make.
            commands += FixCommands.explainSet("GOTOOLCHAIN", to: "auto", in: env)
            commands.append("go version")
        case "toolchain-too-old", "go-too-old-for-gomod":
            commands.append("go version")
        case "toolchain-switch":
            break
        case "govcs-disallowed":
            commands.append("gomod-doctor env")
        case "go-get-discovery":
            if let module = facts.module { commands.append("gomod-doctor http -L 'https://\(module)?go-get=1'") }
        case "proxy-version-mismatch", "proxy-invalid-response", "zip-too-large", "bad-zip":
            if let moduleAtVersion { commands.append("gomod-doctor fetch \(moduleAtVersion)") }
        default:
            if let moduleAtVersion { commands.append("gomod-doctor fetch \(moduleAtVersion)") }
            commands.append("gomod-doctor env")
        }
        return commands.map(SecretRedactorBridge.redact)
    }

    /// The GOPRIVATE pattern for a module: its host when the host looks private
    /// (`git.corp.example.com`), else the first two path elements (`github.com/acme`).
    public static func privatePattern(for module: String) -> String {
        if PrivateModuleHeuristic.looksPrivate(module) { return PrivateModuleHeuristic.host(of: module) }
        let elements = module.split(separator: "/")
        return elements.count >= 2 ? elements.prefix(2).joined(separator: "/") : module
    }

    static func hostOnly(_ endpoint: String) -> String {
        GoErrorFacts.hostPart(of: endpoint)
    }
}
