import GoModConfig

/// GOPRIVATE/GONOPROXY/GONOSUMDB/GOINSECURE globs (PrefixPatterns) and GOVCS: matching never
/// fails; a well-formed glob without metacharacters matches itself and anything below it; a
/// malformed glob matches nothing; GOVCS errors name GOVCS.
@Sendable func fuzzPatterns(_ bytes: [UInt8]) {
    let parts = fields(bytes, 2)
    let (globs, target) = (parts[0], parts[1])
    _ = PrefixPatterns.match(globs, target)
    let malformed = PrefixPatterns.malformedGlobs(globs)
    // Split and trimmed by bytes, as Go does (a ',' or '/' followed by a combining mark still counts).
    for glob in GoStrings.split(globs, ",") {
        let slash = UInt8(ascii: "/")
        let trimmed = glob.utf8.last == slash ? String(decoding: glob.utf8.dropLast(), as: UTF8.self) : glob
        guard !trimmed.isEmpty, trimmed.utf8.last != slash, !trimmed.unicodeScalars.contains(where: { "*?[\\".unicodeScalars.contains($0) }) else { continue }
        require(PrefixPatterns.match(trimmed, trimmed), "literal glob \(trimmed) does not match itself")
        require(PrefixPatterns.match(trimmed, trimmed + "/x"), "literal glob \(trimmed) does not match \(trimmed)/x")
    }
    for glob in malformed {
        require(!PrefixPatterns.match(glob, target), "malformed glob \(glob) matched \(target)")
    }
    do {
        let rules = try GoVCSRules.parse(globs)
        _ = rules.allows(vcs: "git", modulePath: target, isPrivate: false)
        _ = rules.allows(vcs: "svn", modulePath: target, isPrivate: true)
    } catch {
        require(error.input == "GOVCS", "GOVCS error does not name GOVCS: \(error)")
    }
}

/// HTTP_PROXY, HTTPS_PROXY, NO_PROXY and a request host (ProxyEnvironment, NoProxyRule): `*`
/// makes one rule; routing never throws outside CGI; localhost and loopback never use a proxy;
/// a NO_PROXY that names the host exactly sends it direct.
@Sendable func fuzzProxyEnvironment(_ bytes: [UInt8]) {
    let parts = fields(bytes, 4)
    let (httpProxy, httpsProxy, noProxy, host) = (parts[0], parts[1], parts[2], parts[3])
    let rules = NoProxyRule.parseList(noProxy)
    if GoStrings.split(noProxy, ",").contains(where: { GoStrings.trimSpace($0) == "*" }) {
        require(rules == [.all], "* did not make the single rule")
    }
    let environment = ProxyEnvironment(httpProxy: httpProxy, httpsProxy: httpsProxy, noProxy: noProxy)
    _ = environment.invalidProxyAddresses()
    for scheme in ["https", "http", "git"] {
        let route: ProxyRoute
        do {
            route = try environment.route(forScheme: scheme, host: host, port: nil)
        } catch {
            fatalError("route threw outside CGI: \(error)")
        }
        if host == "localhost" || host == "127.0.0.1" || host == "::1" {
            require(route.proxyURL == nil, "\(host) routed through a proxy")
        }
    }
    let lower = host.lowercased()
    let plain = lower.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
    if plain, let first = lower.first, first != "." {
        let exempt = ProxyEnvironment(httpProxy: "http://proxy.invalid:3128", httpsProxy: "http://proxy.invalid:3128",
                                      noProxy: "\(lower),\(noProxy)")
        let route = try? exempt.route(forScheme: "https", host: lower, port: nil)
        require(route?.proxyURL == nil, "NO_PROXY=\(lower) did not exempt \(lower)")
    }
}

/// GOFLAGS (GoFlags): errors name GOFLAGS; a parsed value has one flag a word, and printed
/// back (`-name[=value]`) parses to the same flags.
@Sendable func fuzzGoFlags(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let flags: GoFlags
    do {
        flags = try GoFlags.parse(text)
    } catch {
        require(error.input == "GOFLAGS", "error does not name GOFLAGS: \(error)")
        return
    }
    require(flags.flags.count == GoStrings.fields(text).count, "not one flag a word")
    let printed = flags.flags.map { "-\($0.name)" + ($0.value.map { "=\($0)" } ?? "") }.joined(separator: " ")
    let again: GoFlags
    do {
        again = try GoFlags.parse(printed)
    } catch {
        fatalError("printed GOFLAGS \(printed) does not parse: \(error)")
    }
    require(again == flags, "flags changed: \(printed)")
}
