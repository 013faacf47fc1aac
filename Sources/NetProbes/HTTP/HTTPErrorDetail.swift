import Foundation

/// The part of a non-200 response body the go command shows under `server response:`
/// (cmd/go/internal/web/api.go formatErrorDetail, http.go): only for text/plain bodies in
/// UTF-8/US-ASCII; at most 8 lines and 648 bytes; nothing at all when the text holds
/// control characters or is not UTF-8.
public enum HTTPErrorDetail {
    static let maxLines = 8
    static let maxBytes = maxLines * 81

    /// Whether the go command collects a detail for this Content-Type (mime.ParseMediaType).
    public static func collects(contentType: String?) -> Bool {
        guard let contentType else { return false }
        let parts = contentType.split(separator: ";", omittingEmptySubsequences: false)
        guard parts.first?.trimmingCharacters(in: .whitespaces).lowercased() == "text/plain" else { return false }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                let charset = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
                return charset == "us-ascii" || charset == "utf-8" || charset.isEmpty
            }
        }
        return true
    }

    /// The detail for a body prefix ("" when the go command would show none).
    public static func format(_ body: [UInt8]) -> String {
        guard let text = String(bytes: body, encoding: .utf8) else { return "" }
        for scalar in text.unicodeScalars where !isGraphicOrSpace(scalar) { return "" }
        var detail = ""
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0.isWhitespace }) { break }
            if index > 0 { detail += "\n\t" }
            if index >= maxLines {
                detail += "[Truncated: too many lines.]"
                break
            }
            if detail.utf8.count + line.utf8.count > maxBytes {
                detail += "[Truncated: too long.]"
                break
            }
            detail += line
        }
        return detail
    }

    /// `reading <url>: <status>` plus the detail, exactly as cmd/go/internal/web/api.go HTTPError.Error.
    public static func goError(url: String, status: String, detail: String) -> String {
        guard !detail.isEmpty else { return "reading \(url): \(status)" }
        let separator = detail.contains("\n") ? "\n\t" : " "
        return "reading \(url): \(status)\n\tserver response:\(separator)\(detail)"
    }

    /// unicode.IsGraphic || unicode.IsSpace.
    static func isGraphicOrSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .surrogate, .unassigned: return false
        default: return true
        }
    }
}
