import ModuleFetch
import Synchronization

/// Counts what a running `check` has finished and hands each step to the progress callback,
/// one at a time and in order (under a lock: endpoints finish on many tasks at once).
final class CheckProgressCounter: Sendable {
    let endpoints: Int
    let modules: Int
    let report: (@Sendable (CheckProgress) -> Void)?
    private let done = Mutex(0)

    init(endpoints: Int, modules: Int, report: (@Sendable (CheckProgress) -> Void)?) {
        self.endpoints = endpoints
        self.modules = modules
        self.report = report
    }

    /// The first event: the totals, nothing done yet.
    func start() {
        guard let report else { return }
        report(CheckProgress(endpoints: endpoints, modules: modules, done: 0, finished: nil))
    }

    func finished(endpoint key: String, verdict: EndpointVerdict) {
        let decided = verdict.rootLayer ?? verdict.layers.last { $0.status != .skipped }?.layer
        step(CheckProgress.Item(kind: .endpoint, subject: key, layer: decided?.rawValue, passed: verdict.rootLayer == nil))
    }

    /// Every module of the fetch (FetchRun reports them together when it is done).
    func fetched(_ report: FetchRun.Report) {
        for outcome in report.modules + (report.toolchain?.fetch.map { [$0] } ?? []) {
            step(CheckProgress.Item(kind: .module, subject: "\(outcome.path)@\(outcome.version)",
                                    layer: outcome.failure?.layer.rawValue, passed: outcome.status != .fails))
        }
    }

    private func step(_ item: CheckProgress.Item) {
        guard let report else { return }
        done.withLock { count in
            count += 1
            report(CheckProgress(endpoints: endpoints, modules: modules, done: count, finished: item))
        }
    }
}
