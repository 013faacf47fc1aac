import GoModConfig

extension ConfigRules {
    /// GOAUTH (Go 1.24+). Malformed, it stops the go command at its first https request, so
    /// every proxy and checksum-database download fails with auth.go's text; `git DIR` and
    /// commands supply credentials gomod-doctor does not fetch (it runs none of the user's
    /// programs), so a private host answering 401/404 here may still serve the go command.
    static func goauth(_ c: ConfigContext) -> [Finding] {
        guard let variable = c.env.variable("GOAUTH"), variable.supported else { return [] }
        let value = variable.value.isEmpty ? "netrc" : variable.value
        let shown = SecretRedactor.redactGoAuth(value)
        switch GoAuthSetting.parse(value) {
        case .failure(let error):
            return [Finding(id: "config.goauth.invalid", severity: .failure, target: "GOAUTH",
                            arguments: ["value": shown, "error": error.message],
                            evidence: ["GOAUTH=\(shown)", error.message] + origin(c, "GOAUTH"),
                            fix: Fix(commands: FixCommands.unset("GOAUTH", in: c.env), explanationKey: "fix.goauth.default"))]
        case .success(let setting):
            let notRun = setting.methods.compactMap { method -> String? in
                switch method {
                case .netrc: return nil
                case .git(let directory): return "git \(directory)"
                case .command(let command): return SecretRedactor.redactGoAuth(command)
                }
            }
            guard !notRun.isEmpty else { return [] }
            return [Finding(id: "config.goauth.not-run", severity: .info, target: "GOAUTH",
                            arguments: ["methods": notRun.joined(separator: "; ")],
                            evidence: ["GOAUTH=\(shown)"] + origin(c, "GOAUTH"))]
        }
    }
}
