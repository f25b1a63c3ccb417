/// Lift and cumulative gain by score group (deciles by default): rows sorted by score from the
/// highest, cut into groups of near-equal size (group g holds positions ⌊n·g/G⌋ ..< ⌊n·(g+1)/G⌋).
///
/// Ties: rows with equal scores cannot be ordered by the model, so a tie that straddles a group
/// boundary shares its positives evenly: every row of a tied block counts as (positives in the
/// block) / (rows in the block). A group's positives are then what a random order within ties
/// gives on average, the result does not depend on the table's row order, and positive counts may
/// be fractional.
public struct LiftTable: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        /// 1 for the highest scores.
        public let number: Int
        public let rows: Int
        public let highestScore: Double
        public let lowestScore: Double
        /// Positives in the group (fractional when a tie straddles its edge).
        public let positives: Double
        /// positives / rows.
        public let responseRate: Double
        /// responseRate / overall positive rate.
        public let lift: Double
        public let cumulativeRows: Int
        public let cumulativePositives: Double
        /// Share of all positives found in groups 1 … this one.
        public let cumulativeGain: Double
        /// Cumulative response rate / overall positive rate.
        public let cumulativeLift: Double
    }

    public let groups: [Group]
    public let overallRate: Double

    public init(_ outcomes: BinaryOutcomes, groups groupCount: Int = 10) throws {
        guard groupCount >= 2 else { throw EngineError("lift needs at least 2 groups, not \(groupCount)") }
        guard outcomes.count >= groupCount else {
            throw EngineError("lift by \(groupCount) groups needs at least \(groupCount) rows; there are \(outcomes.count)",
                              suggestion: "use fewer groups")
        }
        guard outcomes.positiveCount > 0 else {
            throw EngineError("lift needs at least one positive row; all \(outcomes.count) are negative")
        }
        let s = outcomes.scores
        let n = s.count
        let order = s.indices.sorted { s[$0] > s[$1] || (s[$0] == s[$1] && $0 < $1) }
        // Each position's share of a positive: its tied block's positive rate.
        var share = [Double](repeating: 0, count: n)
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && s[order[end]] == s[order[start]] { end += 1 }
            var positives = 0
            for p in start..<end where outcomes.isPositive[order[p]] { positives += 1 }
            let rate = Double(positives) / Double(end - start)
            for p in start..<end { share[p] = rate }
            start = end
        }
        let total = Double(outcomes.positiveCount)
        overallRate = total / Double(n)
        var result: [Group] = []
        var cumulativePositives = 0.0
        for g in 0..<groupCount {
            let lower = n * g / groupCount, upper = n * (g + 1) / groupCount
            var positives = 0.0
            for p in lower..<upper { positives += share[p] }
            cumulativePositives += positives
            let rows = upper - lower
            let rate = positives / Double(rows)
            let cumulativeRate = cumulativePositives / Double(upper)
            result.append(Group(number: g + 1, rows: rows, highestScore: s[order[lower]], lowestScore: s[order[upper - 1]],
                                positives: positives, responseRate: rate, lift: rate / overallRate,
                                cumulativeRows: upper, cumulativePositives: cumulativePositives,
                                cumulativeGain: cumulativePositives / total, cumulativeLift: cumulativeRate / overallRate))
        }
        groups = result
    }
}
