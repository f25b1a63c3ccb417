import StrataEngine

/// An option that points into an item table, `TABLE:COLUMN[,COLUMN…]` (titles=, features=): the
/// table, the named columns, and the item id column, found among the usual names unless given as
/// `TABLE:IDCOLUMN:COLUMN`.
package struct ItemTableReference {
    package let tableName: String
    package let table: Table
    package let idColumn: String
    package let columns: [String]

    /// `values`: the option's comma-separated parts as typed (nil when not given) under `key`, at `span`.
    /// `preferredId`: an id column to use when the table has it (evaluate's item=).
    package static func parse(_ p: ParsedCommand, _ values: [String]?, option key: String, at span: SourceSpan, _ ctx: CommandContext,
                      example: String, preferredId: String? = nil) throws -> ItemTableReference? {
        guard let items = values, let first = items.first else { return nil }
        let head = first.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard head.count == 2 || head.count == 3, head.allSatisfy({ !$0.isEmpty }),
              !items.dropFirst().contains(where: { $0.contains(":") || $0.isEmpty }) else {
            throw p.error("\(key)= takes TABLE:COLUMN, e.g. \(key)=\(example)", at: span)
        }
        let tableName = head[0]
        guard let table = ctx.workspace.table(tableName) else {
            throw p.error("no table '\(tableName)'", at: span,
                          suggestion: Suggestions.didYouMean(tableName, among: ctx.workspace.tableNames)
                            ?? "load the item table first, e.g. load \"datasets/items.csv\" as items")
        }
        let columns = [head[head.count - 1]] + items.dropFirst()
        for c in columns + (head.count == 3 ? [head[1]] : []) where table.column(c) == nil {
            throw p.error("no column '\(c)' in \(tableName)", at: span,
                          suggestion: Suggestions.columnHint(for: c, among: table.columnNames))
        }
        let idColumn: String
        if head.count == 3 {
            idColumn = head[1]
        } else if let preferredId, table.column(preferredId) != nil {
            idColumn = preferredId
        } else if let found = InteractionOptions.itemNames.lazy.compactMap({ name in
            table.columnNames.first { $0.lowercased() == name }
        }).first {
            idColumn = found
        } else {
            throw p.error("\(tableName) has no item id column (item_id, item, product_id, book_id, …)", at: span,
                          suggestion: "name it: \(key)=\(tableName):ID_COLUMN:\(columns.joined(separator: ","))")
        }
        return ItemTableReference(tableName: tableName, table: table, idColumn: idColumn, columns: columns)
    }
}
