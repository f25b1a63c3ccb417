/// The average prediction as one feature is set to each value of a grid for every row, the other
/// features left as they are (Friedman 2001; scikit-learn's `partial_dependence`, method "brute").
///
/// The grid: for a numeric feature, its distinct values when there are at most `gridSize` of
/// them, else the quantiles at `gridSize` evenly spaced probabilities from 5% to 95% (linear
/// interpolation, NumPy's default; equal quantiles merged), which puts the points where the data
/// is. For a categorical feature, each training level. When the feature has missing values, a
/// last point sets it to missing, since the tree models route missing values on their own.
public struct PartialDependence: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        /// The grid value (numeric feature), the code (categorical), or NaN for the missing point.
        public let value: Double
        /// The level's text for a categorical feature; nil otherwise.
        public let level: String?
        public let isMissing: Bool
        public let averagePrediction: Double
    }

    public let feature: String
    public let isCategorical: Bool
    public let points: [Point]

    public static let defaultGridSize = 20

    /// `predict(frame)` returns one prediction per row (a probability, or a value).
    public static func compute(frame: ModelFrame, feature index: Int, gridSize: Int = defaultGridSize,
                               parallel: Bool = true, context: RunContext,
                               predict: @Sendable (ModelFrame) throws -> [Double]) throws -> PartialDependence {
        guard frame.features.indices.contains(index) else {
            throw EngineError("feature \(index + 1) is not among the \(frame.features.count) features")
        }
        guard gridSize >= 2, gridSize <= 1000 else {
            throw EngineError("a partial dependence grid needs 2 to 1000 points, not \(gridSize)", suggestion: "e.g. grid=20")
        }
        guard frame.rowCount >= 1 else { throw EngineError("partial dependence needs at least one row") }
        let feature = frame.features[index]
        var candidates: [(value: Double, level: String?)]
        var hasMissing = false
        switch feature {
        case .numeric(let name, let values):
            let present = values.filter { !$0.isNaN }.sorted()
            hasMissing = present.count < values.count
            guard !present.isEmpty else {
                throw EngineError("feature '\(name)' has no values, only missing ones, so it has no partial dependence")
            }
            candidates = numericGrid(sortedValues: present, size: gridSize).map { ($0, nil) }
        case .categorical(_, let codes, let levels):
            hasMissing = codes.contains { $0 < 0 }
            candidates = levels.enumerated().map { (Double($0.offset), $0.element) }
        }
        if hasMissing { candidates.append((.nan, nil)) }
        let grid = candidates
        let chunks = FixedChunks(pieces: grid.count)
        let averages = try chunks.map(workers: parallel ? FixedChunks.threadCount : 1,
                                      cancellation: context.cancellation) { range -> Double in
            let x = try frame.replacingFeature(index, with: feature.constant(grid[range.lowerBound].value))
            let predictions = try predict(x)
            guard predictions.count == frame.rowCount else {
                throw EngineError("the model gave \(predictions.count) predictions for \(frame.rowCount) rows")
            }
            return predictions.reduce(0, +) / Double(predictions.count)
        }
        let points = zip(grid, averages).map { g, average in
            Point(value: g.value, level: g.level, isMissing: g.value.isNaN, averagePrediction: average)
        }
        return PartialDependence(feature: feature.name, isCategorical: feature.isCategorical, points: points)
    }

    /// Distinct values if few enough, else merged quantiles from 5% to 95%.
    static func numericGrid(sortedValues v: [Double], size: Int) -> [Double] {
        var distinct: [Double] = []
        for x in v where distinct.last != x { distinct.append(x) }
        if distinct.count <= size { return distinct }
        var grid: [Double] = []
        for i in 0..<size {
            let p = 0.05 + 0.9 * Double(i) / Double(size - 1)
            let position = p * Double(v.count - 1)
            let low = Int(position.rounded(.down))
            let high = min(low + 1, v.count - 1)
            let q = v[low] + (position - Double(low)) * (v[high] - v[low])
            if grid.last != q { grid.append(q) }
        }
        return grid
    }

    /// The probability of `positiveName` from a classifier.
    public static func classifier<M: Classifier>(_ model: M, frame: ModelFrame, feature: String, positiveName: String,
                                                 gridSize: Int = defaultGridSize, parallel: Bool = true,
                                                 context: RunContext) throws -> PartialDependence
    where M.Features == ModelFrame {
        try compute(frame: frame, feature: frame.featureIndex(named: feature), gridSize: gridSize, parallel: parallel,
                    context: context) { x in
            try CrossValidation.positiveProbabilities(model, x, positiveName: positiveName)
        }
    }

    public static func regressor<M: Regressor>(_ model: M, frame: ModelFrame, feature: String,
                                               gridSize: Int = defaultGridSize, parallel: Bool = true,
                                               context: RunContext) throws -> PartialDependence
    where M.Features == ModelFrame {
        try compute(frame: frame, feature: frame.featureIndex(named: feature), gridSize: gridSize, parallel: parallel,
                    context: context) { x in try model.predict(x) }
    }
}
