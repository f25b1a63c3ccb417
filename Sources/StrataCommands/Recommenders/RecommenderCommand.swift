import StrataEngine

/// `recommender KIND TABLE …`: train a recommender and bind it in the workspace.
package enum RecommenderCommand {
    package static let context = CommandOption.pairs("context", describedAs: "none",
                                             "train only on rows where COLUMN:VALUE holds (context pre-filtering)")

    package static let spec = CommandSpec(
        "recommender", group: .recommenders, summary: "Train a recommender on an interaction table.",
        arguments: [.choice("kind", choices: RecommenderKinds.all.map(\.name),
                            help: RecommenderKinds.all.map { "\($0.name): \($0.summary)" }.joined(separator: "; ")),
                    .table("table", help: "the training interactions: a user, an item and a rating, event or weight column")],
        options: InteractionOptions.all + RecommenderKinds.optionSpecs + [context] + ContextTrainingOptions.all,
        binding: .named { p in p.text("kind") ?? "recommender" },
        details: """
            popular ranks by users per item (within the user's segment with segment=); random is the floor. \
            itemknn/userknn rank by the summed similarity of the k most similar neighbours (LensKit's \
            implicit kNN) and predict ratings by the similarity-weighted mean of neighbours' ratings \
            (Surprise KNNBasic; centered=yes for KNNWithMeans). mf is Surprise's SVD: μ + b_u + b_i + q_i·p_u \
            by SGD, ratings in a seeded shuffled order. als is Hu, Koren & Volinsky's implicit ALS. content \
            builds item vectors from items= and ranks by cosine to the user's profile. fm is a factorisation \
            machine over one-hot user, item, device= and hour= band (Rendle 2010), by SGD; postfilter=yes weighs any \
            kind's list by the item's rate in the user's context (recommend … context=device:mobile,hour:21). Without 'as NAME' the \
            model is called after its kind. See docs/recommenders.md.
            """,
        examples: [
            "recommender itemknn ratings neighbors=20 similarity=cosine as iknn",
            "recommender userknn ratings similarity=pearson shrink=10 neighbors=30 as uknn",
            "recommender mf ratings factors=20 epochs=10 seed=1 as mf",
            "recommender als ratings factors=16 iterations=5 seed=1 as als",
            "recommender content ratings items=items text=genres,description categories=category numeric=price as cb",
            "recommender itemknn events event=event context=device:mobile as mobile_knn",
            "recommender popular sales user=customer_id segment=segments:latent_segment as segpop",
            "recommender itemknn events event=event postfilter=yes as ctx_knn",
            "recommender fm events event=event factors=8 epochs=2 seed=1 as fm",
        ]
    ) { parsed, ctx in
        guard let kind = RecommenderKinds.kind(parsed.text("kind") ?? "") else { throw parsed.error("unknown recommender kind") }
        let typed = parsed.options.keys.sorted()
        for key in typed where RecommenderKinds.algorithmOptionKeys.contains(key) && !kind.optionKeys.contains(key) {
            throw parsed.error("option '\(key)' does not apply to \(kind.name)", at: parsed.options[key]?.span,
                               suggestion: "\(kind.name) takes: " + kind.optionKeys.sorted().joined(separator: ", "))
        }
        var table = try ctx.subjectTable(parsed)
        var notes: [String] = []
        if let pairs = parsed[context] {
            for (column, value) in pairs.pairs {
                guard table.column(column) != nil else {
                    throw parsed.error("no column '\(column)' in table \(parsed.subject ?? "")", at: parsed.span(context),
                                       suggestion: Suggestions.columnHint(for: column, among: table.columnNames))
                }
                let before = table.rowCount
                table = try ContextFilter.rows(table, column: column, equals: value)
                notes.append("context \(column) = \(value): trained on \(Format.count(table.rowCount)) of \(Format.count(before)) rows")
            }
        }
        let built = try InteractionOptions.build(parsed, table: table, context: ctx.run)
        var trained = try kind.build(parsed, built.interactions, &ctx)
        if parsed[ContextTrainingOptions.postfilter] {
            let contextual = try ContextTrainingOptions.contextual(parsed, table: table, interactions: built.interactions, ctx)
            trained.model = ContextPostFiltering.wrap(trained.model, data: contextual, smoothing: parsed[ContextTrainingOptions.smoothing])
            trained.facts.append(ContextTrainingOptions.fact(contextual))
        }
        let object = RecommenderObject(model: trained.model, report: built.report, content: trained.content)
        let name = try ctx.bindResult(object, for: parsed)
        var out = CommandOutput.note("\(name): \(object.summary)")
        for line in notes + built.report.notes + trained.facts { out.append(.note(line)) }
        return out
    }
}
