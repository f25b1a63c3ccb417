/// The `columns:` line of `load`: every column with its type for an ordinary file, but only the
/// first few of a wide one, and how many more there are. A 20,000-column file would otherwise
/// print thousands of lines before the prompt returns; `schema` lists them all on request.
package enum ColumnListing {
    /// Enough for every column of a typical file to show, few enough to fit a screen.
    package static let shownColumns = 40

    package static func line(_ table: Table, name: String) -> String {
        let listed = table.columns.prefix(shownColumns).map { "\($0.name) (\($0.type.rawValue))" }
        let hidden = table.columnCount - listed.count
        guard hidden > 0 else { return "columns: " + listed.joined(separator: ", ") }
        return "columns: " + listed.joined(separator: ", ")
            + ", … and \(Format.count(hidden)) more (schema \(name) lists them all)"
    }
}
