import StrataEngine

/// The content-based kind's options: the item table and which of its columns describe the items.
package enum ContentOptionsParsing {
    package static let items = CommandOption.value("items", describedAs: "none", "content: the table describing the items")
    package static let id = CommandOption.text("id", describedAs: "item_id, item, product_id or book_id", "content: the item id column of items=")
    package static let text = CommandOption.list("text", describedAs: "none", "content: tag or text columns (TF-IDF over words split on | and spaces)")
    package static let categories = CommandOption.list("categories", describedAs: "none", "content: category columns (one-hot)")
    package static let numeric = CommandOption.list("numeric", describedAs: "none", "content: numeric columns (scaled to 0…1)")

    package static let all: [any OptionDeclaration] = [items, id, text, categories, numeric]

    package static func build(_ p: ParsedCommand, _ data: Interactions, _ ctx: CommandContext) throws -> ContentRecommender {
        guard let itemsName = p[items] else {
            throw p.error("content needs items=TABLE, the table describing the items",
                          suggestion: "e.g. recommender content ratings items=items text=genres,description")
        }
        guard let table = ctx.workspace.table(itemsName) else {
            throw p.error("no table '\(itemsName)'", at: p.span(items),
                          suggestion: Suggestions.didYouMean(itemsName, among: ctx.workspace.tableNames))
        }
        let idColumn = p[id] ?? InteractionOptions.itemNames.first { table.column($0) != nil } ?? ""
        guard table.column(idColumn) != nil else {
            throw p.error("no item id column in \(itemsName)", at: p.span(id), suggestion: "name it with id=COLUMN")
        }
        let spec = ContentSpec(idColumn: idColumn, textColumns: p[text] ?? [], categoryColumns: p[categories] ?? [],
                               numericColumns: p[numeric] ?? [])
        for (option, names) in [(text, spec.textColumns), (categories, spec.categoryColumns), (numeric, spec.numericColumns)] {
            for n in names where table.column(n) == nil {
                throw p.error("no column '\(n)' in \(itemsName)", at: p.span(option),
                              suggestion: Suggestions.columnHint(for: n, among: table.columnNames))
            }
        }
        return try ContentEstimator(spec).fit(InteractionsWithTable(data, table), context: ctx.run)
    }

    /// How much of the catalogue the item table describes.
    package static func facts(_ m: ContentRecommender) -> [String] {
        var out = ["\(Format.count(m.features.featureNames.count)) features; \(Format.count(m.features.describedCount)) of "
                   + "\(Format.count(m.training.itemCount)) items described"]
        if m.features.describedCount < m.training.itemCount {
            out.append("items without a row in the item table are never recommended")
        }
        return out
    }
}
