import Foundation
import Testing
@testable import StrataEngine

/// Hand-computed values on tiny lists, and agreement with LensKit and bench_recsys.py on 200
/// seeded cases (Fixtures/recsys_metrics_reference.json, from Tests/fixtures-src/recsys_metrics_reference.py).
@Suite struct RankingMetricTests {
    // list 3, 7, 1, 9 (4 items); relevant 7 (grade 5), 9 (grade 3), 4 (grade 4, not recommended)
    static let relevant = RelevantItems(grades: [7: 5, 9: 3, 4: 4])
    static let list = [3, 7, 1, 9]

    @Test func shortListAtFive() {
        let s = RankingMetrics.score(list: Self.list, relevant: Self.relevant, k: 5)
        #expect(s.precision == 2.0 / 5)                       // short list still divides by k
        #expect(s.recall == 2.0 / 3)
        let dcg = 1 / log2(3.0) + 1 / log2(5.0)               // hits at ranks 2 and 4
        let ideal = 1 + 1 / log2(3.0) + 1 / log2(4.0)         // three relevant items
        #expect(abs(s.ndcg - dcg / ideal) < 1e-15)
        #expect(s.averagePrecision == (1.0 / 2 + 2.0 / 4) / 3)
        #expect(s.reciprocalRank == 0.5)
        #expect(s.hit == 1)
    }

    @Test func alternativeDefinitions() {
        var d = MetricDefinitions()
        d.precision = .list
        d.recall = .truncated
        d.averagePrecision = .list
        d.discount = .lenskit
        d.gain = .linear
        let s = RankingMetrics.score(list: Self.list, relevant: Self.relevant, k: 2, definitions: d)
        #expect(s.precision == 1.0 / 2)                       // top 2: 3, 7
        #expect(s.recall == 1.0 / 2)                          // min(3, 2)
        #expect(s.averagePrecision == (1.0 / 2) / 2)           // min(3, list length 2)
        // rank 2 weighs 1/log2(max(2,2)) = 1; ideal gains 5, 4 both weigh 1
        #expect(s.ndcg == 5.0 / 9)
        d.gain = .exponential
        d.discount = .log2
        let e = RankingMetrics.score(list: Self.list, relevant: Self.relevant, k: 5, definitions: d)
        let dcg = 31 / log2(3.0) + 7 / log2(5.0)
        let ideal = 31 + 15 / log2(3.0) + 7 / log2(4.0)
        #expect(abs(e.ndcg - dcg / ideal) < 1e-15)
    }

    @Test func emptyListAndNoHits() {
        let empty = RankingMetrics.score(list: [], relevant: Self.relevant, k: 10)
        #expect(empty == UserRankingScores(precision: 0, recall: 0, ndcg: 0, averagePrecision: 0, reciprocalRank: 0, hit: 0))
        var d = MetricDefinitions()
        d.precision = .list
        #expect(RankingMetrics.score(list: [], relevant: Self.relevant, k: 10, definitions: d).precision == 0)
        let miss = RankingMetrics.score(list: [1, 2, 3], relevant: Self.relevant, k: 3)
        #expect(miss.ndcg == 0 && miss.reciprocalRank == 0)
        // no relevant items at all: every metric 0 rather than a division by zero
        let none = RankingMetrics.score(list: [1, 2], relevant: RelevantItems(), k: 2)
        #expect(none.recall == 0 && none.ndcg == 0 && none.averagePrecision == 0)
    }

    @Test func unknownRelevantItemsCountInDenominators() {
        // one relevant item known (hit at rank 1), two the model never saw
        let r = RelevantItems(grades: [5: 1], unknownGrades: [1, 1])
        let s = RankingMetrics.score(list: [5, 6], relevant: r, k: 2)
        #expect(s.recall == 1.0 / 3)
        #expect(s.ndcg == 1 / (1 + 1 / log2(3.0)))
        #expect(s.averagePrecision == 1.0 / 2)
    }

    @Test func tiedGradesInTheIdealList() {
        let r = RelevantItems(grades: [1: 3, 2: 3, 3: 3])
        var d = MetricDefinitions()
        d.gain = .linear
        let s = RankingMetrics.score(list: [2, 9, 3], relevant: r, k: 3, definitions: d)
        let ideal = 3 + 3 / log2(3.0) + 3 / log2(4.0)
        #expect(abs(s.ndcg - (3 + 3 / log2(4.0)) / ideal) < 1e-15)
    }

    struct Reference: Decodable {
        struct ListCase: Decodable {
            let list: [Int]; let relevant: [Int]; let grades: [Double]; let k: Int
            let lenskit: [String: Double?]; let bench: [String: Double]
        }
        let lists: [ListCase]
    }

    static func fixture<T: Decodable>(_ type: T.Type, file: String = #filePath) throws -> T {
        let url = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/recsys_metrics_reference.json")
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    @Test func agreesWithLensKitAndBench() throws {
        let reference = try Self.fixture(Reference.self)
        #expect(reference.lists.count == 200)
        for c in reference.lists {
            let relevant = RelevantItems(grades: Dictionary(uniqueKeysWithValues: zip(c.relevant, c.grades)))
            func score(_ edit: (inout MetricDefinitions) -> Void) -> UserRankingScores {
                var d = MetricDefinitions()
                edit(&d)
                return RankingMetrics.score(list: c.list, relevant: relevant, k: c.k, definitions: d)
            }
            func close(_ a: Double, _ b: Double?, _ what: String) {
                guard let b else { return }   // LensKit gives NaN for empty lists; Strata 0 (tested above)
                #expect(abs(a - b) <= 1e-9, "\(what) k=\(c.k) list=\(c.list): \(a) vs \(b)")
            }
            let strata = score { _ in }
            close(strata.precision, c.bench["precision_k"], "P@k (bench)")
            close(strata.recall, c.bench["recall_relevant"], "R@k (bench)")
            close(strata.ndcg, c.bench["ndcg_log2"], "NDCG (bench)")
            close(strata.ndcg, c.lenskit["ndcg_log2"] ?? nil, "NDCG offset=1 (LensKit)")
            close(strata.reciprocalRank, c.lenskit["mrr"] ?? nil, "RecipRank")
            close(strata.hit, c.lenskit["hit"] ?? nil, "Hit")
            close(score { $0.precision = .list }.precision, c.lenskit["precision_list"] ?? nil, "Precision (LensKit)")
            close(score { $0.recall = .truncated }.recall, c.lenskit["recall_truncated"] ?? nil, "Recall (LensKit)")
            close(score { $0.discount = .lenskit }.ndcg, c.lenskit["ndcg_lenskit"] ?? nil, "NDCG default (LensKit)")
            close(score { $0.gain = .linear }.ndcg, c.lenskit["ndcg_linear_log2"] ?? nil, "graded NDCG (LensKit)")
            close(score { $0.averagePrecision = .list }.averagePrecision, c.lenskit["ap_list"] ?? nil, "AP (LensKit)")
        }
    }
}
