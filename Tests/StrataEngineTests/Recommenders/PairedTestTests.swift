import Foundation
import Testing
@testable import StrataEngine

/// Distribution functions and paired tests against SciPy (Fixtures/recsys_metrics_reference.json).
@Suite struct PairedTestTests {
    struct Reference: Decodable {
        struct Dist: Decodable { let betainc: [[Double]]; let t_cdf: [[Double]]; let norm_cdf: [[Double]] }
        struct Paired: Decodable { let name: String; let a: [Double]; let b: [Double]; let t: Double; let t_p: Double; let wilcoxon_p: Double }
        let distributions: Dist
        let paired: [Paired]
    }

    static func relativeClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(abs(b), 1e-300) || abs(a - b) < 1e-15
    }

    @Test func distributionsMatchSciPy() throws {
        let r = try RankingMetricTests.fixture(Reference.self)
        for row in r.distributions.betainc {
            let v = Distributions.regularizedIncompleteBeta(row[2], a: row[0], b: row[1])
            #expect(Self.relativeClose(v, row[3]), "I_\(row[2])(\(row[0]), \(row[1])) = \(v), scipy \(row[3])")
        }
        for row in r.distributions.t_cdf {
            let cdf = Distributions.studentTCDF(row[0], df: row[1])
            let two = Distributions.studentTTwoSided(row[0], df: row[1])
            #expect(Self.relativeClose(cdf, row[2]), "t.cdf(\(row[0]), \(row[1])) = \(cdf), scipy \(row[2])")
            #expect(Self.relativeClose(two, row[3]), "two-sided t(\(row[0]), \(row[1])) = \(two), scipy \(row[3])")
        }
        for row in r.distributions.norm_cdf {
            let v = Distributions.normalCDF(row[0])
            #expect(Self.relativeClose(v, row[1], 1e-12), "norm.cdf(\(row[0])) = \(v), scipy \(row[1])")
        }
    }

    @Test func pairedTestsMatchSciPy() throws {
        let r = try RankingMetricTests.fixture(Reference.self)
        for p in r.paired {
            let t = try PairedTests.tTest(p.a, p.b)
            #expect(Self.relativeClose(t.t, p.t), "\(p.name): t \(t.t) vs \(p.t)")
            #expect(Self.relativeClose(t.pValue, p.t_p), "\(p.name): t p \(t.pValue) vs \(p.t_p)")
            let w = try PairedTests.wilcoxon(p.a, p.b)
            #expect(Self.relativeClose(w.pValue, p.wilcoxon_p), "\(p.name): wilcoxon p \(w.pValue) vs \(p.wilcoxon_p) exact=\(w.exact)")
        }
    }

    @Test func degenerateSamples() throws {
        let same = try PairedTests.tTest([1, 2, 3], [1, 2, 3])
        #expect(same.t.isNaN && same.pValue == 1)
        let shifted = try PairedTests.tTest([2, 3, 4], [1, 2, 3])
        #expect(shifted.t == .infinity && shifted.pValue == 0)
        #expect(try PairedTests.wilcoxon([1, 2], [1, 2]).pValue == 1)
        #expect(throws: EngineError.self) { _ = try PairedTests.tTest([1], [2]) }
        #expect(throws: EngineError.self) { _ = try PairedTests.tTest([1, 2], [2]) }
        // exact signed-rank: n = 3, all positive: W+ = 6, P(W+ ≥ 6) = 1/8, two-sided 1/4
        #expect(try PairedTests.wilcoxon([1, 2, 3], [0, 0, 0]).pValue == 0.25)
    }
}
