import Testing
@testable import StrataEngine

/// Each model's roles, as its conformances declare them, seen through `any Recommender`.
@Suite struct RecommenderRolesTests {
    struct Roles: Equatable {
        var ratings = false, similarity = false, batch = false, coldStart = false
    }

    static func roles(_ m: any Recommender) -> Roles {
        Roles(ratings: m.ratingPredictor != nil, similarity: m.itemSimilarity != nil, batch: m.batchRecommender != nil,
              coldStart: m.coldStart != nil)
    }

    @Test func everyModelDeclaresItsRoles() throws {
        let data = RecAlgoData.small
        let knn = try ItemKNNEstimator().fit(data, context: .quiet)
        #expect(Self.roles(knn) == Roles(ratings: true, similarity: true, batch: true))
        #expect(Self.roles(try UserKNNEstimator().fit(data, context: .quiet)) == Roles(ratings: true))
        var mf = BiasedMFOptions(seed: 1)
        mf.factors = 2
        mf.epochs = 2
        #expect(Self.roles(try BiasedMFEstimator(mf).fit(data, context: .quiet)) == Roles(ratings: true, similarity: true, batch: true, coldStart: true))
        var als = ImplicitALSOptions(seed: 1)
        als.factors = 2
        als.iterations = 1
        #expect(Self.roles(try ImplicitALSEstimator(als).fit(data, context: .quiet)) == Roles(similarity: true, batch: true))
        let popular = try PopularityEstimator().fit(data, context: .quiet)
        #expect(Self.roles(popular) == Roles(coldStart: true))
        #expect(Self.roles(try RandomEstimator(RandomParameters(seed: 3)).fit(data, context: .quiet)) == Roles())
        #expect(Self.roles(try BiasEstimator().fit(data, context: .quiet)) == Roles(ratings: true, coldStart: true))
        // On implicit feedback kNN predicts no ratings.
        let implicit = RecAlgoData.interactions(users: 2, items: 2, [(0, 0, 1), (1, 1, 1), (1, 0, 1)], explicit: false)
        #expect(try ItemKNNEstimator().fit(implicit, context: .quiet).ratingPredictor == nil)
        // Wrappers and hybrids answer from their parts.
        #expect(Self.roles(PopularityFallback(knn)) == Roles(ratings: true, similarity: true, batch: true, coldStart: true))
        let models = [NamedRecommender("pop", popular), NamedRecommender("knn", knn)]
        #expect(Self.roles(try WeightedHybridEstimator(WeightedHybridParameters()).fit(models, context: .quiet)) == Roles(ratings: true, similarity: true))
        #expect(Self.roles(try SwitchingHybridEstimator(SwitchingHybridParameters(threshold: 2)).fit(models.reversed(), context: .quiet))
                == Roles(ratings: true, similarity: true, coldStart: true))
    }

    @Test func parametersDescribeThemselves() throws {
        var options = NeighborhoodOptions()
        options.neighbors = 5
        let knn = try ItemKNNEstimator(options).fit(RecAlgoData.small, context: .quiet)
        #expect(knn.parameterValues.first == ParameterValue("neighbors", 5, default: 20))
        #expect(knn.parameterValues.filter(\.isDefault).map(\.name) == ["similarity", "shrink", "saved", "binary", "centered", "minsim"])
        #expect(BiasedMFOptions(seed: 7).described.map(\.name) == ["factors", "epochs", "lr", "reg", "std", "seed"])
        #expect(ImplicitALSOptions(seed: 7).described.first { $0.name == "solver" } == ParameterValue("solver", "cg", default: "cg"))
    }
}
