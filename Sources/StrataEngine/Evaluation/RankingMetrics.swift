/// One user's ranking metrics at a cutoff k.
public struct UserRankingScores: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var ndcg: Double
    public var averagePrecision: Double
    public var reciprocalRank: Double
    public var hit: Double
}

/// Per-list ranking metrics. A list is ranked item indices, best first; only its first k count.
public enum RankingMetrics {
    public static func score(list: [Int], relevant: RelevantItems, k: Int,
                             definitions: MetricDefinitions = MetricDefinitions()) -> UserRankingScores {
        precondition(k > 0)
        let top = list.prefix(k)
        let nRelevant = relevant.count
        var hits = 0
        var dcg = 0.0
        var precisionSum = 0.0
        var firstHit = 0
        for (offset, item) in top.enumerated() {
            guard let grade = relevant.grades[item] else { continue }
            let rank = offset + 1
            hits += 1
            if firstHit == 0 { firstHit = rank }
            dcg += definitions.gain(grade: grade) * definitions.discount(rank: rank)
            precisionSum += Double(hits) / Double(rank)
        }
        let h = Double(hits)
        let precisionDenominator = definitions.precision == .k ? k : top.count
        let recallDenominator = definitions.recall == .relevant ? nRelevant : min(nRelevant, k)
        let apDenominator: Int
        switch definitions.averagePrecision {
        case .truncated: apDenominator = min(nRelevant, k)
        case .relevant: apDenominator = nRelevant
        case .list: apDenominator = min(nRelevant, top.count)
        }
        let ideal = idealDCG(relevant, k: k, definitions: definitions)
        return UserRankingScores(
            precision: precisionDenominator > 0 ? h / Double(precisionDenominator) : 0,
            recall: recallDenominator > 0 ? h / Double(recallDenominator) : 0,
            ndcg: ideal > 0 ? dcg / ideal : 0,
            averagePrecision: apDenominator > 0 ? precisionSum / Double(apDenominator) : 0,
            reciprocalRank: firstHit > 0 ? 1 / Double(firstHit) : 0,
            hit: hits > 0 ? 1 : 0)
    }

    /// DCG of the best possible list: every relevant test item (known to training or not) by
    /// decreasing gain, cut at k.
    public static func idealDCG(_ relevant: RelevantItems, k: Int, definitions: MetricDefinitions) -> Double {
        let n = min(relevant.count, k)
        guard n > 0 else { return 0 }
        var total = 0.0
        if definitions.gain == .binary {
            for rank in 1...n { total += definitions.discount(rank: rank) }
            return total
        }
        let gains = (Array(relevant.grades.values) + relevant.unknownGrades)
            .map { definitions.gain(grade: $0) }.sorted(by: >)
        for rank in 1...n { total += gains[rank - 1] * definitions.discount(rank: rank) }
        return total
    }
}
