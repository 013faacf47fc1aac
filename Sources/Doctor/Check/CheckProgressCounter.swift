import Foundation
import ModuleFetch

/// Counts what a running `check` has finished and hands each step to the progress callback,
/// one at a time and in order (under a lock: endpoints finish on many tasks at once; NSLock,
/// not Synchronization's Mutex, which needs macOS 15).
final class CheckProgressCounter: @unchecked Sendable {
    let endpoints: Int
    let modules: Int
    let report: (@Sendable (CheckProgress) -> Void)?
    private let lock = NSLock()
    private var done = 0

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

    /// One module as its fetch ends (FetchRun.onOutcome).
    func fetched(_ outcome: ModuleFetchOutcome) {
        step(CheckProgress.Item(kind: .module, subject: "\(outcome.path)@\(outcome.version)",
                                layer: outcome.failure?.layer.rawValue, passed: outcome.status != .fails))
    }

    /// The toolchain's fetch, which FetchRun reports only with the whole report.
    func fetchedToolchain(_ report: FetchRun.Report) {
        if let outcome = report.toolchain?.fetch { fetched(outcome) }
    }

    private func step(_ item: CheckProgress.Item) {
        guard let report else { return }
        lock.withLock {
            done += 1
            report(CheckProgress(endpoints: endpoints, modules: modules, done: done, finished: item))
        }
    }
}
