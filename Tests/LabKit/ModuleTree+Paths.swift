import Foundation

extension ModuleTree {
    /// Where `path`@`version`'s file with `suffix` (".zip", ".mod", ".info") lies in the tree:
    /// `<escaped path>/@v/<escaped version><suffix>`, the GOPROXY protocol's layout.
    public func file(path: String, version: String, suffix: String) -> String {
        root + "/" + Self.escape(path) + "/@v/" + Self.escape(version) + suffix
    }

    /// Module path (and version) escaping of the GOPROXY protocol: every upper-case letter
    /// becomes "!" and its lower-case form (golang.org/x/mod/module/module.go, escapeString),
    /// so a tree on a case-insensitive file system never confuses two paths.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character.isUppercase {
                escaped += "!" + character.lowercased()
            } else {
                escaped.append(character)
            }
        }
        return escaped
    }
}
