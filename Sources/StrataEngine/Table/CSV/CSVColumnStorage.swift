/// The typed arrays of one column, filled by pass 2. They are created at exactly pass 1's row
/// count and left uninitialised for the converters, which write every row once (a placeholder
/// for missing rows): no growth overshoot, no zero-filling pass over memory that is about to be
/// written anyway, and the first touch of each page happens on the thread that fills it.
final class CSVColumnStorage {
    let plan: CSVColumnPlan
    let hasMissing: Bool
    /// False for columns whose arrays came from pass 1 (see `adopt`); pass 2 leaves them alone.
    private(set) var filledByPassTwo = true
    private var int64s: [Int64] = []
    private var doubles: [Double] = []
    private var bools: [Bool] = []
    private var codes: [Int32] = []
    /// Empty when pass 1 found no missing values in the column.
    private var missing: [Bool] = []

    init(plan: CSVColumnPlan, hasMissing: Bool) {
        self.plan = plan
        self.hasMissing = hasMissing
    }

    /// Creates every column's arrays at `rowCount` and runs `body` with pointers to them. `body`
    /// must initialise all rows of every array; only when it returns normally do the arrays count
    /// as initialised and become the columns' storage. Should it throw, the arrays are discarded
    /// without their elements being read.
    static func fill(
        _ storages: [CSVColumnStorage], rowCount: Int, _ body: ([CSVColumnPointers]) throws -> Void
    ) throws {
        try fill(storages[...], rowCount: rowCount, collected: [], body)
    }

    private static func fill(
        _ storages: ArraySlice<CSVColumnStorage>, rowCount: Int, collected: [CSVColumnPointers],
        _ body: ([CSVColumnPointers]) throws -> Void
    ) throws {
        guard let storage = storages.first else {
            try body(collected)
            return
        }
        let rest = storages.dropFirst()
        guard storage.filledByPassTwo else {
            try fill(rest, rowCount: rowCount, collected: collected + [CSVColumnPointers()], body)
            return
        }
        try storage.withMissingArray(rowCount: rowCount) { missing in
            func next(_ pointers: CSVColumnPointers) throws {
                try fill(rest, rowCount: rowCount, collected: collected + [pointers], body)
            }
            switch storage.plan {
            case .int, .date, .timestamp:
                storage.int64s = try [Int64](unsafeUninitializedCapacity: rowCount) { buffer, count in
                    try next(CSVColumnPointers(int64s: DisjointWrites(buffer), missing: missing))
                    count = rowCount
                }
            case .float:
                storage.doubles = try [Double](unsafeUninitializedCapacity: rowCount) { buffer, count in
                    try next(CSVColumnPointers(doubles: DisjointWrites(buffer), missing: missing))
                    count = rowCount
                }
            case .bool:
                storage.bools = try [Bool](unsafeUninitializedCapacity: rowCount) { buffer, count in
                    try next(CSVColumnPointers(bools: DisjointWrites(buffer), missing: missing))
                    count = rowCount
                }
            case .string:
                storage.codes = try [Int32](unsafeUninitializedCapacity: rowCount) { buffer, count in
                    try next(CSVColumnPointers(codes: DisjointWrites(buffer), missing: missing))
                    count = rowCount
                }
            }
        }
    }

    private func withMissingArray(
        rowCount: Int, _ body: (DisjointWrites<Bool>?) throws -> Void
    ) throws {
        guard hasMissing else {
            try body(nil)
            return
        }
        missing = try [Bool](unsafeUninitializedCapacity: rowCount) { buffer, count in
            try body(DisjointWrites(buffer))
            count = rowCount
        }
    }

    /// Takes a column's finished values from pass 1.
    func adopt(int64s values: [Int64], missing flags: [Bool]?) {
        int64s = values
        missing = flags ?? []
        filledByPassTwo = false
    }

    /// Takes a column's finished values from pass 1.
    func adopt(doubles values: [Double], missing flags: [Bool]?) {
        doubles = values
        missing = flags ?? []
        filledByPassTwo = false
    }

    /// A text column with no values at all: every row missing, nothing to read in pass 2.
    func adoptAllMissing(rowCount: Int) {
        codes = [Int32](repeating: -1, count: rowCount)
        missing = [Bool](repeating: true, count: rowCount)
        filledByPassTwo = false
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
}

/// One column's arrays while pass 2 fills them: the two conversion workers each write their own
/// range of rows, and both finish before the arrays are read.
struct CSVColumnPointers: Sendable {
    var int64s: DisjointWrites<Int64>? = nil
    var doubles: DisjointWrites<Double>? = nil
    var bools: DisjointWrites<Bool>? = nil
    var codes: DisjointWrites<Int32>? = nil
    var missing: DisjointWrites<Bool>? = nil
}
