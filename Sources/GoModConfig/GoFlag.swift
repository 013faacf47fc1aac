/// One GOFLAGS word: the flag name without dashes and its `=value`, if written.
public struct GoFlag: Sendable, Equatable, Codable {
    public var name: String
    public var value: String?

    public init(name: String, value: String? = nil) {
        self.name = name
        self.value = value
    }
}
