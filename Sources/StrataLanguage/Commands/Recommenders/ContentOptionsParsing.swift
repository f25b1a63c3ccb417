import StrataEngine

enum ContentOptionsParsing {
    static func build(_ p: ParsedCommand, _ data: Interactions, _ ctx: inout CommandContext) throws -> any Recommender {
        guard let itemsName = p.string("items") else {
            throw p.error("content needs items=TABLE, the table describing the items",
                          suggestion: "e.g. recommender content ratings items=items text=genres,description")
        }
        guard let items = ctx.workspace.table(itemsName) else {
            throw p.error("no table '\(itemsName)'", at: p.optionSpan("items"),
                          suggestion: Suggestions.didYouMean(itemsName, among: ctx.workspace.tableNames))
        }
        let id = p.string("id") ?? InteractionOptions.itemNames.first { items.column($0) != nil } ?? ""
        guard items.column(id) != nil else {
            throw p.error("no item id column in \(itemsName)", at: p.optionSpan("id"), suggestion: "name it with id=COLUMN")
        }
        let spec = ContentSpec(idColumn: id, textColumns: p.strings("text") ?? [], categoryColumns: p.strings("categories") ?? [],
                               numericColumns: p.strings("numeric") ?? [])
        for (key, names) in [("text", spec.textColumns), ("categories", spec.categoryColumns), ("numeric", spec.numericColumns)] {
            for n in names where items.column(n) == nil {
                throw p.error("no column '\(n)' in \(itemsName)", at: p.optionSpan(key),
                              suggestion: Suggestions.columnHint(for: n, among: items.columnNames))
            }
        }
        return try ContentRecommender(training: data, items: items, spec: spec)
    }
}
