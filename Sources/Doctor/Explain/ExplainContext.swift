import GoModConfig

/// What `explain` knows besides the error text: the GOPROXY list the failing run used. Some
/// errors read the same for different configurations — `module lookup disabled by GOPROXY=off`
/// is printed both for `GOPROXY=off` and for `GOPROXY=p,off` after `p` answered not-found
/// (cmd/go/internal/modfetch/proxy.go TryProxies) — and only the list tells them apart.
public struct ExplainContext: Sendable, Equatable {
    /// The GOPROXY value of the failing run, nil when unknown.
    public var goproxy: String?

    public init(goproxy: String? = nil) {
        self.goproxy = goproxy
    }

    /// The run's GOPROXY: an assignment in the pasted text (`GOPROXY=… go mod download`, a
    /// pasted `go env` line) wins, since it describes the failing run; else the resolved
    /// environment of this machine; else unknown.
    public static func from(input: String, env: ResolvedGoEnv?) -> ExplainContext {
        ExplainContext(goproxy: goproxyAssignment(in: input) ?? env.map { $0["GOPROXY"] })
    }

    /// True when the list ends in `off` after at least one other entry (`https://p,off`).
    public var goproxyHasEntriesBeforeOff: Bool {
        guard let goproxy else { return false }
        let entries = goproxy.split(whereSeparator: { $0 == "," || $0 == "|" }).map { $0.filter { $0 != " " } }.filter { !$0.isEmpty }
        return entries.count > 1 && entries.last == "off"
    }

    /// The value of the last `GOPROXY=` assignment in `input`, quotes removed; the go command's
    /// own `disabled by GOPROXY=off` is not an assignment.
    static func goproxyAssignment(in input: String) -> String? {
        var found: String?
        var rest = Substring(input)
        while let range = rest.range(of: "GOPROXY=") {
            let before = rest[..<range.lowerBound]
            var value = rest[range.upperBound...].prefix { !" \t\n".contains($0) }
            rest = rest[range.upperBound...]
            if before.hasSuffix("disabled by ") { continue }
            if let first = value.first, first == "'" || first == "\"" {
                value = value.dropFirst()
                if value.last == first { value = value.dropLast() }
            }
            if !value.isEmpty { found = String(value) }
        }
        return found
    }
}
