/// Error of numeric predictions, as scikit-learn defines them.
public struct RegressionMetrics: Sendable, Equatable {
    public let count: Int
    /// √(mean squared error).
    public let rmse: Double
    /// Mean absolute error.
    public let mae: Double
    /// 1 − Σ(y − ŷ)² / Σ(y − ȳ)². A constant target gives 1 when predicted exactly and 0 otherwise
    /// (scikit-learn's `r2_score` with `force_finite=True`).
    public let r2: Double

    public init(actual: [Double], predicted: [Double]) throws {
        guard actual.count == predicted.count else {
            throw EngineError("there are \(predicted.count) predictions for \(actual.count) actual values")
        }
        guard !actual.isEmpty else { throw EngineError("there are no rows to evaluate") }
        if let row = actual.firstIndex(where: { !$0.isFinite }) {
            throw EngineError("the actual value of row \(row + 1) is missing or not finite",
                              suggestion: "drop rows without a target before evaluating")
        }
        if let row = predicted.firstIndex(where: { !$0.isFinite }) {
            throw EngineError("the prediction for row \(row + 1) is missing or not finite")
        }
        let n = Double(actual.count)
        let mean = actual.reduce(0, +) / n
        var squared = 0.0, absolute = 0.0, total = 0.0
        for (y, yhat) in zip(actual, predicted) {
            squared += (y - yhat) * (y - yhat)
            absolute += abs(y - yhat)
            total += (y - mean) * (y - mean)
        }
        count = actual.count
        rmse = (squared / n).squareRoot()
        mae = absolute / n
        r2 = total == 0 ? (squared == 0 ? 1 : 0) : 1 - squared / total
    }
}
