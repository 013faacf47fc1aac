import Foundation
import NIOCore
import NIOSSL
import NIOTLS

/// What one TLS handshake showed, filled in by the handlers of `TLSClientSetup` on the
/// channel's event loop and read once the handshake has finished or failed.
final class TLSHandshakeObservation: @unchecked Sendable {
    private let lock = NSLock()
    private var _firstBytes: [UInt8] = []
    private var _chain: [[UInt8]] = []
    private var _receivedBytes = 0

    /// Every byte the server sent during the handshake (not only the first 16 KiB).
    var receivedBytes: Int { lock.withLock { _receivedBytes } }

    /// The first bytes the server sent (at most 16 KiB): the ServerHello, or whatever it was.
    var firstBytes: [UInt8] { lock.withLock { _firstBytes } }
    /// The DER chain the server presented, leaf first.
    var chain: [[UInt8]] { lock.withLock { _chain } }

    func record(inbound bytes: ByteBuffer) {
        lock.withLock {
            _receivedBytes += bytes.readableBytes
            guard _firstBytes.count < 16_384 else { return }
            _firstBytes += bytes.getBytes(at: bytes.readerIndex, length: min(bytes.readableBytes, 16_384 - _firstBytes.count)) ?? []
        }
    }

    func record(chain certificates: [NIOSSLCertificate]) {
        let der = certificates.compactMap { try? $0.toDERBytes() }
        lock.withLock { _chain = der }
    }
}
