import NIOCore

/// Reads a proxy's answer to CONNECT as raw bytes up to the blank line, then gets out of the
/// way (the TLS handshake through the tunnel follows on the same channel).
final class ProxyConnectResponseReader: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    /// The status line ("HTTP/1.1 200 Connection established").
    let promise: EventLoopPromise<String>
    private var received: [UInt8] = []

    init(promise: EventLoopPromise<String>) { self.promise = promise }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        received += buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? []
        guard let end = Self.headerEnd(received) else {
            if received.count > 16_384 { promise.fail(HTTPExchangeError.badProxyResponse("response header too long")) }
            return
        }
        let header = String(decoding: received[..<end], as: UTF8.self)
        let statusLine = header.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
        promise.succeed(statusLine)
        context.pipeline.syncOperations.removeHandler(self, promise: nil)
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
