/// Reads the first bytes a TLS server sent: the record header (to tell "this is not TLS at
/// all" apart from a TLS failure) and the ServerHello (the negotiated version and cipher,
/// which NIOSSL does not expose). Pure over bytes, so it is unit-tested on captures.
public enum ServerHelloParser {
    public enum Result: Sendable, Equatable {
        /// Not enough bytes yet.
        case needMore
        /// The first record is neither a handshake nor an alert, or has an absurd version:
        /// what the go command reports as `tls: first record does not look like a TLS handshake`
        /// (crypto/tls/conn.go readRecordOrCCS). `preview` is the start of what came instead.
        case notTLS(preview: String)
        /// The server answered with an alert before any ServerHello (level, description).
        case alert(level: UInt8, description: UInt8)
        case serverHello(ServerHello)
        /// A handshake record whose first message is not a ServerHello, or is malformed.
        case malformed
    }

    public struct ServerHello: Sendable, Equatable {
        /// 0x0303 for TLS 1.2; TLS 1.3 is signalled by the supported_versions extension.
        public var version: UInt16
        public var cipherSuite: UInt16

        public init(version: UInt16, cipherSuite: UInt16) {
            self.version = version
            self.cipherSuite = cipherSuite
        }
    }

    static let handshakeRecord: UInt8 = 22
    static let alertRecord: UInt8 = 21

    public static func parse(_ bytes: [UInt8]) -> Result {
        guard bytes.count >= 5 else {
            if let first = bytes.first, first != handshakeRecord, first != alertRecord { return .notTLS(preview: preview(bytes)) }
            return .needMore
        }
        let type = bytes[0]
        let recordVersion = UInt16(bytes[1]) << 8 | UInt16(bytes[2])
        guard type == handshakeRecord || type == alertRecord, recordVersion < 0x1000 else {
            return .notTLS(preview: preview(bytes))
        }
        let length = Int(bytes[3]) << 8 | Int(bytes[4])
        if type == alertRecord {
            guard bytes.count >= 7 else { return .needMore }
            return .alert(level: bytes[5], description: bytes[6])
        }
        // Only the first record is read: a ServerHello always fits in it in practice.
        guard bytes.count >= 5 + min(length, 4) else { return .needMore }
        let body = Array(bytes[5..<min(bytes.count, 5 + length)])
        guard body.count >= 4 else { return .needMore }
        guard body[0] == 2 else { return .malformed }
        let messageLength = Int(body[1]) << 16 | Int(body[2]) << 8 | Int(body[3])
        guard body.count >= 4 + messageLength else { return length < 4 + messageLength ? .malformed : .needMore }
        return parseServerHello(Array(body[4..<(4 + messageLength)])).map(Result.serverHello) ?? .malformed
    }

    static func parseServerHello(_ message: [UInt8]) -> ServerHello? {
        var cursor = ByteCursor(message)
        guard let legacyVersion = cursor.uint16(), cursor.skip(32), let sessionLength = cursor.uint8(),
              cursor.skip(Int(sessionLength)), let cipher = cursor.uint16(), cursor.skip(1) else { return nil }
        var version = legacyVersion
        if let extensionsLength = cursor.uint16(), var extensions = cursor.take(Int(extensionsLength)).map(ByteCursor.init) {
            while let type = extensions.uint16(), let length = extensions.uint16(), let data = extensions.take(Int(length)) {
                if type == 43, data.count == 2 { version = UInt16(data[0]) << 8 | UInt16(data[1]) }
            }
        }
        return ServerHello(version: version, cipherSuite: cipher)
    }

    /// Printable start of a non-TLS answer ("HTTP/1.0 400 Bad Request"), at most 40 characters.
    static func preview(_ bytes: [UInt8]) -> String {
        String(bytes.prefix(40).map { (32..<127).contains($0) ? Character(UnicodeScalar($0)) : "." })
    }

    /// "TLSv1.3" etc. for a wire version.
    public static func versionName(_ version: UInt16) -> String {
        switch version {
        case 0x0304: return "TLSv1.3"
        case 0x0303: return "TLSv1.2"
        case 0x0302: return "TLSv1.1"
        case 0x0301: return "TLSv1.0"
        default: return String(format: "0x%04x", version)
        }
    }
}

/// Bounds-checked reading of big-endian fields.
struct ByteCursor {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func uint8() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint16() -> UInt16? {
        guard offset + 2 <= bytes.count else { return nil }
        defer { offset += 2 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    mutating func skip(_ count: Int) -> Bool {
        guard offset + count <= bytes.count else { return false }
        offset += count
        return true
    }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }
}
