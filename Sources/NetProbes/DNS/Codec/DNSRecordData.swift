/// The SOA record's fields (RFC 1035 3.3.13).
public struct DNSStartOfAuthority: Sendable, Hashable {
    public var primaryServer: DNSName
    public var responsibleMailbox: DNSName
    public var serial: UInt32
    public var refresh: UInt32
    public var retry: UInt32
    public var expire: UInt32
    public var minimum: UInt32

    public init(primaryServer: DNSName, responsibleMailbox: DNSName, serial: UInt32, refresh: UInt32,
                retry: UInt32, expire: UInt32, minimum: UInt32) {
        self.primaryServer = primaryServer
        self.responsibleMailbox = responsibleMailbox
        self.serial = serial
        self.refresh = refresh
        self.retry = retry
        self.expire = expire
        self.minimum = minimum
    }
}

/// One EDNS0 option (RFC 6891 6.1.2), kept raw.
public struct DNSOption: Sendable, Hashable {
    public var code: UInt16
    public var data: [UInt8]

    public init(code: UInt16, data: [UInt8]) {
        self.code = code
        self.data = data
    }
}

/// RDATA of the types the probes understand; anything else is kept as raw bytes.
public enum DNSRecordData: Sendable, Hashable {
    case a([UInt8])
    case aaaa([UInt8])
    case ns(DNSName)
    case cname(DNSName)
    case ptr(DNSName)
    case mx(preference: UInt16, exchange: DNSName)
    /// The character-strings, each at most 255 bytes.
    case txt([[UInt8]])
    case soa(DNSStartOfAuthority)
    case srv(priority: UInt16, weight: UInt16, port: UInt16, target: DNSName)
    case opt([DNSOption])
    case unknown([UInt8])

    /// Decodes `length` bytes of RDATA of `type` at the reader's position; the reader must end
    /// exactly at the end of the RDATA (a name overrunning RDLENGTH is an error, not a skip).
    static func decode(type: DNSRecordType, length: Int, from reader: inout DNSWireReader) throws(DNSDecodeError) -> DNSRecordData {
        let start = reader.offset
        guard reader.remaining >= length else { throw DNSDecodeError(.truncated, at: start, reader.context) }
        let end = start + length
        // Names inside RDATA may point anywhere earlier in the message, but their own labels
        // must lie inside the RDATA: read from a view cut at `end`.
        var bounded = reader
        bounded.limit = end
        let data: DNSRecordData
        switch type {
        case .a:
            guard length == 4 else { throw DNSDecodeError(.badRecordData, at: start, reader.context) }
            data = .a(try bounded.readBytes(4))
        case .aaaa:
            guard length == 16 else { throw DNSDecodeError(.badRecordData, at: start, reader.context) }
            data = .aaaa(try bounded.readBytes(16))
        case .ns: data = .ns(try bounded.readName())
        case .cname: data = .cname(try bounded.readName())
        case .ptr: data = .ptr(try bounded.readName())
        case .mx: data = .mx(preference: try bounded.readUInt16(), exchange: try bounded.readName())
        case .txt:
            var strings: [[UInt8]] = []
            while bounded.offset < end {
                let count = Int(try bounded.readUInt8())
                strings.append(try bounded.readBytes(count))
            }
            guard !strings.isEmpty else { throw DNSDecodeError(.badRecordData, at: start, reader.context) }
            data = .txt(strings)
        case .soa:
            data = .soa(DNSStartOfAuthority(
                primaryServer: try bounded.readName(), responsibleMailbox: try bounded.readName(),
                serial: try bounded.readUInt32(), refresh: try bounded.readUInt32(), retry: try bounded.readUInt32(),
                expire: try bounded.readUInt32(), minimum: try bounded.readUInt32()))
        case .srv:
            data = .srv(priority: try bounded.readUInt16(), weight: try bounded.readUInt16(),
                        port: try bounded.readUInt16(), target: try bounded.readName())
        case .opt:
            var options: [DNSOption] = []
            while bounded.offset < end {
                let code = try bounded.readUInt16()
                let count = Int(try bounded.readUInt16())
                options.append(DNSOption(code: code, data: try bounded.readBytes(count)))
            }
            data = .opt(options)
        default:
            data = .unknown(try bounded.readBytes(length))
        }
        guard bounded.offset == end else { throw DNSDecodeError(.badRecordData, at: start, reader.context) }
        reader.offset = end
        return data
    }

    /// Appends the RDATA (without RDLENGTH). Names in RDATA of the RFC 1035 types are
    /// compressed; SRV targets are not (RFC 2782).
    func encode(into writer: inout DNSWireWriter) {
        switch self {
        case .a(let bytes), .aaaa(let bytes), .unknown(let bytes):
            writer.writeBytes(bytes)
        case .ns(let name), .cname(let name), .ptr(let name):
            writer.writeName(name)
        case .mx(let preference, let exchange):
            writer.writeUInt16(preference)
            writer.writeName(exchange)
        case .txt(let strings):
            for string in strings {
                let bounded = Array(string.prefix(255))
                writer.writeUInt8(UInt8(bounded.count))
                writer.writeBytes(bounded)
            }
        case .soa(let soa):
            writer.writeName(soa.primaryServer)
            writer.writeName(soa.responsibleMailbox)
            for value in [soa.serial, soa.refresh, soa.retry, soa.expire, soa.minimum] { writer.writeUInt32(value) }
        case .srv(let priority, let weight, let port, let target):
            writer.writeUInt16(priority)
            writer.writeUInt16(weight)
            writer.writeUInt16(port)
            writer.writeName(target, compress: false)
        case .opt(let options):
            for option in options {
                writer.writeUInt16(option.code)
                writer.writeUInt16(UInt16(min(option.data.count, 0xFFFF)))
                writer.writeBytes(Array(option.data.prefix(0xFFFF)))
            }
        }
    }
}
