import GoModConfig

/// Where `explain` stopped reading its input, and which limit made it stop: hostile or huge
/// input is bounded (GoErrorSplitter), but never silently — the person is told that the rest
/// was not explained and from where.
public struct ExplainInputCut: Sendable, Equatable, Codable {
    public enum Limit: String, Sendable, Codable {
        /// The input was longer than `GoErrorSplitter.maximumInputBytes`.
        case bytes
        /// The input held more errors than `GoErrorSplitter.maximumEntries`.
        case errors
    }

    public var limit: Limit
    /// The limit's value (1048576 bytes, 100 errors).
    public var maximum: Int
    /// The 1-based input line where reading stopped (for bytes: the line holding the cut).
    public var line: Int
    /// For bytes: how many bytes the input had at least (the CLI reads one byte past the limit).
    public var inputBytes: Int?

    public init(limit: Limit, maximum: Int, line: Int, inputBytes: Int? = nil) {
        self.limit = limit
        self.maximum = maximum
        self.line = line
        self.inputBytes = inputBytes
    }
}

/// Every error of an input, explained, with the cuts the limits made.
public struct ExplainResult: Sendable, Equatable {
    public var explanations: [ErrorExplanation]
    public var cuts: [ExplainInputCut]
}

extension GoErrorSplitter {
    /// The errors of `input` and where the limits cut it. `inputBytes`: the size of the input
    /// the caller had (more than `input` when it stopped reading early); nil: `input` is whole.
    public static func splitReporting(_ input: String, inputBytes: Int? = nil) -> (entries: [String], cuts: [ExplainInputCut]) {
        let utf8 = input.utf8
        var text = input
        var cuts: [ExplainInputCut] = []
        let total = max(inputBytes ?? utf8.count, utf8.count)
        if total > maximumInputBytes {
            let kept = utf8.prefix(maximumInputBytes)
            text = String(decoding: kept, as: UTF8.self)
            let line = kept.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            cuts.append(ExplainInputCut(limit: .bytes, maximum: maximumInputBytes, line: line, inputBytes: total))
        }
        let (entries, stopped) = splitCounting(text)
        if let stopped {
            cuts.insert(ExplainInputCut(limit: .errors, maximum: maximumEntries, line: stopped), at: 0)
        }
        return (entries, cuts)
    }
}

extension ErrorExplanation {
    /// `explainAll`, with the cuts the input limits made (`inputBytes` as in `splitReporting`).
    public static func explainAllReporting(_ input: String, inputBytes: Int? = nil, env: ResolvedGoEnv? = nil) -> ExplainResult {
        let (entries, cuts) = GoErrorSplitter.splitReporting(input, inputBytes: inputBytes)
        let context = ExplainContext.from(input: input, env: env)
        return ExplainResult(explanations: entries.map { explain($0, context: context, env: env) }, cuts: cuts)
    }
}
