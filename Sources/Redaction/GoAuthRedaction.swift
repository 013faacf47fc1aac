extension SecretRedactor {
    /// A GOAUTH value fit to show: the method words stay (`off`, `netrc`, `git DIR`, a command's
    /// program), every argument of a command becomes `REDACTED` — `creds --token=x` and
    /// `creds x` alike, since a bare argument can be the token itself. The go command hands
    /// GOAUTH commands their arguments verbatim, so nothing there is known to be harmless.
    public static func redactGoAuth(_ value: String) -> String {
        let commands = value.split(separator: ";", omittingEmptySubsequences: false)
        let shown = commands.map { command -> String in
            let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard let program = words.first, words.count > 1 else { return redact(String(command)) }
            if program == "git" || program == "netrc" || program == "off" { return redact(String(command)) }
            return redact(String(program)) + " " + mask
        }
        return shown.joined(separator: ";")
    }

    /// `value` redacted the way variable `name` needs: GOAUTH by its own rule, the rest by `redact`.
    public static func redactValue(_ value: String, of name: String) -> String {
        name == "GOAUTH" ? redactGoAuth(value) : redact(value)
    }
}
