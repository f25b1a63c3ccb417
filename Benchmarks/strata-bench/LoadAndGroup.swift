// Load one CSV file, group it by a key column with count and mean of a value column (peak RSS is
// read by the caller from wait4, the same way as for pandas and polars).
import StrataEngine

enum LoadAndGroup {
    static let usage = "FILE KEY_COLUMN VALUE_COLUMN"

    static func run(_ args: [String]) throws -> String {
        guard args.count == 3 else { throw BenchUsageError(description: "usage: load-and-group " + usage) }
        var clock = BenchClock()
        let loaded = try CSVReader.read(path: args[0])
        let loadSeconds = clock.lap()
        let table = loaded.table
        let value = try table.requireColumn(args[2])
        let grouped = try table.grouped(by: [args[1]], aggregates: [.count(as: "n"), Aggregate(.mean, of: value, as: "mean")])
        let groupSeconds = clock.lap()
        return "{\"rows\": \(table.rowCount), \"groups\": \(grouped.table.rowCount), "
            + "\"load_seconds\": \(loadSeconds), \"group_seconds\": \(groupSeconds)}"
    }
}
