/// McNemar's test on per-event hits of two models, over the last `window` events both scored
/// (Vinagre, Jorge & Gama 2014, after Gama et al. 2013): with n₁₀ events only A hit and n₀₁ only
/// B hit, M = (n₁₀ − n₀₁)² / (n₁₀ + n₀₁), χ² with one degree of freedom (no continuity
/// correction; M > 3.84 is a difference at the 5 % level).
public struct SlidingMcNemar: Sendable {
    public struct Result: Sendable, Equatable {
        public let onlyFirst: Int
        public let onlySecond: Int
        public let statistic: Double
        public let pValue: Double
    }

    public let window: Int
    /// −1: only the second hit, +1: only the first, 0: both or neither; one per event in the window.
    private var ring: [Int8] = []
    private var next = 0
    private(set) var onlyFirst = 0
    private(set) var onlySecond = 0

    public init(window: Int) { self.window = max(1, window) }

    public mutating func add(first: Bool, second: Bool) {
        let d: Int8 = first == second ? 0 : (first ? 1 : -1)
        if ring.count < window {
            ring.append(d)
        } else {
            count(ring[next], -1)
            ring[next] = d
            next = (next + 1) % window
        }
        count(d, 1)
    }

    private mutating func count(_ d: Int8, _ by: Int) {
        if d > 0 { onlyFirst += by } else if d < 0 { onlySecond += by }
    }

    public var result: Result { Self.test(onlyFirst: onlyFirst, onlySecond: onlySecond) }

    public static func test(onlyFirst: Int, onlySecond: Int) -> Result {
        let n = onlyFirst + onlySecond
        guard n > 0 else { return Result(onlyFirst: onlyFirst, onlySecond: onlySecond, statistic: 0, pValue: 1) }
        let d = Double(onlyFirst - onlySecond)
        let m = d * d / Double(n)
        return Result(onlyFirst: onlyFirst, onlySecond: onlySecond, statistic: m,
                      pValue: Distributions.chiSquaredSurvival(m, df: 1))
    }
}
