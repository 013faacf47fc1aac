import GoModConfig

/// Tile paths: `tile/H/L/NNN[.p/W]`, the number in 3-digit groups with all but the last
/// prefixed `x` (`tile/3/5/x123/x456/078`), level `data` for record tiles.
extension LogTile {
    // golang.org/x/mod/sumdb/tlog/tile.go Tile.Path
    public var path: String {
        var n = number
        var numberText = Self.threeDigits(n % 1000)
        while n >= 1000 {
            n /= 1000
            numberText = "x" + Self.threeDigits(n % 1000) + "/" + numberText
        }
        let partial = width != 1 << height ? ".p/\(width)" : ""
        let levelText = level == -1 ? "data" : String(level)
        return "tile/\(height)/\(levelText)/\(numberText)\(partial)"
    }

    private static func threeDigits(_ value: Int64) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }

    /// Parses a tile path; only the canonical form (the one `path` prints) is accepted.
    /// - Throws: `malformed tile path "<path>"`.
    // golang.org/x/mod/sumdb/tlog/tile.go ParseTilePath
    public static func parse(path: String) throws(ModuleFetchError) -> LogTile {
        let bad = ModuleFetchError("tlog", "malformed tile path \(GoQuote.quote(path))")
        var fields = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 4, fields[0] == "tile" else { throw bad }
        let isData = fields[2] == "data"
        guard let height = goAtoi(fields[1]), let level = isData ? 0 : goAtoi(fields[2]),
              height >= 1, level >= 0, height <= 30
        else { throw bad }
        var width = 1 << height
        let dotP = fields[fields.count - 2]
        if dotP.hasSuffix(".p") {
            guard let w = goAtoi(fields[fields.count - 1]), w > 0, w < width else { throw bad }
            width = w
            fields[fields.count - 2] = String(dotP.dropLast(2))
            fields.removeLast()
        }
        var number: Int64 = 0
        for group in fields.dropFirst(3) {
            let digits = group.hasPrefix("x") ? String(group.dropFirst()) : group
            guard let value = goAtoi(digits), value >= 0, value < 1000 else { throw bad }
            let (product, overflow) = number.multipliedReportingOverflow(by: 1000)
            guard !overflow else { throw bad }
            number = product + Int64(value)
        }
        let tile = LogTile(height: height, level: isData ? -1 : level, number: number, width: width)
        guard tile.path == path else { throw bad }
        return tile
    }

    /// strconv.Atoi for the small numbers a path holds: optional sign, ASCII digits.
    private static func goAtoi(_ text: String) -> Int? {
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        guard !body.isEmpty, body.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}
