import Foundation
import GoModConfig

/// The go command's checks of a 200 answer, as pure functions over bytes.
public enum ProxyResponseChecks {
    /// `.info`: valid JSON, and exactly the requested version when a canonical one was asked
    /// for (proxy.go Stat).
    public static func checkInfo(_ body: [UInt8], requested: String, modulePath: String, proxy: String) -> FetchFailure? {
        if let shape = ProxyInfoShape.failure(body, file: "\(modulePath)@\(requested).info", proxy: proxy) { return shape }
        guard let info = try? JSONDecoder().decode(ProxyInfo.self, from: Data(body)) else {
            return FetchFailure(layer: .moduleProtocol, failureClass: "invalid-response",
                                message: "invalid response from proxy \"\(proxy)\": " + jsonError(body))
        }
        if info.version != requested, requested == Semver.canonical(requested), (try? ModulePath.checkPath(modulePath)) != nil {
            // Go 1.19's text; later releases append the requested version.
            return FetchFailure(layer: .moduleProtocol, failureClass: "version-mismatch",
                                message: "proxy returned info for version \(info.version) instead of requested version")
        }
        return nil
    }

    /// `.zip` inside the walk: only the size (proxy.go proxyRepo.Zip, "downloaded zip file too
    /// large"), which a `|` entry falls through on. The entry-prefix and zip rules run after the
    /// walk (fetch.go downloadZip, then checkModSum), where no GOPROXY fallback applies: see
    /// DownloadVerification.
    public static func checkZip(_ body: [UInt8], truncated: Bool, modulePath: String, version: String) -> FetchFailure? {
        truncated ? FetchFailure(layer: .moduleProtocol, failureClass: "too-large", message: "downloaded zip file too large") : nil
    }

    /// `@v/list`: the first field of each line when it is a canonical semantic version, sorted
    /// (proxy.go Versions).
    public static func versions(inList body: [UInt8]) -> [String] {
        let text = String(decoding: body, as: UTF8.self)
        var seen = Set<String>()
        var versions: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            guard let field = line.split(separator: " ").first.map(String.init) else { continue }
            if Semver.isValid(field), Semver.canonical(field) == field, seen.insert(field).inserted {
                versions.append(field)
            }
        }
        return versions.sorted { Semver.compare($0, $1) < 0 }
    }

    /// encoding/json's text for the two usual ways a proxy sends non-JSON.
    static func jsonError(_ body: [UInt8]) -> String {
        guard let first = body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            return "unexpected end of JSON input"
        }
        let character = first < 0x80 ? String(UnicodeScalar(first)) : "\\x\(String(first, radix: 16))"
        if first != UInt8(ascii: "{") {
            return "invalid character '\(character)' looking for beginning of value"
        }
        return "invalid JSON"
    }
}
