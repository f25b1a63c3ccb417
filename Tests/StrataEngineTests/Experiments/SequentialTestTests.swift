import Testing
@testable import StrataEngine

@Suite("Mixture SPRT confidence sequences")
struct SequentialTestTests {
    /// A/A experiments, 2,000 units alternating between two arms, looked at 20 times: the
    /// fixed-horizon z-test rejects at some look far more often than α, the mixture SPRT does not.
    @Test func peekingKeepsTheTypeIErrorBelowAlpha() throws {
        let simulations = 1_000
        let units = 2_000
        let alpha = 0.05
        var sequentialRejections = 0
        var peekingRejections = 0
        let assignment = (0..<units).map { $0 % 2 }
        let z = Distributions.normalUpperQuantile(alpha / 2)
        for s in 0..<simulations {
            var g = SeededGenerator(seed: 2_026, stream: UInt64(s))
            let values = (0..<units).map { _ in g.nextGaussian() }
            let path = try SequentialTest.trajectory(variantOfUnit: assignment, values: values, labels: ["A", "B"], looks: 20, alpha: alpha)
            let looks = try #require(path.first)
            #expect(looks.count == 20)
            if looks.contains(where: { $0.look.pValue < alpha }) { sequentialRejections += 1 }
            if looks.contains(where: { abs($0.look.estimate) / $0.look.variance.squareRoot() > z }) { peekingRejections += 1 }
        }
        let monteCarloError = 3 * (alpha * (1 - alpha) / Double(simulations)).squareRoot()
        let sequentialRate = Double(sequentialRejections) / Double(simulations)
        let peekingRate = Double(peekingRejections) / Double(simulations)
        #expect(sequentialRate <= alpha + monteCarloError, "mSPRT rejected \(sequentialRate) of A/A tests")
        #expect(peekingRate > alpha + monteCarloError, "peeking at the z-test rejected only \(peekingRate)")
    }

    @Test func aRealEffectIsFoundAndCovered() throws {
        var g = SeededGenerator(seed: 5)
        let units = 4_000
        let assignment = (0..<units).map { $0 % 2 }
        let values = assignment.map { Double($0) * 0.2 + g.nextGaussian() }
        let path = try SequentialTest.trajectory(variantOfUnit: assignment, values: values, labels: ["A", "B"], looks: 10, alpha: 0.05)
        let last = try #require(path.first?.last)
        #expect(last.look.pValue < 0.05)
        #expect(last.look.interval.contains(0.2))
        // The always-valid p-value never rises.
        let ps = path[0].map(\.look.pValue)
        #expect(zip(ps, ps.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test func sequenceIsWiderThanTheFixedInterval() {
        let v = 0.01
        let look = SequentialTest.look(estimate: 0.1, variance: v, mixingVariance: SequentialTest.optimalMixingRatio(alpha: 0.05) * v, alpha: 0.05)
        let fixed = ConfidenceInterval.normal(estimate: 0.1, standardError: v.squareRoot(), level: 0.95)
        #expect(look.interval.upper - look.interval.lower > fixed.upper - fixed.lower)
    }
}
