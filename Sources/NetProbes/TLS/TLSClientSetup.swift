import Foundation
import NIOCore
import NIOSSL
import X509

/// Runs a TLS client handshake on an already connected channel (TCP, or a CONNECT tunnel)
/// with NIOSSL's own verification replaced by a callback that only records the chain: the
/// chain is judged afterwards by `CertificateChainVerifier`, and callers must not send data
/// unless that verdict is trusted (or the user asked to be insecure).
public enum TLSClientSetup {
    /// `serverName` is the SNI (dropped for IP literals). The channel is closed on failure.
    public static func handshake(on channel: any Channel, serverName: String, alpn: [String],
                                 deadline: ProbeDeadline) async -> TLSHandshakeReport {
        let start = ContinuousClock.now
        // Taken now: once the peer has closed, a failed channel may no longer know its address.
        let remote = channel.remoteAddress
        let observation = TLSHandshakeObservation()
        let sni = ResolvedAddress(literal: serverName) == nil ? serverName : nil
        let promise = channel.eventLoop.makePromise(of: String?.self)
        let configuration = clientConfiguration(alpn: alpn)
        let added: EventLoopFuture<Void> = channel.eventLoop.submit {
            let context = try NIOSSLContext(configuration: configuration)
            let handler = try NIOSSLClientHandler(context: context, serverHostname: sni) { certificates, verdict in
                observation.record(chain: certificates)
                verdict.succeed(.certificateVerified)
            }
            let operations = channel.pipeline.syncOperations
            try operations.addHandler(TLSFirstBytesRecorder(observation: observation))
            try operations.addHandler(handler)
            try operations.addHandler(TLSHandshakeWaiter(promise: promise))
        }
        added.whenFailure { promise.fail($0) }
        let timer = channel.eventLoop.scheduleTask(deadline: NIODeadline.now() + PhaseClock.timeAmount(deadline.remaining)) {
            promise.fail(ChannelError.connectTimeout(.nanoseconds(0)))
            channel.close(promise: nil)
        }
        defer { timer.cancel() }
        var negotiated: String?
        var failure: FailureClass?
        do {
            negotiated = try await withTaskCancellationHandler {
                try await promise.futureResult.get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch {
            failure = TLSHandshakeClassifier.classify(firstBytes: observation.firstBytes, error: error,
                                                      deadlinePassed: deadline.hasPassed || Task.isCancelled,
                                                      waitedSeconds: PhaseClock.seconds(since: start),
                                                      peer: peerName(serverName, remote ?? channel.remoteAddress),
                                                      receivedBytes: observation.receivedBytes)
            channel.close(promise: nil)
        }
        var version: String?
        var cipher: String?
        if case .serverHello(let hello) = ServerHelloParser.parse(observation.firstBytes) {
            version = ServerHelloParser.versionName(hello.version)
            cipher = TLSCipherSuiteNames.name(hello.cipherSuite)
        }
        let der = observation.chain
        let summaries = der.compactMap { bytes in (try? Certificate(derEncoded: bytes)).map { CertificateSummary($0, der: bytes) } }
        return TLSHandshakeReport(serverName: sni, completed: failure == nil, protocolVersion: version, cipherSuite: cipher,
                                  alpn: negotiated, chain: summaries, chainDER: der, failure: failure,
                                  durationSeconds: PhaseClock.seconds(since: start))
    }

    /// Passes on what the server sent after the handshake and resumes reading. Call it on the
    /// channel's event loop once the handlers for the negotiated protocol are in the pipeline;
    /// a channel without TLS (or already released) is left as it is.
    public static func releaseHeldReads(_ operations: ChannelPipeline.SynchronousOperations) {
        let waiter: TLSHandshakeWaiter
        do {
            waiter = try operations.handler(type: TLSHandshakeWaiter.self)
        } catch {
            return   // ChannelPipelineError.notFound: nothing is held
        }
        operations.removeHandler(waiter, promise: nil)
    }

    /// "proxy.golang.org (10.0.0.1:443)", or the address alone when the name is that address.
    static func peerName(_ serverName: String, _ address: SocketAddress?) -> String {
        guard let ip = address?.ipAddress, let port = address?.port else { return serverName }
        let endpoint = ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
        return ip == serverName ? endpoint : "\(serverName) (\(endpoint))"
    }

    /// NIOSSL's own checks stay out of the way: the custom callback decides (and accepts),
    /// so no roots are loaded here.
    static func clientConfiguration(alpn: [String]) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .noHostnameVerification
        configuration.trustRoots = .certificates([])
        configuration.applicationProtocols = alpn
        return configuration
    }
}
