import StrataEngine

/// The item vectors `evaluate` measures intra-list diversity on: `features=TABLE:COLUMNS` (built as
/// the content recommender builds them), `features=MODEL` (a content recommender's own vectors), or,
/// without features=, the first content recommender being evaluated.
package struct DiversityFeatures {
    /// Builds the item vectors for one catalogue (a model's training items).
    package let vectors: (Interactions) throws -> (features: ItemFeatures, itemIds: [String])
    /// For the protocol: where the vectors come from.
    package let source: String

    /// A model being evaluated, with its own item vectors when it is content-based.
    package typealias Evaluated = (name: String, model: any Recommender, content: ContentRecommender?)

    package static let option = CommandOption.tableColumns(
        "features", describedAs: "a content recommender's vectors, if one is evaluated",
        "item features for diversity: TABLE:COLUMNS (tags/text → TF-IDF, other text → one-hot, numbers → 0…1; "
            + "id column from item= or the usual names), or a content recommender; adds diversity to the default metrics")

    package static func resolve(_ p: ParsedCommand, _ ctx: CommandContext, models: [Evaluated]) throws -> DiversityFeatures {
        let named = p[option]
        if let named, named.count == 1, !named[0].contains(":") {
            guard case .object(let o)? = ctx.workspace[named[0]], let content = (o as? RecommenderObject)?.content else {
                throw p.error("features= takes TABLE:COLUMNS or a content recommender; '\(named[0])' is neither",
                              at: p.span(option), suggestion: "e.g. features=items:genres,category")
            }
            return fromContent(named[0], content)
        }
        if let ref = try ItemTableReference.parse(p, named, option: option.key, at: p.span(option), ctx, example: "items:genres,category",
                                                  preferredId: p[InteractionOptions.item]) {
            let spec = try ContentSpec.inferred(from: ref.table, idColumn: ref.idColumn, columns: ref.columns)
            return DiversityFeatures(
                vectors: { training in (try ItemFeatures.build(from: ref.table, spec: spec, training: training), training.itemIds) },
                source: "\(ref.tableName) (\(spec.blockDescription); joined on \(ref.idColumn))")
        }
        if let (name, content) = models.lazy.compactMap({ m in m.content.map { (m.name, $0) } }).first {
            return fromContent(name, content)
        }
        throw p.error("diversity needs item features, and no content recommender is evaluated",
                      at: p.span(EvaluationSettings.metrics),
                      suggestion: "name them with features=TABLE:COLUMNS, e.g. features=items:genres,category")
    }

    private static func fromContent(_ name: String, _ content: ContentRecommender) -> DiversityFeatures {
        DiversityFeatures(vectors: { _ in (content.features, content.training.itemIds) },
                          source: "\(name)'s item vectors (\(content.spec.blockDescription))")
    }

    /// One dissimilarity per model, sharing the vectors of models trained on the same items.
    package func dissimilarities(_ models: [any Recommender]) throws -> [ItemVectorDissimilarity] {
        var built: [(itemIds: [String], result: ItemVectorDissimilarity)] = []
        return try models.map { model in
            let ids = model.training.itemIds
            if let same = built.first(where: { $0.itemIds == ids }) { return same.result }
            let v = try vectors(model.training)
            let result = ItemVectorDissimilarity(features: v.features, featureItemIds: v.itemIds, itemIds: ids)
            built.append((ids, result))
            return result
        }
    }

    /// The protocol line.
    package func protocolLine(_ described: ItemVectorDissimilarity, results: [(name: String, result: RecommenderEvaluation)]) -> String {
        var line = "diversity: mean over each list's item pairs of 1 − cosine of item vectors from \(source); "
            + "\(Format.count(described.describedItems)) of \(Format.count(described.catalogueSize)) items have a vector, "
            + "pairs with an item without one are left out"
        let undefined = results.filter { $0.result.counts.usersWithoutDiversity > 0 }
            .map { "\($0.name) \(Format.count($0.result.counts.usersWithoutDiversity))" }
        if !undefined.isEmpty {
            line += "; lists with no such pair (fewer than two items with vectors) have no value and are left out of the mean: "
                + undefined.joined(separator: ", ")
        }
        return line
    }
}
