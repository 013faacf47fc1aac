import Foundation
import GoModConfig
import NetProbes

/// Which credentials the go command would put on an https request, so that gomod-doctor sends
/// exactly those and no others (a credential sent against the user's GOAUTH is a leak, and
/// the answer would then differ from the go command's).
///
/// - Before Go 1.24 (auth.go AddCredentials): the first .netrc entry whose machine equals the
///   request's host — Go 1.21–1.23 compare req.Host (with the port when the URL names one),
///   Go 1.20 and older the host name alone (URL.Hostname(), golang/go#37130), as the real
///   Go 1.19 and 1.21 do in GoAuthLabTests.
/// - Go 1.24+ (auth.go runGoAuth, loadCredential): GOAUTH decides. `off`: none. `netrc`: the
///   entries, the earliest per machine winning, looked up by the URL's host[:port]/path and then
///   each shorter path prefix. `git DIR` and commands are not run by gomod-doctor (running the
///   user's programs unasked is not a diagnostic's business): their credentials are not sent,
///   and `unemulatedMethods` says so. A malformed GOAUTH fails every https request, as the go
///   command does (`invalid`).
public struct GoAuthCredentials: Sendable {
    enum Rules: Sendable {
        /// Before GOAUTH; `withPort`: the machine is matched against host:port (Go 1.21+).
        case legacyNetrc(withPort: Bool)
        case goauth(GoAuthSetting)
        case invalid(GoAuthSettingError)
    }

    let rules: Rules
    let netrc: [GoNetrcLine]

    init(rules: Rules, netrc: [GoNetrcLine]) {
        self.rules = rules
        self.netrc = netrc
    }

    /// From the resolved configuration: GOAUTH's effective value (environment, GOENV file or
    /// go.env) and whether the installed go command knows GOAUTH at all. `environment` gives
    /// $NETRC and $HOME, which the go command takes from the process environment only.
    public init(env: ResolvedGoEnv, environment: [String: String]) {
        let variable = env.variables.first { $0.name == "GOAUTH" }
        self.init(goauth: variable?.value, supported: variable?.supported ?? true,
                  machineWithPort: env.goVersion.map { $0.atLeast(1, 21) } ?? true, environment: environment)
    }

    /// `goauth` as the go command would see it (nil or empty: its default `netrc`); `supported`:
    /// false for go commands before 1.24, which ignore GOAUTH and always read .netrc;
    /// `machineWithPort`: false for go commands before 1.21, which match the host name alone.
    public init(goauth: String?, supported: Bool, machineWithPort: Bool = true, environment: [String: String]) {
        let rules: Rules
        if !supported {
            rules = .legacyNetrc(withPort: machineWithPort)
        } else {
            let value = (goauth?.isEmpty ?? true) ? "netrc" : goauth ?? "netrc"
            switch GoAuthSetting.parse(value) {
            case .success(let setting): rules = .goauth(setting)
            case .failure(let error): rules = .invalid(error)
            }
        }
        let needsNetrc: Bool
        switch rules {
        case .legacyNetrc: needsNetrc = true
        case .goauth(let setting): needsNetrc = setting.usesNetrc
        case .invalid: needsNetrc = false
        }
        self.init(rules: rules, netrc: needsNetrc ? GoNetrc.load(environment: environment) : [])
    }

    /// The go command's exact refusal when GOAUTH is malformed: every https request fails with it.
    public var invalidSetting: GoAuthSettingError? {
        if case .invalid(let error) = rules { return error }
        return nil
    }

    /// GOAUTH methods whose credentials gomod-doctor does not obtain (`git DIR`, commands),
    /// shown with their arguments redacted.
    public var unemulatedMethods: [String] {
        guard case .goauth(let setting) = rules else { return [] }
        return setting.methods.compactMap { method in
            switch method {
            case .netrc: return nil
            case .git(let directory): return "git \(directory)"
            case .command(let command): return SecretRedactor.redactGoAuth(command)
            }
        }
    }

    /// The Basic credentials for an https request to `url`; nil for http and when none apply.
    func basicCredentials(for url: HTTPRequestURL) -> (login: String, password: String)? {
        guard url.isSecure else { return nil }
        switch rules {
        case .invalid: return nil
        case .legacyNetrc(let withPort):
            let host = withPort ? url.hostHeaderAsWritten : url.host
            return netrc.first { $0.machine == host }.map { ($0.login, $0.password) }
        case .goauth(let setting):
            guard setting.usesNetrc else { return nil }
            var prefix = url.hostHeaderAsWritten + url.pathWithoutQuery
            while prefix.hasSuffix("/") { prefix.removeLast() }
            while true {
                if let line = netrc.first(where: { $0.machine == prefix }) { return (line.login, line.password) }
                guard let slash = prefix.lastIndex(of: "/") else { return nil }
                prefix = String(prefix[..<slash])
            }
        }
    }
}

extension HTTPRequestURL {
    /// The authority as net/url's `u.Host` holds it (what http.NewRequest puts in req.Host):
    /// the port whenever the URL names one, even the default.
    var hostHeaderAsWritten: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return explicitPort ? "\(bracketed):\(port)" : bracketed
    }

    /// The path without its query, as written.
    var pathWithoutQuery: String {
        String(pathAndQuery.prefix { $0 != "?" })
    }
}
