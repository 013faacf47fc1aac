/// Every user-facing sentence, by key, in English and Simplified Chinese. Templates use
/// `{name}` placeholders filled from a finding's arguments.
public struct MessageCatalog: Sendable {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    /// The sentence for `key` with `{name}` placeholders replaced; the key itself when missing
    /// (tests check that no key is missing).
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        guard let entry = Self.entries[key] else { return key }
        var text = language == .zh ? entry.zh : entry.en
        for (name, value) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    public static func has(_ key: String) -> Bool { entries[key] != nil }

    public static var keys: [String] { entries.keys.sorted() }

    static let entries: [String: (en: String, zh: String)] = FindingMessages.entries
        .merging(FixMessages.entries) { first, _ in first }
        .merging(GoAuthMessages.entries) { first, _ in first }
        .merging(ToolchainMessages.entries) { first, _ in first }
        .merging(InterfaceMessages.entries) { first, _ in first }
        .merging(TLSMessages.entries) { first, _ in first }
        .merging(HTTPMessages.entries) { first, _ in first }
        .merging(DNSMessages.entries) { first, _ in first }
        .merging(DNSTruncationMessages.entries) { first, _ in first }
        .merging(ICMPMessages.entries) { first, _ in first }
        .merging(TCPMessages.entries) { first, _ in first }
        .merging(TraceMessages.entries) { first, _ in first }
        .merging(FetchMessages.entries) { first, _ in first }
        .merging(EndpointMessages.entries) { first, _ in first }
        .merging(ExplainMessages.entries) { first, _ in first }
        .merging(ExplainCatalogueMessages.entries) { first, _ in first }
        .merging(FixPlanMessages.entries) { first, _ in first }
        .merging(EnvDiffMessages.entries) { first, _ in first }
        .merging(VerifyMessages.entries) { first, _ in first }
        .merging(CheckMessages.entries) { first, _ in first }
        .merging(CheckDNSMessages.entries) { first, _ in first }
        .merging(DNSServfailMessages.entries) { first, _ in first }
        .merging(CheckOutputMessages.entries) { first, _ in first }
        .merging(CheckScenarioMessages.entries) { first, _ in first }
        .merging(FixCheckMessages.entries) { first, _ in first }
        .merging(CheckVerdictMessages.entries) { first, _ in first }
        .merging(HTTPStallMessages.entries) { first, _ in first }
        .merging(ConfigFileMessages.entries) { first, _ in first }
        .merging(ListMessages.entries) { first, _ in first }
}
