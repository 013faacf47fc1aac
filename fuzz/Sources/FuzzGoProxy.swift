import GoModConfig

/// GOPROXY with GONOPROXY (ProxyListParser): errors name GOPROXY; a parsed list is not empty,
/// `off` and `direct` end it, `noproxy` comes only first; printed back (entries joined with
/// their own separators) it parses to the same list.
@Sendable func fuzzGoProxy(_ bytes: [UInt8]) {
    let parts = fields(bytes, 2)
    let (goproxy, gonoproxy) = (parts[0], parts[1])
    let list: [ProxySpec]
    do {
        list = try ProxyListParser.parse(goproxy, gonoproxy: gonoproxy)
    } catch {
        require(error.input == "GOPROXY", "error does not name GOPROXY: \(error)")
        return
    }
    require(!list.isEmpty, "empty list without an error")
    for (index, spec) in list.enumerated() {
        if spec.entry == .off || spec.entry == .direct { require(index == list.count - 1, "entries after \(spec.entry.text)") }
        if spec.entry == .noproxy { require(index == 0, "noproxy not first") }
    }
    let entries = list.filter { $0.entry != .noproxy }
    var printed = ""
    for (index, spec) in entries.enumerated() {
        printed += spec.entry.text
        if index < entries.count - 1 { printed += spec.fallback == .onAnyError ? "|" : "," }
    }
    let again: [ProxySpec]
    do {
        again = try ProxyListParser.parse(printed, gonoproxy: gonoproxy)
    } catch {
        fatalError("printed GOPROXY \(printed) does not parse: \(error)")
    }
    // The last entry's fallback is not printed (nothing follows it), so compare entries, and
    // fallbacks of all but the last. proxyList adds `noproxy` unless GOPROXY is exactly
    // "direct" (modfetch/proxy.go): " direct" keeps it, its printed form "direct" drops it.
    let dropsNoproxy = printed == "direct" && goproxy != "direct"
    require(again.map(\.entry) == (dropsNoproxy ? entries : list).map(\.entry), "entries changed: \(printed)")
    require(again.dropLast().map(\.fallback) == (dropsNoproxy ? entries : list).dropLast().map(\.fallback), "fallbacks changed: \(printed)")
}

/// GOSUMDB (SumDBSettingParser) and verifier keys: errors name GOSUMDB; a database setting's
/// key parses and prints back to a text that parses the same, and the setting printed back parses the same.
@Sendable func fuzzGoSumDB(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    if let key = try? VerifierKey.parse(text) {
        // Not byte for byte: the hash may be written in upper case, as Go accepts.
        require((try? VerifierKey.parse(key.text)) == key, "verifier key does not print back: \(key.text)")
    }
    let setting: SumDBSetting
    do {
        setting = try SumDBSettingParser.parse(text)
    } catch {
        require(error.input == "GOSUMDB", "error does not name GOSUMDB: \(error)")
        return
    }
    guard case .database(let name, let keyText, let url) = setting else { return }
    let key: VerifierKey
    do {
        key = try VerifierKey.parse(keyText)
    } catch {
        fatalError("accepted GOSUMDB key does not parse: \(error)")
    }
    require(key.name == name, "key name \(key.name) is not the database name \(name)")
    require((try? VerifierKey.parse(key.text)) == key, "key does not print back")
    let printed = url.map { "\(keyText) \($0)" } ?? keyText
    require((try? SumDBSettingParser.parse(printed)) == setting, "setting printed back differs: \(printed)")
}
