/// How many rows to sample.
public enum SampleSize: Sendable, Hashable {
    case count(Int)
    /// A share of the table's rows, rounded to the nearest whole row (ties to even, as pandas does).
    case fraction(Double)
}

/// Random row samples, reproducible from a seed.
///
/// - Without replacement the chosen rows keep their original order, so a sample reads like the table.
/// - With replacement rows appear in the order they were drawn and may repeat (a bootstrap sample).
/// - The same seed, size and table always give the same rows, on every machine.
public enum RowSampler {
    /// Largest sample accepted, so a typo in `n=` cannot exhaust memory.
    public static let maxRows = Int(Int32.max)
    /// Most rows a sample of a table with `columnCount` columns may have: with replacement a sample
    /// may be far larger than its table.
    public static func maxRows(columnCount: Int) -> Int { min(maxRows, ResultLimits.maxRows(columnCount: columnCount)) }

    public static func indices(_ size: SampleSize, from rowCount: Int, replace: Bool, maxRows limit: Int = maxRows,
                               using generator: inout SeededGenerator) throws -> [Int] {
        let n = try resolve(size, rowCount: rowCount, replace: replace, limit: limit)
        if replace {
            guard n == 0 || rowCount > 0 else {
                throw EngineError("cannot sample \(n) rows from an empty table")
            }
            return (0..<n).map { _ in generator.nextInt(below: rowCount) }
        }
        return generator.sampleIndices(count: n, from: rowCount).sorted()
    }

    private static func resolve(_ size: SampleSize, rowCount: Int, replace: Bool, limit: Int) throws -> Int {
        // Without replacement a sample is no larger than its table, which is already in memory.
        let cap = replace ? min(limit, maxRows) : maxRows
        let n: Int
        switch size {
        case .count(let c):
            guard c >= 0 else { throw EngineError("a sample size cannot be negative (got \(c))") }
            n = c
        case .fraction(let f):
            guard f.isFinite, f >= 0 else {
                throw EngineError("a sample fraction must be a number of at least 0 (got \(f))")
            }
            guard f <= 1 || replace else {
                throw EngineError("a fraction above 1 needs sampling with replacement (got \(f))",
                                  suggestion: "use a fraction up to 1, or sample with replacement")
            }
            let rows = (f * Double(rowCount)).rounded(.toNearestOrEven)
            guard rows <= Double(cap) else { throw tooLarge(rows < 9e18 ? String(Int64(rows)) : "\(rows)", limit: cap) }
            n = Int(rows)
        }
        guard replace || n <= rowCount else {
            throw EngineError("cannot sample \(n) distinct rows from a table of \(rowCount)",
                              suggestion: "ask for at most \(rowCount) rows, or sample with replacement")
        }
        guard n <= cap else { throw tooLarge(String(n), limit: cap) }
        return n
    }

    private static func tooLarge(_ rows: String, limit: Int) -> EngineError {
        EngineError("a sample of \(rows) rows is too large (at most \(limit) rows of this table)",
                    suggestion: "sample fewer rows, or select fewer columns first")
    }
}

extension Table {
    /// A random sample of rows drawn with a generator seeded by `seed` (see `RowSampler`).
    public func sampled(_ size: SampleSize, replace: Bool = false, seed: UInt64) throws -> Table {
        var generator = SeededGenerator(seed: seed)
        return try sampled(size, replace: replace, using: &generator)
    }

    /// A random sample of rows drawn from `generator`, for callers that thread one generator through
    /// several random steps.
    public func sampled(_ size: SampleSize, replace: Bool = false, using generator: inout SeededGenerator) throws -> Table {
        takingRows(try RowSampler.indices(size, from: rowCount, replace: replace,
                                          maxRows: RowSampler.maxRows(columnCount: columnCount), using: &generator))
    }
}
