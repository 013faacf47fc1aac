import Foundation

/// The `explain --json` document: one entry per error found in the
/// input, each with what it names, where it broke, the cause sentence and the next commands.
public struct ExplainReport: Sendable, Codable {
    public struct Entry: Sendable, Codable {
        public var text: String
        public var message: String
        public var module: String?
        public var version: String?
        public var url: String?
        public var host: String?
        public var address: String?
        public var dnsServer: String?
        public var status: Int?
        public var stage: String?
        public var layer: Layer
        public var failureClass: String
        public var cause: String
        public var explanation: String
        public var commands: [String]

        enum CodingKeys: String, CodingKey {
            case text, message, module, version, url, host, address, dnsServer, status, stage, layer
            case failureClass = "class"
            case cause, explanation, commands
        }
    }

    public var schemaVersion = DoctorVersion.jsonSchemaVersion
    public var tool = EnvReport.Tool()
    public var language: Language
    public var errors: [Entry]
    /// Where the input limits stopped the reading (empty when the whole input was read).
    public var inputCuts: [InputCut] = []

    /// One cut, with its sentence in the report's language.
    public struct InputCut: Sendable, Codable {
        public var limit: ExplainInputCut.Limit
        public var maximum: Int
        public var line: Int
        public var inputBytes: Int?
        public var message: String
    }

    public init(_ result: ExplainResult, language: Language) {
        self.init(result.explanations, language: language)
        let catalog = MessageCatalog(language: language)
        inputCuts = result.cuts.map { cut in
            let arguments = ["maximum": String(cut.maximum), "line": String(cut.line),
                             "inputBytes": cut.inputBytes.map(String.init) ?? "?", "explained": String(errors.count)]
            return InputCut(limit: cut.limit, maximum: cut.maximum, line: cut.line, inputBytes: cut.inputBytes,
                            message: catalog.text("explain.cut.\(cut.limit.rawValue)", arguments))
        }
    }

    public init(_ explanations: [ErrorExplanation], language: Language) {
        let catalog = MessageCatalog(language: language)
        self.language = language
        errors = explanations.map { item in
            let facts = item.facts
            var arguments: [String: String] = [:]
            arguments["module"] = facts.module ?? "?"
            arguments["version"] = facts.version ?? "?"
            arguments["url"] = facts.url ?? "?"
            arguments["host"] = facts.host ?? facts.module.map(PrivateModuleHeuristic.host(of:)) ?? "?"
            arguments["address"] = facts.address ?? facts.host ?? "?"
            arguments["dnsServer"] = facts.dnsServer ?? "?"
            arguments["status"] = facts.status.map(String.init) ?? "?"
            return Entry(text: item.text, message: facts.message, module: facts.module, version: facts.version, url: facts.url,
                         host: facts.host, address: facts.address, dnsServer: facts.dnsServer, status: facts.status,
                         stage: item.classification.stage, layer: item.classification.layer,
                         failureClass: item.classification.failureClass, cause: item.classification.cause,
                         explanation: catalog.text("explain.cause.\(item.classification.cause)", arguments),
                         commands: item.commands)
        }
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
