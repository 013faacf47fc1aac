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
        for item in godebug.split(separator: ",") {
            guard let equals = item.firstIndex(of: "=") else { continue }
            if item[..<equals] == name { found = String(item[item.index(after: equals)...]) }
        }
        return found
    }
}
