extension Interactions {
    /// Per training item, the first non-empty value of `column` (as text) among the rows of `table`
    /// whose `idColumn` matches the item's id; nil for items without such a row.
    public func itemLabels(from table: Table, idColumn: String, column: String) throws -> [String?] {
        let ids = try table.requireColumn(idColumn)
        let values = try table.requireColumn(column)
        var labels = [String?](repeating: nil, count: itemCount)
        for r in 0..<table.rowCount where !values.isMissing(r) && !ids.isMissing(r) {
            guard let i = itemIndex(IdEncoder.idText(ids, row: r)), labels[i] == nil else { continue }
            let text = IdEncoder.idText(values, row: r)
            if !text.isEmpty { labels[i] = text }
        }
        return labels
    }
}

extension Column {
    /// The value as an id, as interactions read ids: 42 for an int or an integral float, ISO text
    /// for dates, "" when missing.
    public func idText(at row: Int) -> String { IdEncoder.idText(self, row: row) }
}
