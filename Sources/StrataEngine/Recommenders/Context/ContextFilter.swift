/// Contextual pre-filtering (Adomavicius & Tuzhilin): keep only the interactions recorded in one
/// context (device = mobile, hour band = evening) before training, so the model learns that context.
public enum ContextFilter {
    /// Rows whose `column` equals `value`, compared as the value is typed (42, mobile, 2025-01-31).
    public static func rows(_ table: Table, column: String, equals value: String) throws -> Table {
        let c = try table.requireColumn(column)
        let mask = (0..<table.rowCount).map { !c.isMissing($0) && IdEncoder.idText(c, row: $0) == value }
        guard mask.contains(true) else {
            var seen: [String] = []
            var distinct = Set<String>()
            for r in 0..<min(table.rowCount, 100_000) where !c.isMissing(r) {
                let t = IdEncoder.idText(c, row: r)
                if distinct.insert(t).inserted { seen.append(t) }
                if seen.count == 8 { break }
            }
            throw EngineError("no row has \(column) = \(value)",
                              suggestion: seen.isEmpty ? nil : "values include: " + seen.joined(separator: ", "))
        }
        return try table.filtering(mask: mask)
    }
}
