/// Builds a DNS message, compressing names against suffixes already written (RFC 1035 4.1.4).
struct DNSWireWriter {
    private(set) var bytes: [UInt8] = []
    /// Lower-cased suffix (labels from some position to the root) → offset where it was written.
    private var suffixOffsets: [[[UInt8]]: Int] = [:]

    mutating func writeUInt8(_ value: UInt8) { bytes.append(value) }

    mutating func writeUInt16(_ value: UInt16) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }

    mutating func writeUInt32(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    mutating func writeBytes(_ value: [UInt8]) { bytes.append(contentsOf: value) }

    /// Writes `name`, replacing its longest already-written suffix by a pointer when `compress`.
    mutating func writeName(_ name: DNSName, compress: Bool = true) {
        let labels = name.labels
        for index in labels.indices {
            let suffix = labels[index...].map(DNSName.lowercased)
            if compress, let target = suffixOffsets[Array(suffix)] {
                writeUInt16(0xC000 | UInt16(target))
                return
            }
            if compress, bytes.count < 0x4000 { suffixOffsets[Array(suffix)] = bytes.count }
            writeUInt8(UInt8(labels[index].count))
            writeBytes(labels[index])
        }
        writeUInt8(0)
    }

    /// Overwrites two bytes at `offset` (RDLENGTH once the RDATA is written).
    mutating func patchUInt16(_ value: UInt16, at offset: Int) {
        bytes[offset] = UInt8(value >> 8)
        bytes[offset + 1] = UInt8(value & 0xFF)
    }
}
