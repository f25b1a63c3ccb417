import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Round-number ticks: steps of 1, 2 or 5 × 10^k, ranges widened to whole steps, zero kept for bars.
@Suite struct ChartAxisTests {
    @Test func niceSteps() {
        #expect(AxisTicks.niceStep(span: 7.3, maxTicks: 5) == 2)
        #expect(AxisTicks.niceStep(span: 724, maxTicks: 4) == 500)
        #expect(AxisTicks.niceStep(span: 0.74, maxTicks: 5) == 0.2)
        #expect(AxisTicks.niceStep(span: 1, maxTicks: 11) == 0.1)
        #expect(AxisTicks.niceStep(span: 30, maxTicks: 4) == 10)
        #expect(AxisTicks.niceStep(span: 0, maxTicks: 4) == 1)
    }

    @Test func linearScaleWidensToWholeSteps() {
        let s = AxisTicks.linear(0.13, 0.87, maxTicks: 5)
        #expect(s.lower == 0 && s.upper == 1)
        #expect(s.ticks.map(s.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let big = AxisTicks.linear(176, 900, maxTicks: 4)
        #expect(big.ticks == [0, 500, 1000])
        #expect(big.ticks.map(big.label) == ["0", "500", "1000"])
        let grouped = AxisTicks.linear(0, 14_744, maxTicks: 8)
        #expect(grouped.ticks.map(grouped.label) == ["0", "5,000", "10,000", "15,000"])
    }

    @Test func finerStepWhenWideningWastesTheAxis() {
        // Data up to 6 with three ticks: 0, 2, 4, 6 rather than 0, 5, 10.
        let s = AxisTicks.linear(0, 6, maxTicks: 3, includeZero: true)
        #expect(s.ticks == [0, 2, 4, 6])
    }

    @Test func zeroIsKeptForBars() {
        let s = AxisTicks.linear(40, 120, maxTicks: 5, includeZero: true)
        #expect(s.lower == 0)
        let negative = AxisTicks.linear(-1, 3, maxTicks: 3, includeZero: true)
        #expect(negative.lower < 0 && negative.ticks.contains(0))
    }

    @Test func constantAndNonFiniteRanges() {
        let c = AxisTicks.linear(5, 5, maxTicks: 5)
        #expect(c.lower < 5 && c.upper > 5)
        let z = AxisTicks.linear(0, 0, maxTicks: 5)
        #expect(z.lower <= 0 && z.upper >= 1)
        let n = AxisTicks.linear(.nan, .infinity, maxTicks: 5)
        #expect(n.ticks.allSatisfy { $0.isFinite })
    }

    @Test func logScaleTicksAtPowersOfTen() {
        let s = AxisTicks.logarithmic(3, 4500, maxTicks: 6)
        #expect(s.ticks == [0, 1, 2, 3, 4])
        #expect(s.ticks.map(s.label) == ["1", "10", "100", "1,000", "10,000"])
        let wide = AxisTicks.logarithmic(1e-3, 1e9, maxTicks: 4)
        #expect(wide.ticks.count <= 5)
        #expect(wide.fraction(0) == nil)
    }

    @Test func dateTicksAreWholeDays() {
        let s = AxisTicks.linear(20_000, 20_003, maxTicks: 10, kind: .date)
        #expect(s.ticks.allSatisfy { $0 == $0.rounded() })
        #expect(s.label(20_000) == "2024-10-04")
    }
}

/// Bin edges and counts equal NumPy's `histogram_bin_edges` / `histogram` for the same rule.
/// Fixture: Tests/StrataLanguageTests/Fixtures/histogram_bins.json, produced by
/// `/work/peers/venv/bin/python Tests/fixtures-src/chart_histogram_bins.py` (NumPy 2.4.6).
@Suite struct HistogramBinsTests {
    struct Case: Decodable {
        let name: String
        let integer: Bool
        let rule: String
        let values: [Double]
        let edges: [Double]
        let counts: [Int]
    }

    static func cases() throws -> [Case] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/histogram_bins.json")
        return try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
    }

    @Test func edgesAndCountsMatchNumPy() throws {
        let cases = try Self.cases()
        #expect(cases.count == 21)
        for c in cases {
            let rule: BinRule = c.rule == "fd" ? .freedmanDiaconis : c.rule == "sturges" ? .sturges : .count(Int(c.rule) ?? 0)
            let edges = HistogramBins.edges(c.values, rule: rule, integerData: c.integer)
            #expect(edges.count == c.edges.count, "\(c.name) \(c.rule): \(edges.count - 1) bins, NumPy \(c.edges.count - 1)")
            guard edges.count == c.edges.count else { continue }
            for (mine, theirs) in zip(edges, c.edges) {
                #expect(abs(mine - theirs) <= 1e-12 * max(1, abs(theirs)), "\(c.name) \(c.rule): edge \(mine) vs \(theirs)")
            }
            #expect(HistogramBins.counts(c.values, edges: edges) == c.counts, "\(c.name) \(c.rule)")
        }
    }

    @Test func emptyAndHugeInputsStayBounded() {
        #expect(HistogramBins.edges([], rule: .freedmanDiaconis) == [0, 1])
        // A heavy tail makes Freedman–Diaconis ask for billions of bins; the cap holds.
        let tail = Array(repeating: 1.0, count: 1000) + [1.0000001, 1e12]
        #expect(HistogramBins.edges(tail, rule: .freedmanDiaconis).count <= HistogramBins.maxBins + 1)
    }

    @Test func boxSummaryUsesTukeyWhiskers() throws {
        let s = try #require(BoxSummary(name: "a", values: [1, 2, 3, 4, 5, 6, 7, 30, .nan]))
        #expect(s.count == 8)
        #expect(s.q1 == 2.75 && s.median == 4.5 && s.q3 == 6.25)
        #expect(s.lowerWhisker == 1 && s.upperWhisker == 7)
        #expect(s.outliers == [30])
        #expect(BoxSummary(name: "none", values: [.nan]) == nil)
    }
}
