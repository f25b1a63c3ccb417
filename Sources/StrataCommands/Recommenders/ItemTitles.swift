import StrataEngine

/// Names for a model's items from a column of an item table (`titles=items:title`), joined on the
/// item id. Items without a row, or with no title, are named by their id.
package struct ItemTitles {
    /// Per training item, its title, or nil.
    package let titles: [String?]
    package let itemIds: [String]
    package let column: String
    /// Training items that got a title.
    package let titled: Int

    package static let option = CommandOption.tableColumns("titles", describedAs: "none",
                                           "item names from TABLE:COLUMN (joined on the table's item id column): a title column, and titles in the reasons")

    package static func parse(_ p: ParsedCommand, _ ctx: CommandContext, training: Interactions) throws -> ItemTitles? {
        guard let ref = try ItemTableReference.parse(p, p[option], option: option.key, at: p.span(option), ctx,
                                                     example: "items:title") else { return nil }
        guard ref.columns.count == 1, let column = ref.columns.first else {
            throw p.error("titles= takes one column, e.g. titles=items:title", at: p.span(option))
        }
        let titles = try training.itemLabels(from: ref.table, idColumn: ref.idColumn, column: column)
        return ItemTitles(titles: titles, itemIds: training.itemIds, column: column, titled: titles.filter { $0 != nil }.count)
    }

    /// The item's title, or its id.
    package func name(_ item: Int) -> String {
        guard item >= 0, item < titles.count else { return "#\(item)" }
        return titles[item] ?? itemIds[item]
    }

    /// A note when some items of a list had no title.
    package func untitledNote(_ items: [Int]) -> String? {
        let missing = Set(items).filter { $0 >= 0 && $0 < titles.count && titles[$0] == nil }.count
        guard missing > 0 else { return nil }
        return "\(Format.count(missing)) listed item\(missing == 1 ? " has" : "s have") no \(column); shown by id"
    }
}

extension Reason {
    /// The reason with items named by `titles` (or their ids) and users by their ids.
    package func text(_ training: Interactions, titles: ItemTitles?) -> String {
        guard let titles else { return text(ids: training) }
        return text(item: titles.name, user: { training.userIds.indices.contains($0) ? training.userIds[$0] : "#\($0)" })
    }
}
