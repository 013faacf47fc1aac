/// A tolerant reading of an `env --json` document (docs/json-schema.md): every field is
/// optional and malformed array elements are dropped, so snapshots from older or newer
/// gomod-doctor versions (or hand-trimmed ones) still compare.
public struct EnvDiffSnapshot: Decodable, Sendable, Equatable {
    public struct Variable: Decodable, Sendable, Equatable {
        public var name: String
        public var value: String?
        public var source: String?
        public var origin: String?
    }

    public struct FindingSummary: Sendable, Equatable, Codable {
        public var id: String
        public var severity: String?
        public var target: String?
        public var message: String?
    }

    public struct Step: Decodable, Sendable, Equatable {
        public var kind: String?
        public var url: String?
        public var action: String?
    }

    public struct Checksum: Decodable, Sendable, Equatable {
        public var database: String?
        public var skippedBecause: String?
    }

    public struct Module: Decodable, Sendable, Equatable {
        public var path: String
        public var version: String?
        public var disposition: String?
        public var sources: [Step]?
        public var checksum: Checksum?
    }

    public struct Installation: Decodable, Sendable, Equatable {
        public var versionText: String?
    }

    public struct Routes: Decodable, Sendable, Equatable {
        public var modules: [Module]

        enum CodingKeys: String, CodingKey { case modules }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            modules = (try? container.decodeIfPresent(Lossy<Module>.self, forKey: .modules))?.elements ?? []
        }
    }

    public var schemaVersion: Int?
    public var rules: String?
    public var goInstallation: Installation?
    public var variables: [Variable]
    public var findings: [FindingSummary]
    public var routes: Routes?

    enum CodingKeys: String, CodingKey { case schemaVersion, rules, goInstallation, variables, findings, routes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try? container.decodeIfPresent(Int.self, forKey: .schemaVersion)
        rules = try? container.decodeIfPresent(String.self, forKey: .rules)
        goInstallation = try? container.decodeIfPresent(Installation.self, forKey: .goInstallation)
        variables = (try? container.decodeIfPresent(Lossy<Variable>.self, forKey: .variables))?.elements ?? []
        findings = (try? container.decodeIfPresent(Lossy<FindingSummary>.self, forKey: .findings))?.elements ?? []
        routes = try? container.decodeIfPresent(Routes.self, forKey: .routes)
    }

    /// An array whose undecodable elements are skipped.
    struct Lossy<Element: Decodable & Sendable>: Decodable, Sendable {
        var elements: [Element] = []

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            while !container.isAtEnd {
                if let element = try? container.decode(Element.self) {
                    elements.append(element)
                } else {
                    _ = try? container.decode(Skip.self)
                }
            }
        }

        struct Skip: Decodable, Sendable {}
    }
}
