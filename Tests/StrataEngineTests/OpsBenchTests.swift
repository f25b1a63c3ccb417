#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import StrataEngine

private let benchEnabled = getenv("STRATA_BENCH") != nil

/// Timings for the table operations on synthetic data. Prints, never asserts: run with
/// `STRATA_BENCH=1 swift test -c release --filter OpsBench`.
@Suite(.serialized, .enabled(if: benchEnabled, "set STRATA_BENCH=1 to run the benchmarks"))
struct OpsBenchTests {
    /// Prints wall time and this thread's CPU time: on a shared machine the CPU time is the steadier figure.
    static func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = threadCPUMilliseconds()
        let result = try body()
        let cpu = threadCPUMilliseconds() - cpuStart
        let elapsed = clock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        print("bench \(label): \(Int(ms.rounded())) ms wall, \(Int(cpu.rounded())) ms cpu")
        return result
    }

    static func threadCPUMilliseconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
    }

    static func synthetic(rows: Int, groups: Int, seed: UInt64) throws -> Table {
        var rng = SeededGenerator(seed: seed)
        var keys = [Int64](repeating: 0, count: rows)
        var values = [Double](repeating: 0, count: rows)
        var codes = [Int32](repeating: 0, count: rows)
        for i in 0..<rows {
            keys[i] = Int64(rng.nextInt(below: groups)) * 7_919 + 1_000_000
            values[i] = rng.nextDouble() * 100
            codes[i] = Int32(rng.nextInt(below: 1_000))
        }
        return try Table(columns: [
            Column(name: "key", data: .int(keys)),
            Column(name: "value", data: .float(values)),
            Column(name: "category", data: .string(codes: codes, dictionary: (0..<1_000).map { "c\($0)" })),
        ])
    }

    @Test func groupByTenMillionRows() throws {
        let t = try Self.time("generate 10M rows") { try Self.synthetic(rows: 10_000_000, groups: 100_000, seed: 1) }
        let value = try t.requireColumn("value")
        let aggregates = [Aggregate.count(), Aggregate(.mean, of: value, as: "mean")]
        let byInt = try Self.time("group 10M rows by int key (100k groups, sparse ids), count+mean") {
            try t.grouped(by: ["key"], aggregates: aggregates)
        }
        print("bench   groups: \(byInt.table.rowCount)")
        let dense = try Table(columns: [Column(name: "k", data: .int((0..<10_000_000).map { Int64($0 % 100_000) })), value])
        _ = try Self.time("group 10M rows by int key (100k groups, dense ids), count+mean") {
            try dense.grouped(by: ["k"], aggregates: aggregates)
        }
        _ = try Self.time("group 10M rows by string key (1k categories), count+mean") {
            try t.grouped(by: ["category"], aggregates: aggregates)
        }
        let narrow = try Table(columns: [
            Column(name: "k", data: .int((0..<10_000_000).map { Int64($0 % 1_009) * 7_919 })),
            try t.requireColumn("category"), value,
        ])
        let pairs = try Self.time("group 10M rows by int+string keys (~1M groups), count+mean") {
            try narrow.grouped(by: ["k", "category"], aggregates: aggregates)
        }
        print("bench   groups: \(pairs.table.rowCount)")
        _ = try Self.time("group 10M rows by int+string keys (~9.5M groups, worst case), count+mean+std+min") {
            try t.grouped(by: ["key", "category"], aggregates: aggregates + [
                Aggregate(.std, of: value, as: "std"), Aggregate(.min, of: value, as: "min"),
            ])
        }
    }

    @Test func sortDescribeJoinOneMillionRows() throws {
        let t = try Self.synthetic(rows: 1_000_000, groups: 50_000, seed: 2)
        _ = try Self.time("sort 1M rows by float key") { try t.sortPermutation(by: [SortKey("value")]) }
        _ = try Self.time("sort 1M rows by int key desc") { try t.sortPermutation(by: [SortKey("key", descending: true)]) }
        _ = try Self.time("sort 1M rows by string, int desc, float") {
            try t.sortPermutation(by: [SortKey("category"), SortKey("key", descending: true), SortKey("value")])
        }
        _ = try Self.time("describe 1M rows x 3 columns") { try t.describe() }
        let right = try t.grouped(by: ["key"], aggregates: [.count(as: "n")]).table
        _ = try Self.time("left join 1M rows with \(right.rowCount) unique keys") {
            try t.joined(with: right, on: [JoinKey("key")], kind: .left)
        }
        _ = try Self.time("sample 100k of 1M rows") { try t.sampled(.count(100_000), seed: 3) }
    }
}
