/// Small tables assembled cell by cell for the printed summaries.
package struct SummaryTable {
    private var builders: [ColumnBuilder]

    package init(_ columns: [(String, DataType)]) {
        builders = columns.map { ColumnBuilder(name: $0.0, type: $0.1) }
    }

    package mutating func row(_ values: [Value]) {
        for (j, v) in values.enumerated() where j < builders.count { builders[j].append(v) }
    }

    package var table: Table {
        Table(uncheckedColumns: builders.map { $0.finish() }, rowCount: builders.first?.count ?? 0)
    }
}
