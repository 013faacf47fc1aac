/// The GODEBUG settings the HTTP client follows, read the way the Go runtime reads the
/// variable (internal/godebug: comma-separated `name=value`, the last one wins).
public enum GoDebugSetting {
    /// Whether net/http's client may speak HTTP/2: `http2client=0` turns it off (net/http
    /// h2_bundle.go, `http2client`).
    public static func http2ClientEnabled(_ godebug: String) -> Bool {
        value(of: "http2client", in: godebug) != "0"
    }

    /// The last value of `name` in `godebug`, nil when unset.
    public static func value(of name: String, in godebug: String) -> String? {
        var found: String?
        // By bytes, as Go splits: a comma followed by a combining mark still separates.
        for item in godebug.utf8.split(separator: UInt8(ascii: ",")) {
            guard let equals = item.firstIndex(of: UInt8(ascii: "=")) else { continue }
            if String(decoding: item[..<equals], as: UTF8.self) == name {
                found = String(decoding: item[item.index(after: equals)...], as: UTF8.self)
            }
        }
        return found
    }
}
