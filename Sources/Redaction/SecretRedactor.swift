/// Removes secrets from text before it becomes evidence or is echoed back: URL userinfo
/// (`https://user:token@host` — a username alone is often a token too), `user:password@host`
/// without a scheme, credential headers (`Authorization: Basic …`), and the values of
/// credential-like assignments and query parameters (`GITHUB_TOKEN=…`, `--token=…`,
/// `?access_token=…`). This is the one rule set of the project: configuration values, probe
/// evidence, findings and pasted errors all pass through `redact` where they are created.
///
/// Every rule is one forward pass over the UTF-8 bytes with bounded look-behind, so hostile
/// input costs linear time; cuts happen only at ASCII bytes, so the result stays valid UTF-8.
public enum SecretRedactor {
    public static let mask = "REDACTED"
    static let maskBytes = Array(mask.utf8)

    /// True when `text` contains something `redact` would hide.
    public static func containsSecret(_ text: String) -> Bool { redact(text) != text }

    /// `text` with every secret replaced by `REDACTED`. Works on free text holding several URLs
    /// (a GOPROXY list, an error message, a pasted server response). Idempotent.
    public static func redact(_ text: String) -> String {
        // Every rule hangs on one of these bytes; text without them (most of it) is returned as is.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: ":") }) else {
            return text
        }
        var bytes = Array(text.utf8)
        bytes = UserinfoRedaction.redactURLUserinfo(bytes)
        bytes = UserinfoRedaction.redactBareUserinfo(bytes)
        bytes = CredentialHeaderRedaction.redact(bytes)
        bytes = CredentialAssignmentRedaction.redact(bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
