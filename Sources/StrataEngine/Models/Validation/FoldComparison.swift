/// Two models scored on the same folds, compared fold by fold: the mean difference of a metric,
/// a plain paired t-test, and Nadeau & Bengio's corrected resampled t-test, which accounts for
/// the folds' shared training rows and is the one to trust (the plain test is shown because it is
/// the familiar one, and to show how much the correction matters).
public struct FoldComparison: Sendable, Equatable {
    public let folds: Int
    /// Mean of a − b over folds.
    public let meanDifference: Double
    public let plain: PairedTTest
    public let corrected: PairedTTest
    public let testToTrainRatio: Double

    /// `a[f]` and `b[f]` are the two models' metric on fold f; `testToTrainRatio` is
    /// `Folds.testToTrainRatio` (about 1/(k − 1)).
    public init(_ a: [Double], _ b: [Double], testToTrainRatio: Double) throws {
        plain = try PairedTests.tTest(a, b)
        corrected = try PairedTests.correctedResampledTTest(a, b, testToTrainRatio: testToTrainRatio)
        folds = plain.n
        meanDifference = plain.meanDifference
        self.testToTrainRatio = testToTrainRatio
    }

    /// The two models' `metric` per fold, compared on the folds they share.
    public init(_ a: CrossValidatedScores, _ b: CrossValidatedScores, metric: ClassificationMetric) throws {
        guard a.folds == b.folds else {
            throw EngineError("the two models were cross-validated on different folds",
                              suggestion: "use the same folds and seed for both")
        }
        try self.init(a.perFold(metric), b.perFold(metric), testToTrainRatio: a.folds.testToTrainRatio)
    }

    public init(_ a: CrossValidatedPredictions, _ b: CrossValidatedPredictions, metric: RegressionMetric) throws {
        guard a.folds == b.folds else {
            throw EngineError("the two models were cross-validated on different folds",
                              suggestion: "use the same folds and seed for both")
        }
        try self.init(a.perFold(metric), b.perFold(metric), testToTrainRatio: a.folds.testToTrainRatio)
    }
}
