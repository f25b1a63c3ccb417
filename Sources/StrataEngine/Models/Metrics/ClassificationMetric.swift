/// A single-number classification metric, for cross-validation tables, model comparison and
/// permutation importance. The threshold metrics call a row positive when its score is ≥ 0.5.
public enum ClassificationMetric: String, Sendable, CaseIterable {
    case auc
    case averagePrecision = "pr-auc"
    case logLoss = "logloss"
    case brier
    case accuracy
    case f1

    public var title: String {
        switch self {
        case .auc: return "ROC AUC"
        case .averagePrecision: return "PR AUC (average precision)"
        case .logLoss: return "log loss"
        case .brier: return "Brier score"
        case .accuracy: return "accuracy"
        case .f1: return "F1"
        }
    }

    /// False for the losses (log loss, Brier), where lower is better.
    public var higherIsBetter: Bool {
        switch self {
        case .logLoss, .brier: return false
        case .auc, .averagePrecision, .accuracy, .f1: return true
        }
    }

    public static let defaultThreshold = 0.5

    public func value(_ outcomes: BinaryOutcomes) throws -> Double {
        switch self {
        case .auc: return try ClassificationMetrics.rocAUC(outcomes)
        case .averagePrecision: return try ClassificationMetrics.averagePrecision(outcomes)
        case .logLoss: return try ClassificationMetrics.logLoss(outcomes)
        case .brier: return try ClassificationMetrics.brierScore(outcomes)
        case .accuracy: return try ConfusionMatrix(outcomes, threshold: Self.defaultThreshold).accuracy
        case .f1: return try ConfusionMatrix(outcomes, threshold: Self.defaultThreshold).f1
        }
    }
}

/// A single-number regression metric.
public enum RegressionMetric: String, Sendable, CaseIterable {
    case rmse, mae, r2

    public var title: String {
        switch self {
        case .rmse: return "RMSE"
        case .mae: return "MAE"
        case .r2: return "R²"
        }
    }

    public var higherIsBetter: Bool { self == .r2 }

    public func value(_ metrics: RegressionMetrics) -> Double {
        switch self {
        case .rmse: return metrics.rmse
        case .mae: return metrics.mae
        case .r2: return metrics.r2
        }
    }
}
