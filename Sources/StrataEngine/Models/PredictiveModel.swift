/// A fitted classifier or regressor seen without its algorithm's type, as the model commands and
/// the workspace keep it: one number per row (the positive class's probability for a binary
/// classifier, the value for a regressor), its parameters, and, when the model has the
/// `ExplainsPredictions` role, its per-row contributions. Which initialiser applies is chosen at
/// compile time from the model's roles, so nothing is probed at run time.
public struct PredictiveModel: Sendable {
    public enum Task: Sendable, Equatable {
        /// `classes[1]` is the positive class, whose probability `predict` returns.
        case binaryClassification(classes: [String])
        case regression

        public var isClassification: Bool {
            if case .binaryClassification = self { return true }
            return false
        }
    }

    /// What an explaining model says about one set of rows.
    public struct Explainer: Sendable {
        /// "log-odds", "probability" or "value".
        public let scale: String
        public let expectedValue: Double
        public let contributions: @Sendable (ModelFrame) throws -> [[Double]]
    }

    public let task: Task
    public let algorithmName: String
    public let parameterValues: [ParameterValue]
    public let featureImportances: [Double]?
    public let explainer: Explainer?
    private let predictRows: @Sendable (ModelFrame) throws -> [Double]

    /// Per row: the positive class's probability, or the predicted value. The frame must be aligned
    /// to the training schema.
    public func predict(_ frame: ModelFrame) throws -> [Double] {
        let out = try predictRows(frame)
        guard out.count == frame.rowCount else {
            throw EngineError("\(algorithmName) returned \(out.count) predictions for \(frame.rowCount) rows")
        }
        return out
    }

    private init(task: Task, model: some FittedModel, importances: [Double]?, explainer: Explainer?,
                 predict: @escaping @Sendable (ModelFrame) throws -> [Double]) {
        self.task = task
        algorithmName = model.algorithmName
        parameterValues = model.parameterValues
        featureImportances = importances
        self.explainer = explainer
        predictRows = predict
    }

    /// A binary classifier; `positive` names the class whose probability is kept.
    public init<M: Classifier>(classifier model: M, positive: String) throws where M.Features == ModelFrame {
        let (task, index) = try Self.positiveIndex(model.classes, positive)
        self.init(task: task, model: model, importances: model.featureImportances, explainer: nil) { frame in
            try model.predictProbabilities(frame).map { $0.indices.contains(index) ? $0[index] : .nan }
        }
    }

    /// A binary classifier that explains its predictions (for its positive class).
    public init<M: Classifier & ExplainsPredictions>(classifier model: M, positive: String) throws where M.Features == ModelFrame {
        let (task, index) = try Self.positiveIndex(model.classes, positive)
        let explainer = Explainer(scale: model.contributionScale, expectedValue: model.expectedValue) { try model.contributions($0) }
        self.init(task: task, model: model, importances: model.featureImportances, explainer: explainer) { frame in
            try model.predictProbabilities(frame).map { $0.indices.contains(index) ? $0[index] : .nan }
        }
    }

    public init<M: Regressor>(regressor model: M) where M.Features == ModelFrame {
        self.init(task: .regression, model: model, importances: model.featureImportances, explainer: nil) { try model.predict($0) }
    }

    public init<M: Regressor & ExplainsPredictions>(regressor model: M) where M.Features == ModelFrame {
        let explainer = Explainer(scale: model.contributionScale, expectedValue: model.expectedValue) { try model.contributions($0) }
        self.init(task: .regression, model: model, importances: model.featureImportances, explainer: explainer) { try model.predict($0) }
    }

    private static func positiveIndex(_ classes: [String], _ positive: String) throws -> (Task, Int) {
        guard classes.count == 2, let index = classes.firstIndex(of: positive) else {
            throw EngineError("the model's classes are \(classes.joined(separator: ", ")); expected two, one of them '\(positive)'")
        }
        return (.binaryClassification(classes: [classes[1 - index], positive]), index)
    }
}
