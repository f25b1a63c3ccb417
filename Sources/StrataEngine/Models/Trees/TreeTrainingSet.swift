/// The training rows in the form the split search reads: one column of doubles per feature (NaN
/// for missing; a categorical feature's codes as doubles) and the target. Built once per fit and
/// shared, read-only, by every tree of a forest.
struct TreeTrainingSet: Sendable {
    enum Target: Sendable {
        /// Class index per row, and the number of classes.
        case classes(labels: [Int32], count: Int)
        case values([Double])
    }

    let columns: [[Double]]
    /// Per feature, its number of levels; 0 for a numeric feature.
    let levelCounts: [Int]
    let target: Target
    let rowCount: Int
    /// The columns as ranks of their distinct values, which the split search reads.
    let ranked: TreeRanks

    var featureCount: Int { columns.count }

    /// Doubles per node statistic: weighted count per class, or (Σwy, Σwy²) for regression.
    var statWidth: Int {
        switch target {
        case .classes(_, let count): return count
        case .values: return 2
        }
    }

    init(frame: ModelFrame, target: Target) throws {
        var columns: [[Double]] = []
        var levelCounts: [Int] = []
        for feature in frame.features {
            var column = [Double](repeating: .nan, count: frame.rowCount)
            var present = 0
            switch feature {
            case .numeric(let name, let values):
                for (i, v) in values.enumerated() where !v.isNaN {
                    guard v.isFinite else {
                        throw EngineError("feature '\(name)' holds an infinite value in row \(i + 1)",
                                          suggestion: "replace it or filter the row out")
                    }
                    column[i] = v
                    present += 1
                }
                levelCounts.append(0)
            case .categorical(_, let codes, let levels):
                for (i, c) in codes.enumerated() where c >= 0 && Int(c) < levels.count {
                    column[i] = Double(c)
                    present += 1
                }
                levelCounts.append(levels.count)
            }
            if present == 0 && frame.rowCount > 0 {
                throw EngineError("feature '\(feature.name)' has no values: every row is missing",
                                  suggestion: "leave the column out of the model")
            }
            columns.append(column)
        }
        switch target {
        case .classes(let labels, let count):
            guard labels.count == frame.rowCount else {
                throw EngineError("the target has \(labels.count) values for \(frame.rowCount) rows")
            }
            if let bad = labels.firstIndex(where: { $0 < 0 || Int($0) >= count }) {
                throw EngineError("the target is missing in row \(bad + 1)", suggestion: "filter out rows without a target")
            }
        case .values(let values):
            guard values.count == frame.rowCount else {
                throw EngineError("the target has \(values.count) values for \(frame.rowCount) rows")
            }
            if let bad = values.firstIndex(where: { !$0.isFinite }) {
                throw EngineError("the target is missing or not finite in row \(bad + 1)",
                                  suggestion: "filter out rows without a target")
            }
        }
        guard frame.rowCount >= 1 else { throw EngineError("there are no rows to train on") }
        self.columns = columns
        self.levelCounts = levelCounts
        self.target = target
        self.rowCount = frame.rowCount
        ranked = TreeRanks(columns: columns, levelCounts: levelCounts, rowCount: frame.rowCount)
    }

    /// Checks per-row weights: as many as rows, finite, not negative, some positive.
    static func checkedWeights(_ weights: [Double]?, rowCount: Int) throws -> [Double] {
        guard let weights else { return [Double](repeating: 1, count: rowCount) }
        guard weights.count == rowCount else {
            throw EngineError("there are \(weights.count) weights for \(rowCount) rows")
        }
        if let bad = weights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw EngineError("weight in row \(bad + 1) is negative or not a number")
        }
        guard weights.contains(where: { $0 > 0 }) else { throw EngineError("every row has weight 0") }
        return weights
    }
}

extension ClassTarget {
    /// The labels as the tree code stores them, after checking there are at least two classes.
    func checkedForTrees() throws -> TreeTrainingSet.Target {
        let present = Set(labels)
        guard present.count >= 2 else {
            let only = present.first.flatMap { classes.indices.contains($0) ? classes[$0] : nil } ?? "?"
            throw EngineError("the target has only one class ('\(only)'): there is nothing to tell apart",
                              suggestion: "check the label column or the rows kept")
        }
        return .classes(labels: labels.map { Int32(clamping: $0) }, count: classes.count)
    }
}
