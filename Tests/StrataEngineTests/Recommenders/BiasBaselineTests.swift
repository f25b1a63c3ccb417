import Testing
@testable import StrataEngine

/// The bias baseline against a hand computation on `RecAlgoData.small` (μ = 24/7).
@Suite struct BiasBaselineTests {
    @Test func biasesAndPredictionMatchTheHandComputation() throws {
        let model = try BiasEstimator().fit(RecAlgoData.small, context: .quiet)
        let mu = 24.0 / 7
        #expect(abs(model.globalMean - mu) < 1e-12)
        // b_i0 = 10/3 − μ = −2/21; b_i1 = b_i2 = 7/2 − μ = 1/14.
        #expect(abs(model.itemBias[0] - (-2.0 / 21)) < 1e-12)
        #expect(abs(model.itemBias[1] - 1.0 / 14) < 1e-12 && abs(model.itemBias[2] - 1.0 / 14) < 1e-12)
        // b_u0 = ((5 − μ − b_i0) + (3 − μ − b_i1)) / 2 = (5/3 − 1/2) / 2 = 7/12.
        #expect(abs(model.userBias[0] - 7.0 / 12) < 1e-12)
        // r̂(u0, i2) = μ + 1/14 + 7/12 = 343/84.
        #expect(abs((model.predictRating(user: 0, item: 2) ?? 0) - 343.0 / 84) < 1e-12)
        // An unknown user gets μ + b_i.
        #expect(abs((model.predictRating(user: -1, item: 0) ?? 0) - (mu - 2.0 / 21)) < 1e-12)
        #expect(model.recommend(user: 0, count: 5, exclude: [0, 1]).map(\.item) == [2])
        #expect(model.recommendForUnknownUser(count: 3, exclude: []).last?.item == 0)
        #expect(model.explain(user: 0, item: 2).reasons.first?.text(ids: RecAlgoData.small).hasPrefix("predicted rating 4.083") == true)
    }

    @Test func dampingShrinksTowardsZero() throws {
        let model = try BiasEstimator(BiasParameters(damping: 2)).fit(RecAlgoData.small, context: .quiet)
        // b_i0 = (10 − 3μ) / (3 + 2) = −2/35.
        #expect(abs(model.itemBias[0] - (-2.0 / 35)) < 1e-12)
        #expect(model.parameterValues == [ParameterValue("damping", 2.0, default: 0)])
        #expect(model.algorithmName == "bias (μ + b_i + b_u, damping 2)")
    }

    @Test func refusesImplicitFeedbackAndNegativeDamping() {
        let implicit = RecAlgoData.interactions(users: 2, items: 2, [(0, 0, 1), (1, 1, 1)], explicit: false)
        #expect(throws: EngineError.self) { try BiasEstimator().fit(implicit, context: .quiet) }
        #expect(throws: EngineError.self) { try BiasEstimator(BiasParameters(damping: -1)).fit(RecAlgoData.small, context: .quiet) }
    }
}
