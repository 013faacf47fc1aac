/// The shape check of a `.info` (or `@latest`) body before it is decoded: one linear pass, no
/// recursion, so a hostile proxy's 1M-deep `[[[[…` costs a scan of its bytes instead of a
/// parser's stack or time, and the person is told what was wrong with which file and which
/// limit applied — not a JSON parser's own text.
///
/// The go command decodes the body with encoding/json into modfetch.RevInfo (proxy.go Stat,
/// Latest); encoding/json refuses nesting deeper than 10000 (encoding/json/scanner.go
/// maxNestingDepth, "exceeded max depth").
public enum ProxyInfoShape {
    /// encoding/json's nesting limit.
    public static let maximumDepth = 10_000

    public enum Problem: Sendable, Equatable {
        /// Arrays/objects nested deeper than `maximumDepth`; `offset` is the byte that went over.
        case tooDeep(offset: Int)
        /// The top-level value is not an object (`kind`: "array", "string", "number", …).
        case notAnObject(kind: String)
    }

    /// The problem of `body`, nil when it may be the object the go command expects (whether
    /// it is valid JSON is the decoder's question).
    public static func problem(_ body: [UInt8]) -> Problem? {
        guard let first = body.firstIndex(where: { !isSpace($0) }) else { return nil }
        switch body[first] {
        case UInt8(ascii: "{"): break
        case UInt8(ascii: "["): if let deep = deepest(body, from: first) { return deep }; return .notAnObject(kind: "array")
        case UInt8(ascii: "\""): return .notAnObject(kind: "string")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .notAnObject(kind: "number")
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .notAnObject(kind: "boolean")
        case UInt8(ascii: "n"): return .notAnObject(kind: "null")
        default: return nil   // not JSON at all: the decoder's text names the character
        }
        return deepest(body, from: first)
    }

    /// `.tooDeep` at the first byte that opens level `maximumDepth + 1`, skipping strings.
    static func deepest(_ body: [UInt8], from start: Int) -> Problem? {
        var depth = 0
        var inString = false
        var escaped = false
        var index = start
        while index < body.count {
            let byte = body[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > maximumDepth { return .tooDeep(offset: index) }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    if depth <= 0 { return nil }
                default: break
                }
            }
            index += 1
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The failure for `body` of `file` ("github.com/x/y@v1.0.0.info", "github.com/x/y@latest")
    /// from `proxy` (redacted), nil when its shape is fine. The message starts with the go
    /// command's own text (`invalid response from proxy "…": exceeded max depth`) and says why.
    public static func failure(_ body: [UInt8], file: String, proxy: String) -> FetchFailure? {
        guard let problem = problem(body) else { return nil }
        let goText: String
        let why: String
        switch problem {
        case .tooDeep(let offset):
            goText = "exceeded max depth"
            why = "nested deeper than \(maximumDepth) levels (at byte \(offset) of \(body.count)), the limit of Go's encoding/json"
        case .notAnObject(let kind):
            goText = "json: cannot unmarshal \(kind) into Go value of type modfetch.RevInfo"
            why = "its top-level value is a JSON \(kind)"
        }
        return FetchFailure(layer: .moduleProtocol, failureClass: "invalid-response",
                            message: "invalid response from proxy \"\(proxy)\": \(goText) (the \(file) it served is not the JSON object "
                                + "the go command expects, {\"Version\": …, \"Time\": …}: \(why))")
    }
}
