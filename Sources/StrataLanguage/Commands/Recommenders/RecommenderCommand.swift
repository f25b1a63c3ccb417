import StrataEngine

/// `recommender KIND TABLE …`: train a recommender and bind it in the workspace.
enum RecommenderCommand {
    static let algorithmSpecs: [OptionSpec] = [
        OptionSpec("neighbors", .int(1...10_000), default: "20", "kNN: neighbours that score each candidate"),
        OptionSpec("similarity", .choice(SimilarityMeasure.allCases.map(\.rawValue)), default: "cosine",
                   "kNN: cosine, adjusted (cosine after removing user/item means), pearson, jaccard"),
        OptionSpec("shrink", .double(0...1_000_000), default: "0", "kNN: shrinkage λ, similarity × n/(n+λ) for n shared entries"),
        OptionSpec("saved", .int(0...1_000_000), default: "200", "kNN: neighbours kept per item/user after training (0 = all)"),
        OptionSpec("binary", .bool, default: "yes (kNN, ALS on ratings); no (ALS on events)",
                   "kNN cosine / ALS: use who interacted, not the values"),
        OptionSpec("centered", .bool, default: "no", "kNN: predict ratings from neighbours' deviations from their means"),
        OptionSpec("minsim", .double(0...1), default: "0", "kNN: drop similarities at or below this"),
        OptionSpec("factors", .int(1...1_000), default: "100 (mf), 64 (als)", "MF/ALS: latent factors"),
        OptionSpec("epochs", .int(1...10_000), default: "20", "MF: passes over the ratings"),
        OptionSpec("lr", .double(0.000_000_1...0.999), default: "0.005", "MF: learning rate"),
        OptionSpec("reg", .double(0...1_000_000), default: "0.02 (mf), 0.01 (als)", "MF/ALS: regularisation"),
        OptionSpec("std", .double(0...10), default: "0.1", "MF: standard deviation of the initial factors"),
        OptionSpec("iterations", .int(1...1_000), default: "15", "ALS: alternating iterations"),
        OptionSpec("alpha", .double(0...1_000_000), default: "1", "ALS: confidence 1 + alpha·r"),
        OptionSpec("solver", .choice(ALSSolver.allCases.map(\.rawValue)), default: "cg", "ALS: cg (3 warm-started steps) or cholesky (exact)"),
        OptionSpec("cgsteps", .int(1...1_000), default: "3", "ALS: conjugate-gradient steps per row"),
        OptionSpec("seed", .int(nil), default: "the session seed (set seed)", "MF/ALS: random seed"),
        OptionSpec("items", .string, default: "none", "content: the table describing the items"),
        OptionSpec("id", .string, default: "item_id, item, product_id or book_id", "content: the item id column of items="),
        OptionSpec("text", .list, default: "none", "content: tag or text columns (TF-IDF over words split on | and spaces)"),
        OptionSpec("categories", .list, default: "none", "content: category columns (one-hot)"),
        OptionSpec("numeric", .list, default: "none", "content: numeric columns (scaled to 0…1)"),
        OptionSpec("segment", .pairs, default: "none", "popular: rank within each user's segment, from TABLE:COLUMN"),
        OptionSpec("context", .pairs, default: "none", "train only on rows where COLUMN:VALUE holds (context pre-filtering)"),
    ]

    static let spec = CommandSpec(
        "recommender", group: .recommenders, summary: "Train a recommender on an interaction table.",
        arguments: [.choice("kind", choices: RecommenderKinds.all.map(\.name),
                            help: RecommenderKinds.all.map { "\($0.name): \($0.summary)" }.joined(separator: "; ")),
                    .table("table", help: "the training interactions: a user, an item and a rating, event or weight column")],
        options: InteractionOptions.specs + algorithmSpecs,
        binding: .named { p in p.text("kind") ?? "recommender" },
        details: """
            popular ranks by users per item (within the user's segment with segment=); random is the floor. \
            itemknn/userknn rank by the summed similarity of the k most similar neighbours (LensKit's \
            implicit kNN) and predict ratings by the similarity-weighted mean of neighbours' ratings \
            (Surprise KNNBasic; centered=yes for KNNWithMeans). mf is Surprise's SVD: μ + b_u + b_i + q_i·p_u \
            by SGD, ratings in a seeded shuffled order. als is Hu, Koren & Volinsky's implicit ALS. content \
            builds item vectors from items= and ranks by cosine to the user's profile. Without 'as NAME' the \
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
        ]
    ) { parsed, ctx in
        guard let kind = RecommenderKinds.kind(parsed.text("kind") ?? "") else { throw parsed.error("unknown recommender kind") }
        for key in parsed.options.keys.sorted() where RecommenderKinds.algorithmOptions.contains(key) && !kind.options.contains(key) {
            throw parsed.error("option '\(key)' does not apply to \(kind.name)", at: parsed.optionSpan(key),
                               suggestion: "\(kind.name) takes: " + kind.options.sorted().joined(separator: ", "))
        }
        var table = try ctx.subjectTable(parsed)
        var notes: [String] = []
        if let pairs = parsed.pairs("context") {
            for (column, value) in pairs {
                guard table.column(column) != nil else {
                    throw parsed.error("no column '\(column)' in table \(parsed.subject ?? "")", at: parsed.optionSpan("context"),
                                       suggestion: Suggestions.columnHint(for: column, among: table.columnNames))
                }
                let before = table.rowCount
                table = try ContextFilter.rows(table, column: column, equals: value)
                notes.append("context \(column) = \(value): trained on \(Format.count(table.rowCount)) of \(Format.count(before)) rows")
            }
        }
        let built = try InteractionOptions.build(parsed, table: table, context: ctx.run)
        let model = try kind.build(parsed, built.interactions, &ctx)
        let object = RecommenderObject(model: model, report: built.report)
        let name = try ctx.bindResult(object, for: parsed)
        var out = CommandOutput.note("\(name): \(object.summary)")
        for line in notes + built.report.notes + RecommenderFacts.lines(model) { out.append(.note(line)) }
        return out
    }
}

/// A line or two a user wants after training: how much a model kept, what it cannot do.
enum RecommenderFacts {
    static func lines(_ model: any Recommender) -> [String] {
        switch model {
        case let m as ItemKNN:
            return ["kept \(Format.count(m.similar.pairCount)) item-item similarities"
                    + (m.options.savedNeighbors > 0 ? " (at most \(m.options.savedNeighbors) per item)" : "")]
        case let m as UserKNN:
            return ["kept \(Format.count(m.similar.pairCount)) user-user similarities"
                    + (m.options.savedNeighbors > 0 ? " (at most \(m.options.savedNeighbors) per user)" : "")]
        case let m as ContentRecommender:
            var out = ["\(Format.count(m.features.featureNames.count)) features; \(Format.count(m.features.describedCount)) of "
                       + "\(Format.count(m.training.itemCount)) items described"]
            if m.features.describedCount < m.training.itemCount {
                out.append("items without a row in the item table are never recommended")
            }
            return out
        default:
            return []
        }
    }
}
