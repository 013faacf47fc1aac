import Foundation
import NIOCore

/// What a proxy answered to CONNECT: enough to say why a tunnel was refused.
struct ProxyConnectAnswer: Sendable, Equatable {
    /// The raw status line ("HTTP/1.1 200 Connection established").
    var statusLine: String
    /// The `Proxy-Authenticate` challenge of a 407, when given.
    var proxyAuthenticate: String?
    /// The first non-empty line of a text/plain body that arrived with the header (a deny
    /// page's reason); nil otherwise — nothing is waited for beyond the header.
    var bodyFirstLine: String?

    /// 403 from "HTTP/1.1 403 Forbidden"; nil unless the code is exactly three ASCII digits, as
    /// net/http's ReadResponse requires ("-03" or "+200" is a malformed code, not -3 or 200).
    var code: Int? {
        guard let field = statusLine.split(separator: " ").dropFirst().first, field.utf8.count == 3,
              field.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(field)
    }
}

/// Reads a proxy's answer to CONNECT as raw bytes up to the blank line, then gets out of the
/// way (the TLS handshake through the tunnel follows on the same channel).
final class ProxyConnectResponseReader: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    let promise: EventLoopPromise<ProxyConnectAnswer>
    private var received: [UInt8] = []

    init(promise: EventLoopPromise<ProxyConnectAnswer>) { self.promise = promise }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        received += buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? []
        guard let end = Self.headerEnd(received) else {
            if received.count > 16_384 { promise.fail(HTTPExchangeError.badProxyResponse("response header too long")) }
            return
        }
        promise.succeed(Self.answer(header: Array(received[..<end]), rest: Array(received[(end + 4)...])))
        context.pipeline.syncOperations.removeHandler(self, promise: nil)
    }

    /// Parses the header block (without the blank line) and whatever body bytes came with it.
    static func answer(header bytes: [UInt8], rest: [UInt8]) -> ProxyConnectAnswer {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        var answer = ProxyConnectAnswer(statusLine: lines.first ?? "")
        var contentType: String?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "proxy-authenticate", answer.proxyAuthenticate == nil { answer.proxyAuthenticate = value }
            if name == "content-type" { contentType = value }
        }
        if HTTPErrorDetail.collects(contentType: contentType) {
            let first = String(decoding: rest.prefix(4096), as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
            answer.bodyFirstLine = first.map { String($0.prefix(200)) }
        }
        return answer
    }

    static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(HTTPExchangeError.closedEarly(headReceived: false, bodyBytes: 0))
        context.fireChannelInactive()
    }
}
