import Foundation
import Testing
@testable import StrataEngine

/// Every metric on inputs small enough to work out by hand (the arithmetic is in the comments).
struct ModelMetricsHandTests {
    func outcomes(_ s: [Double], _ y: [Int]) throws -> BinaryOutcomes {
        try BinaryOutcomes(scores: s, isPositive: y.map { $0 == 1 })
    }

    @Test func brierScore() throws {
        // (0.1² + 0.2² + 0.6² + 0.6²) / 4 = 0.77 / 4
        let o = try outcomes([0.9, 0.2, 0.6, 0.4], [1, 0, 0, 1])
        #expect(abs(try ClassificationMetrics.brierScore(o) - 0.1925) < 1e-15)
    }

    @Test func logLossAndItsClip() throws {
        let o = try outcomes([0.9, 0.2, 0.6, 0.4], [1, 0, 0, 1])
        let expected = -(log(0.9) + log(0.8) + log(0.4) + log(0.4)) / 4
        #expect(abs(try ClassificationMetrics.logLoss(o) - expected) < 1e-15)
        // p = 1 for a negative: clipped to 1 − 2⁻⁵², so the loss is −log(2⁻⁵²) = 52·ln 2, not ∞.
        let wrong = try outcomes([1.0], [0])
        #expect(abs(try ClassificationMetrics.logLoss(wrong) - 52 * log(2.0)) < 1e-9)
    }

    @Test func aucWithATieCountsHalf() throws {
        // Pairs (pos, neg): (0.8, 0.3) win, (0.8, 0.5) win, (0.5, 0.3) win, (0.5, 0.5) tie → 3.5 / 4.
        let o = try outcomes([0.8, 0.5, 0.5, 0.3], [1, 1, 0, 0])
        #expect(try ClassificationMetrics.rocAUC(o) == 0.875)
    }

    @Test func confusionMatrixAtAThreshold() throws {
        let o = try outcomes([0.9, 0.8, 0.7, 0.6, 0.5], [1, 0, 1, 1, 0])
        let m = try ConfusionMatrix(o, threshold: 0.7)
        let counts = [m.truePositives, m.falsePositives, m.trueNegatives, m.falseNegatives]
        #expect(counts == [2, 1, 1, 1])
        #expect(m.accuracy == 0.6)
        #expect(m.precision == 2.0 / 3)
        #expect(m.recall == 2.0 / 3)
        #expect(m.f1 == 4.0 / 6)
        let none = try ConfusionMatrix(o, threshold: 2)
        #expect(none.precision == 0 && none.f1 == 0)
    }

    @Test func thresholdMaximizingF1() throws {
        // F1 = 2TP / (2TP + FP + FN) at 0.9, 0.8, 0.7, 0.6, 0.5: 0.5, 0.4, 0.667, 0.857, 0.75.
        let o = try outcomes([0.9, 0.8, 0.7, 0.6, 0.5], [1, 0, 1, 1, 0])
        let best = try ThresholdChoice.maximizingF1(o)
        #expect(best.threshold == 0.6)
        #expect(best.f1 == 6.0 / 7)
    }

    @Test func lowestThresholdMeetingPrecision() throws {
        // Precision at 0.9 … 0.5: 1, 0.5, 0.667, 0.75, 0.6.
        let o = try outcomes([0.9, 0.8, 0.7, 0.6, 0.5], [1, 0, 1, 1, 0])
        #expect(try ThresholdChoice.lowestMeetingPrecision(o, precision: 0.75)?.threshold == 0.6)
        #expect(try ThresholdChoice.lowestMeetingPrecision(o, precision: 0.9)?.threshold == 0.9)
        #expect(try ThresholdChoice.lowestMeetingPrecision(try outcomes([0.9, 0.1], [0, 1]), precision: 0.9) == nil)
    }

    @Test func liftSharesTiedPositivesAcrossAGroupEdge() throws {
        // Sorted: 0.9(+) | 0.5 0.5 0.5 (one +) | 0.1 0.1 (one +); two groups of three rows.
        // The 0.5 tie straddles the edge: each of its rows counts 1/3 positive; each 0.1 row 1/2.
        // Group 1: 1 + 1/3 + 1/3 = 5/3; group 2: 1/3 + 1/2 + 1/2 = 4/3. Overall rate 3/6.
        let o = try outcomes([0.5, 0.1, 0.9, 0.5, 0.1, 0.5], [0, 1, 1, 1, 0, 0])
        let lift = try LiftTable(o, groups: 2)
        #expect(lift.groups.map(\.rows) == [3, 3])
        #expect(abs(lift.groups[0].positives - 5.0 / 3) < 1e-15)
        #expect(abs(lift.groups[1].positives - 4.0 / 3) < 1e-15)
        #expect(abs(lift.groups[0].lift - 10.0 / 9) < 1e-15)
        #expect(abs(lift.groups[0].cumulativeGain - 5.0 / 9) < 1e-15)
        #expect(abs(lift.groups[1].cumulativeGain - 1) < 1e-15)
        #expect(abs(lift.groups[1].cumulativeLift - 1) < 1e-15)
        #expect(lift.groups[0].highestScore == 0.9 && lift.groups[0].lowestScore == 0.5)
        // Row order does not change the table.
        let reordered = try outcomes([0.9, 0.1, 0.5, 0.1, 0.5, 0.5], [1, 0, 0, 1, 1, 0])
        #expect(try LiftTable(reordered, groups: 2) == lift)
    }

    @Test func liftByDecilesOnTwentyRows() throws {
        // Scores 20 … 1; positives are the top 4: deciles of 2 rows, the first two hold every positive.
        let o = try outcomes((1...20).reversed().map(Double.init), (0..<20).map { $0 < 4 ? 1 : 0 })
        let lift = try LiftTable(o)
        #expect(lift.groups.count == 10)
        #expect(lift.groups.map(\.positives) == [2, 2, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(lift.groups[0].lift == 5)
        #expect(lift.groups[1].cumulativeGain == 1)
    }

    @Test func calibrationBinsOnEdges() throws {
        // Two bins [0, 0.5], (0.5, 1]: 0.5 falls in the lower bin, as in scikit-learn.
        let o = try outcomes([0.0, 0.2, 0.25, 0.5, 0.7, 1.0], [0, 0, 1, 1, 0, 1])
        let c = try CalibrationCurve(o, bins: 2)
        #expect(c.bins.map(\.count) == [4, 2])
        #expect(c.bins.map(\.positives) == [2, 1])
        #expect(c.bins[0].meanPredicted == 0.2375)
        #expect(c.bins[1].meanPredicted == 0.85)
        #expect(c.bins[0].observedRate == 0.5)
        let empty = try CalibrationCurve(o, bins: 10)
        #expect(empty.bins[5].count == 0 && empty.bins[5].observedRate == nil)
    }

    @Test func regressionMetrics() throws {
        // Errors 0, 0, 1: MSE 1/3; Σ(y − ȳ)² = 2, so R² = 1 − 1/2.
        let m = try RegressionMetrics(actual: [1, 2, 3], predicted: [1, 2, 4])
        #expect(m.rmse == (1.0 / 3).squareRoot())
        #expect(m.mae == 1.0 / 3)
        #expect(m.r2 == 0.5)
        #expect(try RegressionMetrics(actual: [2, 2], predicted: [2, 2]).r2 == 1)
        #expect(try RegressionMetrics(actual: [2, 2], predicted: [2, 3]).r2 == 0)
    }

    @Test func badInputIsRefusedWithTheRow() throws {
        #expect(throws: EngineError.self) { try BinaryOutcomes(scores: [0.1, .nan], isPositive: [true, false]) }
        #expect(throws: EngineError.self) { try ClassificationMetrics.rocAUC(try outcomes([0.1, 0.2], [1, 1])) }
        #expect(throws: EngineError.self) { try ClassificationMetrics.logLoss(try outcomes([1.5, 0.2], [1, 0])) }
        #expect(throws: EngineError.self) { try LiftTable(try outcomes([0.1, 0.2], [1, 0])) }
        do {
            _ = try BinaryOutcomes(scores: [0.1, .nan], isPositive: [true, false])
        } catch let error as EngineError {
            #expect(error.message.contains("row 2"))
        }
    }
}
