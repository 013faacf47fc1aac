/// One `godebug key=value` setting (Go 1.23+ go.mod directive).
public struct GoModGodebug: Sendable, Equatable, Codable {
    public var key: String
    public var value: String
    public var line: Int

    public init(key: String, value: String, line: Int) {
        self.key = key
        self.value = value
        self.line = line
    }
}
