import Foundation

/// ping, as a probe: resolves the host (getaddrinfo), opens the unprivileged datagram ICMP
/// socket where net.ipv4.ping_group_range allows it and a raw socket otherwise, sends
/// `options.count` echo requests and returns every request's fate plus ping's statistics.
///
/// Failure codes: "nxdomain" / "resolve" (no address), "no-address" (none of the requested
/// family), "not-permitted" (neither socket kind could be opened), "unreachable" (ICMP
/// destination unreachable, or no route to send), "time-exceeded", "blocked" (a local firewall
/// refused the send), "timeout" (no reply at all). Partial loss is `.ok` with the loss in the
/// evidence.
public struct ICMPEchoProbe: Sendable {
    public var options: PingOptions

    public init(options: PingOptions = PingOptions()) {
        self.options = options
    }

    /// `onProgress` sees the chosen socket and then each request's fate as it is settled (for
    /// live output, like ping's lines); after `.started` it runs on the pinger's thread.
    public func run(_ host: String, deadline: ProbeDeadline,
                    onProgress: (@Sendable (PingProgress) -> Void)? = nil) async -> ProbeResult<PingEvidence> {
        let start = ContinuousClock.now
        var evidence = PingEvidence(host: host, options: options)
        func result(_ outcome: ProbeOutcome) -> ProbeResult<PingEvidence> {
            ProbeResult(target: host, outcome: outcome, evidence: evidence,
                        durationSeconds: PlatformAddressResolver.seconds(since: start))
        }
        let resolution = await PlatformAddressResolver.resolve(host, deadline: deadline)
        evidence.resolvedAddresses = resolution.addresses
        evidence.resolutionError = resolution.error
        if let error = resolution.error {
            return result(.failed(FailureClass(resolution.errorClass == "nxdomain" ? "nxdomain" : "resolve", "\(host): \(error)")))
        }
        guard let address = resolution.addresses.first(where: { options.family == nil || $0.family == options.family }) else {
            return result(.failed(FailureClass("no-address", "\(host): no \(options.family?.rawValue ?? "IP") address")))
        }
        evidence.address = address
        let opened = openSocket(family: address.family)
        evidence.socketErrors = opened.errors
        guard let socket = opened.socket else {
            let detail = opened.errors.map(\.description).joined(separator: "; ")
            return result(.failed(FailureClass("not-permitted", detail)))
        }
        evidence.socketKind = socket.kind
        onProgress?(.started(address: address, socket: socket.kind, socketErrors: opened.errors))
        var onUpdate: (@Sendable (PingReply) -> Void)?
        if let onProgress { onUpdate = { reply in onProgress(.settled(reply)) } }
        let (session, completed) = await runLoop(socket: socket, address: address.ip, deadline: deadline, onUpdate: onUpdate)
        evidence.record(session, completed: completed)
        return result(Self.outcome(evidence))
    }

    /// The socket to use, and the errors of the kinds tried before it (or of all, when none opened).
    func openSocket(family: AddressFamily) -> (socket: ICMPEchoSocket?, errors: [ICMPSocketOpenError]) {
        let kinds: [ICMPSocketKind] = switch options.socket {
        case .automatic: [.datagram, .raw]
        case .datagram: [.datagram]
        case .raw: [.raw]
        }
        var errors: [ICMPSocketOpenError] = []
        for kind in kinds {
            switch ICMPEchoSocket.open(family: family, kind: kind) {
            case .success(let socket): return (socket, errors)
            case .failure(let error): errors.append(error)
            }
        }
        return (nil, errors)
    }

    /// Runs the blocking loop on its own thread; task cancellation raises its stop flag.
    private func runLoop(socket: ICMPEchoSocket, address: String, deadline: ProbeDeadline,
                         onUpdate: (@Sendable (PingReply) -> Void)?) async -> (PingSession, Bool) {
        let stop = StopFlag()
        let loop = UncheckedPingLoop(PingLoop(socket: socket, address: address, options: options,
                                              identifier: UInt16.random(in: 1...UInt16.max), nonce: UInt64.random(in: 1...UInt64.max),
                                              deadline: deadline, stopFlag: stop, onUpdate: onUpdate))
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<(PingSession, Bool), Never>) in
                Thread.detachNewThread {
                    let outcome = loop.value.run()
                    continuation.resume(returning: (outcome.session, outcome.completed))
                }
            }
        } onCancel: {
            stop.raise()
        }
    }

    /// The classified outcome of a finished run.
    static func outcome(_ evidence: PingEvidence) -> ProbeOutcome {
        if evidence.received > 0 { return .ok }
        let target = evidence.address?.ip ?? evidence.host
        let errors = evidence.replies.filter { $0.status == .icmpError }
        if let first = errors.first(where: { $0.icmpError?.kind == "unreachable" }) ?? errors.first {
            let code = first.icmpError?.kind == "time-exceeded" ? "time-exceeded" : "unreachable"
            return .failed(FailureClass(code, "From \(first.from ?? target) icmp_seq=\(first.sequence) \(first.detail ?? "")"))
        }
        if let sendError = evidence.replies.first(where: { $0.status == .sendError }) {
            // The same errno classes as a TCP connect: no route is "unreachable", EPERM "blocked".
            let result = sendError.sendErrno.map(TCPFailureClassifier.result(forConnectErrno:)) ?? .error
            return .failed(FailureClass(result.rawValue, "\(target): \(sendError.detail ?? "send failed")"))
        }
        return .failed(FailureClass("timeout", "\(target): \(evidence.transmitted) packets transmitted, 0 received, 100% packet loss"))
    }
}

/// The loop owns a socket that only its thread touches; this box carries it across the
/// thread boundary once.
private struct UncheckedPingLoop: @unchecked Sendable {
    let value: PingLoop
    init(_ value: PingLoop) { self.value = value }
}
