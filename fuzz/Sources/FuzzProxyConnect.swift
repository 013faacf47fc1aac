import NIOCore
import NIOEmbedded
@testable import NetProbes

/// A proxy's answer to CONNECT (ProxyConnectResponseReader) on an EmbeddedChannel: the
/// reader answers as soon as the blank line arrives, fails after 16 KiB without one, and
/// fails when the peer closes first; the status line and challenge are the same whether the
/// bytes come in one read or in small chunks; the status line holds no line break; the body line is
/// at most 200 characters and only for a text/plain answer.
@Sendable func fuzzProxyConnect(_ bytes: [UInt8]) {
    guard let control = bytes.first else { return }
    let response = Array(bytes.dropFirst())
    let whole = connectAnswer(response, chunk: response.count)
    let chunked = connectAnswer(response, chunk: 1 + Int(control) % 7)
    // Past the 16 KiB bound the reader may already have failed when a later chunk ends the header.
    require(sameHead(whole, chunked) || response.count > 16_384, "one read and chunked reads differ:\n\(whole)\n\(chunked)")
    if case .answer(let answer) = whole {
        require(!answer.statusLine.contains("\r\n"), "status line holds a line break")
        require((answer.bodyFirstLine?.count ?? 0) <= 200, "body line over 200 characters")
        if let code = answer.code { require(answer.statusLine.contains(String(code)), "code not from the status line") }
    }
    if let end = ProxyConnectResponseReader.headerEnd(response), response.count <= 16_384 {
        let again = ProxyConnectResponseReader.answer(header: Array(response[..<end]), rest: Array(response[(end + 4)...]))
        require(whole == .answer(again), "pipeline answer differs from the parser's")
    }
}

/// The same failure, or answers with the same status line and challenge. The body line may
/// differ: only body bytes that came in the header's read are looked at, by design.
private func sameHead(_ a: ConnectOutcome, _ b: ConnectOutcome) -> Bool {
    switch (a, b) {
    case (.answer(let x), .answer(let y)): x.statusLine == y.statusLine && x.proxyAuthenticate == y.proxyAuthenticate
    default: a == b
    }
}

enum ConnectOutcome: Equatable {
    case answer(ProxyConnectAnswer)
    case failure(String)
}

private func connectAnswer(_ response: [UInt8], chunk: Int) -> ConnectOutcome {
    let channel = EmbeddedChannel()
    let promise = channel.eventLoop.makePromise(of: ProxyConnectAnswer.self)
    do {
        try channel.pipeline.syncOperations.addHandler(ProxyConnectResponseReader(promise: promise))
    } catch {
        fatalError("pipeline setup failed: \(error)")
    }
    var offset = 0
    while offset < response.count {
        let end = min(response.count, offset + max(1, chunk))
        var buffer = channel.allocator.buffer(capacity: end - offset)
        buffer.writeBytes(response[offset..<end])
        offset = end
        do { try channel.writeInbound(buffer) } catch { break }
    }
    channel.pipeline.fireChannelInactive()
    var outcome: ConnectOutcome?
    promise.futureResult.whenComplete { result in
        switch result {
        case .success(let answer): outcome = .answer(answer)
        case .failure(let error):
            guard let exchange = error as? HTTPExchangeError else { fatalError("untyped failure \(type(of: error)): \(error)") }
            outcome = .failure("\(exchange)")
        }
    }
    channel.embeddedEventLoop.run()
    _ = try? channel.finish()
    guard let outcome else { fatalError("the reader never answered after the peer closed") }
    return outcome
}
