import StrataEngine

/// A visitor's hidden propensity to buy, and what it shows outside the test: sessions during the
/// test and revenue in the 28 days before it (the covariate CUPED uses).
///
/// The test's conversions were drawn first, at the device-and-variant rate r. The propensity type is
/// drawn afterwards from its posterior given that outcome: P(type k | converted) ∝ wₖeₖ and
/// P(k | not) ∝ wₖ(1 − r·eₖ). With Σwₖeₖ = 1 this is exactly the joint distribution of drawing the
/// type first and converting at rate r·eₖ, so the type (and everything drawn from it) is
/// independent of the variant, as randomisation requires, and the older columns keep their bytes.
enum VisitorHabits {
    /// browsers, regulars, devotees: shares wₖ and propensities eₖ with Σwₖeₖ = 1.
    static let shares = [0.60, 0.30, 0.10]
    static let propensity = [0.30, 1.20, 4.60]
    /// Mean orders in the pre-period for a propensity of 1.
    static let preOrders = 0.8
    /// Mean sessions beyond the first for a propensity of 1.
    static let extraSessions = 1.5

    static func draw(converted: Bool, rate: Double, _ rng: inout SeededGenerator) -> (sessions: Int, preRevenueCents: Int) {
        let weights = (0..<shares.count).map { k in shares[k] * (converted ? propensity[k] : 1 - rate * propensity[k]) }
        let e = propensity[rng.pick(weights)]
        let sessions = 1 + rng.poisson(extraSessions * e)
        var cents = 0
        for _ in 0..<rng.poisson(preOrders * e) {
            cents += Int((DetMath.exp(rng.normal(mean: 3.55, sd: 0.6)) * 100).rounded())
        }
        return (sessions, cents)
    }
}
