import Foundation

/// traceroute / mtr as a probe: every TTL probed at once, several rounds for loss and RTT
/// statistics, ending at the destination, at a path-ending answer or at the maximum TTL.
///
/// Outcome codes: ok (the destination answered — also a firewall's RST sent in its name),
/// "unreachable" (an ICMP unreachable with a mark like !H/!X ended the path), "rejected"
/// (ICMP port unreachable from a hop that is not the destination: a REJECT rule),
/// "path-silent" (hops answered, then nothing up to the maximum TTL: a silent drop after
/// `silentAfterHop`), "no-answer" (nothing answered at all), "resolve" (the name did not
/// resolve), "permission" (the socket needs privileges), "local-error" (sending failed).
public struct TraceProbe: Sendable {
    public var configuration: TraceConfiguration

    public init(configuration: TraceConfiguration = TraceConfiguration()) {
        self.configuration = configuration
    }

    public func run(_ host: String, deadline: ProbeDeadline) async -> ProbeResult<TraceEvidence> {
        let start = ContinuousClock.now
        let resolution = await PlatformAddressResolver.resolve(host, deadline: deadline.capped(at: .seconds(10)))
        let configuration = self.configuration
        let candidates = resolution.addresses.filter { configuration.family == nil || $0.family == configuration.family }
        guard let address = candidates.first else {
            let evidence = TraceEvidence(host: host, address: nil, family: nil, configuration: configuration,
                                         mechanism: mechanism, errors: [resolution.error ?? "no address of the requested family"])
            let detail = "\(host): " + (resolution.error ?? "no \(configuration.family?.rawValue ?? "IP") address")
            return ProbeResult(target: host, outcome: .failed(FailureClass("resolve", detail)), evidence: evidence,
                               durationSeconds: Self.seconds(since: start))
        }
        let stop = TraceStopFlag()
        let run = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<TraceRun, Never>) in
                Thread.detachNewThread {
                    continuation.resume(returning: TraceEngine.run(configuration, destination: address.ip,
                                                                   deadline: deadline, stop: stop))
                }
            }
        } onCancel: {
            stop.stop()
        }
        var hops = run.machine.hops()
        if configuration.resolveNames, !deadline.hasPassed {
            let names = await TraceNameResolver.names(for: hops.flatMap(\.addresses), deadline: deadline.capped(at: .seconds(3)))
            for index in hops.indices {
                for responder in hops[index].responders.indices {
                    hops[index].responders[responder].name = names[hops[index].responders[responder].ip]
                }
            }
        }
        let evidence = TraceEvidence(
            host: host, address: address.ip, family: address.family, configuration: configuration,
            mechanism: run.mechanism, hops: hops, reachedDestination: run.machine.reachedDestination,
            endHop: run.machine.endTTL, lastAnswer: run.machine.lastAnswer, silentAfterHop: run.machine.silentAfterHop,
            errors: run.errors)
        return ProbeResult(target: host, outcome: Self.outcome(evidence, permissionDenied: run.permissionDenied),
                           evidence: evidence, durationSeconds: Self.seconds(since: start))
    }

    var mechanism: String { configuration.method == .icmp ? "raw-socket" : "ip-recverr" }

    /// Classifies a finished trace (pure; unit-tested).
    public static func outcome(_ evidence: TraceEvidence, permissionDenied: Bool = false) -> ProbeOutcome {
        let target = evidence.address ?? evidence.host
        if permissionDenied {
            return .failed(FailureClass("permission", evidence.errors.first ?? "permission denied"))
        }
        if evidence.reachedDestination { return .ok }
        let answered = evidence.hops.contains { !$0.responders.isEmpty }
        if !answered, let error = evidence.errors.first {
            return .failed(FailureClass("local-error", error))
        }
        if let end = evidence.endHop, let last = evidence.lastAnswer {
            switch last.kind {
            case .portUnreachable:
                return .failed(FailureClass("rejected", "hop \(end) (\(last.from)) rejected the probe to \(target): ICMP port unreachable"))
            case .unreachable:
                return .failed(FailureClass("unreachable", "hop \(end) (\(last.from)) answered \(last.annotation ?? "unreachable") for \(target)"))
            default:
                return .failed(FailureClass("unreachable", "hop \(end) (\(last.from)) answered \(last.kind.rawValue) for \(target)"))
            }
        }
        let maxTTL = evidence.configuration.maxTTL
        guard let silent = evidence.silentAfterHop, silent > 0 else {
            return .failed(FailureClass("no-answer", "nothing answered on the way to \(target) up to TTL \(maxTTL)"))
        }
        let lastAddress = evidence.hops.last { $0.ttl == silent }?.addresses.first ?? "?"
        return .failed(FailureClass("path-silent",
                                    "no answer after hop \(silent) (\(lastAddress)) on the way to \(target) up to TTL \(maxTTL)"))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
