/// mtr's per-hop figures: loss %, sent, last, avg, best, worst, stdev — from the round-trip
/// times of the probes a hop answered, in the order they were sent.
public struct HopStatistics: Sendable, Codable, Equatable {
    public var sent: Int
    public var received: Int
    /// 0…100; 0 when nothing was sent.
    public var lossPercent: Double
    /// Milliseconds; nil when the hop never answered.
    public var lastMs: Double?
    public var avgMs: Double?
    public var bestMs: Double?
    public var worstMs: Double?
    /// Sample standard deviation (n − 1, as mtr computes it); 0 with a single answer.
    public var stdevMs: Double?

    /// `rttsMs` are the answered probes' round-trip times in send order; `sent` counts every
    /// probe of the hop, answered or not.
    public init(sent: Int, rttsMs: [Double]) {
        self.sent = sent
        received = rttsMs.count
        lossPercent = sent == 0 ? 0 : Double(sent - rttsMs.count) / Double(sent) * 100
        guard let last = rttsMs.last, let best = rttsMs.min(), let worst = rttsMs.max() else { return }
        let mean = rttsMs.reduce(0, +) / Double(rttsMs.count)
        lastMs = last
        avgMs = mean
        bestMs = best
        worstMs = worst
        if rttsMs.count > 1 {
            let squares = rttsMs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            stdevMs = (squares / Double(rttsMs.count - 1)).squareRoot()
        } else {
            stdevMs = 0
        }
    }
}
