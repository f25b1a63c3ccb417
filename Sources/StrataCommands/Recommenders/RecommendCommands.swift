import StrataEngine

/// Using a trained recommender: lists for one user or all users, similar items, predicted ratings.
package enum RecommendCommands {
    package static let all: [CommandSpec] = [RecommendUserCommand.spec, RecommendAllCommand.spec, similarItem, predictRating]

    package static let similarTop = CommandOption.int("top", in: 1...10_000, default: 10, "how many items")
    package static let userId = CommandOption.text("user", "the user id")
    package static let itemId = CommandOption.text("item", "the item id")

    package static let similarItem = CommandSpec(
        "similar item", group: .recommenders, summary: "Items most similar to an item, by a model's item-item notion.",
        arguments: [.id("item", help: "the item id as in the training table"), .keyword("using"),
                    .value("model", help: "an item-kNN, MF, ALS, content or hybrid recommender")],
        options: [similarTop, ItemTitles.option],
        details: "item-kNN: its kept neighbours and similarities; MF/ALS: cosine of the item factors; "
            + "content: cosine of the item vectors. User-kNN and popularity have no item-item notion. "
            + "With titles=items:title the list gets a title column.",
        examples: ["similar item 1033 using iknn top=5", "similar item 1033 using cb top=5 titles=items:title"]
    ) { parsed, ctx in
        let model = try RecommenderLookup.model(parsed, slot: "model", ctx).model
        let id = parsed.text("item") ?? ""
        let item = try RecommenderLookup.item(id, in: model, parsed, at: parsed.span("item"))
        let count = parsed[similarTop]
        guard let list = model.itemSimilarity?.similarItems(to: item, count: count) else {
            throw parsed.error("\(parsed.text("model") ?? "") (\(model.algorithmName)) has no notion of item similarity",
                               at: parsed.span("model"), suggestion: "use an item-kNN, MF, ALS or content recommender")
        }
        let titles = try ItemTitles.parse(parsed, ctx, training: model.training)
        var ranks = ColumnBuilder(name: "rank", type: .int), items = ColumnBuilder(name: "item", type: .string)
        var titleColumn = ColumnBuilder(name: titles?.column ?? "title", type: .string)
        var sims = ColumnBuilder(name: "similarity", type: .float)
        for (n, r) in list.enumerated() {
            ranks.append(.int(Int64(n + 1)))
            items.appendString(model.training.itemIds[r.item])
            if let titles { titleColumn.appendString(titles.name(r.item)) }
            sims.append(.float(r.score))
        }
        let columns = [ranks, items] + (titles == nil ? [] : [titleColumn]) + [sims]
        let table = Table(uncheckedColumns: columns.map { $0.finish() }, rowCount: list.count)
        let named = titles?.titles[item].map { "\(id) (\($0))" } ?? id
        var out = CommandOutput([.table(table, title: "items similar to \(named) (\(model.algorithmName))", showShape: false)])
        if list.isEmpty { out.append(.note("no item shares enough with \(id) to be similar")) }
        if let titles, let note = titles.untitledNote(list.map(\.item)) { out.append(.note(note)) }
        return out
    }

    package static let predictRating = CommandSpec(
        "predict rating", group: .recommenders, summary: "A model's predicted rating for one user and item.",
        arguments: [.keyword("using"), .value("model", help: "a rating-predicting recommender (mf, itemknn, userknn)")],
        options: [userId, itemId],
        details: "Predictions are clipped to the rating scale. kNN models without a usable neighbour fall back to "
            + "the global mean (as Surprise); an unknown user gets μ + b_i from mf.",
        examples: ["predict rating user=10003 item=1033 using mf"]
    ) { parsed, ctx in
        let model = try RecommenderLookup.model(parsed, slot: "model", ctx).model
        guard let userId = parsed[RecommendCommands.userId] else { throw parsed.error("predict rating needs user=ID") }
        guard let itemId = parsed[RecommendCommands.itemId] else { throw parsed.error("predict rating needs item=ID") }
        let item = try RecommenderLookup.item(itemId, in: model, parsed, at: parsed.span(RecommendCommands.itemId))
        let user = RecommenderLookup.user(userId, in: model)
        let predictor = model.training.kind.isExplicit ? model.ratingPredictor : nil
        guard let predictor, user != nil || predictor.predictsForUnknownUsers,
              let rating = predictor.predictRating(user: user ?? -1, item: item) else {
            if user == nil {
                throw parsed.error("user '\(userId)' is not in the training data", at: parsed.span(RecommendCommands.userId))
            }
            throw parsed.error("\(parsed.text("model") ?? "") (\(model.algorithmName)) does not predict ratings",
                               at: parsed.span("model"), suggestion: "use mf, itemknn or userknn trained on ratings")
        }
        var pairs: [(String, String)] = [("user", userId), ("item", itemId), ("predicted rating", NumberFormatting.format(rating, decimals: 3))]
        if let u = user, let why = model.explain(user: u, item: item).reasons.first { pairs.append(("because", why.text(ids: model.training))) }
        if user == nil { pairs.append(("note", "unknown user: μ + b_i")) }
        return CommandOutput([.keyValues(pairs, title: nil)])
    }
}
