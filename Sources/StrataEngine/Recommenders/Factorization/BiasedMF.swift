/// Settings of biased matrix factorisation; the defaults are Surprise's SVD defaults.
public struct BiasedMFOptions: Sendable, Equatable {
    public var factors = 100
    public var epochs = 20
    public var learningRate = 0.005
    public var regularization = 0.02
    /// Factors start as Normal(initMean, initStd), users first, then items.
    public var initMean = 0.0
    public var initStd = 0.1
    public var seed: UInt64

    public init(seed: UInt64) { self.seed = seed }
}

/// Biased matrix factorisation for ratings, trained by stochastic gradient descent
/// (Funk; Koren, Bell & Volinsky 2009), with Surprise SVD's model and update rule:
/// r̂ = μ + b_u + b_i + q_i·p_u; for each rating, e = r − r̂, then
/// b_u += lr(e − reg·b_u), b_i += lr(e − reg·b_i), p_u += lr(e·q_i − reg·p_u), q_i += lr(e·p_u − reg·q_i)
/// (p_u and q_i updated from each other's old values). Ratings are visited in an order shuffled
/// afresh each epoch by the seeded generator, one at a time, so a seed gives one model.
/// Predictions are clipped to the rating scale; top-N ranks by b_i + q_i·p_u.
public struct BiasedMF: BatchRecommender {
    public let training: Interactions
    public let options: BiasedMFOptions
    public let globalMean: Double
    public let userBias: [Double]
    public let itemBias: [Double]
    /// Row-major users × factors.
    public let userFactors: [Double]
    /// Row-major items × factors.
    public let itemFactors: [Double]
    let scorer: FactorScorer

    public static func fit(_ data: Interactions, options: BiasedMFOptions, context: RunContext) throws -> BiasedMF {
        try validate(options, data)
        let f = options.factors
        let users = data.userIds.count, items = data.itemIds.count
        var generator = SeededGenerator(seed: options.seed)
        var p = (0..<(users * f)).map { _ in options.initMean + options.initStd * generator.nextGaussian() }
        var q = (0..<(items * f)).map { _ in options.initMean + options.initStd * generator.nextGaussian() }
        var bu = [Double](repeating: 0, count: users)
        var bi = [Double](repeating: 0, count: items)
        let mu = InteractionStats.globalMean(data.byUser)
        let m = data.byUser
        var userOf = [Int32](repeating: 0, count: m.values.count)
        for u in 0..<users { for k in m.rowStart[u]..<m.rowStart[u + 1] { userOf[k] = Int32(u) } }
        var order = [Int32](0..<Int32(m.values.count))
        let lr = options.learningRate, reg = options.regularization
        context.progress.begin("matrix factorisation", total: options.epochs, unit: "epochs")
        defer { context.progress.end() }
        for epoch in 0..<options.epochs {
            try context.cancellation.check()
            generator.shuffle(&order)
            p.withUnsafeMutableBufferPointer { pp in
            q.withUnsafeMutableBufferPointer { qq in
            bu.withUnsafeMutableBufferPointer { bub in
            bi.withUnsafeMutableBufferPointer { bib in
            m.indices.withUnsafeBufferPointer { itemOf in
            m.values.withUnsafeBufferPointer { ratings in
                guard let pBase = pp.baseAddress, let qBase = qq.baseAddress else { return }
                for k in order {
                    let pos = Int(k)
                    let u = Int(userOf[pos]), i = Int(itemOf[pos])
                    let pu = pBase + u * f, qi = qBase + i * f
                    let dot = VectorMath.dot(qi, pu, f)
                    let err = Double(ratings[pos]) - (mu + bub[u] + bib[i] + dot)
                    bub[u] += lr * (err - reg * bub[u])
                    bib[i] += lr * (err - reg * bib[i])
                    for x in 0..<f {
                        let puf = pu[x], qif = qi[x]
                        pu[x] += lr * (err * qif - reg * puf)
                        qi[x] += lr * (err * puf - reg * qif)
                    }
                }
            }}}}}}
            context.progress.update(epoch + 1)
        }
        let scorer = FactorScorer(itemFactors: q, itemCount: items, factorCount: f, itemOffsets: bi)
        return BiasedMF(training: data, options: options, globalMean: mu, userBias: bu, itemBias: bi,
                        userFactors: p, itemFactors: q, scorer: scorer)
    }

    static func validate(_ options: BiasedMFOptions, _ data: Interactions) throws {
        guard data.kind.ratingScale != nil else {
            throw EngineError("matrix factorisation by SGD fits ratings; these interactions are implicit",
                              suggestion: "use 'recommender als' for implicit feedback")
        }
        guard !data.byUser.values.isEmpty else { throw EngineError("the training interactions are empty") }
        guard (1...1_000).contains(options.factors) else { throw EngineError("factors must be between 1 and 1000, got \(options.factors)") }
        guard (1...10_000).contains(options.epochs) else { throw EngineError("epochs must be between 1 and 10000, got \(options.epochs)") }
        guard options.learningRate > 0, options.learningRate < 1 else {
            throw EngineError("the learning rate must be between 0 and 1, got \(options.learningRate)")
        }
        guard options.regularization >= 0, options.regularization.isFinite else {
            throw EngineError("regularization must be 0 or more, got \(options.regularization)")
        }
        guard options.initStd >= 0, options.initStd.isFinite, options.initMean.isFinite else {
            throw EngineError("the initial standard deviation must be 0 or more")
        }
        let cells = Double(data.userIds.count + data.itemIds.count) * Double(options.factors)
        guard cells <= 400_000_000 else {
            throw EngineError("\(options.factors) factors for \(data.userIds.count) users and \(data.itemIds.count) items need too much memory",
                              suggestion: "use fewer factors")
        }
    }

    public var algorithmName: String { "biased MF (SGD, \(options.factors) factors, \(options.epochs) epochs)" }

    func dot(user: Int, item: Int) -> Double {
        let f = options.factors
        var s = 0.0
        for x in 0..<f { s += userFactors[user * f + x] * itemFactors[item * f + x] }
        return s
    }

    public func predictRating(user: Int, item: Int) -> Double? {
        let knownUser = user >= 0 && user < userBias.count, knownItem = item >= 0 && item < itemBias.count
        var r = globalMean
        if knownUser { r += userBias[user] }
        if knownItem { r += itemBias[item] }
        if knownUser && knownItem { r += dot(user: user, item: item) }
        return training.kind.clip(r)
    }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        guard user >= 0, user < userBias.count else { return [] }
        let f = options.factors
        return scorer.topN(user: userFactors[(user * f)..<((user + 1) * f)], count: count, exclude: exclude)
    }

    public func recommend(users: [Int], count: Int, excludeSeen: Bool, context: RunContext) throws -> [[Recommendation]] {
        return try scorer.topN(userFactors: userFactors, users: users, count: count,
                               seen: excludeSeen ? training.byUser : nil, context: context)
    }

    public func explain(user: Int, item: Int) -> Explanation {
        guard user >= 0, user < userBias.count, item >= 0, item < itemBias.count else {
            return Explanation(item: item, reasons: [])
        }
        let n = NeighborReasons.number
        let taste = dot(user: user, item: item)
        let predicted = predictRating(user: user, item: item) ?? globalMean
        return Explanation(item: item, reasons: [
            Reason("predicted rating \(n(predicted)) = global mean \(n(globalMean)) + item bias \(n(itemBias[item]))"
                + " + user bias \(n(userBias[user])) + taste match \(n(taste))" + (predicted != globalMean + userBias[user] + itemBias[item] + taste ? " (clipped to the scale)" : "")),
        ])
    }

    public func similarItems(to item: Int, count: Int) -> [Recommendation]? {
        FactorSimilarity.similarItems(to: item, count: count, itemFactors: itemFactors, factorCount: options.factors,
                                      itemCount: itemBias.count)
    }
}
