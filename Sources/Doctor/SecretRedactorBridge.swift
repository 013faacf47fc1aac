import GoModConfig

/// Findings redact at creation through the same redactor that configuration evidence uses.
enum SecretRedactorBridge {
    static func redact(_ text: String) -> String { SecretRedactor.redact(text) }
}
