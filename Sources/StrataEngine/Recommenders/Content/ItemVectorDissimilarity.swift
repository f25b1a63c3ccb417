/// 1 − cosine between item vectors (`ItemFeatures`), for the items of another model's catalogue,
/// matched by id. The dissimilarity of a pair with an item that has no vector is NaN, which
/// `ListMetrics.intraListDiversity` leaves out. Vectors are non-negative (TF-IDF, one-hot, numbers
/// scaled to 0…1), so the dissimilarity lies in 0…1.
public struct ItemVectorDissimilarity: Sendable {
    /// Items of the target catalogue that have a non-empty vector.
    public let describedItems: Int
    public let catalogueSize: Int
    public let dissimilarity: @Sendable (Int, Int) -> Double

    /// `features` rows are the items `featureItemIds`; `itemIds` is the catalogue the lists index.
    public init(features: ItemFeatures, featureItemIds: [String], itemIds: [String]) {
        var featureRow: [String: Int] = [:]
        for (r, id) in featureItemIds.enumerated() where !features.range(of: r).isEmpty { featureRow[id] = r }
        let rowOfItem = itemIds.map { featureRow[$0] ?? -1 }
        let norms = rowOfItem.map { r -> Double in
            guard r >= 0 else { return 0 }
            var s = 0.0
            for k in features.range(of: r) { s += Double(features.weights[k]) * Double(features.weights[k]) }
            return s.squareRoot()
        }
        describedItems = rowOfItem.filter { $0 >= 0 }.count
        catalogueSize = itemIds.count
        dissimilarity = { a, b in
            guard a >= 0, b >= 0, a < rowOfItem.count, b < rowOfItem.count,
                  rowOfItem[a] >= 0, rowOfItem[b] >= 0, norms[a] > 0, norms[b] > 0 else { return .nan }
            let x = features.range(of: rowOfItem[a]), y = features.range(of: rowOfItem[b])
            var i = x.lowerBound, j = y.lowerBound, dot = 0.0
            // Rows are sorted by feature: the dot product is a merge.
            while i < x.upperBound && j < y.upperBound {
                let fi = features.features[i], fj = features.features[j]
                if fi == fj {
                    dot += Double(features.weights[i]) * Double(features.weights[j])
                    i += 1; j += 1
                } else if fi < fj { i += 1 } else { j += 1 }
            }
            return min(1, max(0, 1 - dot / (norms[a] * norms[b])))
        }
    }
}
