import Foundation

/// Removes secrets from text before it becomes evidence: URL userinfo (`https://user:token@host`
/// — a username alone is often a token too), and the values of credential-like query
/// parameters. Applied where evidence is created, so nothing downstream can leak it.
public enum SecretRedactor {
    public static let mask = "REDACTED"
    static let secretQueryKeys: Set<String> = [
        "token", "access_token", "private_token", "password", "passwd", "pass", "secret",
        "key", "apikey", "api_key", "auth", "authorization", "signature", "sig", "x-amz-signature",
    ]

    /// True when `text` contains something `redact` would hide.
    public static func containsSecret(_ text: String) -> Bool { redact(text) != text }

    /// `text` with every URL's userinfo replaced by `REDACTED` and secret query values masked.
    /// Works on free text holding several URLs (a GOPROXY list, an error message).
    public static func redact(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let schemeEnd = rest.range(of: "://") {
            output += rest[..<schemeEnd.upperBound]
            rest = rest[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex { "/?#,| \t\n\"'".contains($0) } ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@") {
                output += mask + "@" + authority[authority.index(after: at)...]
            } else {
                output += authority
            }
            rest = rest[authorityEnd...]
        }
        output += rest
        return redactQueryValues(output)
    }

    private static func redactQueryValues(_ text: String) -> String {
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            output.append(char)
            index = text.index(after: index)
            guard char == "?" || char == "&" else { continue }
            guard let equals = text[index...].firstIndex(of: "="),
                  !text[index..<equals].contains(where: { "&?#/ ,|".contains($0) }) else { continue }
            let key = text[index..<equals].lowercased()
            guard secretQueryKeys.contains(key) else { continue }
            output += text[index...equals]
            let valueEnd = text[text.index(after: equals)...].firstIndex { "&# ,|\n\"'".contains($0) } ?? text.endIndex
            output += mask
            index = valueEnd
        }
        return output
    }
}
