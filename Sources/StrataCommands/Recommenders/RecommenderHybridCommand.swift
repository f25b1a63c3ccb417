import StrataEngine

/// `recommender hybrid M1, M2, …`: blend or switch between trained recommenders.
package enum RecommenderHybridCommand {
    package static let weights = CommandOption.list("weights", describedAs: "equal", "one weight per model, in order")
    package static let normalize = CommandOption.choice("normalize", default: WeightedHybridParameters().normalization,
                                                "per user and model: minmax scales each list to 0…1, z to mean 0 and standard deviation 1")
    package static let switchAt = CommandOption.int("switch", in: 1...1_000_000, describedAs: "none",
                                            "switching: the first model for users with at least this many interactions, the second below")

    package static let spec = CommandSpec(
        "recommender hybrid", group: .recommenders, summary: "Blend recommenders by weight, or switch by history length.",
        arguments: [.tables("models", help: "recommenders trained on the same interactions, separated by commas")],
        options: [weights, normalize, switchAt],
        binding: .named { _ in "hybrid" },
        details: """
            Weighted: each model proposes max(100, 5 × top) items per user; its scores are normalised over \
            that list, an item it did not propose counts as its lowest, and the blend is the weighted sum. \
            Switching (switch=N, two models): users with fewer than N training interactions are served by \
            the second model, e.g. content-based or popularity for newcomers.
            """,
        examples: [
            "recommender hybrid iknn, cb weights=0.6,0.4 as hy",
            "recommender hybrid iknn, cb switch=5 as newcomers",
        ]
    ) { parsed, ctx in
        var models: [NamedRecommender] = []
        for (n, span) in parsed.listWithSpans("models") {
            guard case .object(let o)? = ctx.workspace[n], let r = o as? RecommenderObject else {
                throw parsed.error("'\(n)' is not a recommender", at: span,
                                   suggestion: "recommenders: " + RecommenderLookup.recommenderNames(ctx).joined(separator: ", "))
            }
            models.append(NamedRecommender(n, r.model))
        }
        let model: any Recommender
        var notes: [String] = []
        if let threshold = parsed[switchAt] {
            guard models.count == 2 else {
                throw parsed.error("switching takes exactly two models (main, then fallback), got \(models.count)", at: parsed.span("models"))
            }
            if parsed.isGiven(weights) { throw parsed.error("weights= does not apply to switching", at: parsed.span(weights)) }
            let switching = try SwitchingHybridEstimator(SwitchingHybridParameters(threshold: threshold)).fit(models, context: ctx.run)
            notes.append(switching.servesUnknownUsers ? "cold start: unknown users get \(switching.coldStartRule)"
                         : "cold start: \(switching.coldStartRule)")
            model = switching
        } else {
            var parameters = WeightedHybridParameters(normalization: parsed[normalize])
            if let given = parsed[weights] {
                guard given.count == models.count else {
                    throw parsed.error("\(given.count) weights for \(models.count) models", at: parsed.span(weights))
                }
                parameters.weights = try given.map { w in
                    guard let v = Double(w), v.isFinite, v >= 0 else {
                        throw parsed.error("weight '\(w)' is not a number ≥ 0", at: parsed.span(weights))
                    }
                    return v
                }
            }
            model = try WeightedHybridEstimator(parameters).fit(models, context: ctx.run)
        }
        let object = RecommenderObject(model: model, report: InteractionsReport())
        let name = try ctx.bindResult(object, for: parsed)
        var out = CommandOutput.note("\(name): \(object.summary)")
        for note in notes { out.append(.note(note)) }
        return out
    }
}
