/// Output language. Many users read Chinese first, so every user-facing sentence exists in both.
public enum Language: String, Sendable, Codable, CaseIterable {
    case en
    case zh = "zh-Hans"

    /// `--lang` values: "en", "zh", "zh-Hans", "zh_CN"…; nil when unknown.
    public init?(argument: String) {
        let lower = argument.lowercased()
        if lower.hasPrefix("zh") { self = .zh } else if lower.hasPrefix("en") { self = .en } else { return nil }
    }

    /// From LC_ALL, LC_MESSAGES, LANG (POSIX precedence); English unless they say Chinese.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}
