import StrataEngine

/// `recommend user U using M`: one user's list with the reason for each item.
package enum RecommendUserCommand {
    package static let top = CommandOption.int("top", in: 1...10_000, default: 10, "how many items")
    package static let seen = CommandOption.flag("seen", default: false, "also list items the user already interacted with")

    package static let spec = CommandSpec(
        "recommend user", group: .recommenders, summary: "Top items for one user, with the reason for each.",
        arguments: [.id("user", help: "the user id as in the training table"), .keyword("using"),
                    .name("model", help: "a recommender")],
        options: [top, seen, ItemTitles.option, ColdStartOption.option],
        details: "Items the user interacted with in training are left out unless seen=yes. A user absent from "
            + "the training data is served only by a model with a stated cold-start rule (mf, popularity, "
            + "switching hybrids whose fallback has one) or with fallback=popular; the note says which rule was used. "
            + "With titles=items:title the list gets a title column and the reasons name items by title.",
        examples: ["recommend user 10003 using iknn top=5", "recommend user 10003 using mf top=3 seen=yes",
                   "recommend user 10003 using iknn top=5 titles=items:title",
                   "recommend user 99999 using iknn top=5 fallback=popular"]
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
        let list: [Recommendation]
        let user = RecommenderLookup.user(id, in: model)
        if let u = user {
            let exclude = parsed[seen] ? [] : training.seenItems(user: u)
            list = model.recommend(user: u, count: count, exclude: exclude)
            if let fallback = served.popularFallback, fallback.isCold(user: u) {
                notes.append(ColdStartOption.note(user: id, modelName: modelName, served: served, count: list.count, known: true))
            } else {
                notes.append("user \(id): \(Format.count(training.byUser.rowLength(u))) training interactions"
                             + (exclude.isEmpty ? "" : ", \(Format.count(exclude.count)) seen items left out"))
            }
        } else if let cold = model.coldStart {
            list = cold.recommendForUnknownUser(count: count, exclude: [])
            notes.append(ColdStartOption.note(user: id, modelName: modelName, served: served, count: list.count, known: false))
        } else {
            throw ColdStartOption.refusal(parsed, user: id, modelName: modelName, model: model, at: parsed.span("user"))
        }
        if list.count < count {
            notes.append("only \(list.count) of \(count) items could be scored for this user")
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
            let why = model.explain(user: user ?? -1, item: r.item).reasons
            let text = why.isEmpty ? (user == nil ? "cold-start rule" : "no single reason")
                : why.prefix(2).map { $0.text(training, titles: titles) }.joined(separator: "; ")
            reasons.append("\(n + 1). \(titles?.name(r.item) ?? training.itemIds[r.item]): \(text)")
        }
        let columns = [ranks, items] + (titles == nil ? [] : [titleColumn]) + [scores]
        let table = Table(uncheckedColumns: columns.map { $0.finish() }, rowCount: list.count)
        var out = CommandOutput([.table(table, title: "top \(count) for user \(id) from \(modelName) (\(object.model.algorithmName))", showShape: false)])
        if !reasons.isEmpty { out.append(.text("why:\n" + reasons.joined(separator: "\n"))) }
        for n in notes { out.append(.note(n)) }
        if let titles, let note = titles.untitledNote(list.map(\.item)) { out.append(.note(note)) }
        return out
    }
}
