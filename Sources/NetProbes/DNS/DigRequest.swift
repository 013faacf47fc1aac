#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A query written in dig's syntax: `[@server] [-p port] [-t type] [-x addr] [name] [type]
/// [class] [+opt…]` in any order. A bare word that is a type name sets the type (once), "IN"
/// is accepted as the class, anything else is the name, as dig reads its command line.
public struct DigRequest: Sendable, Equatable {
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    public var server: String?
    public var port = 53
    /// nil when no name was given (dig then asks for the root's NS records).
    public var name: String?
    public var type: DNSRecordType?
    public var short = false
    public var tcp = false
    public var timeoutSeconds = 5
    public var tries = 3
    public var ednsPayloadSize: UInt16? = 1232
    public var recursionDesired = true

    public init() {}

    /// The name to ask, absolute: the root when none was given.
    public var queryName: String { name ?? "." }

    /// dig's defaults: A for a name, NS for the root.
    public var queryType: DNSRecordType { type ?? (name == nil ? .ns : .a) }

    public var options: DNSQueryOptions {
        DNSQueryOptions(timeoutPerAttempt: .seconds(timeoutSeconds), attempts: tries, tcpOnly: tcp,
                        ednsPayloadSize: ednsPayloadSize, recursionDesired: recursionDesired)
    }

    public static func parse(_ arguments: [String]) throws(ParseError) -> DigRequest {
        var request = DigRequest()
        var index = 0
        func value(after option: String) throws(ParseError) -> String {
            index += 1
            guard index < arguments.count else { throw ParseError("option \(option) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("@"), argument.count > 1 {
                request.server = String(argument.dropFirst())
            } else if argument.hasPrefix("+") {
                try request.apply(plus: String(argument.dropFirst()))
            } else if argument == "-p" || (argument.hasPrefix("-p") && argument.count > 2) {
                let text = argument == "-p" ? try value(after: "-p") : String(argument.dropFirst(2))
                guard let port = Int(text), (1...65535).contains(port) else { throw ParseError("invalid port: \(text)") }
                request.port = port
            } else if argument == "-t" {
                let text = try value(after: "-t")
                guard let type = DNSRecordType(mnemonic: text) else { throw ParseError("invalid type: \(text)") }
                request.type = type
            } else if argument == "-q" {
                request.name = try value(after: "-q")
            } else if argument == "-x" {
                let address = try value(after: "-x")
                guard let reverse = reverseName(address) else { throw ParseError("invalid IP address: \(address)") }
                request.name = reverse
                if request.type == nil { request.type = .ptr }
            } else if argument == "-4" || argument == "-6" {
                // Address family of the transport: the server address decides it here.
            } else if argument.hasPrefix("-"), argument.count > 1 {
                throw ParseError("invalid option: \(argument)")
            } else if request.type == nil, let type = DNSRecordType(mnemonic: argument) {
                request.type = type
            } else if argument.uppercased() == "IN" {
                // the only class probes ask
            } else if request.name == nil {
                request.name = argument
            } else {
                throw ParseError("one name per query: \(request.name ?? "") and \(argument)")
            }
            index += 1
        }
        if let name = request.name, (try? DNSName(parsing: name)) == nil {
            throw ParseError("'\(name)' is not a legal name")
        }
        return request
    }

    mutating func apply(plus option: String) throws(ParseError) {
        let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
        let key = parts.first?.lowercased() ?? ""
        let number = parts.count > 1 ? Int(parts[1]) : nil
        switch key {
        case "short": short = true
        case "noshort": short = false
        case "tcp", "vc": tcp = true
        case "notcp", "novc": tcp = false
        case "recurse": recursionDesired = true
        case "norecurse": recursionDesired = false
        case "noedns": ednsPayloadSize = nil
        case "edns": ednsPayloadSize = ednsPayloadSize ?? 1232
        case "bufsize":
            guard let number, (0...65535).contains(number) else { throw ParseError("invalid option: +\(option)") }
            ednsPayloadSize = UInt16(max(number, 512))
        case "time":
            guard let number, number >= 1 else { throw ParseError("invalid option: +\(option)") }
            timeoutSeconds = number
        case "tries":
            guard let number, number >= 1 else { throw ParseError("invalid option: +\(option)") }
            tries = number
        case "retry":
            guard let number, number >= 0 else { throw ParseError("invalid option: +\(option)") }
            tries = number + 1
        default:
            throw ParseError("invalid option: +\(option)")
        }
    }

    /// "2.3.77.10.in-addr.arpa." for 10.77.3.2; nibbles under ip6.arpa for IPv6.
    public static func reverseName(_ address: String) -> String? {
        if address.contains(":") {
            var raw = in6_addr()
            guard inet_pton(AF_INET6, address, &raw) == 1 else { return nil }
            let bytes = withUnsafeBytes(of: raw) { Array($0) }
            let nibbles = bytes.reversed().flatMap { [String($0 & 0x0F, radix: 16), String($0 >> 4, radix: 16)] }
            return nibbles.joined(separator: ".") + ".ip6.arpa."
        }
        var raw = in_addr()
        guard inet_pton(AF_INET, address, &raw) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: raw) { Array($0) }
        return bytes.reversed().map { String($0) }.joined(separator: ".") + ".in-addr.arpa."
    }
}
