/// Implicit ALS kept current between full refits by folding users in (as `implicit`'s
/// `partial_fit_users` does): every period the batch `ImplicitALS` is refitted on all events so
/// far; between refits each event re-solves its user's factors against the fixed item factors,
///
///     (YᵀY + λI + Σ_{i∈I_u} (c − 1) y_i y_iᵀ) x_u = Σ_{i∈I_u} c y_i,   c = 1 + α,
///
/// I_u being the user's distinct items so far (binary strengths). The solve is exact (Cholesky).
/// Items first seen after the last refit have no factors yet: they are left out of the sums and
/// cannot be recommended until the next refit. Before the first refit (one period in) there are
/// no item factors and every list is empty.
public struct FoldInALS: StreamingRecommender {
    public let options: ImplicitALSOptions
    private var log: RefitLog
    private var history = InteractionHistory()
    /// Row-major users × factors (Double, folded in); item factors from the last refit.
    private(set) var userFactors: [Double] = []
    private(set) var itemFactors: [Float] = []
    private(set) var fittedItems = 0
    /// YᵀY + λI of the item factors.
    private var itemGram: [Double] = []
    public private(set) var refits = 0

    public init(options: ImplicitALSOptions, period seconds: Int64) {
        self.options = options
        log = RefitLog(period: seconds)
    }

    public var algorithmName: String {
        "ALS fold-in (\(options.factors) factors, refit every \(StreamPeriod.describe(seconds: Double(log.period))))"
    }
    public var parameterValues: [ParameterValue] {
        options.described + [ParameterValue("period", StreamPeriod.describe(seconds: Double(log.period)))]
    }

    public mutating func learn(_ event: StreamInteraction, context: RunContext) throws {
        var next = log
        next.append(event)
        if next.isDue(at: event.time) {
            let model = try ImplicitALS.fit(next.interactions(), options: options, context: context)
            let gram = try ALSHalfStep(options: options).gram(model.itemFactors, rowCount: model.training.itemCount, context: context)
            next.scheduleAfter(event.time)
            itemFactors = model.itemFactors
            fittedItems = model.training.itemCount
            itemGram = gram
            userFactors = model.userFactors.map(Double.init)
            refits += 1
        }
        log = next
        history.record(user: event.user, item: event.item)
        guard fittedItems > 0 else { return }
        let u = Int(event.user), f = options.factors
        if userFactors.count < (u + 1) * f { userFactors += repeatElement(0, count: (u + 1) * f - userFactors.count) }
        let x = Self.foldIn(items: history.items(of: u), itemFactors: itemFactors, fittedItems: fittedItems,
                            gram: itemGram, factors: f, alpha: options.alpha)
        for k in 0..<f { userFactors[u * f + k] = x[k] }
    }

    /// The user's factors with the item factors fixed: the solution of the normal equations above
    /// (zeros when the system is not positive definite, which λ > 0 rules out).
    static func foldIn(items: [Int32], itemFactors: [Float], fittedItems: Int, gram: [Double], factors f: Int, alpha: Double) -> [Double] {
        var a = gram
        var b = [Double](repeating: 0, count: f)
        let c = 1 + alpha
        for item in items where Int(item) < fittedItems {
            let base = Int(item) * f
            for s in 0..<f {
                let ys = Double(itemFactors[base + s])
                b[s] += c * ys
                for t in 0..<f { a[s * f + t] += (c - 1) * ys * Double(itemFactors[base + t]) }
            }
        }
        return DenseSolve.solve(a, b) ?? [Double](repeating: 0, count: f)
    }

    public func recommend(user: Int, count: Int, seen: [Int32], scratch: inout StreamScratch) -> [Recommendation] {
        let f = options.factors
        guard count > 0, fittedItems > 0, user >= 0, (user + 1) * f <= userFactors.count else { return [] }
        scratch.reserve(itemCount: fittedItems)
        scratch.flag(seen, true)
        defer { scratch.flag(seen, false) }
        var heap = BoundedBest(capacity: count)
        for j in 0..<fittedItems where !scratch.flags[j] {
            var dot = 0.0
            for k in 0..<f { dot += userFactors[user * f + k] * Double(itemFactors[j * f + k]) }
            heap.offer(item: j, score: dot)
        }
        return heap.sortedBestFirst()
    }

    public var memoryBytes: Int {
        log.memoryBytes + history.memoryBytes + userFactors.count * 8 + itemFactors.count * 4 + itemGram.count * 8
    }
}
