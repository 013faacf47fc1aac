import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a snapshot file given to `diff` could not be used: typed, so the message names the
/// file and the reason ("is a directory", "permission denied") instead of Foundation's
/// "NSCocoaErrorDomain error 256".
public enum EnvDiffSnapshotError: Error, Sendable, Equatable {
    case missing(path: String)
    case directory(path: String)
    /// open/read failed: the system's reason ("Permission denied").
    case unreadable(path: String, reason: String)
    /// Larger than the limit (bytes); `size` is what stat reported.
    case tooLarge(path: String, size: Int64, limit: Int)
    /// Not JSON, or JSON that is not an object; `reason` says where (line, column) when known.
    case notJSON(path: String, reason: String)

    /// The catalog key (`envdiff.file.<kind>`) and its arguments.
    public var messageKey: String {
        switch self {
        case .missing: return "envdiff.file.missing"
        case .directory: return "envdiff.file.directory"
        case .unreadable: return "envdiff.file.unreadable"
        case .tooLarge: return "envdiff.file.too-large"
        case .notJSON: return "envdiff.file.not-json"
        }
    }

    public var arguments: [String: String] {
        switch self {
        case .missing(let path), .directory(let path): return ["file": path]
        case .unreadable(let path, let reason): return ["file": path, "reason": reason]
        case .tooLarge(let path, let size, let limit): return ["file": path, "size": String(size), "limit": String(limit)]
        case .notJSON(let path, let reason): return ["file": path, "reason": reason]
        }
    }
}

extension EnvDiffSnapshot {
    /// The most `diff` reads of one snapshot (an `env --json` document is a few kilobytes).
    public static let maximumFileBytes = 64 << 20

    /// Reads and decodes the snapshot at `path`, bounded by `maximumFileBytes`.
    public static func load(path: String) throws(EnvDiffSnapshotError) -> EnvDiffSnapshot {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .missing(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .directory(path: path) }
        if Int64(info.st_size) > Int64(maximumFileBytes) {
            throw .tooLarge(path: path, size: Int64(info.st_size), limit: maximumFileBytes)
        }
        let data = try read(path: path)
        return try decode(data, path: path)
    }

    static func read(path: String) throws(EnvDiffSnapshotError) -> Data {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
            // A file that grew past the limit after stat (or a device that never ends).
            if data.count > maximumFileBytes {
                throw .tooLarge(path: path, size: Int64(data.count), limit: maximumFileBytes)
            }
        }
    }

    /// Decodes `data`, naming the problem: empty, not starting with `{`, or the decoder's
    /// position (coding path and its description).
    static func decode(_ data: Data, path: String) throws(EnvDiffSnapshotError) -> EnvDiffSnapshot {
        guard let first = data.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw .notJSON(path: path, reason: data.isEmpty ? "the file is empty" : "the file holds only white space")
        }
        guard first == UInt8(ascii: "{") else {
            let shown = (0x21..<0x7F).contains(first) ? "'\(Character(Unicode.Scalar(first)))'" : String(format: "byte 0x%02x", first)
            throw .notJSON(path: path, reason: "it starts with \(shown), not with '{' (an env --json document is a JSON object)")
        }
        do {
            return try JSONDecoder().decode(EnvDiffSnapshot.self, from: data)
        } catch let error as DecodingError {
            throw .notJSON(path: path, reason: describe(error))
        } catch {
            throw .notJSON(path: path, reason: "\(error)")
        }
    }

    /// "at variables[3].name: …" from the decoder's context (its own description of the fault).
    static func describe(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c): context = c
        @unknown default: return "\(error)"
        }
        var where_ = ""
        for key in context.codingPath {
            if let index = key.intValue { where_ += "[\(index)]" } else { where_ += (where_.isEmpty ? "" : ".") + key.stringValue }
        }
        var text = context.debugDescription
        if let underlying = context.underlyingError as NSError?, let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String {
            text += " (\(detail))"
        }
        return where_.isEmpty ? text : "at \(where_): \(text)"
    }
}
