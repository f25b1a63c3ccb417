import Testing
@testable import StrataEngine

/// The check on conversion data: A/A tests of a 10 % conversion rate, peeked at 20 times.
/// The mixture SPRT's always-valid p-value stays within α plus Monte Carlo error; stopping at the
/// first look where the fixed-horizon z-test says p < α does not (about 2–3 times α), while that
/// same z-test taken once at the end does hold α — so the excess comes from peeking alone.
@Suite struct SequentialConversionTypeITests {
    @Test func peekingAtConversionsKeepsTheTypeIErrorOnlyForTheSequentialTest() throws {
        let simulations = 600
        let units = 1_600
        let alpha = 0.05
        let z = Distributions.normalUpperQuantile(alpha / 2)
        let assignment = (0..<units).map { $0 % 2 }
        var sequential = 0, peeking = 0, once = 0
        for s in 0..<simulations {
            var g = SeededGenerator(seed: 12, stream: UInt64(s))
            let values = (0..<units).map { _ in g.nextDouble() < 0.1 ? 1.0 : 0.0 }
            let looks = try #require(try SequentialTest.trajectory(variantOfUnit: assignment, values: values, labels: ["A", "B"],
                                                                   looks: 20, alpha: alpha).first)
            if looks.contains(where: { $0.look.pValue < alpha }) { sequential += 1 }
            if looks.contains(where: { abs($0.look.estimate) / $0.look.variance.squareRoot() > z }) { peeking += 1 }
            if let last = looks.last, abs(last.look.estimate) / last.look.variance.squareRoot() > z { once += 1 }
        }
        let n = Double(simulations)
        let monteCarlo = 3 * (alpha * (1 - alpha) / n).squareRoot()
        #expect(Double(sequential) / n <= alpha + monteCarlo, "mSPRT rejected \(sequential) of \(simulations)")
        #expect(Double(once) / n <= alpha + monteCarlo, "the z-test at the end alone rejected \(once) of \(simulations)")
        #expect(Double(peeking) / n > alpha + monteCarlo, "peeking at the z-test rejected only \(peeking) of \(simulations)")
    }
}
