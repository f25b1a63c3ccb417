import StrataEngine

/// `recommend user U using M`: one user's list with the reason for each item.
package enum RecommendUserCommand {
    package static let top = CommandOption.int("top", in: 1...10_000, default: 10, "how many items")
    package static let seen = CommandOption.flag("seen", default: false, "also list items the user already interacted with")

    package static let spec = CommandSpec(
        "recommend user", group: .recommenders, summary: "Top items for one user, with the reason for each.",
        arguments: [.id("user", help: "the user id as in the training table"), .keyword("using"),
                    .value("model", help: "a recommender")],
        options: [top, seen, ItemTitles.option, ColdStartOption.option, RecommendContextOptions.context] + SessionOptions.all,
        details: "Items the user interacted with in training are left out unless seen=yes. A user absent from "
            + "the training data is served only by a model with a stated cold-start rule (mf, popularity, "
            + "switching hybrids whose fallback has one) or with fallback=popular; the note says which rule was used. "
            + "With titles=items:title the list gets a title column and the reasons name items by title. "
            + "context=device:mobile,hour:21 ranks in that context (a model trained with postfilter=yes, or kind fm) and the "
            + "reasons name it; a value never seen in training is left out with a note. session=yes re-ranks by the items the "
            + "user saw in the 30 minutes before now= (default: their latest event in events=), boosting items similar to them.",
        examples: ["recommend user 10003 using iknn top=5", "recommend user 10003 using mf top=3 seen=yes",
                   "recommend user 10003 using iknn top=5 titles=items:title",
                   "recommend user 99999 using iknn top=5 fallback=popular",
                   "recommend user 10040 using ctx_knn top=5 context=device:mobile,hour:21",
                   "recommend user 10040 using ctx_knn top=5 session=yes"]
    ) { parsed, ctx in
        let object = try RecommenderLookup.model(parsed, slot: "model", ctx)
        let modelName = parsed.text("model") ?? ""
        let served = ColdStartOption.served(parsed, object.model)
        let model = served.model
        let training = model.training
        let titles = try ItemTitles.parse(parsed, ctx, training: training)
        let id = parsed.text("user") ?? ""
        let count = parsed[top]
        var notes: [String] = []
        let contextual = try RecommendContextOptions.resolve(parsed, model: model, modelName: modelName)
        let session = try SessionOptions.find(parsed, ctx, model: model, modelName: modelName, user: id)
        let user = RecommenderLookup.user(id, in: model)
        // The context applies to users the model knows; a cold user gets its cold-start rule as ever.
        func rank(_ u: Int, _ n: Int, _ exclude: Set<Int>) -> [Recommendation] {
            if let contextual, !(served.popularFallback?.isCold(user: u) ?? false) {
                return contextual.model.recommend(user: u, count: n, exclude: exclude, in: contextual.context)
            }
            return model.recommend(user: u, count: n, exclude: exclude)
        }
        var pool: [Recommendation]
        if let u = user {
            let exclude = parsed[seen] ? [] : training.seenItems(user: u)
            pool = rank(u, session == nil ? count : ContextPostFilter.poolSize(count), exclude)
            if let fallback = served.popularFallback, fallback.isCold(user: u) {
                notes.append(ColdStartOption.note(user: id, modelName: modelName, served: served, count: min(count, pool.count), known: true))
            } else {
                notes.append("user \(id): \(Format.count(training.byUser.rowLength(u))) training interactions"
                             + (exclude.isEmpty ? "" : ", \(Format.count(exclude.count)) seen items left out"))
            }
        } else if let cold = model.coldStart {
            pool = cold.recommendForUnknownUser(count: session == nil ? count : ContextPostFilter.poolSize(count), exclude: [])
            notes.append(ColdStartOption.note(user: id, modelName: modelName, served: served, count: min(count, pool.count), known: false))
        } else {
            throw ColdStartOption.refusal(parsed, user: id, modelName: modelName, model: model, at: parsed.span("user"))
        }
        var sessionReasons: [Int: Reason] = [:]
        if let session {
            let reranked = SessionReRanker().rerank(pool, session: session.found.items, similarity: session.similarity)
            pool = reranked.map(\.recommendation)
            for r in reranked { if let why = r.reason { sessionReasons[r.recommendation.item] = why } }
            notes.append(SessionOptions.note(session.found, source: session.source))
        }
        let list = Array(pool.prefix(count))
        if let contextual {
            notes.append("context: \(contextual.context.description)" + (user == nil ? " (not used for a user absent from training)" : ""))
            notes += contextual.context.fallbacks
        }
        if list.count < count {
            notes.append("only \(list.count) of \(count) items could be scored for this user")
        }
        func explain(_ item: Int) -> [Reason] {
            let u = user ?? -1
            let own = if let contextual, user != nil { contextual.model.explain(user: u, item: item, in: contextual.context).reasons }
                else { model.explain(user: u, item: item).reasons }
            return (sessionReasons[item].map { [$0] } ?? []) + own
        }
        var ranks = ColumnBuilder(name: "rank", type: .int), items = ColumnBuilder(name: "item", type: .string)
        var titleColumn = ColumnBuilder(name: titles?.column ?? "title", type: .string)
        var scores = ColumnBuilder(name: "score", type: .float)
        // Reasons are sentences: listed whole under the table rather than cut to a column's width.
        var reasons: [String] = []
        for (n, r) in list.enumerated() {
            ranks.append(.int(Int64(n + 1)))
            items.appendString(training.itemIds[r.item])
            if let titles { titleColumn.appendString(titles.name(r.item)) }
            scores.append(.float(r.score))
            let why = explain(r.item)
            let text = why.isEmpty ? (user == nil ? "cold-start rule" : "no single reason")
                : why.prefix(contextual == nil && session == nil ? 2 : 3).map { $0.text(training, titles: titles) }.joined(separator: "; ")
            reasons.append("\(n + 1). \(titles?.name(r.item) ?? training.itemIds[r.item]): \(text)")
        }
        let columns = [ranks, items] + (titles == nil ? [] : [titleColumn]) + [scores]
        let table = Table(uncheckedColumns: columns.map { $0.finish() }, rowCount: list.count)
        let setting = contextual.map { " in \($0.context.description)" } ?? ""
        var out = CommandOutput([.table(table, title: "top \(count) for user \(id)\(setting) from \(modelName) (\(object.model.algorithmName))", showShape: false)])
        if !reasons.isEmpty { out.append(.text("why:\n" + reasons.joined(separator: "\n"))) }
        for n in notes { out.append(.note(n)) }
        if let titles, let note = titles.untitledNote(list.map(\.item)) { out.append(.note(note)) }
        return out
    }
}
