import Foundation
import NIOCore

/// The CONNECT tunnel through an HTTP proxy (https targets), as net/http transport.go dialConn
/// sets it up, and what its answer means.
extension HTTPHopRunner {
    /// Sends CONNECT and returns the proxy's answer, or why there was none (closed, reset,
    /// `HTTPExchangeError.noResponse` when nothing came within the first-byte bound).
    func connectTunnel(_ channel: any Channel, to url: HTTPRequestURL, proxy: HTTPRequestURL,
                       deadline: ProbeDeadline) async -> Result<ProxyConnectAnswer, any Error> {
        let promise = channel.eventLoop.makePromise(of: ProxyConnectAnswer.self)
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
        if let bound = options.firstByteTimeout {
            let seconds = PhaseClock.seconds(bound)
            let timer = channel.eventLoop.scheduleTask(in: PhaseClock.timeAmount(bound)) {
                promise.fail(HTTPExchangeError.noResponse(seconds: seconds))
            }
            promise.futureResult.whenComplete { _ in timer.cancel() }
        }
        do {
            return .success(try await promise.futureResult.get())
        } catch {
            return .failure(error)
        }
    }

    /// nil when the tunnel is up (200). "proxy-connect-refused" for any other answer (the
    /// detail says what the proxy said; the go command's text is built by HTTPClient);
    /// "no-response" for a proxy that accepted the connection and never answered;
    /// "proxy-connect" when it closed the connection or the deadline came first.
    static func tunnelFailure(_ answer: Result<ProxyConnectAnswer, any Error>, proxy: HTTPRequestURL, url: HTTPRequestURL,
                       deadline: ProbeDeadline) -> FailureClass? {
        switch answer {
        case .failure(HTTPExchangeError.noResponse(let seconds)):
            return FailureClass("no-response", "connected to proxy \(proxy.redacted) but no answer to CONNECT \(url.hostPort) in "
                                + "\(PhaseClock.formatSeconds(seconds)): the proxy accepts connections and never answers")
        case .failure:
            let why = deadline.hasPassed ? "no answer before the deadline" : "the proxy closed the connection"
            return FailureClass("proxy-connect", "proxyconnect tcp: CONNECT \(url.hostPort) via \(proxy.redacted): \(why)")
        case .success(let answer):
            if answer.code == 200 { return nil }
            var detail = "proxy \(proxy.redacted) refused CONNECT \(url.hostPort) → \(Self.status(ofLine: answer.statusLine))"
            if answer.code == 407 {
                detail += ": the proxy wants credentials" + (answer.proxyAuthenticate.map { " (Proxy-Authenticate: \($0))" } ?? "")
            } else if let body = answer.bodyFirstLine {
                detail += ": \(body)"
            }
            return FailureClass("proxy-connect-refused", detail)
        }
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
}

extension HTTPProxyUse {
    mutating func record(_ answer: ProxyConnectAnswer) {
        connectStatus = HTTPHopRunner.status(ofLine: answer.statusLine)
        connectStatusCode = answer.code
        connectStatusLine = answer.statusLine
        proxyAuthenticate = answer.proxyAuthenticate
        connectBody = answer.bodyFirstLine
    }
}
