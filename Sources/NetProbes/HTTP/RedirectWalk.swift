/// The redirect rules of the go command's HTTP client, as a state machine over URLs
/// (cmd/go/internal/web/http.go securityPreservingHTTPClient.CheckRedirect): at most 10
/// redirects, never from an https start to a non-https URL. Loops are named as such (the
/// go command would only say "stopped after 10 redirects").
public struct RedirectWalk: Sendable, Equatable {
    public static let maxRedirects = 10

    /// Every URL requested so far, first one first.
    public private(set) var visited: [HTTPRequestURL]

    public init(start: HTTPRequestURL) {
        visited = [start]
    }

    public enum Decision: Sendable, Equatable {
        case follow(HTTPRequestURL)
        case stop(FailureClass)
    }

    /// Decides on a redirect from the last visited URL to `next`; on `.follow` it is recorded.
    public mutating func redirect(to next: HTTPRequestURL) -> Decision {
        guard let first = visited.first, let last = visited.last else { return .stop(FailureClass("other", "empty walk")) }
        if first.isSecure, !next.isSecure {
            return .stop(FailureClass("insecure-redirect",
                                      "redirected from secure URL \(last.redacted) to insecure URL \(next.redacted)"))
        }
        if visited.count >= Self.maxRedirects {
            return .stop(FailureClass("too-many-redirects", "stopped after 10 redirects"))
        }
        if let index = visited.firstIndex(of: next) {
            let loop = (visited[index...].map(\.redacted) + [next.redacted]).joined(separator: " -> ")
            return .stop(FailureClass("redirect-loop", "redirect loop: \(loop) (the go command stops after 10 redirects)"))
        }
        visited.append(next)
        return .follow(next)
    }

    /// Whether a status code is a redirect the client follows (net/http redirectBehavior).
    public static func isRedirect(_ status: Int) -> Bool {
        [301, 302, 303, 307, 308].contains(status)
    }
}
