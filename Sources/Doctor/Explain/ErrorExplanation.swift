import GoModConfig

/// One pasted go error, explained: the text (redacted), what it names, where it broke and
/// what to run next. Report renders the cause sentence (`explain.cause.<cause>`) in en/zh.
public struct ErrorExplanation: Sendable, Equatable, Codable {
    public var text: String
    public var facts: GoErrorFacts
    public var classification: GoErrorClassification
    public var commands: [String]

    public init(text: String, facts: GoErrorFacts, classification: GoErrorClassification, commands: [String]) {
        self.text = text
        self.facts = facts
        self.classification = classification
        self.commands = commands
    }

    /// Every error in `input`, explained in input order. `env` is the user's resolved go
    /// environment when known (the CLI resolves it): it shapes the commands (`export` when the
    /// shell sets a variable) and supplies GOPROXY when the pasted text does not show it.
    public static func explainAll(_ input: String, env: ResolvedGoEnv? = nil) -> [ErrorExplanation] {
        let context = ExplainContext.from(input: input, env: env)
        return GoErrorSplitter.split(input).map { explain($0, context: context, env: env) }
    }

    /// One error, as cut by `GoErrorSplitter`.
    public static func explain(_ text: String, context: ExplainContext = ExplainContext(), env: ResolvedGoEnv? = nil) -> ErrorExplanation {
        var facts = GoErrorFacts.extract(from: text)
        let classification = GoErrorClassifier.classify(text, facts: facts, context: context)
        let commands = ExplainNextSteps.commands(for: classification, facts: facts, env: env)
        facts.url = facts.url.map(SecretRedactorBridge.redact)
        facts.message = SecretRedactorBridge.redact(facts.message)
        return ErrorExplanation(text: SecretRedactorBridge.redact(text), facts: facts, classification: classification, commands: commands)
    }
}
