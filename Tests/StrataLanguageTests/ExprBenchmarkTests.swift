#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import StrataSession

/// Timings on a million rows; run with `STRATA_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter ExprBenchmark`.
/// Off by default so the normal test run stays fast on shared machines.
@Suite struct ExprBenchmarkTests {
    static let enabled = getenv("STRATA_BENCH") != nil

    @Test(.enabled(if: enabled)) func millionRowFilter() throws {
        let n = 1_000_000
        var rng = XorShift(state: 0x9E37_79B9_7F4A_7C15)
        let a = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
        let b = (0..<n).map { _ in Int64.random(in: 0...10, using: &rng) }
        let dict = (0..<100).map { "C\($0)" } + ["UK", "FR"]
        let codes = (0..<n).map { _ in Int32.random(in: 0..<Int32(dict.count), using: &rng) }
        let days = (0..<n).map { _ in Int64.random(in: 0...20_000, using: &rng) }
        let table = Table(uncheckedColumns: [
            Column(name: "a", data: .float(a)), Column(name: "b", data: .int(b)),
            Column(name: "country", data: .string(codes: codes, dictionary: dict)), Column(name: "d", data: .date(days)),
        ], rowCount: n)
        let evaluator = ExpressionEvaluator(table: table, tableName: "t")
        let clock = ContinuousClock()
        var sink = 0
        let base = clock.measure {
            let x = a.map { $0 > 0 }
            let y = b.map { $0 < 5 }
            let z = zip(x, y).map { $0 && $1 }
            sink &+= z.count
        }
        print("baseline map/zip: \(base) \(sink)")
        for text in ["a > 0", "b < 5", "a", "a > 0 and b < 5"] {
            let e = try ExpressionParser.parse(text)
            let t = (0..<5).map { _ in clock.measure { _ = try? evaluator.evaluate(e) } }.min() ?? .zero
            print("eval \(text): \(t)")
        }
        for text in ["a > 0 and b < 5", "country in (\"UK\", \"FR\") or b = 3", "a > 0.5 or (b >= 2 and b <= 4)"] {
            let e = try ExpressionParser.parse(text)
            _ = try evaluator.filterMask(e)
            let t = (0..<5).map { _ in clock.measure { _ = try? evaluator.filterMask(e) } }.min() ?? .zero
            print("filter \(text): \(t)")
        }
        for text in ["a * 2 + b", "year(d)", "if(a > 0, b, -b)", "lower(country)", "b / (b - 5)"] {
            let e = try ExpressionParser.parse(text)
            let t = (0..<5).map { _ in clock.measure { _ = try? evaluator.evaluate(e) } }.min() ?? .zero
            print("derive \(text): \(t)")
        }
    }
}

/// A fast deterministic generator, so building the data does not dominate a profile.
struct XorShift: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
