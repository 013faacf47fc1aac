/// Interprets go.mod statements into a `GoModFile`: golang.org/x/mod/modfile rule.go
/// `parseToFile` / `(*File).add` in strict mode with a nil VersionFixer (versions must be
/// canonical or canonicalizable semver), plus the directives added after x/mod v0.7.0
/// (`toolchain`, `godebug`, `tool`, `ignore`) as current modfile implements them.
/// Non-strict mode is modfile `ParseLax`, used for dependencies' go.mod files.
struct GoModDirectiveReader {
    private let fileName: String
    private let strict: Bool
    private(set) var file = GoModFile()
    private(set) var errors: [ConfigInputError] = []
    /// modfile records a module statement even when its argument is malformed.
    private var moduleSeen = false
    /// Reading stops once this passes, with a `stoppedAtDeadline` error last in `errors`.
    var deadline: ContinuousClock.Instant?

    init(fileName: String, strict: Bool = true) {
        self.fileName = fileName
        self.strict = strict
    }

    /// Directives ParseLax still reads in a dependency's go.mod; the rest are ignored.
    private static let laxVerbs: Set<String> = ["go", "module", "retract", "require"]

    /// Directives that may be written as `verb ( … )` blocks.
    private static let blockVerbs: Set<String> = ["module", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore"]

    // modfile GoVersionRE (current): 1.N, 1.N.P, 1.NrcK / betaK.
    private static func isGoVersion(_ s: String) -> Bool {
        s.wholeMatch(of: #/([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?/#) != nil
    }

    // modfile ToolchainRE (current): ^default$|^go1($|\.)
    private static func isToolchainName(_ s: String) -> Bool {
        s == "default" || s == "go1" || s.hasPrefix("go1.")
    }

    mutating func read(_ syntax: GoModSyntax) {
        for statement in syntax.statements {
            switch statement {
            case .comments:
                continue
            case .line(let line):
                add(block: nil, line: line, verb: line.tokens[0], args: Array(line.tokens.dropFirst()))
            case .block(let block):
                guard block.tokens.count == 1, Self.blockVerbs.contains(block.tokens[0]) else {
                    if !strict { continue }
                    errors.append(block.start.error(file: fileName, "unknown block type: \(block.tokens.joined(separator: " "))"))
                    continue
                }
                for (position, line) in block.lines.enumerated() {
                    if let deadline, position % 1024 == 1023, ContinuousClock.now >= deadline {
                        errors.append(.deadline(input: fileName, line: line.start.line))
                        return
                    }
                    add(block: block, line: line, verb: block.tokens[0], args: line.tokens)
                }
            }
        }
    }

    private mutating func fail(_ line: GoModSyntax.Line, _ message: String) {
        errors.append(line.start.error(file: fileName, message))
    }

    private mutating func add(block: GoModSyntax.Block?, line: GoModSyntax.Line, verb: String, args: [String]) {
        let lineNumber = line.start.line
        if !strict && !Self.laxVerbs.contains(verb) { return }
        switch verb {
        case "go":
            if file.goVersion != nil { return fail(line, "repeated go statement") }
            guard args.count == 1 else { return fail(line, "go directive expects exactly one argument") }
            var version = args[0]
            if !Self.isGoVersion(version) {
                // ParseLax keeps the 1.N prefix of versions like v1.2.3 or 1.2beta1.
                let lax = #/v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9].*)/#
                guard !strict, let match = version.wholeMatch(of: lax) else {
                    return fail(line, "invalid go version '\(args[0])': must match format 1.23.0")
                }
                version = String(match.output.1)
            }
            file.goVersion = version
            file.goLine = lineNumber
        case "toolchain":
            if file.toolchain != nil { return fail(line, "repeated toolchain statement") }
            guard args.count == 1 else { return fail(line, "toolchain directive expects exactly one argument") }
            guard Self.isToolchainName(args[0]) else {
                return fail(line, "invalid toolchain version '\(args[0])': must match format go1.23.0 or default")
            }
            file.toolchain = args[0]
            file.toolchainLine = lineNumber
        case "godebug":
            guard args.count == 1, !args[0].contains(where: { "\"`',".contains($0) }),
                  let eq = args[0].firstIndex(of: "=") else {
                return fail(line, "usage: godebug key=value")
            }
            let key = String(args[0][..<eq])
            let value = String(args[0][args[0].index(after: eq)...])
            file.godebug.append(GoModGodebug(key: key, value: value, line: lineNumber))
        case "module":
            if moduleSeen { return fail(line, "repeated module statement") }
            moduleSeen = true
            let deprecated = GoModComments.deprecation(in: GoModComments.directiveComment(block: block, line: line))
            file.moduleDeprecated = deprecated.isEmpty ? nil : deprecated
            guard args.count == 1 else { return fail(line, "usage: module module/path") }
            switch Self.parseString(args[0]) {
            case .failure(let reason): fail(line, "invalid quoted string: \(reason.text)")
            case .success(let path): file.modulePath = path
            }
        case "require", "exclude":
            guard args.count == 2 else { return fail(line, "usage: \(verb) module/path v1.2.3") }
            let path: String
            switch Self.parseString(args[0]) {
            case .failure(let reason): return fail(line, "invalid quoted string: \(reason.text)")
            case .success(let p): path = p
            }
            // A requirement the module cache cannot hold can never be downloaded; refuse it
            // before any other message quotes the (possibly megabytes long) path.
            if verb == "require", let problem = ModuleCacheLimits.problem(path: path, version: nil) {
                return fail(line, "require \(ModuleCacheLimits.abbreviated(path)): \(problem)")
            }
            let version: String
            switch Self.parseVersion(verb: verb, path: path, token: args[1]) {
            case .failure(let reason): return fail(line, reason.text)
            case .success(let v): version = v
            }
            if verb == "require", let problem = ModuleCacheLimits.problem(path: path, version: version) {
                return fail(line, "require \(ModuleCacheLimits.abbreviated(path)) \(ModuleCacheLimits.abbreviated(version)): \(problem)")
            }
            guard let (_, pathMajor) = ModulePath.splitPathVersion(path) else {
                return fail(line, "invalid module path")
            }
            if let reason = ModulePath.checkPathMajor(version, pathMajor: pathMajor) {
                return fail(line, "\(verb) \(path): \(reason)")
            }
            if verb == "require" {
                let indirect = GoModComments.isIndirect(line)
                file.requires.append(GoModRequirement(path: path, version: version, indirect: indirect, line: lineNumber))
            } else {
                file.excludes.append(ModuleVersion(path: path, version: version))
            }
        case "replace":
            switch GoModReplaceReader.parse(args: args, verb: verb, line: lineNumber) {
            case .failure(let reason): fail(line, reason.text)
            case .success(let replacement):
                if case .module(let path, let version) = replacement.target,
                   let problem = ModuleCacheLimits.problem(path: path, version: version) {
                    return fail(line, "replace => \(ModuleCacheLimits.abbreviated(path)) \(ModuleCacheLimits.abbreviated(version)): \(problem)")
                }
                file.replaces.append(replacement)
            }
        case "retract":
            let rationale = GoModComments.directiveComment(block: block, line: line)
            var rest = args[...]
            switch Self.parseVersionInterval(&rest) {
            case .failure(let reason): return strict ? fail(line, reason.text) : ()
            case .success(let (low, high)):
                if let extra = rest.first, strict {
                    return fail(line, "unexpected token after version: \(GoModQuoting.quote(extra))")
                }
                file.retracts.append(GoModRetraction(low: low, high: high, rationale: rationale, line: lineNumber))
            }
        case "tool", "ignore":
            guard args.count == 1 else { return fail(line, "\(verb) directive expects exactly one argument") }
            switch Self.parseString(args[0]) {
            case .failure(let reason): fail(line, "invalid quoted string: \(reason.text)")
            case .success(let path):
                if verb == "tool" { file.tools.append(path) } else { file.ignores.append(path) }
            }
        default:
            fail(line, "unknown directive: \(verb)")
        }
    }

    /// A reason text as the go command prints it, carried through `Result`.
    struct Reason: Error {
        var text: String
    }

    /// modfile parseString: `"…"` is unquoted Go-style; any other quote is rejected.
    static func parseString(_ token: String) -> Result<String, Reason> {
        if token.hasPrefix("\"") {
            guard let s = GoModQuoting.unquote(token) else { return .failure(Reason(text: "invalid syntax")) }
            return .success(s)
        }
        if token.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "`") }) {
            return .failure(Reason(text: "unquoted string cannot contain quote"))
        }
        return .success(token)
    }

    /// modfile parseVersion with a nil fixer: the canonical form of a semver version, or
    /// `verb path: version "x" invalid: …`.
    static func parseVersion(verb: String, path: String, token: String) -> Result<String, Reason> {
        let prefix = path.isEmpty ? "\(verb): " : "\(verb) \(path): "
        switch parseString(token) {
        case .failure(let reason):
            return .failure(Reason(text: prefix + "version \(GoModQuoting.quote(token)) invalid: \(reason.text)"))
        case .success(let t):
            let cv = ModulePath.canonicalVersion(t)
            if cv.isEmpty {
                return .failure(Reason(text: prefix + "version \(GoModQuoting.quote(t)) invalid: must be of the form v1.2.3"))
            }
            return .success(cv)
        }
    }

    /// modfile parseVersionInterval for `retract` (with its do-not-fix fixer: versions are
    /// only unquoted, not validated): `v1.2.3` or `[low, high]`.
    static func parseVersionInterval(_ toks: inout ArraySlice<String>) -> Result<(String, String), Reason> {
        func version(_ token: String) -> Result<String, Reason> {
            switch parseString(token) {
            case .failure(let reason):
                return .failure(Reason(text: "retract: version \(GoModQuoting.quote(token)) invalid: \(reason.text)"))
            case .success(let v): return .success(v)
            }
        }
        guard let first = toks.first, first != "(" else { return .failure(Reason(text: "expected '[' or version")) }
        if first != "[" {
            toks = toks.dropFirst()
            return version(first).map { ($0, $0) }
        }
        var t = toks.dropFirst()
        guard let lowToken = t.popFirst() else { return .failure(Reason(text: "expected version after '['")) }
        let low: String
        switch version(lowToken) {
        case .failure(let e): return .failure(e)
        case .success(let v): low = v
        }
        guard t.popFirst() == "," else { return .failure(Reason(text: "expected ',' after version")) }
        guard let highToken = t.popFirst() else { return .failure(Reason(text: "expected version after ','")) }
        let high: String
        switch version(highToken) {
        case .failure(let e): return .failure(e)
        case .success(let v): high = v
        }
        guard t.popFirst() == "]" else { return .failure(Reason(text: "expected ']' after version")) }
        toks = t
        return .success((low, high))
    }
}
