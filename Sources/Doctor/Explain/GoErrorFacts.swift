/// What a go error names: the module and version, the URL requested, the host, the
/// address dialled, the DNS server asked, the HTTP status. Read from the wrappings the go
/// command uses (`path@version: err`, `module path: err`, `reading <url>: <status>`,
/// `Get "<url>": dial tcp <ip:port>: …`, `lookup <host> on <dns>:53: …`); all optional.
public struct GoErrorFacts: Sendable, Equatable, Codable {
    public var module: String?
    public var version: String?
    public var url: String?
    public var host: String?
    public var address: String?
    public var dnsServer: String?
    public var status: Int?
    /// The innermost message: the first line without `go: ` and module wrappings.
    public var message: String

    public init(module: String? = nil, version: String? = nil, url: String? = nil, host: String? = nil,
                address: String? = nil, dnsServer: String? = nil, status: Int? = nil, message: String = "") {
        self.module = module
        self.version = version
        self.url = url
        self.host = host
        self.address = address
        self.dnsServer = dnsServer
        self.status = status
        self.message = message
    }

    /// Extracts the facts of one error (as cut by `GoErrorSplitter`).
    public static func extract(from pasted: String) -> GoErrorFacts {
        // What a server quotes after `server response:` names its upstream, not this machine's request.
        let text = GoErrorClassifier.ownWords(of: pasted)
        var facts = GoErrorFacts()
        var messageLine = String(text.prefix { $0 != "\n" })
        // `go: a@v1 requires\n\tb@v2: <error>`: the error belongs to the deepest line.
        if messageLine.hasSuffix(" requires") || messageLine.hasSuffix(" imports") || messageLine.hasSuffix(" tested by"),
           let deepest = text.split(separator: "\n").dropFirst().last(where: { !$0.allSatisfy { $0 == " " || $0 == "\t" } }) {
            messageLine = String(deepest.drop { $0 == " " || $0 == "\t" })
        }
        facts.message = stripWrappers(messageLine, into: &facts)
        if let url = firstURL(in: text) {
            facts.url = url
            facts.host = host(ofURL: url)
            facts.status = status(after: url, in: text)
            if facts.module == nil { (facts.module, facts.version) = module(fromURL: url) }
        }
        if let quoted = text.token(after: "unrecognized import path \"", until: "\""), facts.module == nil {
            facts.module = quoted
        }
        if let lookup = text.token(after: "lookup ", until: " :\n"), lookup.contains(".") || lookup.contains("-") {
            facts.host = lookup   // the name that failed to resolve (for proxyconnect: the proxy's)
            facts.dnsServer = text.token(after: "lookup \(lookup) on ", until: " \n").map(dropColon)
        }
        if let remote = text.token(after: "->", until: " \n").map(dropColon) {
            if text.contains("read udp") || text.contains("write udp") {
                facts.dnsServer = facts.dnsServer ?? remote
            } else {
                facts.address = remote
            }
        } else if let dialled = text.token(after: "dial tcp ", until: " \n"), dialled.hasSuffix(":") {
            facts.address = dropColon(dialled)
        }
        if facts.address == nil, let address = gitDialledAddress(in: text) { facts.address = address }
        if let host = gitUnresolvedHost(in: text) { facts.host = host }
        if facts.status == nil, let refusal = ConnectRefusal.find(in: text) { facts.status = refusal.status }
        if facts.host == nil, let address = facts.address {
            facts.host = GoErrorFacts.hostPart(of: address)
        }
        return facts
    }

    static func dropColon(_ text: String) -> String { text.hasSuffix(":") ? String(text.dropLast()) : text }

    /// `go: ` prefixes, `path@version: `, `module path: `, `verifying …: ` removed.
    static func stripWrappers(_ line: String, into facts: inout GoErrorFacts) -> String {
        var rest = Substring(line)
        while true {
            let before = rest
            while rest.hasPrefix("go: ") { rest = rest.dropFirst(4) }
            if rest.hasPrefix("module "), let colon = rest.range(of: ": ") {
                let path = rest[rest.index(rest.startIndex, offsetBy: 7)..<colon.lowerBound]
                if !path.contains(" ") { facts.module = facts.module ?? String(path); rest = rest[colon.upperBound...] }
            }
            if rest.hasPrefix("verifying "), let colon = rest.range(of: ": "),
               rest[..<colon.lowerBound].contains("@") || rest.hasPrefix("verifying module") || rest.hasPrefix("verifying go.mod") {
                if !rest[colon.upperBound...].hasPrefix("checksum mismatch") {
                    noteModule(String(rest[rest.index(rest.startIndex, offsetBy: 10)..<colon.lowerBound]), into: &facts)
                    rest = rest[colon.upperBound...]
                } else {
                    noteModule(String(rest[rest.index(rest.startIndex, offsetBy: 10)..<colon.lowerBound]), into: &facts)
                }
            }
            if let colon = rest.range(of: ": ") {
                let head = rest[..<colon.lowerBound]
                if head.contains("@"), !head.contains(" "), !head.contains("://") {
                    noteModule(String(head), into: &facts)
                    rest = rest[colon.upperBound...]
                }
            }
            if rest == before { break }
        }
        return String(rest)
    }

    static func noteModule(_ text: String, into facts: inout GoErrorFacts) {
        guard facts.module == nil, let at = text.lastIndex(of: "@") else { return }
        facts.module = String(text[..<at])
        var version = String(text[text.index(after: at)...])
        if version.hasSuffix("/go.mod") { version.removeLast(7) }
        facts.version = version
    }

    static func firstURL(in text: String) -> String? {
        let candidates = ["https://", "http://", "file://"].compactMap { text.range(of: $0)?.lowerBound }
        guard let start = candidates.min() else { return nil }
        var url = text[start...].prefix { !" \t\n\"'".contains($0) }
        while let last = url.last, ":,.;)".contains(last) { url = url.dropLast() }
        return String(url)
    }

    static func host(ofURL url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        var authority = url[scheme.upperBound...].prefix { !"/?#".contains($0) }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let host = hostPart(of: String(authority))
        return host.isEmpty ? nil : host
    }

    /// The explicit port of a URL (`https://p.example:8443/…` → 8443).
    static func port(ofURL url: String) -> Int? {
        guard let scheme = url.range(of: "://") else { return nil }
        var authority = url[scheme.upperBound...].prefix { !"/?#".contains($0) }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let afterHost = authority.hasPrefix("[") ? authority.drop { $0 != "]" }.dropFirst() : authority.drop { $0 != ":" }
        return afterHost.hasPrefix(":") ? Int(afterHost.dropFirst()) : nil
    }

    static func hostPart(of authority: String) -> String {
        if authority.hasPrefix("[") { return String(authority.dropFirst().prefix { $0 != "]" }) }
        let colons = authority.filter { $0 == ":" }.count
        return colons == 1 ? String(authority.prefix { $0 != ":" }) : authority
    }

    /// `reading <url>: 404 Not Found` → 404.
    static func status(after url: String, in text: String) -> Int? {
        guard let range = text.range(of: url + ": ") else { return nil }
        let digits = text[range.upperBound...].prefix(4)
        guard digits.count == 4, digits.last == " ", let code = Int(digits.dropLast()), (100...599).contains(code) else { return nil }
        return code
    }

    /// Module path and version from a checksum lookup (`/lookup/m@v`) or a proxy (`/m/@v/v.info`) URL.
    static func module(fromURL url: String) -> (String?, String?) {
        if let lookup = url.range(of: "/lookup/") {
            let rest = String(url[lookup.upperBound...])
            guard let at = rest.lastIndex(of: "@") else { return (nil, nil) }
            return (unescape(String(rest[..<at])), unescape(String(rest[rest.index(after: at)...])))
        }
        guard let marker = url.range(of: "/@v/") ?? url.range(of: "/@latest"),
              let scheme = url.range(of: "://") else { return (nil, nil) }
        let pathStart = url[scheme.upperBound...].firstIndex(of: "/") ?? marker.lowerBound
        guard pathStart < marker.lowerBound else { return (nil, nil) }
        let path = String(url[url.index(after: pathStart)..<marker.lowerBound])
        var version: String?
        if url[marker.lowerBound...].hasPrefix("/@v/") {
            let file = url[marker.upperBound...]
            for suffix in [".info", ".mod", ".zip"] where file.hasSuffix(suffix) { version = unescape(String(file.dropLast(suffix.count))) }
        }
        return (unescape(path), version)
    }

    /// Undoes the module case escaping (`!x` → `X`) and `%21` path escaping.
    static func unescape(_ text: String) -> String {
        var output = ""
        var upper = false
        for char in text.replacingOccurrences(of: "%21", with: "!") {
            if char == "!" { upper = true; continue }
            output.append(upper ? Character(char.uppercased()) : char)
            upper = false
        }
        return output
    }
}

extension String {
    /// The text after the first `marker`, up to (not including) any character of `stops`.
    func token(after marker: String, until stops: String) -> String? {
        guard let range = range(of: marker) else { return nil }
        let token = self[range.upperBound...].prefix { !stops.contains($0) }
        return token.isEmpty ? nil : String(token)
    }
}
