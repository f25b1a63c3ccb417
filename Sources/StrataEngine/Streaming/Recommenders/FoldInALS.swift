/// Implicit ALS kept current between full refits by folding users in (as `implicit`'s
/// `partial_fit_users` does): every period the batch `ImplicitALS` is refitted on all events so
/// far; between refits each event re-solves its user's factors against the fixed item factors,
///
///     (YᵀY + λI + Σ_{i∈I_u} (c − 1) y_i y_iᵀ) x_u = Σ_{i∈I_u} c y_i,   c = 1 + α,
///
/// I_u being the user's distinct items so far (binary strengths). The solve is exact (Cholesky),
/// the batch half-step's own, over the items in the batch's order: a folded-in user has the
/// factors a batch half-step against the same item factors gives them.
/// Items first seen after the last refit have no factors yet: they are left out of the sums and
/// cannot be recommended until the next refit. Before the first refit (one period in) there are
/// no item factors and every list is empty.
public struct FoldInALS: StreamingRecommender {
    public let options: ImplicitALSOptions
    private var log: RefitLog
    /// Each user's distinct items in ascending order: the order a batch half-step sums them in, so a
    /// fold-in gives the batch factors exactly; items without factors yet come last.
    private var itemsByUser: [[Int32]] = []
    private var pairCount = 0
    /// Row-major users × factors (Double, folded in); item factors from the last refit.
    private(set) var userFactors: [Double] = []
    private(set) var itemFactors: [Float] = []
    private(set) var fittedItems = 0
    /// YᵀY + λI of the item factors, computed once per refit.
    private var itemGram: [Double] = []
    /// The f × f matrix and the right-hand side of one solve, reused from event to event.
    private var work: [Double] = []
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
        let options = self.options
        if let model = try log.append(event, refittingWith: { try ImplicitALS.fit($0, options: options, context: context) }) {
            itemFactors = model.itemFactors
            fittedItems = model.training.itemCount
            itemGram = model.itemGram
            userFactors = model.userFactors.map(Double.init)
            refits += 1
        }
        let u = Int(event.user)
        if u >= itemsByUser.count { itemsByUser += repeatElement([], count: u + 1 - itemsByUser.count) }
        let at = Self.firstIndex(in: itemsByUser[u], notBelow: event.item)
        if at == itemsByUser[u].count || itemsByUser[u][at] != event.item {
            itemsByUser[u].insert(event.item, at: at)
            pairCount += 1
        }
        guard fittedItems > 0 else { return }
        let f = options.factors
        if userFactors.count < (u + 1) * f { userFactors += repeatElement(0, count: (u + 1) * f - userFactors.count) }
        if work.count != f * f + f { work = [Double](repeating: 0, count: f * f + f) }
        let items = itemsByUser[u]
        let solved = Self.solve(sortedItems: items, usable: Self.firstIndex(in: items, notBelow: Int32(clamping: fittedItems)),
                                itemFactors: itemFactors, gram: itemGram, factors: f, alpha: options.alpha, work: &work)
        for k in 0..<f { userFactors[u * f + k] = solved ? work[f * f + k] : 0 }
    }

    /// The position of the first item ≥ `item` in an ascending list.
    static func firstIndex(in items: [Int32], notBelow item: Int32) -> Int {
        var lo = 0, hi = items.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if items[mid] < item { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The user's factors with the item factors fixed: the solution of the normal equations above,
    /// summed over `sortedItems[..<usable]` (ascending, each with factors). On success the solution
    /// is `work[f²..<f² + f]`; false when the system is not positive definite (λ > 0 rules it out).
    /// The solve is the batch half-step's own (`ALSHalfStep.exactRowSolve`), on the caller's
    /// scratch, so a fold-in allocates nothing and recomputes no YᵀY.
    static func solve(sortedItems: [Int32], usable: Int, itemFactors: [Float], gram: [Double], factors f: Int, alpha: Double,
                      work: inout [Double]) -> Bool {
        let c = 1 + alpha
        return work.withUnsafeMutableBufferPointer { w in
            itemFactors.withUnsafeBufferPointer { yb in
                gram.withUnsafeBufferPointer { gb in
                    sortedItems.withUnsafeBufferPointer { items in
                        let n = min(usable, items.count)
                        guard let a = w.baseAddress, let y = yb.baseAddress, let g = gb.baseAddress, w.count >= f * f + f, gb.count >= f * f,
                              n == 0 || (items[0] >= 0 && (Int(items[n - 1]) + 1) * f <= yb.count) else { return false }
                        return ALSHalfStep.exactRowSolve(factors: f, y: y, gram: g, a: a, b: a + f * f, count: n) { (Int(items[$0]), c) }
                    }
                }
            }
        }
    }

    /// `solve` for any list of items: those without factors (index ≥ `fittedItems`) are left out;
    /// zeros when the system is not positive definite.
    static func foldIn(items: [Int32], itemFactors: [Float], fittedItems: Int, gram: [Double], factors f: Int, alpha: Double) -> [Double] {
        let sorted = Array(Set(items)).filter { $0 >= 0 && Int($0) < fittedItems }.sorted()
        var work = [Double](repeating: 0, count: f * f + f)
        guard solve(sortedItems: sorted, usable: sorted.count, itemFactors: itemFactors, gram: gram, factors: f, alpha: alpha, work: &work) else {
            return [Double](repeating: 0, count: f)
        }
        return Array(work[(f * f)...])
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
        log.memoryBytes + pairCount * 4 + itemsByUser.count * 32 + userFactors.count * 8 + itemFactors.count * 4 + itemGram.count * 8
            + work.count * 8
    }
}
