/// An HTTPS proxy (HTTPS_PROXY) that answered the CONNECT request with anything but 200.
///
/// The go command never prints such an answer as `reading <url>: 403 Forbidden`: net/http's
/// transport (Transport.dialConn, `if resp.StatusCode != 200` — transport.go:1721 in Go 1.19,
/// :2036 in Go 1.27, same code) closes the tunnel and returns `errors.New(text)` where `text`
/// is the status line without its code, so the error reads `Get "<url>": Forbidden` — the bare
/// reason phrase after the quoted URL (or `unknown status code` when the line has no text).
/// git's curl says the same thing as `Received HTTP code 403 from proxy after CONNECT`
/// (curl < 7.75) or `CONNECT tunnel failed, response 403` (newer curl).
public struct ConnectRefusal: Sendable, Equatable {
    /// The status code when it is known from the phrase (`Forbidden` → 403), or printed by curl.
    public var status: Int?
    /// The proxy's reason phrase as printed (`Forbidden`, `Access violation`).
    public var reason: String

    /// The 4xx and 5xx reason phrases of net/http status.go (Go 1.27), to give a code back to a
    /// bare phrase. A proxy may send any text: unknown phrases keep `status` nil.
    static let phrases: [(Int, String)] = [
        (400, "Bad Request"), (401, "Unauthorized"), (402, "Payment Required"), (403, "Forbidden"), (404, "Not Found"),
        (405, "Method Not Allowed"), (406, "Not Acceptable"), (407, "Proxy Authentication Required"), (408, "Request Timeout"),
        (409, "Conflict"), (410, "Gone"), (411, "Length Required"), (412, "Precondition Failed"), (413, "Request Entity Too Large"),
        (414, "Request URI Too Long"), (415, "Unsupported Media Type"), (416, "Requested Range Not Satisfiable"),
        (417, "Expectation Failed"), (418, "I'm a teapot"), (421, "Misdirected Request"), (422, "Unprocessable Entity"),
        (423, "Locked"), (424, "Failed Dependency"), (425, "Too Early"), (426, "Upgrade Required"), (428, "Precondition Required"),
        (429, "Too Many Requests"), (431, "Request Header Fields Too Large"), (451, "Unavailable For Legal Reasons"),
        (500, "Internal Server Error"), (501, "Not Implemented"), (502, "Bad Gateway"), (503, "Service Unavailable"),
        (504, "Gateway Timeout"), (505, "HTTP Version Not Supported"), (506, "Variant Also Negotiates"),
        (507, "Insufficient Storage"), (508, "Loop Detected"), (510, "Not Extended"), (511, "Network Authentication Required"),
    ]

    /// Texts that can follow `Get "<url>": ` bare, are made of words, and are not a CONNECT
    /// answer: io.EOF, io.ErrUnexpectedEOF, context errors, cmd/go/internal/web/http.go's redirect limit.
    static let notAStatus: Set<String> = ["EOF", "unexpected EOF", "context deadline exceeded", "context canceled",
                                          "stopped after 10 redirects"]

    /// The refusal in `text`, if any.
    public static func find(in text: String) -> ConnectRefusal? {
        if let code = text.token(after: "Received HTTP code ", until: " ").flatMap({ Int($0) }), text.contains("from proxy after CONNECT") {
            return ConnectRefusal(status: code, reason: phrase(of: code) ?? "")
        }
        if let code = text.token(after: "CONNECT tunnel failed, response ", until: " \n\t").flatMap({ Int($0) }) {
            return ConnectRefusal(status: code, reason: phrase(of: code) ?? "")
        }
        for line in text.split(separator: "\n") {
            guard let reason = reasonAfterQuotedURL(in: line) else { continue }
            if reason == "unknown status code" { return ConnectRefusal(status: nil, reason: reason) }
            return ConnectRefusal(status: phrases.first { $0.1 == reason }?.0, reason: reason)
        }
        return nil
    }

    static func phrase(of code: Int) -> String? { phrases.first { $0.0 == code }?.1 }

    /// `Get "https://…": Forbidden` → `Forbidden`: the rest of the line after a url.Error's
    /// quoted URL (net/url: `%s %q: %s`), when it is a short run of words and nothing else.
    static func reasonAfterQuotedURL(in line: Substring) -> String? {
        for verb in ["Get \"", "Head \"", "Post \""] {
            guard let start = line.range(of: verb) else { continue }
            let afterVerb = line[start.upperBound...]
            guard afterVerb.hasPrefix("http"), let close = afterVerb.range(of: "\": ") else { continue }
            let rest = String(afterVerb[close.upperBound...]).trimmingTrailingWhitespace()
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 '-")
            guard !rest.isEmpty, rest.count <= 64, rest.allSatisfy(allowed.contains), rest.first?.isLetter == true,
                  !notAStatus.contains(rest) else { return nil }
            return rest
        }
        return nil
    }
}
