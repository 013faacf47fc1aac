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

    /// Every error in `input`, explained in input order.
    public static func explainAll(_ input: String) -> [ErrorExplanation] {
        GoErrorSplitter.split(input).map(explain)
    }

    /// One error, as cut by `GoErrorSplitter`.
    public static func explain(_ text: String) -> ErrorExplanation {
        var facts = GoErrorFacts.extract(from: text)
        let classification = GoErrorClassifier.classify(text, facts: facts)
        let commands = ExplainNextSteps.commands(for: classification, facts: facts)
        facts.url = facts.url.map(SecretRedactorBridge.redact)
        facts.message = SecretRedactorBridge.redact(facts.message)
        return ErrorExplanation(text: SecretRedactorBridge.redact(text), facts: facts, classification: classification, commands: commands)
    }
}
