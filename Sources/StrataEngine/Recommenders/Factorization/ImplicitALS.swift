/// How each least-squares row problem of ALS is solved.
public enum ALSSolver: String, Sendable, CaseIterable {
    /// A few conjugate-gradient steps warm-started from the previous factors (Takács et al. 2011;
    /// what `implicit` does by default): far cheaper per row, converging over the iterations.
    case cg
    /// The exact solve by Cholesky factorisation, f³/3 work per row.
    case cholesky
}

public struct ImplicitALSOptions: Sendable, Equatable {
    public var factors = 64
    public var iterations = 15
    public var regularization = 0.01
    /// Confidence c = 1 + alpha·r for an interaction of strength r.
    public var alpha = 1.0
    /// Take every interaction's strength as 1 (who interacted, not how much or how they rated).
    public var binary = true
    public var solver: ALSSolver = .cg
    public var cgSteps = 3
    public var seed: UInt64

    public init(seed: UInt64) { self.seed = seed }
}

extension ImplicitALSOptions: EstimatorParameters {
    /// `binary` has no fixed default: the command language takes ratings as presence and events by strength.
    public var described: [ParameterValue] {
        let d = ImplicitALSOptions(seed: seed)
        return [ParameterValue("factors", factors, default: d.factors), ParameterValue("iterations", iterations, default: d.iterations),
                ParameterValue("reg", regularization, default: d.regularization), ParameterValue("alpha", alpha, default: d.alpha),
                ParameterValue("solver", solver, default: d.solver), ParameterValue("cgsteps", cgSteps, default: d.cgSteps),
                .yesNo("binary", binary, default: nil), ParameterValue("seed", String(seed))]
    }
}

public struct ImplicitALSEstimator: RecommenderEstimator {
    public let parameters: ImplicitALSOptions
    public init(_ parameters: ImplicitALSOptions) { self.parameters = parameters }
    public func fit(_ data: Interactions, context: RunContext) throws -> ImplicitALS {
        try ImplicitALS.fit(data, options: parameters, context: context)
    }
}

/// Alternating least squares for implicit feedback (Hu, Koren & Volinsky 2008): every user-item
/// pair has preference p = 1 if they interacted, else 0, weighted by confidence c = 1 + alpha·r
/// (1 for pairs without interaction); minimises Σ c(p − x_u·y_i)² + λ(Σ‖x_u‖² + Σ‖y_i‖²) by
/// solving for all users with items fixed, then all items with users fixed. Each row's system is
/// (YᵀY + λI + Yᵀ(C_u − I)Y) x_u = Yᵀ C_u p_u, with YᵀY computed once per half-step so a row
/// costs only its own interactions. Factors start uniform in [0, 0.01) from the seed (users, then
/// items); rows are solved on all cores over fixed ranges, each row independently, so results do
/// not depend on the thread count. Factors are single precision, as in implicit; the sums over all
/// rows (YᵀY) are taken in Double. Top-N ranks by x_u·y_i.
public struct ImplicitALS: BatchRecommender, ItemSimilarity {
    public let training: Interactions
    public let options: ImplicitALSOptions
    /// Row-major users × factors.
    public let userFactors: [Float]
    /// Row-major items × factors.
    public let itemFactors: [Float]
    /// YᵀY + λI of the final item factors, for explanations.
    let itemGram: [Double]
    let scorer: FactorScorer

    public static func fit(_ data: Interactions, options: ImplicitALSOptions, context: RunContext) throws -> ImplicitALS {
        try validate(options, data)
        let f = options.factors
        let users = data.userIds.count, items = data.itemIds.count
        var generator = SeededGenerator(seed: options.seed)
        var x = (0..<(users * f)).map { _ in Float(generator.nextDouble() * 0.01) }
        var y = (0..<(items * f)).map { _ in Float(generator.nextDouble() * 0.01) }
        let step = ALSHalfStep(options: options)
        context.progress.begin("ALS", total: options.iterations, unit: "iterations")
        defer { context.progress.end() }
        for iteration in 0..<options.iterations {
            try step.solve(rows: &x, fixed: y, interactions: data.byUser, context: context)
            try step.solve(rows: &y, fixed: x, interactions: data.byItem, context: context)
            context.progress.update(iteration + 1)
        }
        let gram = try step.gram(y, rowCount: items, context: context)
        return ImplicitALS(training: data, options: options, userFactors: x, itemFactors: y, itemGram: gram,
                           scorer: FactorScorer(itemFactors: y, itemCount: items, factorCount: f))
    }

    static func validate(_ options: ImplicitALSOptions, _ data: Interactions) throws {
        guard !data.byUser.values.isEmpty else { throw EngineError("the training interactions are empty") }
        guard (1...1_000).contains(options.factors) else { throw EngineError("factors must be between 1 and 1000, got \(options.factors)") }
        guard (1...1_000).contains(options.iterations) else {
            throw EngineError("iterations must be between 1 and 1000, got \(options.iterations)")
        }
        guard options.regularization > 0, options.regularization.isFinite else {
            throw EngineError("regularization must be above 0, got \(options.regularization)",
                              suggestion: "it keeps each row's system positive definite")
        }
        guard options.alpha >= 0, options.alpha.isFinite else { throw EngineError("alpha must be 0 or more, got \(options.alpha)") }
        guard (1...1_000).contains(options.cgSteps) else { throw EngineError("cg steps must be between 1 and 1000") }
        let cells = Double(data.userIds.count + data.itemIds.count) * Double(options.factors)
        guard cells <= 400_000_000 else {
            throw EngineError("\(options.factors) factors for \(data.userIds.count) users and \(data.itemIds.count) items need too much memory",
                              suggestion: "use fewer factors")
        }
    }

    public var parameterValues: [ParameterValue] { options.described }

    public var algorithmName: String {
        "ALS (implicit, \(options.factors) factors, \(options.iterations) iterations, \(options.solver.rawValue))"
    }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        guard user >= 0, user < training.userIds.count else { return [] }
        let f = options.factors
        return scorer.topN(user: userFactors[(user * f)..<((user + 1) * f)], count: count, exclude: exclude)
    }

    public func recommend(users: [Int], count: Int, excludeSeen: Bool, context: RunContext) throws -> [[Recommendation]] {
        try scorer.topN(userFactors: userFactors, users: users, count: count,
                        seen: excludeSeen ? training.byUser : nil, context: context)
    }

    /// The score x_u·y_j splits exactly into one term per item the user interacted with:
    /// c_ui · y_jᵀ A_u⁻¹ y_i, A_u being the user's system matrix (Hu, Koren & Volinsky, section 5).
    /// The reasons are the largest terms.
    public func explain(user: Int, item: Int) -> Explanation {
        guard user >= 0, user < training.userIds.count, item >= 0, item < training.itemIds.count else {
            return Explanation(item: item, reasons: [])
        }
        let f = options.factors
        let row = training.byUser.row(user)
        var a = itemGram
        let step = ALSHalfStep(options: options)
        for (i, r) in zip(row.indices, row.values) {
            let c = step.confidence(r) - 1
            for s in 0..<f {
                for t in 0..<f { a[s * f + t] += c * Double(itemFactors[Int(i) * f + s]) * Double(itemFactors[Int(i) * f + t]) }
            }
        }
        guard let z = DenseSolve.solve(a, itemFactors[(item * f)..<((item + 1) * f)].map { Double($0) }) else {
            return Explanation(item: item, reasons: [])
        }
        var terms: [(item: Int, value: Double)] = []
        for (i, r) in zip(row.indices, row.values) {
            var d = 0.0
            for s in 0..<f { d += z[s] * Double(itemFactors[Int(i) * f + s]) }
            terms.append((Int(i), step.confidence(r) * d))
        }
        let top = TopScores.select(items: terms.map(\.item), scores: terms.map(\.value), count: 3, exclude: [])
        return Explanation(item: item, reasons: top.filter { $0.score > 0 }.map { t -> Reason in
            "because you interacted with \(item: t.item) (contributes \(NeighborReasons.number(t.score)))"
        })
    }

    public func similarItems(to item: Int, count: Int) -> [Recommendation] {
        FactorSimilarity.similarItems(to: item, count: count, itemFactors: itemFactors, factorCount: options.factors,
                                      itemCount: training.itemIds.count)
    }
}
