import StrataEngine

/// Using a trained recommender: lists for one user or all users, similar items, predicted ratings.
enum RecommendCommands {
    static let all: [CommandSpec] = [recommendUser, recommendAll, similarItem, predictRating]

    static let recommendUser = CommandSpec(
        "recommend user", group: .recommenders, summary: "Top items for one user, with the reason for each.",
        arguments: [.id("user", help: "the user id as in the training table"), .keyword("using"),
                    .name("model", help: "a recommender")],
        options: [OptionSpec("top", .int(1...10_000), default: "10", "how many items"),
                  OptionSpec("seen", .bool, default: "no", "also list items the user already interacted with")],
        details: "Items the user interacted with in training are left out unless seen=yes. A user absent from "
            + "the training data is served only by models with a stated cold-start rule (mf, popularity, "
            + "switching hybrids whose fallback has one); the note says which rule was used.",
        examples: ["recommend user 10003 using iknn top=5", "recommend user 10003 using mf top=3 seen=yes"]
    ) { parsed, ctx in
        let object = try RecommenderLookup.model(parsed, slot: "model", ctx)
        let model = object.model
        let id = parsed.text("user") ?? ""
        let count = parsed.int("top", default: 10)
        let modelName = parsed.text("model") ?? ""
        var notes: [String] = []
        let list: [Recommendation]
        var user: Int?
        if let u = RecommenderLookup.user(id, in: model) {
            user = u
            let exclude = parsed.bool("seen", default: false) ? [] : model.training.seenItems(user: u)
            list = model.recommend(user: u, count: count, exclude: exclude)
            notes.append("user \(id): \(Format.count(model.training.byUser.rowLength(u))) training interactions"
                         + (exclude.isEmpty ? "" : ", \(Format.count(exclude.count)) seen items left out"))
        } else if let cold = model as? any ColdStartCapable {
            list = cold.recommendForUnknownUser(count: count, exclude: [])
            notes.append("user \(id) is not in the training data; \(cold.coldStartRule)")
        } else {
            throw parsed.error("user '\(id)' is not in the training data of \(modelName)", at: parsed.span("user"),
                               suggestion: "\(model.algorithmName) has no cold-start rule; try a switching hybrid with popularity, or mf")
        }
        if list.count < count {
            notes.append("only \(list.count) of \(count) items could be scored for this user")
        }
        var ranks = ColumnBuilder(name: "rank", type: .int), items = ColumnBuilder(name: "item", type: .string)
        var scores = ColumnBuilder(name: "score", type: .float)
        // Reasons are sentences: listed whole under the table rather than cut to a column's width.
        var reasons: [String] = []
        for (n, r) in list.enumerated() {
            ranks.append(.int(Int64(n + 1)))
            items.appendString(model.training.itemIds[r.item])
            scores.append(.float(r.score))
            let why = user.map { model.explain(user: $0, item: r.item).reasons } ?? []
            let text = why.isEmpty ? (user == nil ? "cold-start rule" : "no single reason") : why.prefix(2).joined(separator: "; ")
            reasons.append("\(n + 1). \(model.training.itemIds[r.item]): \(text)")
        }
        let table = Table(uncheckedColumns: [ranks, items, scores].map { $0.finish() }, rowCount: list.count)
        var out = CommandOutput([.table(table, title: "top \(count) for user \(id) from \(modelName) (\(model.algorithmName))", showShape: false)])
        if !reasons.isEmpty { out.append(.text("why:\n" + reasons.joined(separator: "\n"))) }
        for n in notes { out.append(.note(n)) }
        return out
    }

    static let recommendAll = CommandSpec(
        "recommend all", group: .recommenders, summary: "Top items for every training user, as a table.",
        arguments: [.keyword("using"), .name("model", help: "a recommender")],
        options: [OptionSpec("top", .int(1...1_000), default: "10", "items per user"),
                  OptionSpec("seen", .bool, default: "no", "also list items users already interacted with")],
        binding: .named { p in "\(p.text("model") ?? "model")_top" },
        details: "One row per (user, rank): user, rank, item, score. Users in training order (sorted ids). "
            + "Without 'as NAME' the table is called MODEL_top.",
        examples: ["recommend all using iknn top=3 as iknn_top"]
    ) { parsed, ctx in
        let model = try RecommenderLookup.model(parsed, slot: "model", ctx).model
        let count = parsed.int("top", default: 10)
        let users = Array(0..<model.training.userCount)
        let lists = try BatchRecommendation.recommend(model, users: users, count: count,
                                                      excludeSeen: !parsed.bool("seen", default: false), context: ctx.run)
        let rows = lists.reduce(0) { $0 + $1.count }
        var userColumn = ColumnBuilder(name: "user", type: .string, capacity: rows)
        var ranks = ColumnBuilder(name: "rank", type: .int, capacity: rows)
        var items = ColumnBuilder(name: "item", type: .string, capacity: rows)
        var scores = ColumnBuilder(name: "score", type: .float, capacity: rows)
        for (u, list) in zip(users, lists) {
            for (n, r) in list.enumerated() {
                userColumn.appendString(model.training.userIds[u])
                ranks.append(.int(Int64(n + 1)))
                items.appendString(model.training.itemIds[r.item])
                scores.append(.float(r.score))
            }
        }
        let table = Table(uncheckedColumns: [userColumn, ranks, items, scores].map { $0.finish() }, rowCount: rows)
        let name = try ctx.bindResult(table, for: parsed)
        let short = lists.filter { $0.count < count }.count
        var out = CommandOutput.note("\(name): \(Format.count(rows)) recommendations for \(Format.count(users.count)) users")
        if short > 0 { out.append(.note("\(Format.count(short)) users got fewer than \(count) items (too little to score)")) }
        return out
    }

    static let similarItem = CommandSpec(
        "similar item", group: .recommenders, summary: "Items most similar to an item, by a model's item-item notion.",
        arguments: [.id("item", help: "the item id as in the training table"), .keyword("using"),
                    .name("model", help: "an item-kNN, MF, ALS, content or hybrid recommender")],
        options: [OptionSpec("top", .int(1...10_000), default: "10", "how many items")],
        details: "item-kNN: its kept neighbours and similarities; MF/ALS: cosine of the item factors; "
            + "content: cosine of the item vectors. User-kNN and popularity have no item-item notion.",
        examples: ["similar item 1033 using iknn top=5"]
    ) { parsed, ctx in
        let model = try RecommenderLookup.model(parsed, slot: "model", ctx).model
        let id = parsed.text("item") ?? ""
        let item = try RecommenderLookup.item(id, in: model, parsed, at: parsed.span("item"))
        let count = parsed.int("top", default: 10)
        guard let list = model.similarItems(to: item, count: count) else {
            throw parsed.error("\(parsed.text("model") ?? "") (\(model.algorithmName)) has no notion of item similarity",
                               at: parsed.span("model"), suggestion: "use an item-kNN, MF, ALS or content recommender")
        }
        var ranks = ColumnBuilder(name: "rank", type: .int), items = ColumnBuilder(name: "item", type: .string)
        var sims = ColumnBuilder(name: "similarity", type: .float)
        for (n, r) in list.enumerated() {
            ranks.append(.int(Int64(n + 1)))
            items.appendString(model.training.itemIds[r.item])
            sims.append(.float(r.score))
        }
        let table = Table(uncheckedColumns: [ranks, items, sims].map { $0.finish() }, rowCount: list.count)
        var out = CommandOutput([.table(table, title: "items similar to \(id) (\(model.algorithmName))", showShape: false)])
        if list.isEmpty { out.append(.note("no item shares enough with \(id) to be similar")) }
        return out
    }

    static let predictRating = CommandSpec(
        "predict rating", group: .recommenders, summary: "A model's predicted rating for one user and item.",
        arguments: [.keyword("using"), .name("model", help: "a rating-predicting recommender (mf, itemknn, userknn)")],
        options: [OptionSpec("user", .string, "the user id"), OptionSpec("item", .string, "the item id")],
        details: "Predictions are clipped to the rating scale. kNN models without a usable neighbour fall back to "
            + "the global mean (as Surprise); an unknown user gets μ + b_i from mf.",
        examples: ["predict rating user=10003 item=1033 using mf"]
    ) { parsed, ctx in
        let model = try RecommenderLookup.model(parsed, slot: "model", ctx).model
        guard let userId = parsed.string("user") else { throw parsed.error("predict rating needs user=ID") }
        guard let itemId = parsed.string("item") else { throw parsed.error("predict rating needs item=ID") }
        let item = try RecommenderLookup.item(itemId, in: model, parsed, at: parsed.optionSpan("item"))
        let user = RecommenderLookup.user(userId, in: model)
        guard model.training.kind.isExplicit, user != nil || model is BiasedMF,
              let rating = model.predictRating(user: user ?? -1, item: item) else {
            if user == nil {
                throw parsed.error("user '\(userId)' is not in the training data", at: parsed.optionSpan("user"))
            }
            throw parsed.error("\(parsed.text("model") ?? "") (\(model.algorithmName)) does not predict ratings",
                               at: parsed.span("model"), suggestion: "use mf, itemknn or userknn trained on ratings")
        }
        var pairs: [(String, String)] = [("user", userId), ("item", itemId), ("predicted rating", NumberFormatting.format(rating, decimals: 3))]
        if let u = user, let why = model.explain(user: u, item: item).reasons.first { pairs.append(("because", why)) }
        if user == nil { pairs.append(("note", "unknown user: μ + b_i")) }
        return CommandOutput([.keyValues(pairs, title: nil)])
    }
}
