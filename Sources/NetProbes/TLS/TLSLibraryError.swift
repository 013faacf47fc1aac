import NIOSSL

/// BoringSSL's errors, made readable: its own text names the library's build paths
/// ("error:10000096:SSL routines:OPENSSL_internal:EXCESSIVE_MESSAGE_SIZE at /…/ssl/handshake.cc:272")
/// and no limit. The packed code (library << 24 | reason) decides; the reason's name is
/// shown without the path.
enum TLSLibraryError {
    /// ERR_LIB_SSL (CNIOBoringSSL_err.h).
    static let sslLibrary: UInt32 = 16
    /// SSL_R_EXCESSIVE_MESSAGE_SIZE (CNIOBoringSSL_ssl.h).
    static let excessiveMessageSize: UInt32 = 150
    /// SSL_MAX_CERT_LIST_DEFAULT: the largest certificate message BoringSSL accepts from a peer.
    static let maximumCertificateListBytes = 100 * 1024
    /// crypto/tls maxHandshake: the largest handshake message the go command accepts.
    static let goMaximumHandshakeBytes = 65536

    /// The packed codes of a handshake error's stack (oldest first); empty for other errors.
    static func codes(_ error: any Error) -> [UInt32] {
        guard let ssl = error as? NIOSSLError, case .handshakeFailed(let inner) = ssl else { return [] }
        switch inner {
        case .sslError(let stack), .unknownError(let stack): return stack.compactMap(code)
        default: return []
        }
    }

    /// The names of a handshake error's reasons without build paths ("EXCESSIVE_MESSAGE_SIZE").
    static func reasonNames(_ error: any Error) -> [String] {
        guard let ssl = error as? NIOSSLError, case .handshakeFailed(let inner) = ssl else { return [] }
        switch inner {
        case .sslError(let stack), .unknownError(let stack): return stack.map(reasonName)
        default: return []
        }
    }

    /// The packed code from NIOSSL's description ("Error: 268435606 error:…"), which is the only
    /// place NIOSSL exposes it.
    static func code(_ error: BoringSSLInternalError) -> UInt32? {
        let text = error.description
        guard text.hasPrefix("Error: ") else { return nil }
        return UInt32(text.dropFirst(7).prefix { $0.isNumber })
    }

    /// "EXCESSIVE_MESSAGE_SIZE" from "…:OPENSSL_internal:EXCESSIVE_MESSAGE_SIZE at /path:272"; the
    /// code in hex when the text has no such field.
    static func reasonName(_ error: BoringSSLInternalError) -> String {
        let text = error.description
        let beforePath = text.range(of: " at ").map { text[..<$0.lowerBound] } ?? Substring(text)
        if let field = beforePath.split(separator: ":").last, field.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }), !field.isEmpty {
            return String(field)
        }
        return code(error).map { "error 0x" + String($0, radix: 16) } ?? "unknown error"
    }

    static func isExcessiveMessageSize(_ code: UInt32) -> Bool {
        code >> 24 == sslLibrary && code & 0xFFF == excessiveMessageSize
    }
}
