/// An address block parsed like Go's `net.ParseCIDR`, matched like `IPNet.Contains`
/// (an IPv4 block only contains IPv4 addresses and vice versa).
public struct GoIPNetwork: Sendable, Equatable, Hashable, Codable {
    /// The masked network address (16 bytes).
    public var network: GoIP
    /// Prefix length in the 128-bit form (IPv4 `/30` is stored as 126).
    public var prefixLength: Int

    /// Go's `net.ParseCIDR`; nil where Go returns an error.
    // net/ip.go ParseCIDR
    public static func parse(_ text: String) -> GoIPNetwork? {
        let (addressText, maskText) = GoURL.cut(text, "/")
        guard let maskText else { return nil }
        var bits = 32
        var address = GoIP.parseIPv4(ArraySlice(addressText.utf8))
        var offset = 96
        if address == nil {
            bits = 128
            offset = 0
            address = GoIP.parseIPv6(ArraySlice(addressText.utf8))
        }
        let maskBytes = ArraySlice(maskText.utf8)
        guard let address, let (ones, width) = GoIP.decimal(maskBytes), width == maskBytes.count, ones <= bits else {
            return nil
        }
        let length = ones + offset
        return GoIPNetwork(network: GoIP(bytes: masked(address.bytes, length)), prefixLength: length)
    }

    /// Go's `IPNet.Contains`.
    // net/ip.go IPNet.Contains, networkNumberAndMask
    public func contains(_ ip: GoIP) -> Bool {
        if network.isIPv4 != ip.isIPv4 { return false }
        return GoIPNetwork.masked(ip.bytes, prefixLength) == GoIPNetwork.masked(network.bytes, prefixLength)
    }

    private static func masked(_ bytes: [UInt8], _ length: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let bitsHere = max(0, min(8, length - index * 8))
            let mask: UInt8 = bitsHere == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - bitsHere))
            return byte & mask
        }
    }
}
