extension Table {
    /// The column called `name`, or an error that names it and suggests the closest existing column.
    public func requireColumn(_ name: String) throws -> Column {
        if let c = column(name) { return c }
        throw EngineError("no column '\(name)'", suggestion: Suggestions.columnHint(for: name, among: columnNames))
    }
}
