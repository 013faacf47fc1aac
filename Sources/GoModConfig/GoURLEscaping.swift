/// Go's `net/url` percent-encoding rules (`shouldEscape`, `escape`, `unescape`), per URL
/// component, so parsed values and re-printed URLs match Go's byte for byte.
enum GoURLEscaping {
    enum Mode: Sendable {
        case path, pathSegment, host, zone, userPassword, queryComponent, fragment
    }

    // net/url/url.go shouldEscape
    static func shouldEscape(_ byte: UInt8, mode: Mode) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return false
        default:
            break
        }
        if mode == .host || mode == .zone, Array("!$&'()*+,;=:[]<>\"".utf8).contains(byte) {
            return false
        }
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return false
        case UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "/"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "@"):
            switch mode {
            case .path: return byte == UInt8(ascii: "?")
            case .pathSegment: return Array("/;,?".utf8).contains(byte)
            case .userPassword: return Array("@/?:".utf8).contains(byte)
            case .queryComponent: return true
            case .fragment: return false
            case .host, .zone: break
            }
        default:
            break
        }
        if mode == .fragment, Array("!()*".utf8).contains(byte) { return false }
        return true
    }

    // net/url/url.go unescape
    static func unescape(_ text: String, mode: Mode) throws(GoURLReason) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else {
                    let bad = Array(bytes[index..<min(bytes.count, index + 3)])
                    throw GoURLReason("invalid URL escape \(GoQuote.quote(bytes: bad))")
                }
                let triple = String(decoding: bytes[index..<(index + 3)], as: UTF8.self)
                if mode == .host, high < 8, triple != "%25" {
                    throw GoURLReason("invalid URL escape \(GoQuote.quote(triple))")
                }
                let value = high << 4 | low
                if mode == .zone, triple != "%25", value != UInt8(ascii: " "), shouldEscape(value, mode: .host) {
                    throw GoURLReason("invalid URL escape \(GoQuote.quote(triple))")
                }
                out.append(value)
                index += 3
                continue
            }
            if mode == .host || mode == .zone, byte < 0x80, shouldEscape(byte, mode: mode) {
                let bad = String(decoding: [byte], as: UTF8.self)
                throw GoURLReason("invalid character \(GoQuote.quote(bad)) in host name")
            }
            out.append(mode == .queryComponent && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // net/url/url.go escape
    static func escape(_ text: String, mode: Mode) -> String {
        var out: [UInt8] = []
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            if shouldEscape(byte, mode: mode) {
                if byte == UInt8(ascii: " "), mode == .queryComponent {
                    out.append(UInt8(ascii: "+"))
                } else {
                    out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                }
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Go's `EscapedPath`/`EscapedFragment`: the raw form when it is a valid encoding of
    /// the decoded value, else the default escaping.
    static func escapedForm(decoded: String, raw: String, mode: Mode) -> String {
        if !raw.isEmpty, isValidEncoded(raw, mode: mode), (try? unescape(raw, mode: mode)) == decoded {
            return raw
        }
        if mode == .path, decoded == "*" { return "*" }
        return escape(decoded, mode: mode)
    }

    // net/url/url.go validEncoded
    private static func isValidEncoded(_ text: String, mode: Mode) -> Bool {
        for byte in text.utf8 {
            if Array("!$&'()*+,;=:@[]".utf8).contains(byte) || byte == UInt8(ascii: "%") { continue }
            if shouldEscape(byte, mode: mode) { return false }
        }
        return true
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
