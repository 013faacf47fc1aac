import Foundation
import NIOCore
import NIOHTTP1
#if canImport(Glibc)
import Glibc
#endif

/// One request on a fresh connection: proxy choice, dial, CONNECT tunnel, TLS with the
/// chain verdict, then the HTTP/1.1 exchange, each phase timed. Everything ends at the
/// deadline: a timer closes the channel, which fails whatever is pending.
struct HTTPHopRunner: Sendable {
    var options: HTTPClientOptions
    var selector: HTTPProxySelector
    var verifier: CertificateChainVerifier

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
                                         deadline: options.dialTimeout.map { deadline.capped(at: $0) } ?? deadline)
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
            channel.close(promise: nil)
        }
        defer {
            timer.cancel()
            channel.close(promise: nil)
        }
        return await withTaskCancellationHandler {
            if let proxy, url.isSecure {
                let tunnelStart = ContinuousClock.now
                let statusLine = await connectTunnel(channel, to: url, proxy: proxy)
                hop.timings.proxyConnect = PhaseClock.seconds(since: tunnelStart)
                hop.proxy?.connectStatus = statusLine.map(Self.status(ofLine:))
                if let failure = Self.tunnelFailure(statusLine, proxy: proxy, url: url, deadline: deadline) { return done(failure) }
            }
            if url.isSecure {
                let report = await TLSClientSetup.handshake(on: channel, serverName: url.host, alpn: ["http/1.1"], deadline: deadline)
                hop.tls = report
                hop.timings.tls = report.durationSeconds
                if let failure = report.failure { return done(failure) }
                let verdict = await verifier.verify(chain: report.chainDER, serverName: url.host, now: options.now())
                hop.tlsVerdict = verdict
                // Never send a byte over a connection that did not verify, unless told to be insecure.
                if let failure = verdict.failure, !options.insecure { return done(failure) }
            }
            let requestSent = ContinuousClock.now
            let collected: CollectedResponse
            do {
                collected = try await exchange(channel, url: url, proxy: url.isSecure ? nil : proxy)
            } catch {
                return done(Self.exchangeFailure(error, deadline: deadline))
            }
            record(collected, into: &hop, requestSent: requestSent)
            if collected.truncated {
                return done(FailureClass("too-large", "response body larger than \(options.maxBodyBytes) bytes"), collected)
            }
            return done(nil, collected)
        } onCancel: {
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

    /// Sends CONNECT and returns the proxy's status line (nil when it never answered).
    func connectTunnel(_ channel: any Channel, to url: HTTPRequestURL, proxy: HTTPRequestURL) async -> String? {
        let promise = channel.eventLoop.makePromise(of: String.self)
        var request = "CONNECT \(url.hostPort) HTTP/1.1\r\nHost: \(url.hostPort)\r\nUser-Agent: \(options.userAgent)\r\n"
        if let authorization = Self.basicAuthorization(proxy) { request += "Proxy-Authorization: \(authorization)\r\n" }
        request += "\r\n"
        let bytes = request
        let sent: EventLoopFuture<Void> = channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(ProxyConnectResponseReader(promise: promise), position: .first)
        }.flatMap {
            channel.writeAndFlush(ByteBuffer(string: bytes))
        }
        sent.whenFailure { promise.fail($0) }
        return try? await promise.futureResult.get()
    }

    static func tunnelFailure(_ statusLine: String?, proxy: HTTPRequestURL, url: HTTPRequestURL, deadline: ProbeDeadline) -> FailureClass? {
        guard let statusLine else {
            let why = deadline.hasPassed ? "no answer before the deadline" : "the proxy closed the connection"
            return FailureClass("proxy-connect", "proxyconnect tcp: CONNECT \(url.hostPort) via \(proxy.redacted): \(why)")
        }
        let status = status(ofLine: statusLine)
        guard !status.hasPrefix("200") else { return nil }
        // net/http/transport.go dialConn: a non-200 CONNECT answer becomes the status text.
        let goText = status.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? "unknown status code"
        return FailureClass("proxy-connect", "proxy \(proxy.redacted) refused CONNECT \(url.hostPort): \(status) (the go command says: \(goText))")
    }

    /// "403 Forbidden" from "HTTP/1.1 403 Forbidden".
    static func status(ofLine line: String) -> String {
        line.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? line
    }

    static func basicAuthorization(_ url: HTTPRequestURL) -> String? {
        guard let user = url.user else { return nil }
        let raw = (user.removingPercentEncoding ?? user) + ":" + ((url.password?.removingPercentEncoding) ?? "")
        return "Basic " + Data(raw.utf8).base64EncodedString()
    }

    func exchange(_ channel: any Channel, url: HTTPRequestURL, proxy: HTTPRequestURL?) async throws -> CollectedResponse {
        let promise = channel.eventLoop.makePromise(of: CollectedResponse.self)
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: url.hostHeader)
        headers.add(name: "User-Agent", value: options.userAgent)
        headers.add(name: "Connection", value: "close")
        if url.isSecure, let authorization = Self.basicAuthorization(url) { headers.add(name: "Authorization", value: authorization) }
        if let proxy, let authorization = Self.basicAuthorization(proxy) { headers.add(name: "Proxy-Authorization", value: authorization) }
        // Through an HTTP proxy the request line carries the absolute URL (without credentials).
        let target = proxy == nil ? url.pathAndQuery : "\(url.scheme)://\(url.hostHeader)\(url.pathAndQuery)"
        let head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: options.method), uri: target, headers: headers)
        let limit = options.maxBodyBytes
        let ready: EventLoopFuture<Void> = channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHTTPClientHandlers()
            try channel.pipeline.syncOperations.addHandler(HTTPResponseCollector(promise: promise, bodyLimit: limit))
        }.flatMap {
            channel.write(HTTPClientRequestPart.head(head)).and(channel.writeAndFlush(HTTPClientRequestPart.end(nil))).map { _ in }
        }
        ready.whenFailure { promise.fail($0) }
        return try await promise.futureResult.get()
    }

    static func exchangeFailure(_ error: any Error, deadline: ProbeDeadline) -> FailureClass {
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
