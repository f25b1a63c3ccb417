import Foundation
import Testing
@testable import StrataEngine

/// Intra-list diversity on item vectors built from an item table (`ItemVectorDissimilarity`).
@Suite struct ItemDiversityTests {
    /// i0 (cat X, size 0), i1 (Y, 1), i2 (X, 1); i3 has no row in the item table. Each block is
    /// scaled to unit length, then the whole vector: i0 = (X 1), i1 = (Y 1/√2, size 1/√2),
    /// i2 = (X 1/√2, size 1/√2). So d(i0,i1) = 1, d(i0,i2) = 1 − 1/√2, d(i1,i2) = 1 − 1/2.
    static let training = RecAlgoData.interactions(users: 4, items: 4, [(0, 3, 1), (1, 3, 1), (2, 3, 1), (3, 3, 1)])
    static let items = try! Table(columns: [
        Column.fromValues(name: "item_id", type: .string, values: ["i0", "i1", "i2", "zz"].map { .string($0) }),
        Column.fromValues(name: "cat", type: .string, values: ["X", "Y", "X", "X"].map { .string($0) }),
        Column.fromValues(name: "size", type: .float, values: [0.0, 1, 1, 5].map { .float($0) }),
    ])
    static let d01 = 1.0, d02 = 1 - 1 / 2.0.squareRoot(), d12 = 0.5

    static func dissimilarity() throws -> ItemVectorDissimilarity {
        let spec = ContentSpec(idColumn: "item_id", categoryColumns: ["cat"], numericColumns: ["size"])
        let features = try ItemFeatures.build(from: items, spec: spec, training: training)
        return ItemVectorDissimilarity(features: features, featureItemIds: training.itemIds, itemIds: training.itemIds)
    }

    @Test func pairwiseCosineDissimilarity() throws {
        let v = try Self.dissimilarity()
        #expect(v.describedItems == 3 && v.catalogueSize == 4)
        #expect(abs(v.dissimilarity(0, 1) - Self.d01) < 1e-6)
        #expect(abs(v.dissimilarity(0, 2) - Self.d02) < 1e-6)
        #expect(abs(v.dissimilarity(1, 2) - Self.d12) < 1e-6)
        #expect(abs(v.dissimilarity(2, 2)) < 1e-6)
        #expect(v.dissimilarity(0, 3).isNaN && v.dissimilarity(3, 3).isNaN && v.dissimilarity(-1, 0).isNaN)
    }

    @Test func listsAverageTheirDefinedPairs() throws {
        let d = try Self.dissimilarity().dissimilarity
        let full = try #require(ListMetrics.intraListDiversity([0, 1, 2], dissimilarity: d))
        #expect(abs(full - (Self.d01 + Self.d02 + Self.d12) / 3) < 1e-6)   // 0.5976
        // i3 has no vector: its pairs are left out, so only (i0, i1) counts.
        #expect(abs((ListMetrics.intraListDiversity([0, 3, 1], dissimilarity: d) ?? -1) - Self.d01) < 1e-6)
        #expect(ListMetrics.intraListDiversity([3, 0], dissimilarity: d) == nil)   // no defined pair
        #expect(ListMetrics.intraListDiversity([2], dissimilarity: d) == nil)      // fewer than two items
        #expect(ListMetrics.intraListDiversity([], dissimilarity: d) == nil)
    }

    /// Fixed lists per user.
    struct Lists: Recommender {
        let training: Interactions
        let lists: [[Int]]
        var algorithmName: String { "fixed lists" }
        var parameterValues: [ParameterValue] { [] }
        func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
            lists[user].prefix(count).map { Recommendation(item: $0, score: 1) }
        }
        func explain(user: Int, item: Int) -> Explanation { Explanation(item: item, reasons: []) }
    }

    @Test func evaluatorAveragesOverUsersWithAValue() throws {
        let model = Lists(training: Self.training, lists: [[0, 1, 2], [0, 3, 1], [3, 0], [2]])
        let test = RecAlgoData.interactions(users: 4, items: 4, [(0, 0, 5), (1, 1, 5), (2, 2, 5), (3, 0, 5)])
        var options = EvaluationOptions(k: 10)
        options.metrics = [.diversity]
        options.excludeSeen = false
        options.itemDissimilarity = try Self.dissimilarity().dissimilarity
        let r = try RecommenderEvaluator.evaluate(model, test: test, options: options, context: RunContext())[0]
        let perUser = try #require(r.perUser[.diversity])
        #expect(abs(perUser[0] - 0.597631) < 1e-5 && abs(perUser[1] - 1) < 1e-6 && perUser[2].isNaN && perUser[3].isNaN)
        #expect(abs((r.value(.diversity) ?? -1) - (0.597631 + 1) / 2) < 1e-5)   // 0.7988, users 2 and 3 left out
        #expect(r.counts.usersWithoutDiversity == 2)
    }

    @Test func catalogueMatchedById() throws {
        // Another model's catalogue (i2, i0, new): vectors follow the ids, "new" has none.
        let spec = ContentSpec(idColumn: "item_id", categoryColumns: ["cat"], numericColumns: ["size"])
        let features = try ItemFeatures.build(from: Self.items, spec: spec, training: Self.training)
        let v = ItemVectorDissimilarity(features: features, featureItemIds: Self.training.itemIds, itemIds: ["i2", "i0", "new"])
        #expect(v.describedItems == 2)
        #expect(abs(v.dissimilarity(0, 1) - Self.d02) < 1e-6 && v.dissimilarity(1, 2).isNaN)
    }

    @Test func columnsAreClassifiedByTheirValues() throws {
        let t = try Table(columns: [
            Column.fromValues(name: "item_id", type: .string, values: ["a", "b"].map { .string($0) }),
            Column.fromValues(name: "genres", type: .string, values: ["boho", "kids|gift"].map { .string($0) }),
            Column.fromValues(name: "category", type: .string, values: ["Home Decor", "Toys"].map { .string($0) }),
            Column.fromValues(name: "blurb", type: .string, values: ["a lamp for reading late", "kite"].map { .string($0) }),
            Column.fromValues(name: "price", type: .float, values: [1.0, 2].map { .float($0) }),
        ])
        let spec = try ContentSpec.inferred(from: t, idColumn: "item_id", columns: ["genres", "category", "blurb", "price"])
        #expect(spec.textColumns == ["genres", "blurb"] && spec.categoryColumns == ["category"] && spec.numericColumns == ["price"])
        #expect(spec.blockDescription == "text: genres, blurb; categories: category; numbers: price")
        #expect(throws: EngineError.self) { try ContentSpec.inferred(from: t, idColumn: "item_id", columns: ["nope"]) }
    }
}
