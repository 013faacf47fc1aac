/// The named checks of `check --list` / `check --only`. The raw values are stable: users'
/// scripts pass them. `config` always runs (it is free and the routes come from it).
public enum CheckName: String, Sendable, Codable, CaseIterable, Comparable {
    case config, dns, icmp, tcp, path, sockets, tls, http, modules, toolchain

    /// The checks that probe an endpoint's layers (everything but config, modules, toolchain).
    public static let endpointLayers: Set<CheckName> = [.dns, .icmp, .tcp, .path, .sockets, .tls, .http]

    /// Every check: the default selection.
    public static let all = Set(CheckName.allCases)

    /// The catalog key of the one-line description `--list` prints.
    public var descriptionKey: String { "ui.check.name.\(rawValue)" }

    public static func < (lhs: CheckName, rhs: CheckName) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// A name `--only` does not know.
    public struct UnknownName: Error, Sendable, Equatable, CustomStringConvertible {
        public var name: String
        public var description: String {
            "unknown check \"\(name)\" for --only; valid names: " + CheckName.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }

    /// The selection of `--only` values, each repeatable and/or a comma list (`--only dns,tcp
    /// --only http`). Empty values are ignored; no values at all select every check. `config`
    /// is always selected; `sockets` watches the TCP connects, so it brings `tcp` along.
    public static func selection(_ values: [String]) throws(UnknownName) -> Set<CheckName> {
        var selected: Set<CheckName> = []
        for value in values {
            for part in value.split(separator: ",") {
                let name = part.trimmingCharacters(in: " \t")
                guard !name.isEmpty else { continue }
                guard let check = CheckName(rawValue: name.lowercased()) else { throw UnknownName(name: name) }
                selected.insert(check)
            }
        }
        if selected.isEmpty { return all }
        selected.insert(.config)
        if selected.contains(.sockets) { selected.insert(.tcp) }
        return selected
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = self
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
