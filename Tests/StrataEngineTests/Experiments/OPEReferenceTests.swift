import Testing
@testable import StrataEngine

@Suite("Online metrics and off-policy estimators against obp, statsmodels and SciPy")
struct OPEReferenceTests {
    let fixture: OPEFixture

    init() throws {
        fixture = try #require(OPEFixture.shared, "Fixtures/ope_reference.json is missing or unreadable")
    }

    @Test func wilsonMatchesStatsmodels() throws {
        for c in fixture.wilson {
            let r = try RateIntervals.wilson(successes: c.successes, trials: c.trials, level: c.level)
            #expect(agrees(r.interval.lower, c.low, within: 1e-12), "\(c.successes)/\(c.trials) low \(r.interval.lower) vs \(c.low)")
            #expect(agrees(r.interval.upper, c.high, within: 1e-12), "\(c.successes)/\(c.trials) high \(r.interval.upper) vs \(c.high)")
        }
    }

    @Test func tIntervalMatchesSciPy() throws {
        let c = fixture.t_interval
        let r = try RateIntervals.studentT(c.values, level: c.level)
        let interval = try #require(r.interval)
        #expect(agrees(r.mean, c.mean, within: 1e-12))
        #expect(agrees(interval.lower, c.low, within: 1e-10))
        #expect(agrees(interval.upper, c.high, within: 1e-10))
    }

    @Test func estimatorsMatchObp() throws {
        let s = fixture.small
        let e = fixture.smallEstimates
        let data = try LoggedBandit(actionNames: (0..<s.actions_count).map { "a\($0)" }, actions: s.actions, rewards: s.rewards,
                                    propensities: s.propensities, contextOfRow: s.cells, contextCount: s.cells_count)
        let policy = try TargetPolicy(deterministic: s.choices, actionCount: s.actions_count)
        let report = try OffPolicyEvaluation.evaluate(data, policy: policy)
        let n = Double(s.actions.count)
        for (method, value, sd) in [(OffPolicyMethod.ips, e.ips, e.ips_round_sd), (.dm, e.dm, e.dm_round_sd), (.dr, e.dr, e.dr_round_sd)] {
            let est = try #require(report.estimate(method))
            #expect(abs(est.value - value) <= 1e-9, "\(method): \(est.value) vs obp \(value)")
            #expect(abs(est.standardError - sd / n.squareRoot()) <= 1e-9, "\(method) se")
        }
        #expect(abs((report.estimate(.snips)?.value ?? .nan) - e.snips) <= 1e-9)
        #expect(abs((report.estimate(.replay)?.value ?? .nan) - e.replay) <= 1e-12)
        #expect(report.matchedRows == e.matched)
        #expect(abs(report.effectiveSampleSize - e.ess) <= 1e-9 * e.ess)
        #expect(abs(report.logged.value - e.logged) <= 1e-12)
        #expect(!report.loggingIsUniform)
    }
}
