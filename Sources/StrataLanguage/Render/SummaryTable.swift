/// Small tables assembled cell by cell for the printed summaries.
struct SummaryTable {
    private var builders: [ColumnBuilder]

    init(_ columns: [(String, DataType)]) {
        builders = columns.map { ColumnBuilder(name: $0.0, type: $0.1) }
    }

    mutating func row(_ values: [Value]) {
        for (j, v) in values.enumerated() where j < builders.count { builders[j].append(v) }
    }

    var table: Table {
        Table(uncheckedColumns: builders.map { $0.finish() }, rowCount: builders.first?.count ?? 0)
    }
}
