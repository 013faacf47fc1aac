import Foundation

/// How a command run by the lab ended, with its (bounded) output.
public struct CommandResult: Sendable, CustomStringConvertible {
    /// How the process ended.
    public enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signaled(Int32)
    }

    /// The argument vector as given (without the `ip netns exec` wrapper).
    public var argv: [String]
    public var termination: Termination
    /// True when the lab killed the command at its hard timeout.
    public var timedOut: Bool
    public var stdout: String
    public var stderr: String

    public init(argv: [String], termination: Termination, timedOut: Bool, stdout: String, stderr: String) {
        self.argv = argv
        self.termination = termination
        self.timedOut = timedOut
        self.stdout = stdout
        self.stderr = stderr
    }

    /// True for a normal exit with status 0.
    public var succeeded: Bool { termination == .exited(0) && !timedOut }

    /// The exit status, or nil when a signal ended the process.
    public var exitStatus: Int32? {
        if case .exited(let code) = termination { return code }
        return nil
    }

    public var description: String {
        let how = timedOut ? "timed out" : "\(termination)"
        return "\(argv.joined(separator: " ")) → \(how)\n\(stderr)"
    }

    /// Returns self when the command succeeded; otherwise throws with its stderr, so
    /// set-up steps fail loudly with the reason.
    @discardableResult
    public func check() throws(LabError) -> CommandResult {
        guard succeeded else {
            let how = timedOut ? "timed out" : "\(termination)"
            throw LabError(argv.joined(separator: " "), "\(how): \(stderr.isEmpty ? stdout : stderr)")
        }
        return self
    }
}
