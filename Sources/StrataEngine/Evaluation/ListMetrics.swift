/// Metrics of the recommendation lists themselves, not of their hits.
public enum ListMetrics {
    /// Distinct recommended items / items in the training catalogue.
    public static func catalogCoverage(_ lists: [[Int]], itemCount: Int) -> Double {
        guard itemCount > 0 else { return 0 }
        var seen = [Bool](repeating: false, count: itemCount)
        var distinct = 0
        for list in lists {
            for i in list where i >= 0 && i < itemCount && !seen[i] {
                seen[i] = true
                distinct += 1
            }
        }
        return Double(distinct) / Double(itemCount)
    }

    /// Self-information −log2(p_i) of each item, p_i = share of training users who interacted with
    /// it. Items nobody interacted with get the information of one user, so the value stays finite.
    public static func selfInformation(_ training: Interactions) -> [Double] {
        let users = Double(max(training.userCount, 1))
        return training.itemPopularity().map { -log2(Double(max($0, 1)) / users) }
    }

    /// Mean self-information of one list (nil for an empty list).
    public static func novelty(_ list: [Int], information: [Double]) -> Double? {
        guard !list.isEmpty else { return nil }
        var total = 0.0
        for i in list { total += information[i] }
        return total / Double(list.count)
    }

    /// Mean dissimilarity over the list's pairs, with dissimilarity given per pair (e.g. 1 − cosine
    /// of item feature vectors). A pair whose dissimilarity is NaN (an item without features) is
    /// left out. nil for lists of fewer than two items, or when no pair is defined.
    public static func intraListDiversity(_ list: [Int], dissimilarity: (Int, Int) -> Double) -> Double? {
        guard list.count >= 2 else { return nil }
        var total = 0.0
        var pairs = 0
        for a in 0..<list.count {
            for b in (a + 1)..<list.count {
                let d = dissimilarity(list[a], list[b])
                guard !d.isNaN else { continue }
                total += d
                pairs += 1
            }
        }
        return pairs > 0 ? total / Double(pairs) : nil
    }

    /// 1 − cosine of two items' rows in a feature matrix (rows = item indices); 1 when either is all zero.
    public static func cosineDissimilarity(_ features: FeatureMatrix) -> @Sendable (Int, Int) -> Double {
        let norms = (0..<features.rowCount).map { r -> Double in
            var s = 0.0
            for v in features.row(r) { s += v * v }
            return s.squareRoot()
        }
        return { a, b in
            let na = norms[a], nb = norms[b]
            guard na > 0, nb > 0 else { return 1 }
            var dot = 0.0
            for (x, y) in zip(features.row(a), features.row(b)) { dot += x * y }
            return 1 - dot / (na * nb)
        }
    }

    public struct Personalization: Sendable, Equatable {
        public let value: Double
        public let usersCompared: Int
        public let sampled: Bool
    }

    /// Mean over pairs of users of 1 − cosine between their lists as item sets
    /// (|A ∩ B| / √(|A|·|B|)). Above `sampleLimit` lists, that many are drawn with the seed and all
    /// their pairs compared. Empty lists are left out. nil with fewer than two lists.
    public static func personalization(_ lists: [[Int]], sampleLimit: Int = 2000, seed: UInt64) -> Personalization? {
        var used = lists.filter { !$0.isEmpty }
        guard used.count >= 2 else { return nil }
        var sampled = false
        if used.count > sampleLimit {
            var g = SeededGenerator(seed: seed)
            used = g.sampleIndices(count: sampleLimit, from: used.count).sorted().map { used[$0] }
            sampled = true
        }
        // Sorted distinct items: pairs intersect by a merge, with no hashing in the O(n²) loop.
        let sets = used.map { Array(Set($0)).sorted() }
        var total = 0.0
        var pairs = 0
        for a in 0..<sets.count {
            for b in (a + 1)..<sets.count {
                let x = sets[a], y = sets[b]
                var i = 0, j = 0, common = 0
                while i < x.count && j < y.count {
                    if x[i] == y[j] { common += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
                }
                total += 1 - Double(common) / (Double(x.count) * Double(y.count)).squareRoot()
                pairs += 1
            }
        }
        return Personalization(value: total / Double(pairs), usersCompared: sets.count, sampled: sampled)
    }
}

/// Rating-prediction error over (predicted, actual) pairs.
public enum RatingErrors {
    public static func rmse(_ predicted: [Double], _ actual: [Double]) -> Double? {
        guard !predicted.isEmpty, predicted.count == actual.count else { return nil }
        var s = 0.0
        for (p, a) in zip(predicted, actual) { s += (p - a) * (p - a) }
        return (s / Double(predicted.count)).squareRoot()
    }

    public static func mae(_ predicted: [Double], _ actual: [Double]) -> Double? {
        guard !predicted.isEmpty, predicted.count == actual.count else { return nil }
        var s = 0.0
        for (p, a) in zip(predicted, actual) { s += abs(p - a) }
        return s / Double(predicted.count)
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
