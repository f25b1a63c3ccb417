/// ISGD (Vinagre, Jorge & Gama 2014, "Fast incremental matrix factorization for recommendation
/// with positive-only feedback"): matrix factorisation learnt from positive-only implicit events
/// by one stochastic gradient step per event on the pair (u, i) with target 1:
///
///     err = 1 − A_u·B_i
///     A_u ← A_u + η(err·B_i − λA_u)
///     B_i ← B_i + η(err·A_u − λB_i)     (with the A_u just updated, as in the paper's Algorithm 1)
///
/// A user or item seen for the first time gets a vector of N(0, 0.1²) draws from the seeded
/// generator, in the order of the stream (user before item). Top-N follows the paper: items whose
/// prediction is closest to the target 1 come first (score −|1 − A_u·B_j|), among items seen so far.
/// Repeated events of the same pair each take a step, as the paper's stream does.
public struct IncrementalSGD: StreamingRecommender {
    public struct Options: Sendable, Equatable, EstimatorParameters {
        public var factors = 10
        public var learnRate = 0.05
        public var regularization = 0.01
        public var initialDeviation = 0.1
        public var seed: UInt64 = 42

        public init() {}

        public var described: [ParameterValue] {
            let d = Options()
            return [ParameterValue("factors", factors, default: d.factors), ParameterValue("rate", learnRate, default: d.learnRate),
                    ParameterValue("reg", regularization, default: d.regularization), ParameterValue("seed", String(seed))]
        }
    }

    public let options: Options
    private var generator: SeededGenerator
    /// Row-major users × factors and items × factors; rows of indices not seen yet are unused.
    private(set) var userFactors: [Double] = []
    private(set) var itemFactors: [Double] = []
    private var knownUser: [Bool] = []
    private var knownItem: [Bool] = []
    /// Items seen so far, in order of first appearance: the candidates.
    private var items: [Int32] = []

    public init(_ options: Options = Options()) {
        self.options = options
        generator = SeededGenerator(seed: options.seed)
    }

    public var algorithmName: String { "ISGD (\(options.factors) factors, rate \(DescribeFormat.number(options.learnRate)))" }
    public var parameterValues: [ParameterValue] { options.described }

    public mutating func learn(_ event: StreamInteraction, context: RunContext) throws {
        let f = options.factors
        let u = Int(event.user), i = Int(event.item)
        let draw = (f, options.initialDeviation)
        Self.introduce(u, known: &knownUser, factors: &userFactors, generator: &generator, draw)
        if Self.introduce(i, known: &knownItem, factors: &itemFactors, generator: &generator, draw) { items.append(event.item) }
        let eta = options.learnRate, lambda = options.regularization
        // Factor rows are updated in place through pointers; the arrays are moved out of `self`
        // for the duration so the two accesses do not overlap.
        var a = userFactors, b = itemFactors
        userFactors = []
        itemFactors = []
        a.withUnsafeMutableBufferPointer { ab in
            b.withUnsafeMutableBufferPointer { bb in
                let au = ab.baseAddress! + u * f, bi = bb.baseAddress! + i * f
                var dot = 0.0
                for k in 0..<f { dot += au[k] * bi[k] }
                let err = 1 - dot
                for k in 0..<f { au[k] += eta * (err * bi[k] - lambda * au[k]) }
                for k in 0..<f { bi[k] += eta * (err * au[k] - lambda * bi[k]) }
            }
        }
        userFactors = a
        itemFactors = b
    }

    /// Draws a first vector for a new index; true when the index was new.
    @discardableResult
    private static func introduce(_ index: Int, known: inout [Bool], factors: inout [Double], generator: inout SeededGenerator,
                                  _ draw: (factors: Int, deviation: Double)) -> Bool {
        let f = draw.factors
        if index >= known.count {
            known += repeatElement(false, count: index + 1 - known.count)
            factors += repeatElement(0, count: (index + 1) * f - factors.count)
        }
        guard !known[index] else { return false }
        known[index] = true
        for k in 0..<f { factors[index * f + k] = generator.nextGaussian() * draw.deviation }
        return true
    }

    /// A_u·B_j, nil when either is unknown.
    public func predict(user: Int, item: Int) -> Double? {
        guard user >= 0, item >= 0, user < knownUser.count, item < knownItem.count, knownUser[user], knownItem[item] else { return nil }
        let f = options.factors
        var dot = 0.0
        for k in 0..<f { dot += userFactors[user * f + k] * itemFactors[item * f + k] }
        return dot
    }

    public func recommend(user: Int, count: Int, seen: [Int32], scratch: inout StreamScratch) -> [Recommendation] {
        guard count > 0, user >= 0, user < knownUser.count, knownUser[user] else { return [] }
        scratch.reserve(itemCount: knownItem.count)
        scratch.flag(seen, true)
        defer { scratch.flag(seen, false) }
        let f = options.factors
        var heap = BoundedBest(capacity: count)
        userFactors.withUnsafeBufferPointer { a in
            itemFactors.withUnsafeBufferPointer { b in
                let au = a.baseAddress! + user * f
                for t in items where !scratch.flags[Int(t)] {
                    let bj = b.baseAddress! + Int(t) * f
                    var dot = 0.0
                    for k in 0..<f { dot += au[k] * bj[k] }
                    heap.offer(item: Int(t), score: -abs(1 - dot))
                }
            }
        }
        return heap.sortedBestFirst()
    }

    public var memoryBytes: Int { (userFactors.count + itemFactors.count) * 8 + knownUser.count + knownItem.count + items.count * 4 }
}
