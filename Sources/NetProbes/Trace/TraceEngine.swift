import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drives a `TraceStateMachine` with real sockets on one thread: blocking poll(2) with short
/// timeouts, so the deadline and the stop flag are noticed within 50 ms.
enum TraceEngine {
    static func run(_ configuration: TraceConfiguration, destination: String, deadline: ProbeDeadline,
                    stop: TraceStopFlag) -> TraceRun {
        let start = ContinuousClock.now
        func now() -> Double {
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        var machine = TraceStateMachine(configuration: configuration, destination: destination, startingAt: 0)
        #if canImport(Glibc)
        let transport: any TraceTransport
        do {
            transport = try TraceTransports.open(configuration, destination: destination)
        } catch {
            machine.stop()
            let mechanism = configuration.method == .icmp ? "raw-socket" : "ip-recverr"
            return TraceRun(machine: machine, mechanism: mechanism, errors: [error.message], permissionDenied: error.isPermission)
        }
        defer { transport.close() }
        var errors: [String] = []
        loop: while true {
            if stop.isStopped || deadline.hasPassed {
                machine.stop()
                break
            }
            let step = machine.next(now: now())
            transport.prune { machine.isPending($0) }
            switch step {
            case .finished:
                break loop
            case .send(let probes):
                for probe in probes {
                    let sentAt = now()
                    if let problem = transport.send(probe) {
                        if !errors.contains(problem) { errors.append(problem) }
                    } else {
                        machine.sent(probe.id, at: sentAt)
                    }
                }
                for (id, answer) in transport.takeImmediate() { machine.answered(id, with: answer, at: now()) }
            case .wait(let until):
                let untilDeadline = Double(deadline.remaining.components.seconds)
                    + Double(deadline.remaining.components.attoseconds) / 1e18
                let wait = max(0, min(until - now(), untilDeadline, 0.05))
                var descriptors = transport.pollSet()
                let ready = poll(&descriptors, nfds_t(descriptors.count), Int32((wait * 1000).rounded(.up)))
                guard ready > 0 else { continue }
                for descriptor in descriptors where descriptor.revents != 0 {
                    for (id, answer) in transport.read(descriptor.fd, events: descriptor.revents) {
                        machine.answered(id, with: answer, at: now())
                    }
                }
            }
        }
        for problem in transport.errors where !errors.contains(problem) { errors.append(problem) }
        return TraceRun(machine: machine, mechanism: transport.mechanism, errors: errors, permissionDenied: false)
        #else
        machine.stop()
        return TraceRun(machine: machine, mechanism: "unavailable", errors: ["trace is implemented for Linux only"],
                        permissionDenied: false)
        #endif
    }
}
