import Testing
@testable import StrataEngine

struct ModelExplanationTests {
    /// x numeric (one missing), plan categorical with levels a, b, c (one missing).
    func frame() throws -> ModelFrame {
        try ModelFrame(rowCount: 6, features: [
            .numeric(name: "x", values: [1, 2, 3, 1, 2, .nan]),
            .categorical(name: "plan", codes: [0, 1, 2, 0, -1, 1], levels: ["a", "b", "c"]),
            .numeric(name: "noise", values: [5, 4, 3, 2, 1, 0]),
        ])
    }

    /// 2·x (missing counts 0) + plan code (missing counts 0); noise is ignored.
    static func predict(_ f: ModelFrame) -> [Double] {
        (0..<f.rowCount).map { i in
            let x = f.features[0].numericValue(i), c = f.features[1].numericValue(i)
            return 2 * (x.isNaN ? 0 : x) + (c.isNaN ? 0 : c)
        }
    }

    @Test func partialDependenceOnANumericFeature() throws {
        let pd = try PartialDependence.compute(frame: frame(), feature: 0, context: .quiet) { Self.predict($0) }
        // Distinct values 1, 2, 3, then missing. Mean plan code over rows = (0+1+2+0+0+1)/6 = 4/6.
        #expect(pd.points.map(\.value).dropLast() == [1, 2, 3])
        #expect(pd.points.last?.isMissing == true)
        let planMean = 4.0 / 6
        #expect(pd.points.map(\.averagePrediction) == [2 + planMean, 4 + planMean, 6 + planMean, planMean])
    }

    @Test func partialDependenceOnACategoricalFeature() throws {
        let pd = try PartialDependence.compute(frame: frame(), feature: 1, context: .quiet) { Self.predict($0) }
        // Mean of 2x = 2·(1+2+3+1+2+0)/6 = 3.
        #expect(pd.isCategorical)
        #expect(pd.points.map(\.level) == ["a", "b", "c", nil])
        #expect(pd.points.map(\.averagePrediction) == [3, 4, 5, 3])
    }

    @Test func numericGridUsesQuantilesWhenThereAreManyValues() {
        let values = (0...100).map(Double.init)
        let grid = PartialDependence.numericGrid(sortedValues: values, size: 3)
        #expect(grid == [5, 50, 95])
    }

    @Test func permutationImportanceIsZeroForAnIgnoredFeature() throws {
        let f = try frame()
        let target = Self.predict(f)
        let score: @Sendable (ModelFrame) throws -> Double = { x in
            try RegressionMetrics(actual: target, predicted: Self.predict(x)).rmse
        }
        let result = try PermutationImportance.compute(frame: f, repeats: 4, seed: 5, higherIsBetter: false,
                                                       context: .quiet, score: score)
        #expect(result.baseline == 0)
        #expect(result.features.map(\.name) == ["x", "plan", "noise"])
        #expect(result.features[2].drops == [0, 0, 0, 0])
        #expect(result.features[0].mean > 0)
        #expect(result.ranked.last?.name == "noise")
        let sequential = try PermutationImportance.compute(frame: f, repeats: 4, seed: 5, higherIsBetter: false,
                                                           parallel: false, context: .quiet, score: score)
        #expect(sequential == result)
        // sd is the population one: the drops' own mean square deviation.
        let d = result.features[0].drops
        let m = d.reduce(0, +) / 4
        #expect(abs(result.features[0].standardDeviation - (d.reduce(0) { $0 + ($1 - m) * ($1 - m) } / 4).squareRoot()) < 1e-15)
    }

    @Test func unknownFeatureNameSuggestsOne() throws {
        #expect(throws: EngineError.self) { try frame().featureIndex(named: "plna") }
    }
}
