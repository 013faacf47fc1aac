/// modfile rule.go parseReplace: `old [v] => new v` or `old [v] => ./dir`, with the go
/// command's exact usage and validation texts.
enum GoModReplaceReader {
    typealias Reason = GoModDirectiveReader.Reason

    static func parse(args: [String], verb: String, line: Int) -> Result<GoModReplacement, Reason> {
        let arrow = args.count >= 2 && args[1] == "=>" ? 1 : 2
        guard args.count >= arrow + 2, args.count <= arrow + 3, args[arrow] == "=>" else {
            return .failure(Reason(text: "usage: \(verb) module/path [v1.2.3] => other/module v1.4\n\t or \(verb) module/path [v1.2.3] => ../local/directory"))
        }
        let old: String
        switch GoModDirectiveReader.parseString(args[0]) {
        case .failure(let r): return .failure(Reason(text: "invalid quoted string: \(r.text)"))
        case .success(let s): old = s
        }
        guard let (_, pathMajor) = ModulePath.splitPathVersion(old) else {
            return .failure(Reason(text: "\(verb) \(old): invalid module path"))
        }
        var oldVersion: String?
        if arrow == 2 {
            switch GoModDirectiveReader.parseVersion(verb: verb, path: old, token: args[1]) {
            case .failure(let r): return .failure(r)
            case .success(let v): oldVersion = v
            }
            if let v = oldVersion, let reason = ModulePath.checkPathMajor(v, pathMajor: pathMajor) {
                return .failure(Reason(text: "\(verb) \(old): \(reason)"))
            }
        }
        let new: String
        switch GoModDirectiveReader.parseString(args[arrow + 1]) {
        case .failure(let r): return .failure(Reason(text: "invalid quoted string: \(r.text)"))
        case .success(let s): new = s
        }
        if args.count == arrow + 2 {
            if !isDirectoryPath(new) {
                if new.contains("@") {
                    return .failure(Reason(text: "replacement module must match format 'path version', not 'path@version'"))
                }
                return .failure(Reason(text: "replacement module without version must be directory path (rooted or starting with ./ or ../)"))
            }
            // rule.go checks this only where filepath.Separator is '/', i.e. everywhere but Windows.
            if new.contains("\\") {
                return .failure(Reason(text: "replacement directory appears to be Windows path (on a non-windows system)"))
            }
            return .success(GoModReplacement(oldPath: old, oldVersion: oldVersion, target: .directory(new), line: line))
        }
        let newVersion: String
        switch GoModDirectiveReader.parseVersion(verb: verb, path: new, token: args[arrow + 2]) {
        case .failure(let r): return .failure(r)
        case .success(let v): newVersion = v
        }
        if isDirectoryPath(new) {
            return .failure(Reason(text: "replacement module directory path \(GoModQuoting.quote(new)) cannot have version"))
        }
        return .success(GoModReplacement(oldPath: old, oldVersion: oldVersion, target: .module(path: new, version: newVersion), line: line))
    }

    /// modfile IsDirectoryPath: relative (`./`, `../`) or rooted, Unix or Windows syntax.
    static func isDirectoryPath(_ ns: String) -> Bool {
        if ["./", "../", "/", ".\\", "..\\", "\\"].contains(where: { ns.hasPrefix($0) }) { return true }
        let b = Array(ns.utf8)
        guard b.count >= 2 else { return false }
        let isLetter = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b[0]) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b[0])
        return isLetter && b[1] == UInt8(ascii: ":")
    }
}
