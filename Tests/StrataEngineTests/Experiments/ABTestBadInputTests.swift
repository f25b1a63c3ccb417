import Testing
@testable import StrataEngine

@Suite("A/B tests refuse bad input with a clear message")
struct ABTestBadInputTests {
    func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return ""
        } catch let e as EngineError {
            return e.message
        } catch {
            return "\(error)"
        }
    }

    @Test func zeroVisitorsInAVariant() {
        #expect(message { _ = try ProportionSample(successes: 0, trials: 0) }.contains("no visitors"))
        #expect(message { _ = try ExperimentAnalysis.analyze([VariantUnits(label: "A", values: [1, 0]), VariantUnits(label: "B", values: [])],
                                                             settings: ExperimentSettings(kind: .conversion)) }.contains("'B' has no units"))
    }

    @Test func aVariantWithNoConversionsStillCompares() throws {
        let a = VariantUnits(label: "A", values: [Double](repeating: 0, count: 50))
        let b = VariantUnits(label: "B", values: [Double](repeating: 0, count: 45) + [1, 1, 1, 1, 1])
        let r = try ExperimentAnalysis.analyze([a, b], settings: ExperimentSettings(kind: .conversion))
        #expect(r.control.value == 0)
        #expect(r.comparisons[0].lift.relative.isNaN)
        #expect(r.comparisons[0].lift.relativeInterval == nil)
        #expect(r.comparisons[0].pValue > 0 && r.comparisons[0].pValue < 1)
        let none = try ExperimentAnalysis.analyze([a, a], settings: ExperimentSettings(kind: .conversion))
        #expect(none.comparisons[0].pValue == 1)
    }

    @Test func ratesOutsideZeroOne() {
        let m = message {
            _ = try ExperimentAnalysis.analyze([VariantUnits(label: "A", values: [0, 1, 2]), VariantUnits(label: "B", values: [0, 1])],
                                               settings: ExperimentSettings(kind: .conversion))
        }
        #expect(m.contains("0 or 1") && m.contains("'A'"))
        #expect(message { _ = try ProportionSample(successes: 5, trials: 3) }.contains("between 0 and the number of visitors"))
    }

    @Test func oneVariant() {
        #expect(message { _ = try ExperimentAnalysis.analyze([VariantUnits(label: "A", values: [0, 1])],
                                                             settings: ExperimentSettings(kind: .conversion)) }.contains("at least 2 variants"))
        #expect(message { _ = try SampleRatio.check(counts: [10], design: [1]) }.contains("at least 2 variants"))
    }

    @Test func unequalLengths() {
        #expect(message { _ = try CUPED.adjust(metric: [1, 2, 3], covariate: [1, 2]) }.contains("3 values and the covariate 2"))
        #expect(message { _ = try RatioMetric.estimate(numerator: [1, 2, 3], denominator: [1, 2]) }.contains("one of each per unit"))
        #expect(message { _ = try SequentialTest.trajectory(variantOfUnit: [0, 1], values: [1], labels: ["A", "B"], looks: 2, alpha: 0.05) }
            .contains("must pair up"))
        #expect(message { _ = try SampleRatio.check(counts: [10, 12], design: [1, 1, 1]) }.contains("one share per variant"))
    }

    @Test func degenerateSpreadAndPlans() {
        #expect(message { _ = try MeanTests.welch(control: [1, 1, 1], treatment: [2, 2]) }.contains("spread is zero"))
        #expect(message { _ = try PowerAnalysis.sampleSize(effect: 0, power: 0.8, alpha: 0.05, model: .normal) }.contains("non-zero"))
        #expect(message { _ = try PowerAnalysis.sampleSize(effect: 0.1, power: 0.8, alpha: 1.5, model: .normal) }.contains("alpha"))
        #expect(message { _ = try CUPED.adjust(metric: [1, 2, 3], covariate: [4, 4, 4]) }.contains("same value for every unit"))
    }

    @Test func holmAndBHOnEdgeCases() {
        #expect(MultipleTesting.holm([]).isEmpty)
        #expect(MultipleTesting.benjaminiHochberg([0.5]) == [0.5])
        #expect(MultipleTesting.holm([0.9, 0.9]) == [1, 1])
    }
}
