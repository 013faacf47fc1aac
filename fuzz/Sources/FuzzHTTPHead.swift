import NIOCore
import NIOEmbedded
import NIOHTTP1
@testable import NetProbes

/// The HTTP response as our client reads it: NIO's HTTP/1.1 decoder and our
/// HTTPResponseCollector, in the pipeline HTTPHopRunner builds, on an EmbeddedChannel. The
/// first input byte picks the split of the rest into two reads and the body limit; the
/// request is a GET (or HEAD when the byte is odd). Properties: once the peer closes, the
/// collector has always answered (fail closed, never left waiting); failures are the
/// decoder's, the collector's or the channel's typed errors; a success keeps at most the
/// body limit and, when not truncated, exactly the bytes it counted; the same bytes in one
/// read or two give the same answer; the go-style error detail of the body has at most 8
/// lines and no control characters but white space.
@Sendable func fuzzHTTPHead(_ bytes: [UInt8]) {
    guard let control = bytes.first else { return }
    let response = Array(bytes.dropFirst())
    let split = response.isEmpty ? 0 : Int(control) % (response.count + 1)
    let limit = control & 0x40 == 0 ? 1 << 20 : Int(control & 0x3F)
    let method: HTTPMethod = control & 1 == 0 ? .GET : .HEAD
    let whole = exchange(response, splitAt: nil, limit: limit, method: method)
    let twice = exchange(response, splitAt: split, limit: limit, method: method)
    require(whole == twice, "one read and two reads differ:\n\(whole)\n\(twice)")
    if case .response(_, let body, let bodyBytes, let truncated) = whole {
        require(body.count <= limit, "kept \(body.count) bytes over the limit \(limit)")
        require(truncated ? bodyBytes == -1 : bodyBytes == body.count, "complete body counted \(bodyBytes) but kept \(body.count)")
        let detail = HTTPErrorDetail.format(body)
        require(detail.split(separator: "\n").count <= 9, "error detail over 8 lines")
        // Go's formatErrorDetail keeps graphic and space characters (\t \n \v \f \r), nothing else.
        require(!detail.unicodeScalars.contains { ($0.value < 0x20 && !(0x09...0x0D).contains($0.value)) || $0.value == 0x7F },
                "control character in error detail")
    }
}

/// What the collector answered, reduced to comparable values.
enum ExchangeOutcome: Equatable {
    case response(status: UInt, body: [UInt8], bodyBytes: Int, truncated: Bool)
    case failure(String)
}

private func exchange(_ response: [UInt8], splitAt split: Int?, limit: Int, method: HTTPMethod) -> ExchangeOutcome {
    let channel = EmbeddedChannel()
    let promise = channel.eventLoop.makePromise(of: CollectedResponse.self)
    do {
        try channel.pipeline.syncOperations.addHTTPClientHandlers()
        try channel.pipeline.syncOperations.addHandler(HTTPResponseCollector(promise: promise, bodyLimit: limit))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 80)).wait()
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: "proxy.example")
        try channel.writeOutbound(HTTPClientRequestPart.head(HTTPRequestHead(version: .http1_1, method: method, uri: "/", headers: headers)))
        try channel.writeOutbound(HTTPClientRequestPart.end(nil))
    } catch {
        fatalError("pipeline setup failed: \(error)")
    }
    let reads = split.map { [Array(response[..<$0]), Array(response[$0...])] } ?? [response]
    for read in reads where !read.isEmpty {
        var buffer = channel.allocator.buffer(capacity: read.count)
        buffer.writeBytes(read)
        do { try channel.writeInbound(buffer) } catch { break }
    }
    channel.pipeline.fireChannelInactive()
    _ = try? channel.finish()
    var outcome: ExchangeOutcome?
    promise.futureResult.whenComplete { result in
        switch result {
        case .success(let collected):
            // A truncated body's count depends on how the reads were cut; only the kept bytes compare.
            outcome = .response(status: collected.head.status.code, body: collected.body,
                                bodyBytes: collected.truncated ? -1 : collected.bodyBytes, truncated: collected.truncated)
        case .failure(let error):
            outcome = .failure(typedFailure(error))
        }
    }
    channel.embeddedEventLoop.run()
    guard let outcome else { fatalError("the collector never answered after the peer closed") }
    return outcome
}

/// The failure's type and case: any error outside the expected families is a property
/// violation (an untyped error would reach the user as a raw text).
private func typedFailure(_ error: any Error) -> String {
    switch error {
    case let parser as HTTPParserError: return "parser \(parser)"
    case let cut as HTTPBodyCut: return "cut \(cut.cause)"
    case let exchange as HTTPExchangeError: return "exchange \(exchange)"
    case let channel as ChannelError: return "channel \(channel)"
    case is ByteToMessageDecoderError: return "decoder \(error)"
    default: fatalError("untyped failure \(type(of: error)): \(error)")
    }
}
