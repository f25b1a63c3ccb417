// Strata's side of Benchmarks/load-and-group: load one CSV file, group it by a key column with
// count and mean of a value column, and print the timings as one JSON line (peak RSS is read by
// the caller from wait4, the same way as for pandas and polars).
import StrataEngine
#if canImport(Glibc)
import Glibc
#endif

let args = CommandLine.arguments
guard args.count == 4 else {
    print("usage: strata-bench FILE KEY_COLUMN VALUE_COLUMN")
    exit(2)
}
let clock = ContinuousClock()
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

do {
    let start = clock.now
    let loaded = try CSVReader.read(path: args[1])
    let loadedAt = clock.now
    let table = loaded.table
    let value = try table.requireColumn(args[3])
    let grouped = try table.grouped(by: [args[2]], aggregates: [.count(as: "n"), Aggregate(.mean, of: value, as: "mean")])
    let groupedAt = clock.now
    print("{\"rows\": \(table.rowCount), \"groups\": \(grouped.table.rowCount), "
          + "\"load_seconds\": \(seconds(loadedAt - start)), \"group_seconds\": \(seconds(groupedAt - loadedAt))}")
} catch {
    print("{\"error\": \"\(error)\"}")
    exit(1)
}
