import StrataEngine
#if canImport(Glibc)
import Glibc
#endif

/// `parquet FILE.parquet OUT.parquet [REPEATS]`: reads FILE (all columns) and writes the table to
/// OUT, each REPEATS times; prints the median seconds of each. OUT `-` reads only (for profiling
/// the reader alone).
enum ParquetReadWrite {
    static let usage = "FILE.parquet OUT.parquet [REPEATS]"

    static func run(_ args: [String]) throws -> String {
        guard args.count >= 2 else { throw BenchUsageError(description: "usage: parquet " + usage) }
        let repeats = args.count > 2 ? max(1, Int(args[2]) ?? 3) : 3
        var reads: [Double] = []
        var writes: [Double] = []
        var readCPU: [Double] = []
        var writeCPU: [Double] = []
        var table = Table.empty
        for _ in 0..<repeats {
            var clock = BenchClock()
            var cpu = processCPUSeconds()
            table = try ParquetReader.read(path: args[0]).table
            reads.append(clock.lap())
            readCPU.append(processCPUSeconds() - cpu)
            guard args[1] != "-" else { continue }
            cpu = processCPUSeconds()
            try ParquetWriter.write(table, to: args[1])
            writes.append(clock.lap())
            writeCPU.append(processCPUSeconds() - cpu)
        }
        func median(_ v: [Double]) -> Double { v.isEmpty ? 0 : v.sorted()[v.count / 2] }
        return "{\"rows\": \(table.rowCount), \"columns\": \(table.columnCount), \"read_seconds\": \(median(reads)), "
            + "\"write_seconds\": \(median(writes)), \"read_cpu_seconds\": \(median(readCPU)), \"write_cpu_seconds\": \(median(writeCPU)), "
            + "\"threads\": \(FixedChunks.threadCount), \"peak_mb\": \(peakResidentMegabytes())}"
    }

    /// CPU time of all the process's threads, which a machine busy with other work does not inflate.
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
