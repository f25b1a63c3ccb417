/// Column values as a chart needs them, with the errors a user should see for the wrong kind of column.
package struct ChartColumnData {
    /// One entry per row; nil where the value is missing.
    package var values: [Double?]
    package var kind: AxisKind
    package var isInteger: Bool

    package var present: [Double] { values.compactMap { $0 } }
    package var missingCount: Int { values.count - present.count }

    /// Numbers of a numeric, boolean or date column (dates as days, timestamps as days with a fraction).
    package static func numbers(_ table: Table, _ name: String, _ parsed: ParsedCommand, at span: SourceSpan) throws -> ChartColumnData {
        guard let column = table.column(name) else {
            throw parsed.error("no column '\(name)' in table \(parsed.subject ?? "")", at: span,
                               suggestion: Suggestions.didYouMean(name, among: table.columnNames))
        }
        guard var doubles = column.doubles() else {
            throw parsed.error("column '\(name)' holds text; \(parsed.spec.name) needs numbers here", at: span,
                               suggestion: "chart bar \(parsed.subject ?? "TABLE") x=\(name) counts its values")
        }
        if column.type == .timestamp { doubles = doubles.map { $0 / 86_400 } }
        let values = doubles.map { $0.isFinite ? Optional($0) : nil }
        return ChartColumnData(values: values, kind: column.type.isTemporal ? .date : .number,
                               isInteger: column.type == .int || column.type == .bool)
    }

    /// Every row's value as a label ("NA" when missing).
    package static func labels(_ table: Table, _ name: String, _ parsed: ParsedCommand, at span: SourceSpan) throws -> [String] {
        guard let column = table.column(name) else {
            throw parsed.error("no column '\(name)' in table \(parsed.subject ?? "")", at: span,
                               suggestion: Suggestions.didYouMean(name, among: table.columnNames))
        }
        return (0..<column.count).map { ValueFormatter.format(column.value(at: $0)) }
    }

    package static func requireRows(_ table: Table, _ parsed: ParsedCommand) throws {
        guard table.rowCount > 0 else {
            throw parsed.error("table \(parsed.subject ?? "") has no rows to chart")
        }
    }

    /// Fails when nothing is left to draw after skipping missing values.
    package func requireValues(_ name: String, _ parsed: ParsedCommand, at span: SourceSpan) throws {
        guard !present.isEmpty else {
            throw parsed.error("column '\(name)' has no values to chart (all \(Format.count(values.count)) missing)", at: span)
        }
    }
}

/// Distinct labels in order of first appearance (numeric order when every label is a number), capped: the most frequent `limit - 1` keep their
/// own group and the rest share one named "other" (with a note saying how many were merged).
package struct CategoryGroups {
    package var names: [String]
    /// Group index of each row.
    package var groupOfRow: [Int]
    package var note: String?

    package init(labels: [String], limit: Int, what: String) {
        var firstSeen: [String] = []
        var counts: [String: Int] = [:]
        for l in labels {
            if counts[l] == nil { firstSeen.append(l) }
            counts[l, default: 0] += 1
        }
        var kept = firstSeen
        note = nil
        if firstSeen.count > limit {
            let byCount = firstSeen.enumerated().sorted { a, b in
                let (ca, cb) = (counts[a.element] ?? 0, counts[b.element] ?? 0)
                return ca != cb ? ca > cb : a.offset < b.offset
            }
            let keep = Set(byCount.prefix(limit - 1).map(\.element))
            kept = firstSeen.filter { keep.contains($0) }
            note = "\(firstSeen.count) \(what) are too many to tell apart: the \(limit - 1) largest are shown, "
                + "the other \(firstSeen.count - limit + 1) are drawn together as \"other\""
        }
        // Numbered groups (clusters, scores) read best in numeric order.
        let numbers = kept.compactMap { Double($0.replacingOccurrences(of: ",", with: "")) }
        if numbers.count == kept.count {
            kept = zip(kept, numbers).sorted { $0.1 < $1.1 }.map(\.0)
        }
        let index = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($0.element, $0.offset) })
        let otherIndex = kept.count
        names = kept + (note != nil ? ["other"] : [])
        groupOfRow = labels.map { index[$0] ?? otherIndex }
    }
}
