/// One rated event of a stream: dense user and item indices and the value to predict.
public struct RatedInteraction: Sendable, Equatable {
    public var user: Int32
    public var item: Int32
    public var rating: Double

    public init(user: Int32, item: Int32, rating: Double) {
        self.user = user
        self.item = item
        self.rating = rating
    }
}

/// Rating prediction learnt one event at a time by SGD on the squared error, with River's update
/// rules (`reco.BiasedMF`, or `reco.FunkMF` without biases), so the two can be timed on the same
/// events with the same settings:
///
///     ŷ = μ + b_u + b_i + p_u·q_i            (FunkMF: p_u·q_i)
///     g = 2(ŷ − y)                           (μ, the running mean of y, updated first)
///     b_u ← b_u − η(g + λ_b b_u),  b_i ← b_i − η(g + λ_b b_i)
///     p_u ← p_u − η(g q_i + λ p_u), q_i ← q_i − η(g p_u + λ q_i)   (gradients from the old values)
///
/// Biases start at 0; a user or item seen for the first time gets N(0, σ²) factors from the seeded
/// generator (user before item), where River uses its own generator.
public struct StreamingRatingMF: IncrementalModel {
    public typealias Event = RatedInteraction
    public struct Options: Sendable, Equatable {
        public var factors = 10
        public var learnRate = 0.05
        public var regularization = 0.0
        public var biasRegularization = 0.0
        public var initialDeviation = 0.1
        public var biased = true
        public var seed: UInt64 = 42

        public init() {}
    }

    public let options: Options
    private var generator: SeededGenerator
    private var userFactors: [Double] = []
    private var itemFactors: [Double] = []
    private var userBias: [Double] = []
    private var itemBias: [Double] = []
    private var knownUser: [Bool] = []
    private var knownItem: [Bool] = []
    private var ratingSum = 0.0
    private var ratingCount = 0

    public init(_ options: Options = Options()) {
        self.options = options
        generator = SeededGenerator(seed: options.seed)
    }

    public var algorithmName: String {
        "\(options.biased ? "biased MF" : "Funk MF") by SGD (\(options.factors) factors, rate \(DescribeFormat.number(options.learnRate)))"
    }

    public var parameterValues: [ParameterValue] {
        let d = Options()
        return [ParameterValue("factors", options.factors, default: d.factors), ParameterValue("rate", options.learnRate, default: d.learnRate),
                ParameterValue("reg", options.regularization, default: d.regularization), ParameterValue("seed", String(options.seed))]
    }

    /// The prediction before learning the event (new users and items are introduced first, as
    /// River's `predict_one` does).
    public mutating func predictThenLearn(_ event: RatedInteraction) -> Double {
        let u = Int(event.user), i = Int(event.item), f = options.factors
        let draw = (f, options.initialDeviation)
        Self.introduce(u, known: &knownUser, factors: &userFactors, biases: &userBias, generator: &generator, draw)
        Self.introduce(i, known: &knownItem, factors: &itemFactors, biases: &itemBias, generator: &generator, draw)
        let before = prediction(u, i)
        ratingSum += event.rating
        ratingCount += 1
        let g = 2 * (prediction(u, i) - event.rating)
        let eta = options.learnRate, lambda = options.regularization
        if options.biased {
            userBias[u] -= eta * (g + options.biasRegularization * userBias[u])
            itemBias[i] -= eta * (g + options.biasRegularization * itemBias[i])
        }
        userFactors.withUnsafeMutableBufferPointer { a in
            itemFactors.withUnsafeMutableBufferPointer { b in
                guard let pa = a.baseAddress, let pb = b.baseAddress else { return }
                let pu = pa + u * f, qi = pb + i * f
                for k in 0..<f {
                    let p = pu[k], q = qi[k]
                    pu[k] = p - eta * (g * q + lambda * p)
                    qi[k] = q - eta * (g * p + lambda * q)
                }
            }
        }
        return before
    }

    /// ŷ for a known user and item, nil otherwise.
    public func predict(user: Int, item: Int) -> Double? {
        guard user >= 0, item >= 0, user < knownUser.count, item < knownItem.count, knownUser[user], knownItem[item] else { return nil }
        return prediction(user, item)
    }

    private func prediction(_ u: Int, _ i: Int) -> Double {
        let f = options.factors
        var dot = 0.0
        for k in 0..<f { dot += userFactors[u * f + k] * itemFactors[i * f + k] }
        guard options.biased else { return dot }
        let mean = ratingCount > 0 ? ratingSum / Double(ratingCount) : 0
        return mean + userBias[u] + itemBias[i] + dot
    }

    private static func introduce(_ index: Int, known: inout [Bool], factors: inout [Double], biases: inout [Double],
                                  generator: inout SeededGenerator, _ draw: (factors: Int, deviation: Double)) {
        let f = draw.factors
        if index >= known.count {
            known += repeatElement(false, count: index + 1 - known.count)
            biases += repeatElement(0, count: index + 1 - biases.count)
            factors += repeatElement(0, count: (index + 1) * f - factors.count)
        }
        guard !known[index] else { return }
        known[index] = true
        for k in 0..<f { factors[index * f + k] = generator.nextGaussian() * draw.deviation }
    }

    public func updated(with events: some Collection<RatedInteraction>, context: RunContext) throws -> StreamingRatingMF {
        var next = self
        for (n, e) in events.enumerated() {
            if n & 4095 == 0 { try context.cancellation.check() }
            _ = next.predictThenLearn(e)
        }
        return next
    }

    public var memoryBytes: Int { (userFactors.count + itemFactors.count + userBias.count + itemBias.count) * 8 + knownUser.count + knownItem.count }
}
