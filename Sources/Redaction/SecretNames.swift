/// Which names carry a credential: query parameters, variables and flags (`NAME=value`) and
/// HTTP headers (`Name: value`). Compared case-insensitively.
enum SecretNames {
    /// Query parameters that carry credentials by convention; only after `?` or `&`, where a
    /// short name such as `key` or `sig` cannot be an ordinary word.
    static let queryKeys: Set<String> = [
        "token", "access_token", "private_token", "password", "passwd", "pass", "secret",
        "key", "apikey", "api_key", "auth", "authorization", "signature", "sig", "x-amz-signature",
        "x-amz-credential", "x-amz-security-token", "client_secret", "refresh_token", "id_token",
    ]

    /// Endings of a name that holds a credential wherever it is assigned: `GITHUB_TOKEN`,
    /// `GOPROXY_PASSWORD`, `--token`, `AWS_SECRET_ACCESS_KEY`, `?x_auth_token`.
    static let assignmentSuffixes = [
        "token", "password", "passwd", "secret", "apikey", "api_key", "api-key", "access_key", "accesskey",
        "secret_key", "private_key", "credential", "credentials", "signature", "authorization",
    ]

    /// Headers whose value is a credential.
    static let headers: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "private-token", "job-token",
        "deploy-token", "x-api-key", "api-key", "x-auth-token", "x-access-token", "x-amz-security-token",
        "x-goog-api-key",
    ]
    static let headerSuffixes = ["-token", "-secret", "-password", "-api-key", "-apikey"]

    /// Authorization schemes (RFC 9110 §11, IANA registry): kept in view, only what follows is masked,
    /// so "Basic" versus "Bearer" stays visible for diagnosis.
    static let authSchemes: Set<String> = [
        "basic", "bearer", "digest", "token", "negotiate", "ntlm", "aws4-hmac-sha256", "hoba", "mutual",
        "vapid", "scram-sha-1", "scram-sha-256", "privacytoken",
    ]

    static func isSecretAssignment(_ name: String, inQuery: Bool) -> Bool {
        let name = String(name.drop { $0 == "-" })
        if inQuery && queryKeys.contains(name) { return true }
        return assignmentSuffixes.contains { name.hasSuffix($0) }
    }

    static func isSecretHeader(_ name: String) -> Bool {
        headers.contains(name) || (name.contains("-") && headerSuffixes.contains { name.hasSuffix($0) })
    }
}
