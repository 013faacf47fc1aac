/// Parses GOPROXY exactly as the go command's `proxyList()` does, so the doctor walks the
/// same entries, in the same order, with the same fallback rules, and reports the same
/// errors for a malformed list.
public enum ProxyListParser {
    /// - Parameters:
    ///   - goproxy: the effective GOPROXY value (the caller applies the default for an unset
    ///     or empty variable; an empty string here fails like "," does, as `proxyList` would).
    ///   - gonoproxy: the effective GONOPROXY (already defaulted to GOPRIVATE).
    /// - Returns: the entries; `gonoproxy` non-empty and `goproxy != "direct"` prepends
    ///   `.noproxy`. `off` and `direct` end the list. Entries are space-trimmed; empty
    ///   entries are skipped.
    /// - Throws: `ConfigInputError` with input `GOPROXY` and Go's text, e.g.
    ///   `invalid proxy URL missing scheme: foo`,
    ///   `GOPROXY list is not the empty string, but contains no entries`.
    // cmd/go/internal/modfetch/proxy.go proxyList
    public static func parse(_ goproxy: String, gonoproxy: String) throws(ConfigInputError) -> [ProxySpec] {
        var list: [ProxySpec] = []
        if !gonoproxy.isEmpty && goproxy != "direct" {
            list.append(ProxySpec(entry: .noproxy, fallback: .onNotFound))
        }
        var remaining = Substring(goproxy)
        while !remaining.isEmpty {
            var item: Substring
            var fallback = ProxyFallback.onNotFound
            if let separator = remaining.firstIndex(where: { $0 == "," || $0 == "|" }) {
                item = remaining[..<separator]
                if remaining[separator] == "|" { fallback = .onAnyError }
                remaining = remaining[remaining.index(after: separator)...]
            } else {
                item = remaining
                remaining = ""
            }
            let entry = GoStrings.trimSpace(String(item))
            if entry.isEmpty { continue }
            if entry == "off" {
                list.append(ProxySpec(entry: .off, fallback: fallback))
                break
            }
            if entry == "direct" {
                list.append(ProxySpec(entry: .direct, fallback: fallback))
                break
            }
            let url = try validatedURL(entry)
            list.append(ProxySpec(entry: .url(url), fallback: fallback))
        }
        if list.isEmpty || (list.count == 1 && list[0].entry == .noproxy) {
            throw ConfigInputError(input: "GOPROXY", message: "GOPROXY list is not the empty string, but contains no entries")
        }
        return list
    }

    /// Adds `https://` where Go does, then applies `newProxyRepo`'s checks.
    // cmd/go/internal/modfetch/proxy.go proxyList, newProxyRepo
    static func validatedURL(_ entry: String) throws(ConfigInputError) -> String {
        var text = entry
        let hasURLChar = text.contains { $0 == "." || $0 == ":" || $0 == "/" }
        // filepath.IsAbs and path.IsAbs on Linux both mean "starts with /".
        if hasURLChar && !text.contains(":/") && !text.hasPrefix("/") {
            text = "https://" + text
        }
        let url: GoURL
        do {
            url = try GoURL.parse(text)
        } catch {
            throw ConfigInputError(input: "GOPROXY", message: error.description)
        }
        switch url.scheme {
        case "http", "https":
            break
        case "file":
            var pathOnly = GoURL()
            pathOnly.scheme = url.scheme
            pathOnly.path = url.path
            pathOnly.rawPath = url.rawPath
            if url != pathOnly {
                throw invalid("invalid file:// proxy URL with non-path elements: \(url.redacted)")
            }
        case "":
            throw invalid("invalid proxy URL missing scheme: \(url.redacted)")
        default:
            throw invalid("invalid proxy URL scheme (must be https, http, file): \(url.redacted)")
        }
        return text
    }

    private static func invalid(_ message: String) -> ConfigInputError {
        ConfigInputError(input: "GOPROXY", message: message)
    }
}
