import Testing
@testable import StrataEngine

/// The three alert rules on tiny series worked by hand.
@Suite struct ControlChartTests {
    @Test func shewhartUsesTheTrailingWindowWithoutTheCurrentPeriod() throws {
        // Window [1, 2, 3]: mean 2, sd 1, so z = 3 gives −1 … 5 and 10 is flagged up.
        let points = try ControlChart.evaluate([1, 2, 3, 10], rule: .shewhart(window: 3, z: 3))
        #expect(points.count == 1)
        let p = try #require(points.first)
        #expect(p.index == 3 && p.expected == 2 && p.lower == -1 && p.upper == 5 && p.deviation == .up)
    }

    @Test func ewmaHasTheExactTimeVaryingLimits() throws {
        // Baseline [0, 2, 0, 2]: μ₀ = 1, σ² = 4/3. λ = 0.5, L = 1.
        // t = 1: z = 0.5·5 + 0.5·1 = 3, half-width σ·√(1/3·(1 − 0.25)) = σ/2.
        // t = 2: z = 0.5·1 + 0.5·3 = 2, half-width σ·√(1/3·(1 − 0.0625)).
        let sigma = (4.0 / 3).squareRoot()
        let points = try ControlChart.evaluate([0, 2, 0, 2, 5, 1], rule: .ewma(baseline: 4, lambda: 0.5, width: 1))
        #expect(points.count == 2)
        #expect(points[0].statistic == 3 && points[0].expected == 1)
        #expect(abs(points[0].upper - (1 + sigma / 2)) < 1e-12)
        #expect(points[0].deviation == .up)
        #expect(points[1].statistic == 2)
        #expect(abs(points[1].upper - (1 + sigma * (0.3125).squareRoot())) < 1e-12)
        #expect(abs(points[1].lower - (1 - sigma * (0.3125).squareRoot())) < 1e-12)
        #expect(points[1].deviation == .up)
    }

    @Test func cusumRecursionsSignalAndRestart() throws {
        // Baseline [−1, 1, −1, 1, 0]: μ₀ = 0, σ = 1, so u = x. k = 0.5, h = 2.5.
        // C⁺: 1.0, 2.5 (not above h), 4.0 (signal, run from index 5, restart), 0; C⁻ at the end: 0.5.
        let points = try ControlChart.evaluate([-1, 1, -1, 1, 0, 1.5, 2, 2, -1], rule: .cusum(baseline: 5, k: 0.5, h: 2.5))
        #expect(points.map(\.statistic) == [1.0, 2.5, 4.0, -0.5])
        #expect(points.map(\.deviation) == [nil, nil, .up, nil])
        #expect(points[2].runStart == 5)
        #expect(points[2].lower == -2.5 && points[2].upper == 2.5 && points[2].expected == 0)
    }

    @Test func cusumLowerSideIsSigned() throws {
        // u = −3 twice: C⁻ = 2.5, then 5.0 > h = 4.
        let points = try ControlChart.evaluate([-1, 1, -1, 1, 0, -3, -3], rule: .cusum(baseline: 5, k: 0.5, h: 4))
        #expect(points.map(\.statistic) == [-2.5, -5.0])
        #expect(points[1].deviation == .down && points[1].runStart == 5 && points[1].crossedLimit == -4)
    }

    @Test func aggregationBucketsWeeksFromMonday() throws {
        let monday = CivilCalendar.days(year: 2025, month: 3, day: 17)
        let result = try KPISeries.aggregate(days: [monday, monday + 6, monday + 7, nil], metric: [1, 3, 2, 9], denominator: [10, 10, 0, 1],
                                             segmentOfRow: [0, 0, 0, 0], segmentLabels: ["all"], every: .week, statistic: .ratio)
        #expect(result.series[0].periods == [monday])
        #expect(result.series[0].values == [0.2])
        #expect(result.rowsLeftOut == 1 && result.periodsWithoutDenominator == 1)
        #expect(KPIPeriod.month.start(of: monday) == CivilCalendar.days(year: 2025, month: 3, day: 1))
        #expect(KPIPeriod.week.start(of: monday + 6) == monday)
    }

    @Test func badInputIsExplained() {
        func message(_ body: () throws -> Void) -> String {
            do { try body() } catch let e as EngineError { return e.message } catch { return "\(error)" }
            return ""
        }
        #expect(message { _ = try ControlChart.evaluate([1, 2, 3], rule: .shewhart(window: 8, z: 3)) }.contains("needs at least 9"))
        #expect(message { _ = try ControlChart.evaluate([2, 2, 2, 5], rule: .ewma(baseline: 3, lambda: 0.2, width: 3)) }.contains("no spread"))
        #expect(message { _ = try ControlChart.evaluate([1, 2, 3, 4], rule: .ewma(baseline: 2, lambda: 0, width: 3)) }.contains("λ"))
        #expect(message { _ = try KPISeries.aggregate(days: [nil], metric: [1], segmentOfRow: [0], segmentLabels: ["a"], every: .day, statistic: .sum) }
            .contains("no period"))
        #expect(message { _ = try KPISeries.aggregate(days: [], metric: [], segmentOfRow: [], segmentLabels: [], every: .day, statistic: .sum) }
            .contains("no segments"))
    }
}
