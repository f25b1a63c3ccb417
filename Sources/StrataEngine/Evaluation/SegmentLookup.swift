/// Per-user attributes read from a table, for per-segment breakdowns.
public enum SegmentLookup {
    /// Each user's value of `valueColumn` at the user's first row (as text; "missing" for missing
    /// cells), keyed by the user id as `Interactions` writes it. Also how many users had more than
    /// one distinct value.
    public static func firstValues(_ table: Table, userColumn: String, valueColumn: String,
                                   context: RunContext) throws -> (values: [String: String], inconsistentUsers: Int) {
        let users = try IdEncoder.encode(try Interactions.requireColumn(table, userColumn, role: "user"), context: context)
        let values = try Interactions.requireColumn(table, valueColumn, role: "segment")
        let keys = try DenseKeyEncoder.encode(values, missing: .ownKey, context: context)
        var first = [Int32](repeating: -1, count: users.texts.count)
        var inconsistent = [Bool](repeating: false, count: users.texts.count)
        for row in 0..<table.rowCount {
            let u = users.ids[row]
            guard u >= 0 else { continue }
            let k = keys.ids[row]
            if first[Int(u)] < 0 { first[Int(u)] = k } else if first[Int(u)] != k { inconsistent[Int(u)] = true }
        }
        let texts = keys.firstRow.map { values.isMissing($0) ? "missing" : IdEncoder.idText(values, row: $0) }
        var out: [String: String] = [:]
        for (u, k) in first.enumerated() where k >= 0 { out[users.texts[u]] = texts[Int(k)] }
        return (out, inconsistent.filter { $0 }.count)
    }
}
