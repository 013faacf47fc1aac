extension RouteTableBuilder {
    /// The checksum database route (sumdb.go dbDial + initBase); nil when GOSUMDB=off.
    func sumDBRoute(proxies: [ProxySpec]) throws(ConfigInputError) -> SumDBRoute? {
        let setting = try SumDBSettingParser.parse(env["GOSUMDB"])
        guard case .database(let name, let key, let explicitURL) = setting else { return nil }
        if let explicitURL {
            return SumDBRoute(name: name, verifierKey: key, explicitURL: explicitURL,
                              steps: [.init(url: explicitURL, isDirect: true, fallback: nil)])
        }
        var steps: [SumDBRoute.Step] = []
        walk: for spec in proxies {
            switch spec.entry {
            case .noproxy: continue
            case .direct, .off: break walk
            case .url(let url):
                steps.append(.init(url: Self.join(url, "sumdb/\(name)/supported"), isDirect: false, fallback: spec.fallback))
            }
        }
        steps.append(.init(url: "https://" + name, isDirect: true, fallback: nil))
        return SumDBRoute(name: name, verifierKey: key, explicitURL: nil, steps: steps)
    }

    /// web.Join: base URL plus a relative path with exactly one slash between them.
    static func join(_ base: String, _ path: String) -> String {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + "/" + path
    }
}
