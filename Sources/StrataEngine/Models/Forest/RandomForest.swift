/// Random forests (Breiman 2001; scikit-learn's RandomForestClassifier/Regressor): each tree grows
/// on a bootstrap sample (drawn as per-row counts, which become row weights, as scikit-learn does)
/// and looks at a random subset of features per node. Trees are grown in parallel through
/// `FixedChunks`, one chunk per tree, tree `t` seeded from (seed, t), so a forest is the same bit
/// for bit on one thread or two.
public struct ForestParameters: EstimatorParameters, Equatable {
    public var treeCount: Int
    /// The per-tree settings; `tree.maxFeatures` defaults to sqrt (classification) or all (regression).
    public var tree: TreeParameters
    public var bootstrap: Bool
    public var seed: UInt64

    public init(treeCount: Int = 100, tree: TreeParameters = TreeParameters(maxFeatures: .sqrt),
                bootstrap: Bool = true, seed: UInt64 = 0) {
        self.treeCount = treeCount
        self.tree = tree
        self.bootstrap = bootstrap
        self.seed = seed
    }

    public var described: [ParameterValue] {
        [ParameterValue("n_estimators", treeCount, default: 100)]
            + tree.described.filter { $0.name != "seed" }
            + [ParameterValue("bootstrap", bootstrap ? "true" : "false", default: "true"),
               ParameterValue("seed", String(seed))]
    }
}

/// The trees of a fitted forest, laid out once for prediction, and what every tree's out-of-bag rows say.
struct ForestFit: Sendable {
    let trees: [TreeStructure]
    let flat: FlatTrees
    /// Per training row, the mean out-of-bag prediction (output-count values), or nil when the
    /// row was in every tree's sample.
    let outOfBag: [[Double]?]
}

enum ForestGrower {
    static func grow(_ data: TreeTrainingSet, weights: [Double], parameters: ForestParameters,
                     context: RunContext, workers: Int = FixedChunks.threadCount) throws -> ForestFit {
        guard (1...10_000).contains(parameters.treeCount) else {
            throw EngineError("a forest needs between 1 and 10000 trees, not \(parameters.treeCount)")
        }
        try parameters.tree.validate()
        let n = data.rowCount
        let outputs = data.isClassification ? data.statWidth : 1
        let chunks = FixedChunks(pieces: parameters.treeCount)
        // Per tree, its structure and which rows its bootstrap drew (one bit per row).
        let grown = try chunks.map(workers: workers, cancellation: context.cancellation) { range -> (TreeStructure, [UInt64]) in
            let t = range.lowerBound
            var rng = SeededGenerator(seed: parameters.seed, stream: UInt64(t))
            var counts = [Double](repeating: 0, count: n)
            if parameters.bootstrap {
                for _ in 0..<n { counts[rng.nextInt(below: n)] += 1 }
            } else {
                counts = [Double](repeating: 1, count: n)
            }
            let treeWeights = zip(counts, weights).map { $0 * $1 }
            var tree = parameters.tree
            tree.seed = rng.next()
            let builder = TreeBuilder(data: data, parameters: tree, weights: treeWeights, seed: tree.seed)
            let structure = try builder.build(cancellation: context.cancellation)
            var inBag = [UInt64](repeating: 0, count: (n + 63) / 64)
            for row in 0..<n where counts[row] > 0 { inBag[row >> 6] |= 1 << UInt64(row & 63) }
            return (structure, inBag)
        }
        let trees = grown.map(\.0)
        // Out-of-bag: per row, the trees whose bootstrap left it out, summed in tree order.
        let columns = data.columns
        let flat = FlatTrees(trees, outputCount: outputs)
        let (sums, votes) = try flat.sums(
            rowCount: n, featureCount: data.featureCount, cancellation: context.cancellation,
            fill: { rows, x in
                for (f, column) in columns.enumerated() {
                    for (k, row) in rows.enumerated() { x[k * columns.count + f] = column[row] }
                }
            },
            inBag: grown.flatMap(\.1))
        let oob: [[Double]?] = (0..<n).map { row in
            votes[row] == 0 ? nil : (0..<outputs).map { sums[row * outputs + $0] / Double(votes[row]) }
        }
        return ForestFit(trees: trees, flat: flat, outOfBag: oob)
    }

    /// Mean of the trees' leaf values per row.
    static func predict(_ flat: FlatTrees, frame: ModelFrame) -> [[Double]] {
        let outputs = flat.outputCount
        // Nothing here throws: `.never` cannot be cancelled.
        guard let result = try? flat.sums(rowCount: frame.rowCount, featureCount: frame.features.count,
                                          fill: { rows, x in frame.fillRows(rows, into: x) }) else { return [] }
        let sums = result.sums
        let scale = Double(max(flat.treeCount, 1))
        return (0..<frame.rowCount).map { row in (0..<outputs).map { sums[row * outputs + $0] / scale } }
    }

    /// scikit-learn's forest importance: the mean of each tree's normalized importances, normalized.
    static func importances(_ trees: [TreeStructure], featureCount: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: featureCount)
        for tree in trees {
            for (f, v) in TreeImportance.normalized(tree, featureCount: featureCount).enumerated() { sums[f] += v }
        }
        let total = sums.reduce(0, +)
        return total > 0 ? sums.map { $0 / total } : sums
    }
}

public struct RandomForestClassifierEstimator: Estimator {
    public let parameters: ForestParameters
    public init(parameters: ForestParameters = ForestParameters()) { self.parameters = parameters }

    public func fit(_ data: ClassificationData, context: RunContext) throws -> RandomForestClassifierModel {
        guard parameters.tree.criterion.isClassification else {
            throw EngineError("criterion \(parameters.tree.criterion.rawValue) is for regression", suggestion: "use gini or entropy")
        }
        let set = try TreeTrainingSet(frame: data.frame, target: data.target.checkedForTrees())
        let weights = try TreeTrainingSet.checkedWeights(data.weights, rowCount: set.rowCount)
        let fit = try ForestGrower.grow(set, weights: weights, parameters: parameters, context: context)
        // Out-of-bag accuracy, scikit-learn's oob_score_ for a classifier.
        var right = 0, scored = 0
        for (row, p) in fit.outOfBag.enumerated() {
            guard let p else { continue }
            scored += 1
            var best = 0
            for c in p.indices where p[c] > p[best] { best = c }
            if best == data.target.labels[row] { right += 1 }
        }
        return RandomForestClassifierModel(trees: fit.trees, flat: fit.flat, schema: data.frame.schema, classes: data.target.classes,
                                           parameterValues: parameters.described,
                                           outOfBagProbabilities: fit.outOfBag,
                                           outOfBagAccuracy: scored > 0 ? Double(right) / Double(scored) : nil)
    }
}

public struct RandomForestRegressorEstimator: Estimator {
    public let parameters: ForestParameters
    public init(parameters: ForestParameters = ForestParameters(tree: TreeParameters(criterion: .squaredError))) {
        self.parameters = parameters
    }

    public func fit(_ data: RegressionData, context: RunContext) throws -> RandomForestRegressorModel {
        guard !parameters.tree.criterion.isClassification else {
            throw EngineError("criterion \(parameters.tree.criterion.rawValue) is for classification", suggestion: "use squared_error")
        }
        let set = try TreeTrainingSet(frame: data.frame, target: .values(data.target))
        let weights = try TreeTrainingSet.checkedWeights(data.weights, rowCount: set.rowCount)
        let fit = try ForestGrower.grow(set, weights: weights, parameters: parameters, context: context)
        // Out-of-bag R², scikit-learn's oob_score_ for a regressor.
        let scored = fit.outOfBag.enumerated().compactMap { row, p in p.map { (data.target[row], $0[0]) } }
        var r2: Double?
        if scored.count > 1 {
            let mean = scored.reduce(0) { $0 + $1.0 } / Double(scored.count)
            let ssRes = scored.reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            let ssTot = scored.reduce(0) { $0 + ($1.0 - mean) * ($1.0 - mean) }
            r2 = ssTot > 0 ? 1 - ssRes / ssTot : nil
        }
        return RandomForestRegressorModel(trees: fit.trees, flat: fit.flat, schema: data.frame.schema,
                                          parameterValues: parameters.described, outOfBagR2: r2)
    }
}

public struct RandomForestClassifierModel: Classifier, ExplainsPredictions {
    public let trees: [TreeStructure]
    /// The same trees laid out for prediction, built once at fit (the out-of-bag scores used it).
    let flat: FlatTrees
    public let schema: ModelSchema
    public let classes: [String]
    public let parameterValues: [ParameterValue]
    /// Per training row, the mean class probabilities of the trees that did not see it.
    public let outOfBagProbabilities: [[Double]?]
    public let outOfBagAccuracy: Double?

    public var algorithmName: String { "random forest (\(trees.count) trees)" }
    public var featureImportances: [Double]? { ForestGrower.importances(trees, featureCount: schema.features.count) }

    public func predictProbabilities(_ x: ModelFrame) throws -> [[Double]] {
        try schema.check(x)
        return ForestGrower.predict(flat, frame: x)
    }

    /// As `shap` explains a scikit-learn forest: in probability, the mean over trees.
    public var contributionScale: String { "probability of \(classes.last ?? "the second class")" }
    public var expectedValue: Double {
        trees.reduce(0) { $0 + TreeSHAP.expectedValue($1, output: classes.count - 1) } / Double(max(trees.count, 1))
    }
    public func contributions(_ x: ModelFrame) throws -> [[Double]] {
        try schema.check(x)
        try TreeSHAP.requireBinary(classes)
        return try TreeSHAP.contributions(trees, output: 1, scale: 1 / Double(max(trees.count, 1)), frame: x)
    }
}

public struct RandomForestRegressorModel: Regressor, ExplainsPredictions {
    public let trees: [TreeStructure]
    /// The same trees laid out for prediction, built once at fit.
    let flat: FlatTrees
    public let schema: ModelSchema
    public let parameterValues: [ParameterValue]
    public let outOfBagR2: Double?

    public var algorithmName: String { "random forest regressor (\(trees.count) trees)" }
    public var featureImportances: [Double]? { ForestGrower.importances(trees, featureCount: schema.features.count) }

    public func predict(_ x: ModelFrame) throws -> [Double] {
        try schema.check(x)
        return ForestGrower.predict(flat, frame: x).map { $0[0] }
    }

    public var contributionScale: String { "predicted value" }
    public var expectedValue: Double {
        trees.reduce(0) { $0 + TreeSHAP.expectedValue($1, output: 0) } / Double(max(trees.count, 1))
    }
    public func contributions(_ x: ModelFrame) throws -> [[Double]] {
        try schema.check(x)
        return try TreeSHAP.contributions(trees, output: 0, scale: 1 / Double(max(trees.count, 1)), frame: x)
    }
}
