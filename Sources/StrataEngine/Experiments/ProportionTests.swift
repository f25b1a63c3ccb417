/// Conversions out of visitors in one variant.
public struct ProportionSample: Sendable, Equatable {
    public let successes: Int
    public let trials: Int

    public init(successes: Int, trials: Int) throws {
        guard trials > 0 else { throw EngineError("a variant has no visitors (0 trials): a rate needs at least one") }
        guard successes >= 0 && successes <= trials else {
            throw EngineError("conversions must be between 0 and the number of visitors; got \(successes) of \(trials)")
        }
        self.successes = successes
        self.trials = trials
    }

    public var rate: Double { Double(successes) / Double(trials) }
    /// Unpooled squared standard error p(1 − p)/n.
    public var varianceOfRate: Double { rate * (1 - rate) / Double(trials) }
}

public struct TwoProportionZTest: Sendable, Equatable {
    /// treatment rate − control rate.
    public let difference: Double
    public let pooledRate: Double
    public let z: Double
    /// Two-sided.
    public let pValue: Double
}

public struct ChiSquaredTest: Sendable, Equatable {
    public let statistic: Double
    public let degreesOfFreedom: Int
    public let pValue: Double
    /// Whether Yates' continuity correction was applied (only ever with one degree of freedom).
    public let yatesCorrected: Bool
}

public enum ProportionTests {
    /// z = (p_t − p_c) / √(p̄(1 − p̄)(1/n_c + 1/n_t)) with the pooled rate p̄ (statsmodels'
    /// `proportions_ztest`).
    public static func zTest(control: ProportionSample, treatment: ProportionSample) -> TwoProportionZTest {
        let difference = treatment.rate - control.rate
        let pooled = Double(control.successes + treatment.successes) / Double(control.trials + treatment.trials)
        let se = (pooled * (1 - pooled) * (1 / Double(control.trials) + 1 / Double(treatment.trials))).squareRoot()
        guard se > 0 else {
            // Nobody converted, or everybody did, in both variants: no evidence either way.
            return TwoProportionZTest(difference: difference, pooledRate: pooled, z: 0, pValue: 1)
        }
        let z = difference / se
        return TwoProportionZTest(difference: difference, pooledRate: pooled, z: z, pValue: Distributions.normalTwoSided(z))
    }

    /// Pearson's χ² on the variants × {converted, not} table (SciPy's `chi2_contingency`).
    /// With `yates`, and only when there is one degree of freedom, each observed count moves half a
    /// unit towards its expected count (never past it).
    public static func chiSquared(_ samples: [ProportionSample], yates: Bool) throws -> ChiSquaredTest {
        guard samples.count >= 2 else { throw EngineError("a χ² test needs at least 2 variants, got \(samples.count)") }
        let total = Double(samples.reduce(0) { $0 + $1.trials })
        let converted = Double(samples.reduce(0) { $0 + $1.successes })
        guard converted > 0 && converted < total else {
            throw EngineError("a χ² test needs some visitors who converted and some who did not; all \(Int(total)) are in one column")
        }
        let degrees = samples.count - 1
        let corrected = yates && degrees == 1
        var statistic = 0.0
        for s in samples {
            let n = Double(s.trials)
            for (observed, share) in [(Double(s.successes), converted / total), (n - Double(s.successes), 1 - converted / total)] {
                let expected = n * share
                var o = observed
                if corrected {
                    let gap = expected - o
                    o += (gap > 0 ? 1 : -1) * min(0.5, abs(gap))
                }
                statistic += (o - expected) * (o - expected) / expected
            }
        }
        return ChiSquaredTest(statistic: statistic, degreesOfFreedom: degrees,
                              pValue: Distributions.chiSquaredSurvival(statistic, df: Double(degrees)), yatesCorrected: corrected)
    }
}
