/// Commands that look at tables without changing them.
package enum InspectCommands {
    package static let all: [CommandSpec] = [show, schema, DescribeCommand.spec]

    package static let show = CommandSpec(
        "show", group: .inspect, summary: "Show the first or last rows of a table.",
        arguments: [
            .table("table", help: "the table to show"),
            .optional([.choice("end", choices: TableEnd.allCases.map(\.rawValue), help: "head (first rows, the default) or tail (last rows)"),
                       .optional([.number("count", help: "how many rows (default: the 'rows' setting, 20)")])]),
        ],
        options: [showColumns],
        examples: ["show tx", "show tx tail 5", "show tx head 10 cols=invoice,customer_id,quantity"]
    ) { parsed, ctx in
        var table = try ctx.subjectTable(parsed)
        if let cols = parsed[showColumns] { table = try table.selecting(cols) }
        let total = table.rowCount
        let n = parsed.number("count").map { Int(max(0, min($0, 1e9))) } ?? ctx.workspace.settings.maxRows
        let fromEnd = parsed.text("end").flatMap(TableEnd.init(rawValue:)) == .tail
        let k = min(n, total)
        let rows = fromEnd ? Array((total - k)..<total) : Array(0..<k)
        let shown = table.takingRows(rows)
        return CommandOutput([.table(shown, totalRows: total)])
    }

    package static let showColumns = CommandOption.columns("cols", describedAs: "all", "only these columns, in this order")

    package static let schema = CommandSpec(
        "schema", group: .inspect, summary: "List a table's columns with their types and missing counts, or a Parquet file's from its footer.",
        arguments: [.table("table", help: "the table, or a quoted Parquet file or folder (its footer, without loading)")],
        examples: ["schema tx", "schema \"Tests/StrataEngineTests/Fixtures/parquet/nested.parquet\""], fileAccess: .reads
    ) { parsed, ctx in
        if let parquet = try ParquetCommands.schema(parsed) { return parquet }
        let table = try ctx.subjectTable(parsed)
        var names = ColumnBuilder(name: "column", type: .string)
        var types = ColumnBuilder(name: "type", type: .string)
        var missing = ColumnBuilder(name: "missing", type: .int)
        for c in table.columns {
            names.appendString(c.name)
            types.appendString(c.type.rawValue)
            missing.append(.int(Int64(c.missing.missingCount())))
        }
        let t = Table(uncheckedColumns: [names.finish(), types.finish(), missing.finish()], rowCount: table.columnCount)
        return CommandOutput([.table(t, showShape: false), .note(Format.shape(parsed.subject ?? "", table))])
    }
}

/// Which end of a table `show` prints.
package enum TableEnd: String, CaseIterable {
    case head
    case tail
}
