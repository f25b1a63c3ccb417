import StrataEngine

/// `parquet FILE.parquet OUT.parquet [REPEATS]`: reads FILE (all columns) and writes the table to
/// OUT, each REPEATS times; prints the median seconds of each.
enum ParquetReadWrite {
    static let usage = "FILE.parquet OUT.parquet [REPEATS]"

    static func run(_ args: [String]) throws -> String {
        guard args.count >= 2 else { throw BenchUsageError(description: "usage: parquet " + usage) }
        let repeats = args.count > 2 ? max(1, Int(args[2]) ?? 3) : 3
        var reads: [Double] = []
        var writes: [Double] = []
        var table = Table.empty
        for _ in 0..<repeats {
            var clock = BenchClock()
            table = try ParquetReader.read(path: args[0]).table
            reads.append(clock.lap())
            try ParquetWriter.write(table, to: args[1])
            writes.append(clock.lap())
        }
        func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
        return "{\"rows\": \(table.rowCount), \"columns\": \(table.columnCount), \"read_seconds\": \(median(reads)), "
            + "\"write_seconds\": \(median(writes)), \"threads\": \(Parallel.threadCount), \"peak_mb\": \(peakResidentMegabytes())}"
    }
}
