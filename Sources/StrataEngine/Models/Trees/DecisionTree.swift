/// CART decision trees (scikit-learn's DecisionTreeClassifier and DecisionTreeRegressor): see
/// `TreeBuilder` for how splits are chosen and how categories and missing values are handled.
public struct DecisionTreeClassifierEstimator: Estimator {
    public let parameters: TreeParameters
    public init(parameters: TreeParameters = TreeParameters()) { self.parameters = parameters }

    public func fit(_ data: ClassificationData, context: RunContext) throws -> DecisionTreeClassifierModel {
        guard parameters.criterion.isClassification else {
            throw EngineError("criterion \(parameters.criterion.rawValue) is for regression", suggestion: "use gini or entropy")
        }
        try parameters.validate()
        let set = try TreeTrainingSet(frame: data.frame, target: data.target.checkedForTrees())
        let weights = try TreeTrainingSet.checkedWeights(data.weights, rowCount: set.rowCount)
        let builder = TreeBuilder(data: set, parameters: parameters, weights: weights, seed: parameters.seed)
        let tree = try builder.build(cancellation: context.cancellation)
        return DecisionTreeClassifierModel(tree: tree, schema: data.frame.schema, classes: data.target.classes,
                                           parameterValues: parameters.described)
    }
}

public struct DecisionTreeRegressorEstimator: Estimator {
    public let parameters: TreeParameters
    public init(parameters: TreeParameters = TreeParameters(criterion: .squaredError)) { self.parameters = parameters }

    public func fit(_ data: RegressionData, context: RunContext) throws -> DecisionTreeRegressorModel {
        guard !parameters.criterion.isClassification else {
            throw EngineError("criterion \(parameters.criterion.rawValue) is for classification", suggestion: "use squared_error")
        }
        try parameters.validate()
        let set = try TreeTrainingSet(frame: data.frame, target: .values(data.target))
        let weights = try TreeTrainingSet.checkedWeights(data.weights, rowCount: set.rowCount)
        let builder = TreeBuilder(data: set, parameters: parameters, weights: weights, seed: parameters.seed)
        let tree = try builder.build(cancellation: context.cancellation)
        return DecisionTreeRegressorModel(tree: tree, schema: data.frame.schema, parameterValues: parameters.described)
    }
}

public struct DecisionTreeClassifierModel: Classifier, ExplainsPredictions {
    public let tree: TreeStructure
    public let schema: ModelSchema
    public let classes: [String]
    public let parameterValues: [ParameterValue]

    public var algorithmName: String { "decision tree (depth \(tree.depth), \(tree.leafCount) leaves)" }
    public var featureImportances: [Double]? { TreeImportance.normalized(tree, featureCount: schema.features.count) }

    public func predictProbabilities(_ x: ModelFrame) throws -> [[Double]] {
        try schema.check(x)
        return (0..<x.rowCount).map { Array(tree.value(at: tree.leaf(for: $0, in: x))) }
    }

    public var contributionScale: String { "probability of \(classes.last ?? "the second class")" }
    public var expectedValue: Double { TreeSHAP.expectedValue(tree, output: classes.count - 1) }
    public func contributions(_ x: ModelFrame) throws -> [[Double]] {
        try schema.check(x)
        try TreeSHAP.requireBinary(classes)
        return try TreeSHAP.contributions([tree], output: 1, scale: 1, frame: x)
    }
}

public struct DecisionTreeRegressorModel: Regressor, ExplainsPredictions {
    public let tree: TreeStructure
    public let schema: ModelSchema
    public let parameterValues: [ParameterValue]

    public var algorithmName: String { "regression tree (depth \(tree.depth), \(tree.leafCount) leaves)" }
    public var featureImportances: [Double]? { TreeImportance.normalized(tree, featureCount: schema.features.count) }

    public func predict(_ x: ModelFrame) throws -> [Double] {
        try schema.check(x)
        return (0..<x.rowCount).map { tree.values[tree.leaf(for: $0, in: x)] }
    }

    public var contributionScale: String { "predicted value" }
    public var expectedValue: Double { TreeSHAP.expectedValue(tree, output: 0) }
    public func contributions(_ x: ModelFrame) throws -> [[Double]] {
        try schema.check(x)
        return try TreeSHAP.contributions([tree], output: 0, scale: 1, frame: x)
    }
}

/// Impurity ("mean decrease in impurity") importance, as scikit-learn's `feature_importances_`.
enum TreeImportance {
    /// Per feature, the tree's weighted impurity decreases summed, scaled to add up to 1 (all
    /// zeros for a tree that is a single leaf).
    static func normalized(_ tree: TreeStructure, featureCount: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: featureCount)
        for node in 0..<tree.nodeCount where tree.feature[node] >= 0 && Int(tree.feature[node]) < featureCount {
            sums[Int(tree.feature[node])] += tree.gain[node]
        }
        let total = sums.reduce(0, +)
        return total > 0 ? sums.map { $0 / total } : sums
    }
}

extension ModelSchema {
    /// Checks a frame has this schema's features in order (callers align frames with `aligned(to:)`).
    func check(_ x: ModelFrame) throws {
        guard x.features.count == features.count else {
            throw EngineError("the model was trained on \(features.count) features, these rows have \(x.features.count)")
        }
        for (spec, feature) in zip(features, x.features) where spec.name != feature.name {
            throw EngineError("the model expects feature '\(spec.name)' where these rows have '\(feature.name)'",
                              suggestion: "align the rows to the model's schema first")
        }
    }
}
