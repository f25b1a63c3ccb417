import StrataEngine

/// `recommend all using M`: lists for every training user (or the users of a table) as a table.
package enum RecommendAllCommand {
    package static let top = CommandOption.int("top", in: 1...1_000, default: 10, "items per user")
    package static let seen = CommandOption.flag("seen", default: false, "also list items users already interacted with")
    package static let users = CommandOption.text("users", describedAs: "every training user",
                                          "the users of this table's user column instead (e.g. parts.test), in order of first appearance")

    package static let spec = CommandSpec(
        "recommend all", group: .recommenders, summary: "Top items for every training user, as a table.",
        arguments: [.keyword("using"), .value("model", help: "a recommender")],
        options: [top, seen, users, ItemTitles.option, ColdStartOption.option],
        binding: .named { p in "\(p.text("model") ?? "model")_top" },
        details: "One row per (user, rank): user, rank, item (and the title with titles=), score. Users in training order "
            + "(sorted ids), or as they first appear in users=TABLE; users of that table absent from training are left out "
            + "and counted, unless the model has a cold-start rule or fallback=popular is given. "
            + "Without 'as NAME' the table is called MODEL_top.",
        examples: ["recommend all using iknn top=3 as iknn_top",
                   "recommend all using iknn top=3 users=parts.test titles=items:title fallback=popular as test_top"]
    ) { parsed, ctx in
        let modelName = parsed.text("model") ?? ""
        let served = ColdStartOption.served(parsed, try RecommenderLookup.model(parsed, slot: "model", ctx).model)
        let model = served.model
        let training = model.training
        let titles = try ItemTitles.parse(parsed, ctx, training: training)
        let count = parsed[top]
        let requested = try requestedUsers(parsed, ctx, training: training)
        let cold = model.coldStart
        let known = requested.compactMap(\.index)
        var knownLists = try BatchRecommendation.recommend(model, users: known, count: count, excludeSeen: !parsed[seen],
                                                           context: ctx.run).makeIterator()
        let coldList = cold?.recommendForUnknownUser(count: count, exclude: []) ?? []
        var lists: [(id: String, list: [Recommendation])] = []
        var leftOut = 0
        for user in requested {
            if user.index != nil {
                lists.append((user.id, knownLists.next() ?? []))
            } else if cold != nil {
                lists.append((user.id, coldList))
            } else {
                leftOut += 1
            }
        }
        let rows = lists.reduce(0) { $0 + $1.list.count }
        var userColumn = ColumnBuilder(name: "user", type: .string, capacity: rows)
        var ranks = ColumnBuilder(name: "rank", type: .int, capacity: rows)
        var items = ColumnBuilder(name: "item", type: .string, capacity: rows)
        var titleColumn = ColumnBuilder(name: titles?.column ?? "title", type: .string, capacity: titles == nil ? 0 : rows)
        var scores = ColumnBuilder(name: "score", type: .float, capacity: rows)
        for (id, list) in lists {
            for (n, r) in list.enumerated() {
                userColumn.appendString(id)
                ranks.append(.int(Int64(n + 1)))
                items.appendString(training.itemIds[r.item])
                if let titles { titleColumn.appendString(titles.name(r.item)) }
                scores.append(.float(r.score))
            }
        }
        let columns = [userColumn, ranks, items] + (titles == nil ? [] : [titleColumn]) + [scores]
        let table = Table(uncheckedColumns: columns.map { $0.finish() }, rowCount: rows)
        let name = try ctx.bindResult(table, for: parsed)
        let short = lists.filter { $0.list.count < count }.count
        var out = CommandOutput.note("\(name): \(Format.count(rows)) recommendations for \(Format.count(lists.count)) users")
        if short > 0 { out.append(.note("\(Format.count(short)) users got fewer than \(count) items (too little to score)")) }
        let coldCount = requested.count - known.count
        if coldCount > 0, let cold {
            out.append(.note("\(Format.count(coldCount)) users are not in the training data of \(modelName); they got "
                             + (served.popularFallback != nil ? "the \(coldList.count) most popular items (fallback=popular)"
                                : "\(cold.coldStartRule) (\(modelName)'s cold-start rule)")))
        }
        if leftOut > 0 {
            out.append(.note("\(Format.count(leftOut)) users are not in the training data of \(modelName) and were left out "
                             + "(\(model.algorithmName) has no cold-start rule; fallback=popular serves them)"))
        }
        if let titles, let note = titles.untitledNote(lists.flatMap { $0.list.map(\.item) }) { out.append(.note(note)) }
        return out
    }

    /// The users to list: every training user, or the distinct users of users=TABLE in order of first appearance.
    private static func requestedUsers(_ parsed: ParsedCommand, _ ctx: CommandContext,
                                       training: Interactions) throws -> [(id: String, index: Int?)] {
        guard let tableName = parsed[users] else {
            return training.userIds.enumerated().map { ($1, $0) }
        }
        guard let table = ctx.workspace.table(tableName) else {
            throw parsed.error("no table '\(tableName)'", at: parsed.span(users),
                               suggestion: Suggestions.didYouMean(tableName, among: ctx.workspace.tableNames))
        }
        guard let columnName = InteractionOptions.userNames.lazy.compactMap({ n in table.columnNames.first { $0.lowercased() == n } }).first,
              let column = table.column(columnName) else {
            throw parsed.error("\(tableName) has no user column (user_id, user or customer_id)", at: parsed.span(users))
        }
        var seen = Set<String>()
        var out: [(id: String, index: Int?)] = []
        for r in 0..<table.rowCount where !column.isMissing(r) {
            let id = column.idText(at: r)
            if seen.insert(id).inserted { out.append((id, training.userIndex(id))) }
        }
        return out
    }
}
