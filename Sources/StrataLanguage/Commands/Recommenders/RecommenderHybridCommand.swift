import StrataEngine

/// `recommender hybrid M1, M2, …`: blend or switch between trained recommenders.
enum RecommenderHybridCommand {
    static let spec = CommandSpec(
        "recommender hybrid", group: .recommenders, summary: "Blend recommenders by weight, or switch by history length.",
        arguments: [.tables("models", help: "recommenders trained on the same interactions, separated by commas")],
        options: [
            OptionSpec("weights", .list, default: "equal", "one weight per model, in order"),
            OptionSpec("normalize", .choice(ScoreNormalization.allCases.map(\.rawValue)), default: "minmax",
                       "per user and model: minmax scales each list to 0…1, z to mean 0 and standard deviation 1"),
            OptionSpec("switch", .int(1...1_000_000), default: "none",
                       "switching: the first model for users with at least this many interactions, the second below"),
        ],
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
        var models: [(String, any Recommender)] = []
        for (n, span) in parsed.listWithSpans("models") {
            guard case .object(let o)? = ctx.workspace[n], let r = o as? RecommenderObject else {
                throw parsed.error("'\(n)' is not a recommender", at: span,
                                   suggestion: "recommenders: " + RecommenderLookup.recommenderNames(ctx).joined(separator: ", "))
            }
            models.append((n, r.model))
        }
        let model: any Recommender
        if parsed.hasOption("switch") {
            guard models.count == 2 else {
                throw parsed.error("switching takes exactly two models (main, then fallback), got \(models.count)", at: parsed.span("models"))
            }
            if parsed.hasOption("weights") { throw parsed.error("weights= does not apply to switching", at: parsed.optionSpan("weights")) }
            model = try SwitchingHybrid(primary: models[0], fallback: models[1], threshold: parsed.int("switch", default: 1))
        } else {
            var weights = [Double](repeating: 1, count: models.count)
            if let given = parsed.strings("weights") {
                guard given.count == models.count else {
                    throw parsed.error("\(given.count) weights for \(models.count) models", at: parsed.optionSpan("weights"))
                }
                weights = try given.map { w in
                    guard let v = Double(w), v.isFinite, v >= 0 else {
                        throw parsed.error("weight '\(w)' is not a number ≥ 0", at: parsed.optionSpan("weights"))
                    }
                    return v
                }
            }
            let normalization = parsed.string("normalize").flatMap(ScoreNormalization.init(rawValue:)) ?? .minmax
            model = try WeightedHybrid(components: zip(models, weights).map { .init(name: $0.0, model: $0.1, weight: $1) },
                                       normalization: normalization)
        }
        let object = RecommenderObject(model: model, report: InteractionsReport())
        let name = try ctx.bindResult(object, for: parsed)
        var out = CommandOutput.note("\(name): \(object.summary)")
        if let cold = model as? any ColdStartCapable {
            out.append(.note(cold.servesUnknownUsers ? "cold start: unknown users get \(cold.coldStartRule)" : "cold start: \(cold.coldStartRule)"))
        }
        return out
    }
}
