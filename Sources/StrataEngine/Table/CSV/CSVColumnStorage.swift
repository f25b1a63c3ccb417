/// The typed arrays of one column being filled by pass 2. Sized exactly from pass 1's row count,
/// so no array ever grows (doubling would overshoot the memory of large loads).
final class CSVColumnStorage {
    let plan: CSVColumnPlan
    private var int64s: [Int64] = []
    private var doubles: [Double] = []
    private var bools: [Bool] = []
    private var codes: [Int32] = []
    /// Empty when pass 1 found no missing values in the column.
    private var missing: [Bool] = []

    init(plan: CSVColumnPlan, rowCount: Int, hasMissing: Bool) {
        self.plan = plan
        switch plan {
        case .int, .date, .timestamp: int64s = [Int64](repeating: 0, count: rowCount)
        case .float: doubles = [Double](repeating: .nan, count: rowCount)
        case .bool: bools = [Bool](repeating: false, count: rowCount)
        case .string: codes = [Int32](repeating: -1, count: rowCount)
        }
        if hasMissing { missing = [Bool](repeating: false, count: rowCount) }
    }

    /// Lends out raw pointers to the arrays for the duration of `body`.
    func withPointers<R>(_ body: (CSVColumnPointers) throws -> R) rethrows -> R {
        try missing.withUnsafeMutableBufferPointer { missingBuffer in
            let missingBase = missingBuffer.isEmpty ? nil : missingBuffer.baseAddress
            switch plan {
            case .int, .date, .timestamp:
                return try int64s.withUnsafeMutableBufferPointer {
                    try body(CSVColumnPointers(int64s: $0.baseAddress, missing: missingBase))
                }
            case .float:
                return try doubles.withUnsafeMutableBufferPointer {
                    try body(CSVColumnPointers(doubles: $0.baseAddress, missing: missingBase))
                }
            case .bool:
                return try bools.withUnsafeMutableBufferPointer {
                    try body(CSVColumnPointers(bools: $0.baseAddress, missing: missingBase))
                }
            case .string:
                return try codes.withUnsafeMutableBufferPointer {
                    try body(CSVColumnPointers(codes: $0.baseAddress, missing: missingBase))
                }
            }
        }
    }

    /// Codes rewritten after merging workers' dictionaries.
    func remapCodes(in rows: Range<Int>, through mapping: [Int32]) {
        codes.withUnsafeMutableBufferPointer { buffer in
            for row in rows where buffer[row] >= 0 {
                buffer[row] = mapping[Int(buffer[row])]
            }
        }
    }

    /// How many rows hold a code in `set`.
    func countCodes(in set: Set<Int32>) -> Int {
        var n = 0
        for code in codes where set.contains(code) { n += 1 }
        return n
    }

    /// Hands the arrays over to a Column; the storage is spent afterwards.
    func makeColumn(name: String, dictionary: [String]) -> Column {
        let data: ColumnData
        switch plan {
        case .int: data = .int(int64s)
        case .date: data = .date(int64s)
        case .timestamp: data = .timestamp(int64s)
        case .float: data = .float(doubles)
        case .bool: data = .bool(bools)
        case .string: data = .string(codes: codes, dictionary: dictionary)
        }
        let mask = missing.isEmpty ? MissingMask.none : MissingMask(flags: missing)
        int64s = []
        doubles = []
        bools = []
        codes = []
        missing = []
        return Column(name: name, data: data, missing: mask)
    }

    /// Runs `body` with the pointers of all `storages`, in order.
    static func withAllPointers<R>(
        _ storages: ArraySlice<CSVColumnStorage>, collected: [CSVColumnPointers] = [],
        _ body: ([CSVColumnPointers]) throws -> R
    ) rethrows -> R {
        guard let first = storages.first else { return try body(collected) }
        return try first.withPointers { pointers in
            try withAllPointers(storages.dropFirst(), collected: collected + [pointers], body)
        }
    }
}

/// Raw pointers into one column's arrays. Unchecked-Sendable because the two conversion workers
/// share them, which is safe only because each writes its own disjoint range of rows and both
/// finish before the arrays are read.
struct CSVColumnPointers: @unchecked Sendable {
    var int64s: UnsafeMutablePointer<Int64>? = nil
    var doubles: UnsafeMutablePointer<Double>? = nil
    var bools: UnsafeMutablePointer<Bool>? = nil
    var codes: UnsafeMutablePointer<Int32>? = nil
    var missing: UnsafeMutablePointer<Bool>? = nil
}
