import StrataEngine

/// A fitted predictive model bound in the workspace (`model KIND TABLE … as NAME`): the model (of
/// whatever algorithm), what it predicts from which columns, the rows it was trained on, and how
/// to fit the same settings again on other rows (what `evaluate models` and `model report` use to
/// score every model on the same folds).
public struct ModelObject: WorkspaceObject {
    /// The word of the kinds table (`logistic`), and how output names the algorithm.
    public let kind: String
    public let title: String
    public let model: PredictiveModel
    public let target: String
    /// Binary classification: the class predicted (`1`, `yes`).
    public let positiveClass: String?
    public let featureColumns: [String]
    public let schema: ModelSchema
    /// The training rows as the model saw them, and their target (0/1 for classification).
    public let training: ModelFrame
    public let trainingTarget: [Double]
    public let trainingTable: String
    /// The same estimator, same settings: fits on other rows (fold training rows).
    public let refit: @Sendable (ModelFrame, [Double], RunContext) throws -> PredictiveModel
    /// The validation it was reported with: "stratified 5-fold CV (seed 1)", and its figures.
    public let validation: String
    public let validationFigures: [(String, Double)]
    /// Folds (k-fold) or the test share, with the seed, so `evaluate models` can repeat them.
    public let folds: Int?
    public let testShare: Double?
    public let seed: UInt64
    /// The threshold the report's confusion figures used.
    public let threshold: Double

    public init(kind: String, title: String, model: PredictiveModel, target: String, positiveClass: String?, featureColumns: [String],
                training: ModelFrame, trainingTarget: [Double], trainingTable: String,
                refit: @escaping @Sendable (ModelFrame, [Double], RunContext) throws -> PredictiveModel,
                validation: String, validationFigures: [(String, Double)], folds: Int?, testShare: Double?, seed: UInt64,
                threshold: Double) {
        self.kind = kind
        self.title = title
        self.model = model
        self.target = target
        self.positiveClass = positiveClass
        self.featureColumns = featureColumns
        self.schema = training.schema
        self.training = training
        self.trainingTarget = trainingTarget
        self.trainingTable = trainingTable
        self.refit = refit
        self.validation = validation
        self.validationFigures = validationFigures
        self.folds = folds
        self.testShare = testShare
        self.seed = seed
        self.threshold = threshold
    }

    public var isClassifier: Bool { model.task.isClassification }

    /// The column `predict` adds: p_TARGET for a classifier, TARGET_pred for a regressor.
    public var predictionColumn: String { isClassifier ? "p_\(target)" : "\(target)_pred" }

    public var kindName: String { "\(title) model" }

    public var summary: String {
        let predicts = positiveClass.map { "\(target) = \($0)" } ?? target
        let figure = validationFigures.first.map { ", \(validation) \($0.0) \(DescribeFormat.number($0.1))" } ?? ""
        return "\(model.algorithmName) predicting \(predicts) from \(featureColumns.count) feature\(featureColumns.count == 1 ? "" : "s"), "
            + "trained on \(Format.count(training.rowCount)) rows of \(trainingTable)\(figure)"
    }
}
