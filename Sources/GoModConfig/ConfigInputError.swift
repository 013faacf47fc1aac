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

    public init(input: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.input = input
        self.line = line
        self.column = column
        self.message = message
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
}
