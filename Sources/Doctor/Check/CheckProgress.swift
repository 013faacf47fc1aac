/// One step of a running `check`, handed to `CheckRun.progress`: how much is done out of how
/// much, and what just finished. `finished` is nil for the first event (nothing done yet).
public struct CheckProgress: Sendable, Equatable {
    public enum Kind: String, Sendable { case endpoint, module }

    /// What just finished: an endpoint key (`https://host:443`) or `path@version`, and whether it passed.
    public struct Item: Sendable, Equatable {
        public var kind: Kind
        public var subject: String
        /// The layer that decided it (the endpoint's broken or last probed layer, a module's
        /// failing layer); nil when nothing was probed.
        public var layer: String?
        public var passed: Bool

        public init(kind: Kind, subject: String, layer: String?, passed: Bool) {
            self.kind = kind
            self.subject = subject
            self.layer = layer
            self.passed = passed
        }
    }

    public var endpoints: Int
    public var modules: Int
    public var done: Int
    public var finished: Item?

    public init(endpoints: Int, modules: Int, done: Int, finished: Item?) {
        self.endpoints = endpoints
        self.modules = modules
        self.done = done
        self.finished = finished
    }

    public var total: Int { endpoints + modules }
}
