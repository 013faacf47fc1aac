import Foundation
import GoModConfig

/// Builds request URLs the way proxyRepo.getBody does: `<base>/<escaped path>/<file>` with the
/// escaped module path then path-escaped, so `!` travels as `%21` (proxy.go pathEscape).
public enum ProxyURL {
    /// The URL of `file` for `modulePath` under the proxy `base` (trailing `/` ignored).
    public static func make(base: String, modulePath: String, file: ProxyFile) throws(ConfigInputError) -> String {
        let escaped = try ModulePath.escape(modulePath)
        let relative = try file.relativePath()
        return trimmed(base) + "/" + pathEscape(escaped + "/" + relative)
    }

    /// `<base>/sumdb/<name>/supported` (modfetch/sumdb.go initBase).
    public static func sumdbSupported(base: String, name: String) -> String {
        trimmed(base) + "/sumdb/" + name + "/supported"
    }

    /// url.PathEscape with `%2F` turned back into `/` (proxy.go pathEscape).
    public static func pathEscape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if isUnescaped(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// net/url shouldEscape in encodePathSegment mode, with `/` kept.
    static func isUnescaped(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        case UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    public static func trimmed(_ base: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }
}
