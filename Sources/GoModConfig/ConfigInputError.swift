/// An input that the go command would reject (or that we cannot read), with where it came
/// from, so a user can go straight to the offending variable, file, line and column.
///
/// `message` is the go command's own text wherever the go command has one, so users can
/// search for it; `input` names the variable (`GOPROXY`) or the file path.
public struct ConfigInputError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var input: String
    public var line: Int?
    public var column: Int?
    public var message: String
    /// Reading stopped because the caller's deadline passed (`check --timeout`), not because
    /// the input is wrong: the input's contents are unknown past `line`.
    public var stoppedAtDeadline = false

    public init(input: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.input = input
        self.line = line
        self.column = column
        self.message = message
    }

    enum CodingKeys: String, CodingKey { case input, line, column, message }

    /// Encoded with secrets removed: go's own texts keep URL user names (`user:xxxxx@`), and a
    /// user name is often a token.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(SecretRedactor.redact(input), forKey: .input)
        try container.encodeIfPresent(line, forKey: .line)
        try container.encodeIfPresent(column, forKey: .column)
        try container.encode(SecretRedactor.redact(message), forKey: .message)
    }

    /// `file:line:col: message`, `file:line: message` or `input: message`, the way the go
    /// command prints positions.
    public var description: String {
        var position = input
        if let line {
            position += ":\(line)"
            if let column { position += ":\(column)" }
        }
        return "\(position): \(message)"
    }

    /// The error for input not read to the end before `deadline`.
    static func deadline(input: String, line: Int) -> ConfigInputError {
        var error = ConfigInputError(input: input, line: line, message: "not read to the end before the deadline")
        error.stoppedAtDeadline = true
        return error
    }
}
