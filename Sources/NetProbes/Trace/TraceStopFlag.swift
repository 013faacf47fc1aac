import Foundation

/// Set from a task's cancellation handler, read by the thread that drives a trace.
final class TraceStopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    func stop() { lock.withLock { stopped = true } }
    var isStopped: Bool { lock.withLock { stopped } }
}
