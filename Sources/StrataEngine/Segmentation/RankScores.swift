/// How equal values are ranked before quantile scores are cut.
public enum TieRule: String, Sendable, CaseIterable {
    /// Equal values share their average rank, so they always get the same score; bins can be unequal.
    case average
    /// Equal values are ranked in row order (pandas `rank(method="first")`): bins are as equal as
    /// possible, but two customers with the same value can get different scores.
    case first
}

/// Scores 1…bins from ranks, the way `pandas.qcut(x.rank(method=…), bins, labels=1…bins)` does:
/// rank r (1…n) falls in bin b when e(b−1) < r ≤ e(b), with edges e(j) = 1 + (n − 1)·j/bins.
public enum RankScores {
    public static func scores(_ values: [Double], bins: Int, ties: TieRule, direction: Direction) throws -> [Int] {
        guard bins >= 2 else { throw EngineError("scores need at least 2 bins, got \(bins)") }
        let n = values.count
        guard n > 0 else { return [] }
        let keyed = direction == .higherIsBetter ? values : values.map { -$0 }
        let ranks = self.ranks(keyed, ties: ties)
        let edges = (1..<bins).map { 1 + Double(n - 1) * Double($0) / Double(bins) }
        return ranks.map { r in 1 + edges.reduce(0) { $0 + ($1 < r ? 1 : 0) } }
    }

    /// 1-based ranks, ascending.
    public static func ranks(_ values: [Double], ties: TieRule) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
            for p in start..<end {
                ranks[order[p]] = ties == .first ? Double(p + 1) : Double(start + 1 + end) / 2
            }
            start = end
        }
        return ranks
    }

    /// Scores from explicit cut points c1 < c2 < …: bins (−∞, c1], (c1, c2], …, (c_last, ∞) are scored
    /// 1, 2, … upward when higher is better, and downward when lower is better.
    public static func scores(_ values: [Double], cuts: [Double], direction: Direction) throws -> [Int] {
        guard !cuts.isEmpty else { throw EngineError("give at least one cut point") }
        for (a, b) in zip(cuts, cuts.dropFirst()) where !(a < b) {
            throw EngineError("cut points must increase: \(a) is followed by \(b)")
        }
        let bins = cuts.count + 1
        return values.map { v in
            let bin = 1 + cuts.reduce(0) { $0 + ($1 < v ? 1 : 0) }
            return direction == .higherIsBetter ? bin : bins + 1 - bin
        }
    }
}
