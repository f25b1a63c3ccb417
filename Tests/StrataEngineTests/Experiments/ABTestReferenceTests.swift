import Testing
@testable import StrataEngine

@Suite("A/B tests against SciPy and statsmodels")
struct ABTestReferenceTests {
    let fixture: ABTestFixture

    init() throws {
        fixture = try #require(ABTestFixture.shared, "Fixtures/abtest_reference.json is missing or unreadable")
    }

    @Test func distributionsMatchSciPy() {
        for q in fixture.quantiles {
            #expect(agrees(Distributions.normalQuantile(q.p), q.normal, within: 1e-12), "norm.ppf(\(q.p))")
            for (df, expected) in q.t {
                let df = Double(df) ?? .nan
                #expect(agrees(Distributions.studentTQuantile(q.p, df: df), expected, within: 1e-10), "t.ppf(\(q.p), \(df))")
            }
        }
        for c in fixture.chi2_sf {
            let sf = Distributions.chiSquaredSurvival(c.x, df: c.df)
            #expect(abs(sf - c.sf) <= 1e-13 * max(c.sf, 1e-300) + 1e-15, "chi2.sf(\(c.x), \(c.df)) = \(sf), SciPy \(c.sf)")
        }
        for c in fixture.nct {
            #expect(agrees(Distributions.noncentralTCDF(c.t, df: c.df, delta: c.nc), c.cdf, within: 1e-10), "nct.cdf(\(c.t), \(c.df), \(c.nc))")
        }
    }

    @Test func welchMatchesTtestInd() throws {
        let w = fixture.welch
        let r = try MeanTests.welch(control: w.control, treatment: w.treatment)
        #expect(agrees(r.t, w.t, within: 1e-9))
        #expect(agrees(r.pValue, w.p, within: 1e-9))
        #expect(agrees(r.degreesOfFreedom, w.df, within: 1e-9))
    }

    @Test func mannWhitneyMatchesAsymptoticMethod() throws {
        for c in fixture.mannwhitney {
            let r = try MannWhitney.test(c.x, c.y)
            #expect(r.u == c.u)
            #expect(agrees(r.pValue, c.p, within: 1e-9), "p \(r.pValue) vs \(c.p)")
        }
    }

    @Test func zTestMatchesProportionsZtest() throws {
        let z = fixture.ztest
        let r = ProportionTests.zTest(control: try ProportionSample(successes: z.control[0], trials: z.control[1]),
                                      treatment: try ProportionSample(successes: z.treatment[0], trials: z.treatment[1]))
        #expect(agrees(r.z, z.z, within: 1e-9))
        #expect(agrees(r.pValue, z.p, within: 1e-9))
    }

    @Test func chiSquaredMatchesChi2Contingency() throws {
        for c in fixture.chi2 {
            let samples = try c.rows.map { try ProportionSample(successes: $0[0], trials: $0[1]) }
            let r = try ProportionTests.chiSquared(samples, yates: c.yates)
            #expect(agrees(r.statistic, c.statistic, within: 1e-9), "\(c.rows) yates=\(c.yates)")
            #expect(agrees(r.pValue, c.p, within: 1e-9))
            #expect(r.degreesOfFreedom == c.df)
            #expect(r.yatesCorrected == (c.yates && c.df == 1))
        }
    }

    @Test func sampleRatioMatchesChisquare() throws {
        for c in fixture.srm {
            let r = try SampleRatio.check(counts: c.counts, design: c.weights)
            #expect(agrees(r.statistic, c.statistic, within: 1e-9))
            #expect(agrees(r.pValue, c.p, within: 1e-9))
            #expect(r.mismatch == (c.p < 0.001))
        }
    }

    @Test func holmAndBHEqualMultipletestsExactly() {
        #expect(MultipleTesting.holm(fixture.multiple.p) == fixture.multiple.holm)
        #expect(MultipleTesting.benjaminiHochberg(fixture.multiple.p) == fixture.multiple.bh)
    }

    @Test func powerMatchesNormalAndTTestIndPower() throws {
        for c in fixture.power {
            let normal = PowerAnalysis.power(effect: c.effect, nobs1: c.nobs1, alpha: c.alpha, ratio: c.ratio, model: .normal)
            let t = PowerAnalysis.power(effect: c.effect, nobs1: c.nobs1, alpha: c.alpha, ratio: c.ratio, model: .studentT)
            #expect(agrees(normal, c.normal, within: 1e-9), "normal power \(c)")
            #expect(agrees(t, c.t, within: 1e-9), "t power \(c)")
        }
        for c in fixture.sample_size {
            let normal = try PowerAnalysis.sampleSize(effect: c.effect, power: c.power, alpha: c.alpha, ratio: c.ratio, model: .normal)
            let t = try PowerAnalysis.sampleSize(effect: c.effect, power: c.power, alpha: c.alpha, ratio: c.ratio, model: .studentT)
            #expect(agrees(normal, c.normal, within: 1e-6), "normal n \(normal) vs \(c.normal)")
            #expect(agrees(t, c.t, within: 1e-6), "t n \(t) vs \(c.t)")
        }
        for c in fixture.mde {
            let normal = try PowerAnalysis.minimumDetectableEffect(nobs1: c.nobs1, power: c.power, alpha: c.alpha, model: .normal)
            let t = try PowerAnalysis.minimumDetectableEffect(nobs1: c.nobs1, power: c.power, alpha: c.alpha, model: .studentT)
            #expect(agrees(normal, c.normal, within: 1e-9), "statsmodels' power function solved exactly")
            #expect(agrees(t, c.t, within: 1e-9))
            // solve_power itself stops early; it is still within 1e-5.
            #expect(agrees(normal, c.solve_power_normal, within: 1e-5))
            #expect(agrees(t, c.solve_power_t, within: 1e-5))
        }
        let h = fixture.cohens_h
        #expect(agrees(PowerAnalysis.cohensH(from: h.p1, to: h.p2), h.h, within: 1e-12))
        #expect(agrees(try PowerAnalysis.sampleSize(effect: h.h, power: 0.8, alpha: 0.05, model: .normal), h.nobs1, within: 1e-6))
        #expect(agrees(PowerAnalysis.rate(from: h.p1, cohensH: h.h), h.p2, within: 1e-12))
    }

    @Test func cupedEqualsTheHandComputedAdjustment() throws {
        let c = fixture.cuped
        let r = try CUPED.adjust(metric: c.metric, covariate: c.covariate)
        #expect(agrees(r.theta, c.theta, within: 1e-12))
        #expect(agrees(r.varianceReduction, c.variance_reduction, within: 1e-12))
        let control = c.arm.indices.filter { c.arm[$0] == 0 }.map { r.adjusted[$0] }
        let treatment = c.arm.indices.filter { c.arm[$0] == 1 }.map { r.adjusted[$0] }
        let w = try MeanTests.welch(control: control, treatment: treatment)
        #expect(agrees(w.difference, c.adjusted_difference, within: 1e-12))
        #expect(agrees(w.t, c.adjusted_t, within: 1e-9))
        #expect(agrees(w.pValue, c.adjusted_p, within: 1e-9))
        #expect(abs(w.t) > abs(c.raw_t), "the adjustment sharpens the test")
    }

    @Test func ratioMatchesTheDeltaMethodByHand() throws {
        let r = try RatioMetric.estimate(numerator: fixture.ratio.revenue, denominator: fixture.ratio.sessions)
        #expect(agrees(r.ratio, fixture.ratio.ratio, within: 1e-12))
        #expect(agrees(r.variance, fixture.ratio.variance, within: 1e-12))
    }

    @Test func bootstrapIsReproducibleAndAgreesWithSciPyWithinMonteCarloError() throws {
        let w = fixture.welch
        let first = try Bootstrap.differenceInMeans(control: w.control, treatment: w.treatment, resamples: 20_000, seed: 11)
        let again = try Bootstrap.differenceInMeans(control: w.control, treatment: w.treatment, resamples: 20_000, seed: 11)
        #expect(first == again)
        let b = fixture.bootstrap
        // A percentile endpoint from 20,000 resamples has a Monte Carlo sd of roughly 2% of the
        // bootstrap standard error; five such sds on each side.
        let slack = 0.1 * b.standard_error
        #expect(abs(first.interval.lower - b.low) < slack, "low \(first.interval.lower) vs SciPy \(b.low)")
        #expect(abs(first.interval.upper - b.high) < slack, "high \(first.interval.upper) vs SciPy \(b.high)")
        #expect(abs(first.standardError - b.standard_error) < 0.05 * b.standard_error)
    }
}
