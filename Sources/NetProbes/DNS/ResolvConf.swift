/// /etc/resolv.conf as the go command's pure-Go resolver reads it (net/dnsconfig_unix.go),
/// which matches glibc for everything here: at most three nameservers, the last `domain` or
/// `search` line wins, options ndots (0…15), timeout (≥ 1 s), attempts (≥ 1), rotate,
/// use-vc, edns0. Unknown lines and options are kept (`unknownOptions`) because Go then
/// prefers cgo resolution (net/conf.go), which is worth telling the user.
public struct ResolvConf: Sendable, Codable, Equatable {
    /// One line the parser skipped, with why.
    public struct Issue: Sendable, Codable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String

        public var description: String { "resolv.conf:\(line): \(message)" }
    }

    /// The servers in use: IP literals, at most three (later ones are ignored, as by libc and Go).
    public var nameservers: [String] = []
    /// Nameserver lines past the third: present but never asked.
    public var ignoredNameservers: [String] = []
    /// Absolute search domains without the trailing dot, from the last `search` or `domain` line.
    public var search: [String] = []
    /// The `domain` line when it was the last of the two.
    public var domain: String?
    public var ndots = 1
    public var timeoutSeconds = 5
    public var attempts = 2
    public var rotate = false
    public var useTCP = false
    public var edns0 = false
    public var singleRequest = false
    /// Every option word as written.
    public var options: [String] = []
    public var unknownOptions: [String] = []
    public var issues: [Issue] = []
    /// True when the file had no usable nameserver: libc and Go then ask 127.0.0.1 and ::1.
    public var usesDefaultServers = false

    public init() {}

    public static let defaultServers = ["127.0.0.1", "::1"]

    public static func parse(_ text: String) -> ResolvConf {
        var conf = ResolvConf()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.first == ";" || line.first == "#" { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let keyword = fields.first else { continue }
            let number = index + 1
            switch keyword {
            case "nameserver":
                guard fields.count > 1 else { conf.issues.append(Issue(line: number, message: "nameserver without an address")); continue }
                // Go keeps only IP literals (a server name would need DNS itself); a zone is allowed.
                let address = fields[1].split(separator: "%").first.map(String.init) ?? fields[1]
                guard ResolvedAddress(literal: address) != nil else {
                    conf.issues.append(Issue(line: number, message: "nameserver \(fields[1]) is not an IP address: ignored"))
                    continue
                }
                if conf.nameservers.count < 3 { conf.nameservers.append(fields[1]) } else { conf.ignoredNameservers.append(fields[1]) }
            case "domain":
                if fields.count > 1 {
                    conf.search = [trimmed(fields[1])]
                    conf.domain = trimmed(fields[1])
                }
            case "search":
                conf.search = fields.dropFirst().map(trimmed)
                conf.domain = nil
            case "options":
                for option in fields.dropFirst() { conf.apply(option: option) }
            default:
                conf.unknownOptions.append(keyword)
            }
        }
        if conf.nameservers.isEmpty {
            conf.nameservers = defaultServers
            conf.usesDefaultServers = true
        }
        return conf
    }

    mutating func apply(option: String) {
        options.append(option)
        if option.hasPrefix("ndots:") {
            ndots = min(15, max(0, Self.leadingNumber(option.dropFirst(6))))
        } else if option.hasPrefix("timeout:") {
            timeoutSeconds = max(1, Self.leadingNumber(option.dropFirst(8)))
        } else if option.hasPrefix("attempts:") {
            attempts = max(1, Self.leadingNumber(option.dropFirst(9)))
        } else {
            switch option {
            case "rotate": rotate = true
            case "use-vc", "usevc", "tcp": useTCP = true
            case "edns0": edns0 = true
            case "single-request", "single-request-reopen": singleRequest = true
            default: unknownOptions.append(option)
            }
        }
    }

    /// Go's dtoi: the leading decimal digits (0 when there are none), capped to stay small.
    static func leadingNumber(_ text: Substring) -> Int {
        var value = 0
        for character in text {
            guard let digit = character.wholeNumberValue, character.isASCII else { break }
            value = min(value * 10 + digit, 1_000_000)
        }
        return value
    }

    static func trimmed(_ domain: String) -> String {
        domain.hasSuffix(".") ? String(domain.dropLast()) : domain
    }

    /// The names a lookup of `name` tries, in order (Go's dnsConfig.nameList): a rooted name
    /// only itself; otherwise, with at least `ndots` dots the name first, then each search
    /// suffix, then (with fewer dots) the name last. All returned names are absolute.
    public func candidates(for name: String) -> [String] {
        guard !name.isEmpty, name.utf8.count <= 254 else { return [] }
        if name.hasSuffix(".") { return [name] }
        let dots = name.filter { $0 == "." }.count
        let absolute = name + "."
        var names: [String] = []
        if dots >= ndots { names.append(absolute) }
        for suffix in search where absolute.utf8.count + suffix.utf8.count + 1 <= 254 {
            names.append(absolute + suffix + ".")
        }
        if dots < ndots { names.append(absolute) }
        return names
    }
}
