/// Round-trip statistics the way ping prints them: `rtt min/avg/max/mdev`.
///
/// mdev is what iputils ping computes (ping_common.c `finish`): the population standard
/// deviation sqrt(mean(t²) − mean(t)²) over every reply, duplicates included.
public struct RTTStatistics: Sendable, Equatable, Codable {
    public var minMilliseconds: Double
    public var avgMilliseconds: Double
    public var maxMilliseconds: Double
    public var mdevMilliseconds: Double

    public init(minMilliseconds: Double, avgMilliseconds: Double, maxMilliseconds: Double, mdevMilliseconds: Double) {
        self.minMilliseconds = minMilliseconds
        self.avgMilliseconds = avgMilliseconds
        self.maxMilliseconds = maxMilliseconds
        self.mdevMilliseconds = mdevMilliseconds
    }

    /// nil without samples.
    public init?(samplesMilliseconds samples: [Double]) {
        guard let low = samples.min(), let high = samples.max() else { return nil }
        let count = Double(samples.count)
        let mean = samples.reduce(0, +) / count
        let meanOfSquares = samples.reduce(0) { $0 + $1 * $1 } / count
        self.init(minMilliseconds: low, avgMilliseconds: mean, maxMilliseconds: high,
                  mdevMilliseconds: max(meanOfSquares - mean * mean, 0).squareRoot())
    }

    /// Packet loss as ping reports it: (transmitted − received) / transmitted, in percent
    /// (duplicates are not received packets). 0 when nothing was transmitted.
    public static func lossPercent(transmitted: Int, received: Int) -> Double {
        guard transmitted > 0 else { return 0 }
        return Double(transmitted - min(received, transmitted)) * 100 / Double(transmitted)
    }
}
