/// Parses GOSUMDB as `dbDial` does, so configuration problems surface with the go command's
/// own words before any lookup is attempted.
public enum SumDBSettingParser {
    /// Go's `knownGOSUMDB`: names usable in place of a full key.
    // cmd/go/internal/modfetch/key.go knownGOSUMDB
    public static let knownKeys: [String: String] = [
        "sum.golang.org": "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8",
    ]

    /// Accepts `off`, a known name, `sum.golang.google.cn` (= the sum.golang.org key with
    /// `https://sum.golang.google.cn`), a verifier key, and `<key-or-known-name> <url>`.
    /// The caller applies the default (`sum.golang.org`) for an unset variable.
    /// - Throws: `ConfigInputError(input: "GOSUMDB")`: `missing GOSUMDB`,
    ///   `invalid GOSUMDB: too many fields`, `invalid GOSUMDB: <note error>`,
    ///   `invalid sumdb name (must be host[/path]): …`, `invalid GOSUMDB URL: <parse error>`.
    // cmd/go/internal/modfetch/sumdb.go dbDial (useSumDB tests "off" first)
    public static func parse(_ gosumdb: String) throws(ConfigInputError) -> SumDBSetting {
        if gosumdb == "off" { return .off }
        let text = gosumdb == "sum.golang.google.cn" ? "sum.golang.org https://sum.golang.google.cn" : gosumdb
        var fields = GoStrings.fields(text)
        if let first = fields.first, let known = knownKeys[first] { fields[0] = known }
        guard let keyText = fields.first else {
            throw ConfigInputError(input: "GOSUMDB", message: "missing GOSUMDB")
        }
        guard fields.count <= 2 else {
            throw ConfigInputError(input: "GOSUMDB", message: "invalid GOSUMDB: too many fields")
        }
        let key: VerifierKey
        do {
            key = try VerifierKey.parse(keyText, input: "GOSUMDB")
        } catch {
            throw ConfigInputError(input: "GOSUMDB", message: "invalid GOSUMDB: \(error.message)")
        }
        try checkName(key.name)
        var explicitURL: String?
        if fields.count == 2 {
            do {
                _ = try GoURL.parse(fields[1])
            } catch {
                throw ConfigInputError(input: "GOSUMDB", message: "invalid GOSUMDB URL: \(error.description)")
            }
            explicitURL = fields[1]
        }
        return .database(name: key.name, verifierKey: keyText, url: explicitURL)
    }

    /// "No funny business in the database name": `https://<name>` must be only scheme, host
    /// and a plain path.
    private static func checkName(_ name: String) throws(ConfigInputError) {
        let prefix = "invalid sumdb name (must be host[/path]): \(name)"
        let direct: GoURL
        do {
            direct = try GoURL.parse("https://" + name)
        } catch {
            // Go dereferences the nil URL here and crashes; report the parse error instead.
            throw ConfigInputError(input: "GOSUMDB", message: "\(prefix) (\(error.description))")
        }
        var plain = GoURL()
        plain.scheme = "https"
        plain.host = direct.host
        plain.path = direct.path
        plain.rawPath = direct.rawPath
        if name.hasSuffix("/") || direct != plain || !direct.rawPath.isEmpty || direct.host.isEmpty {
            throw ConfigInputError(input: "GOSUMDB", message: "\(prefix) \(goPrintedFields(direct))")
        }
    }

    /// `fmt.Sprintf("%+v", *url.URL)` in Go 1.19 (the user prints through `Userinfo.String`).
    private static func goPrintedFields(_ url: GoURL) -> String {
        var user = ""
        if let name = url.user {
            user = GoURLEscaping.escape(name, mode: .userPassword)
            if let password = url.password { user += ":" + GoURLEscaping.escape(password, mode: .userPassword) }
        }
        return "{Scheme:\(url.scheme) Opaque:\(url.opaque) User:\(user) Host:\(url.host) Path:\(url.path) "
            + "RawPath:\(url.rawPath) OmitHost:\(url.omitHost) ForceQuery:\(url.forceQuery) "
            + "RawQuery:\(url.rawQuery) Fragment:\(url.fragment) RawFragment:\(url.rawFragment)}"
    }
}
