/// Histogram-based gradient boosting for a binary target (log-loss on the log-odds), as LightGBM
/// and scikit-learn's `HistGradientBoostingClassifier` do it; categorical and missing values are
/// handled natively (see `FeatureBinning` and `SplitFinder`).
public struct GradientBoostingClassifier: Estimator {
    public let parameters: GradientBoostingParameters
    public init(_ parameters: GradientBoostingParameters = .init()) { self.parameters = parameters }

    public func fit(_ data: ClassificationData, context: RunContext) throws -> GradientBoostingClassifierModel {
        let classes = data.target.classes
        guard data.target.labels.count == data.frame.rowCount else {
            throw EngineError("\(data.target.labels.count) labels for \(data.frame.rowCount) rows")
        }
        let present = Set(data.target.labels)
        guard present.count >= 2 else {
            let only = present.first.flatMap { classes.indices.contains($0) ? classes[$0] : nil } ?? "none"
            throw EngineError("the target has one class only ('\(only)'); a classifier needs two",
                              suggestion: "check the target column, or the filter that made the table")
        }
        guard classes.count == 2, present.allSatisfy({ $0 == 0 || $0 == 1 }) else {
            throw EngineError("gradient boosting here is binary, but the target has \(classes.count) classes: "
                              + classes.prefix(5).joined(separator: ", "),
                              suggestion: "make a yes/no target, e.g. one class against the rest")
        }
        let y = data.target.labels.map(Double.init)
        let ensemble = try Booster(parameters: parameters, loss: .logLoss)
            .fit(frame: data.frame, target: y, weights: data.weights, strata: data.target.labels, context: context)
        return GradientBoostingClassifierModel(ensemble: ensemble, classes: classes, parameters: parameters)
    }
}

/// A fitted boosting classifier: the probability of `classes[1]` is the logistic of the raw score.
public struct GradientBoostingClassifierModel: Classifier {
    public typealias Features = ModelFrame
    public let ensemble: BoostedTrees
    public let classes: [String]
    public let parameters: GradientBoostingParameters

    public var algorithmName: String { "gradient boosting (\(ensemble.trees.count) rounds, \(parameters.maxLeaves) leaves)" }
    public var parameterValues: [ParameterValue] { parameters.described }
    public var featureImportances: [Double]? { ensemble.featureImportances }

    /// Log-odds of `classes[1]` per row (the frame is aligned to the training schema first).
    public func rawScores(_ x: ModelFrame) throws -> [Double] {
        ensemble.rawScores(try x.aligned(to: ensemble.schema).frame)
    }

    public func predictProbabilities(_ x: ModelFrame) throws -> [[Double]] {
        try rawScores(x).map { score in
            let p = BoostingLoss.sigmoid(score)
            return [1 - p, p]
        }
    }
}

/// Histogram-based gradient boosting for a numeric target (squared error), as LightGBM's
/// `regression` objective and scikit-learn's `HistGradientBoostingRegressor`.
public struct GradientBoostingRegressor: Estimator {
    public let parameters: GradientBoostingParameters
    public init(_ parameters: GradientBoostingParameters = .init()) { self.parameters = parameters }

    public func fit(_ data: RegressionData, context: RunContext) throws -> GradientBoostingRegressorModel {
        guard data.target.count == data.frame.rowCount else {
            throw EngineError("\(data.target.count) target values for \(data.frame.rowCount) rows")
        }
        let ensemble = try Booster(parameters: parameters, loss: .squaredError)
            .fit(frame: data.frame, target: data.target, weights: data.weights, strata: nil, context: context)
        return GradientBoostingRegressorModel(ensemble: ensemble, parameters: parameters)
    }
}

public struct GradientBoostingRegressorModel: Regressor {
    public typealias Features = ModelFrame
    public let ensemble: BoostedTrees
    public let parameters: GradientBoostingParameters

    public var algorithmName: String { "gradient boosting regression (\(ensemble.trees.count) rounds, \(parameters.maxLeaves) leaves)" }
    public var parameterValues: [ParameterValue] { parameters.described }
    public var featureImportances: [Double]? { ensemble.featureImportances }

    public func predict(_ x: ModelFrame) throws -> [Double] {
        ensemble.rawScores(try x.aligned(to: ensemble.schema).frame)
    }
}
