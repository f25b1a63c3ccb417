/// `describe`: summary statistics per column, like pandas' describe plus distinct counts and the
/// most frequent values.
package enum DescribeCommand {
    package static let spec = CommandSpec(
        "describe", group: .inspect, summary: "Summary statistics of each column.",
        arguments: [.table("table", help: "the table")],
        options: [columns],
        details: "Numbers: mean, sample standard deviation (n-1), min, quartiles (linear interpolation, as NumPy) and max. "
            + "Dates: min, quartiles and max. Every column: count of values, missing, distinct values and the three most frequent.",
        examples: ["describe tx", "describe customers cols=age,tenure_months,spend"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        let summaries = try table.summaries(of: parsed[columns], context: ctx.run)
        var out = CommandOutput()
        if let numeric = numericTable(summaries) { out.append(.table(numeric, title: "numeric columns", showShape: false)) }
        if let temporal = temporalTable(summaries) { out.append(.table(temporal, title: "date columns", showShape: false)) }
        out.append(.table(overviewTable(summaries), title: "all columns", showShape: false))
        return out
    }

    package static let columns = CommandOption.columns("cols", describedAs: "all", "only these columns")

    private static func numericTable(_ s: [ColumnSummary]) -> Table? {
        let rows = s.filter { $0.type.isNumeric || $0.type == .bool }
        guard !rows.isEmpty else { return nil }
        var cols = [ColumnBuilder(name: "column", type: .string)]
        for n in ["mean", "std", "min", "25%", "50%", "75%", "max"] { cols.append(ColumnBuilder(name: n, type: .float)) }
        for r in rows {
            cols[0].appendString(r.name)
            let values: [Double?] = [r.mean, r.std, r.min.doubleValue, r.q25.doubleValue, r.median.doubleValue,
                                     r.q75.doubleValue, r.max.doubleValue]
            for (i, v) in values.enumerated() { cols[i + 1].append(v.map { .float($0) } ?? .missing) }
        }
        return Table(uncheckedColumns: cols.map { $0.finish() }, rowCount: rows.count)
    }

    private static func temporalTable(_ s: [ColumnSummary]) -> Table? {
        let rows = s.filter { $0.type.isTemporal }
        guard !rows.isEmpty else { return nil }
        var cols = [ColumnBuilder(name: "column", type: .string)]
        let type: DataType = rows.contains { $0.type == .timestamp } ? .timestamp : .date
        for n in ["min", "25%", "50%", "75%", "max"] { cols.append(ColumnBuilder(name: n, type: type)) }
        for r in rows {
            cols[0].appendString(r.name)
            for (i, v) in [r.min, r.q25, r.median, r.q75, r.max].enumerated() { cols[i + 1].append(v) }
        }
        return Table(uncheckedColumns: cols.map { $0.finish() }, rowCount: rows.count)
    }

    private static func overviewTable(_ s: [ColumnSummary]) -> Table {
        var name = ColumnBuilder(name: "column", type: .string)
        var type = ColumnBuilder(name: "type", type: .string)
        var count = ColumnBuilder(name: "count", type: .int)
        var missing = ColumnBuilder(name: "missing", type: .int)
        var distinct = ColumnBuilder(name: "distinct", type: .int)
        var top = ColumnBuilder(name: "most frequent", type: .string)
        for r in s {
            name.appendString(r.name)
            type.appendString(r.type.rawValue)
            count.append(.int(Int64(r.count)))
            missing.append(.int(Int64(r.missing)))
            distinct.append(.int(Int64(r.distinct)))
            let shown = r.top.map { "\(ValueFormatter.format($0.value)) (\(Format.count($0.count)))" }
            top.appendString(shown.joined(separator: ", "))
        }
        return Table(uncheckedColumns: [name, type, count, missing, distinct, top].map { $0.finish() }, rowCount: s.count)
    }
}
