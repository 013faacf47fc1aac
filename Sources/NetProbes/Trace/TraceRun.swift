/// What the driving thread hands back: the finished state machine and what the sockets said.
struct TraceRun: Sendable {
    var machine: TraceStateMachine
    var mechanism: String
    var errors: [String]
    var permissionDenied: Bool
}
