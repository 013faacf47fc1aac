import Foundation
import NIOCore
import NIOHTTP1
#if canImport(Glibc)
import Glibc
#endif

/// One request on a fresh connection: proxy choice, dial, CONNECT tunnel, TLS with the
/// chain verdict (offering h2 as net/http does), then the HTTP/2 or HTTP/1.1 exchange, each
/// phase timed. Everything ends at the
/// deadline: a timer closes the channel, which fails whatever is pending.
struct HTTPHopRunner: Sendable {
    var options: HTTPClientOptions
    var selector: HTTPProxySelector

    func run(_ url: HTTPRequestURL, deadline: ProbeDeadline) async -> (HTTPHop, CollectedResponse?) {
        let start = ContinuousClock.now
        var hop = HTTPHop(method: options.method, url: url.redacted, proxy: nil, addresses: [], connectAttempts: [],
                          tls: nil, tlsVerdict: nil, status: nil, statusLine: nil, headers: [], location: nil,
                          contentType: nil, bodyBytes: 0, bodyTruncated: false, serverResponse: nil,
                          timings: HTTPPhaseTimings(), failure: nil)
        func done(_ failure: FailureClass?, _ response: CollectedResponse? = nil) -> (HTTPHop, CollectedResponse?) {
            hop.failure = failure
            hop.timings.total = PhaseClock.seconds(since: start)
            return (hop, response)
        }
        let proxy: HTTPRequestURL?
        do {
            proxy = try selector.proxy(for: url)
        } catch {
            return done(FailureClass("proxy-config", error.description))
        }
        if let proxy { hop.proxy = HTTPProxyUse(url: proxy.redacted, connectStatus: nil) }
        let peer = proxy ?? url
        let dial = await HTTPDialer.dial(host: peer.host, port: peer.port, resolved: options.resolved[peer.host.lowercased()],
                                         shared: options.sharedResolutions, silentPeers: options.silentPeers, deadline: options.dialTimeout.map { deadline.capped(at: $0) } ?? deadline)
        hop.addresses = dial.resolution.addresses
        hop.connectAttempts = dial.attempts
        hop.timings.dns = dial.dnsSeconds
        hop.timings.connect = dial.connectSeconds
        guard let channel = dial.channel else {
            let failure = HTTPDialer.failure(of: dial, host: peer.host)
            // net/http/transport.go dialConn wraps proxy dial errors as "proxyconnect tcp: …"
            return done(proxy == nil ? failure : FailureClass("proxy-connect", "proxyconnect tcp: \(failure.detail)"))
        }
        let timer = channel.eventLoop.scheduleTask(deadline: .now() + PhaseClock.timeAmount(deadline.remaining)) {
            channel.pipeline.fireUserInboundEventTriggered(HTTPLocalClose.deadline)
            channel.close(promise: nil)
        }
        defer {
            timer.cancel()
            channel.close(promise: nil)
        }
        return await withTaskCancellationHandler {
            if let proxy, url.isSecure {
                let tunnelStart = ContinuousClock.now
                let answer = await connectTunnel(channel, to: url, proxy: proxy, deadline: deadline)
                hop.timings.proxyConnect = PhaseClock.seconds(since: tunnelStart)
                if case .success(let answer) = answer { hop.proxy?.record(answer) }
                if let failure = Self.tunnelFailure(answer, proxy: proxy, url: url, deadline: deadline) { return done(failure) }
                if options.connectOnly { return done(nil) }
            }
            if url.isSecure {
                // The server's half of the handshake gets the first-byte bound too: a server that
                // accepts TCP and never answers the ClientHello is named before the deadline.
                let report = await TLSClientSetup.handshake(on: channel, serverName: url.host,
                                                            alpn: options.http2 ? ["h2", "http/1.1"] : ["http/1.1"],
                                                            deadline: firstByteDeadline(deadline))
                hop.tls = report
                hop.timings.tls = report.durationSeconds
                if let failure = report.failure { return done(failure) }
                // The roots were loading beside the dial and the handshake (see TrustStore.loaded).
                let verdict = await options.trust.loaded().verifier.verify(chain: report.chainDER, serverName: url.host, now: options.now())
                hop.tlsVerdict = verdict
                // Never send a byte over a connection that did not verify, unless told to be insecure.
                if let failure = verdict.failure, !options.insecure { return done(failure) }
            }
            let requestSent = ContinuousClock.now
            let http2 = url.isSecure && hop.tls?.alpn == "h2"
            hop.httpVersion = http2 ? "HTTP/2.0" : "HTTP/1.1"
            let collected: CollectedResponse
            do {
                collected = http2 ? try await exchangeHTTP2(channel, url: url)
                    : try await exchange(channel, url: url, proxy: url.isSecure ? nil : proxy)
            } catch let cut as HTTPBodyCut {
                // The head that came is evidence (status, headers, bytes so far); the outcome is the cut.
                if let head = cut.head, let firstByte = cut.firstByte {
                    let partial = CollectedResponse(head: head, body: [], bodyBytes: cut.bodyBytes, truncated: false,
                                                    firstByte: firstByte, end: .now)
                    record(partial, into: &hop, requestSent: requestSent)
                }
                return done(cut.failure)
            } catch {
                return done(Self.exchangeFailure(error, deadline: deadline))
            }
            record(collected, into: &hop, requestSent: requestSent)
            if collected.truncated {
                return done(HTTPFailureText.tooLarge(limit: options.maxBodyBytes, peer: url.hostPort), collected)
            }
            return done(nil, collected)
        } onCancel: {
            channel.pipeline.fireUserInboundEventTriggered(HTTPLocalClose.cancelled)
            channel.close(promise: nil)
        }
    }

    func record(_ collected: CollectedResponse, into hop: inout HTTPHop, requestSent: ContinuousClock.Instant) {
        let head = collected.head
        hop.status = Int(head.status.code)
        hop.statusLine = "\(head.status.code) \(head.status.reasonPhrase)"
        hop.headers = head.headers.compactMap { name, value in
            let lower = name.lowercased()
            return lower == "set-cookie" || lower == "authorization" || lower == "proxy-authorization"
                ? HTTPHeaderField(name: name, value: "[redacted]") : HTTPHeaderField(name: name, value: value)
        }
        hop.location = head.headers.first(name: "Location")
        hop.contentType = head.headers.first(name: "Content-Type")
        hop.bodyBytes = collected.bodyBytes
        hop.bodyTruncated = collected.truncated
        if head.status.code != 200, HTTPErrorDetail.collects(contentType: hop.contentType) {
            let detail = HTTPErrorDetail.format(Array(collected.body.prefix(64 << 10)))
            hop.serverResponse = detail.isEmpty ? nil : detail
        }
        hop.timings.ttfb = PhaseClock.seconds(collected.firstByte - requestSent)
        hop.timings.transfer = PhaseClock.seconds(collected.end - collected.firstByte)
    }

    func exchange(_ channel: any Channel, url: HTTPRequestURL, proxy: HTTPRequestURL?) async throws -> CollectedResponse {
        let promise = channel.eventLoop.makePromise(of: CollectedResponse.self)
        var headers = requestHeaders(url)
        headers.add(name: "Connection", value: "close")
        if let proxy, let authorization = Self.basicAuthorization(proxy) { headers.add(name: "Proxy-Authorization", value: authorization) }
        // Through an HTTP proxy the request line carries the absolute URL (without credentials).
        let target = proxy == nil ? url.pathAndQuery : "\(url.scheme)://\(url.hostHeader)\(url.pathAndQuery)"
        let head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: options.method), uri: target, headers: headers)
        let limit = options.maxBodyBytes
        let firstByte = channel.eventLoop.makePromise(of: Void.self)
        let answer = HTTPAnswerPrefix()
        let ready: EventLoopFuture<Void> = channel.eventLoop.submit {
            // Before the HTTP decoder (after TLS): sees the first byte of the answer itself.
            try channel.pipeline.syncOperations.addHandler(FirstByteWatch(promise: firstByte))
            try channel.pipeline.syncOperations.addHandler(HTTPAnswerPrefixRecorder(answer))
            try channel.pipeline.syncOperations.addHTTPClientHandlers()
            try channel.pipeline.syncOperations.addHandler(HTTPAnswerHeadWatch(answer))
            try channel.pipeline.syncOperations.addHandler(HTTPResponseCollector(promise: promise, bodyLimit: limit, file: options.bodyFile,
                                                                                          isHead: options.method == "HEAD"))
            TLSClientSetup.releaseHeldReads(channel.pipeline.syncOperations)
        }.flatMap {
            channel.write(HTTPClientRequestPart.head(head)).and(channel.writeAndFlush(HTTPClientRequestPart.end(nil))).map { _ in }
        }
        ready.whenFailure { promise.fail($0) }
        FirstByteWatch.bound(firstByte, of: promise, on: channel, after: ready, timeout: options.firstByteTimeout)
        do {
            return try await promise.futureResult.get()
        } catch let parser as HTTPParserError {
            let peer = proxy ?? url
            throw HTTPMalformedAnswer(failure: answer.failure(parser, peer: peer.hostPort))
        } catch is HTTPHeadTooLarge {
            throw HTTPMalformedAnswer(failure: HTTPFailureText.headTooLarge(peer: (proxy ?? url).hostPort))
        }
    }

    /// The headers every request carries, over either protocol: Host (HTTP/2's :authority),
    /// User-Agent, and the URL's credentials only over TLS.
    func requestHeaders(_ url: HTTPRequestURL) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: url.hostHeader)
        headers.add(name: "User-Agent", value: options.userAgent)
        if url.isSecure, let authorization = Self.basicAuthorization(url) { headers.add(name: "Authorization", value: authorization) }
        return headers
    }

    /// The deadline for waiting on the peer's first byte: the first-byte bound, within the deadline.
    func firstByteDeadline(_ deadline: ProbeDeadline) -> ProbeDeadline {
        options.firstByteTimeout.map { deadline.capped(at: $0) } ?? deadline
    }

    static func exchangeFailure(_ error: any Error, deadline: ProbeDeadline) -> FailureClass {
        if let malformed = error as? HTTPMalformedAnswer { return malformed.failure }
        if let local = error as? HTTPBodyFile.Failure { return FailureClass("local-io", local.description) }
        if case HTTPExchangeError.noResponse(let seconds) = error {
            return FailureClass("no-response", "connected (and TLS handshake completed, for https) but no response byte in "
                                + "\(PhaseClock.formatSeconds(seconds)): the server accepts connections and never answers")
        }
        if deadline.hasPassed {
            return FailureClass("timeout", "no complete response before the deadline (context deadline exceeded)")
        }
        if let io = error as? IOError, io.errnoCode == ECONNRESET {
            return FailureClass("reset", "read: connection reset by peer")
        }
        if case HTTPExchangeError.closedEarly(let headReceived, let bytes) = error {
            return headReceived
                ? FailureClass("eof", "unexpected EOF: the server closed the connection after \(bytes) body bytes")
                : FailureClass("eof", "EOF: the server closed the connection without answering")
        }
        return FailureClass("other", String(describing: error))
    }
}
