import Foundation

/// When a background process counts as ready to serve.
public enum Readiness: Sendable {
    /// At once (after the process has started).
    case immediately
    /// Something listens on this TCP port inside the process's namespace.
    case tcpPort(Int)
    /// Something has this UDP port bound inside the process's namespace.
    case udpPort(Int)
    /// Its stdout or stderr contains this text.
    case outputContains(String)
}
