/// The part of `idna.Lookup.ToASCII` that NO_PROXY matching needs: lower-case each label and
/// Punycode-encode the non-ASCII ones (`示例.com` → `xn--fsq092h.com`), so Unicode and ASCII
/// spellings of a host compare equal as they do in Go.
///
/// Not reproduced: the full UTS 46 mapping table and its validity checks (Go returns an
/// error there and httpproxy then keeps the original text).
enum GoIDNA {
    static func toASCII(_ host: String) -> String {
        if host.utf8.allSatisfy({ $0 < 0x80 }) { return host }
        return host.split(separator: ".", omittingEmptySubsequences: false).map { label -> String in
            let lowered = label.lowercased()
            if lowered.utf8.allSatisfy({ $0 < 0x80 }) { return lowered }
            return "xn--" + punycode(Array(lowered.unicodeScalars.map(\.value)))
        }.joined(separator: ".")
    }

    // RFC 3492 section 6.3 (golang.org/x/net/idna/punycode.go encode)
    private static func punycode(_ input: [UInt32]) -> String {
        let base: UInt32 = 36, tMin: UInt32 = 1, tMax: UInt32 = 26
        var output: [UInt8] = input.filter { $0 < 0x80 }.map { UInt8($0) }
        let basicCount = UInt32(output.count)
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }
        var n: UInt32 = 128, delta: UInt32 = 0, bias: UInt32 = 72
        while handled < UInt32(input.count) {
            let next = input.filter { $0 >= n }.min() ?? n
            delta += (next - n) * (handled + 1)
            n = next
            for code in input {
                if code < n { delta += 1 }
                if code == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func digit(_ value: UInt32) -> UInt8 {
        value < 26 ? UInt8(value) + UInt8(ascii: "a") : UInt8(value - 26) + UInt8(ascii: "0")
    }

    private static func adapt(_ delta: UInt32, _ count: UInt32, _ first: Bool) -> UInt32 {
        var delta = first ? delta / 700 : delta / 2
        delta += delta / count
        var k: UInt32 = 0
        while delta > ((36 - 1) * 26) / 2 {
            delta /= 36 - 1
            k += 36
        }
        return k + (36 * delta) / (delta + 38)
    }
}
