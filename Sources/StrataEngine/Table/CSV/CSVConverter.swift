/// Pass 2 over one stretch of the input: turns fields into typed values at rows fixed by pass 1.
/// Everything that could be wrong with a value was found in pass 1, so a failure here means the
/// file changed between the passes.
struct CSVConverter {
    let plans: [CSVColumnPlan]
    let pointers: [CSVColumnPointers]
    let columnHasMissing: [Bool]
    let missingTokens: CSVMissingTokens
    let pattern: CSVDatePattern?
    let fileName: String
    /// Sorted lines of records pass 1 left out for bad values (ragged records the tokenizer drops).
    let skipLines: [Int]
    /// One per column; only string columns use theirs.
    private(set) var interners: [CSVStringInterner]
    /// The next row to write.
    private(set) var nextRow: Int
    /// One past the last row this converter may write.
    let rowLimit: Int
    /// True until the header record has been passed over.
    private var headerPending: Bool
    private var skipCursor: Int
    private var keptRecords: [Int] = []
    private var scratch: [UInt8] = []

    init(
        plans: [CSVColumnPlan], pointers: [CSVColumnPointers], columnHasMissing: [Bool],
        missingTokens: CSVMissingTokens, pattern: CSVDatePattern?, fileName: String, skipLines: [Int],
        firstRow: Int, rowLimit: Int, firstLine: Int, headerPending: Bool
    ) {
        self.plans = plans
        self.pointers = pointers
        self.columnHasMissing = columnHasMissing
        self.missingTokens = missingTokens
        self.pattern = pattern
        self.fileName = fileName
        self.skipLines = skipLines
        self.interners = plans.map { _ in CSVStringInterner() }
        self.nextRow = firstRow
        self.rowLimit = rowLimit
        self.headerPending = headerPending
        var low = 0, high = skipLines.count
        while low < high {
            let mid = (low + high) / 2
            if skipLines[mid] < firstLine { low = mid + 1 } else { high = mid }
        }
        skipCursor = low
    }

    private func changedError(line: Int) -> CSVError {
        CSVError(
            file: fileName, line: line, reason: "the file changed while it was being read",
            suggestion: "load it again once nothing is writing to it")
    }

    mutating func convert(_ chunk: CSVChunkStream.Chunk) throws {
        let recordCount = chunk.recordCount
        keptRecords.removeAll(keepingCapacity: true)
        var firstRecord = 0
        if headerPending, recordCount > 0 {
            headerPending = false
            firstRecord = 1
        }
        guard firstRecord < recordCount else { return }
        for record in firstRecord..<recordCount {
            let line = chunk.recordLines[record]
            while skipCursor < skipLines.count, skipLines[skipCursor] < line { skipCursor += 1 }
            if skipCursor < skipLines.count, skipLines[skipCursor] == line {
                skipCursor += 1
                continue
            }
            keptRecords.append(record)
        }
        let rowBase = nextRow
        guard rowBase + keptRecords.count <= rowLimit else {
            throw changedError(line: chunk.recordLines[firstRecord])
        }
        let columnCount = plans.count
        for column in 0..<columnCount {
            let sink = pointers[column]
            let missingSink = columnHasMissing[column] ? sink.missing : nil
            switch plans[column] {
            case .int(let grouped):
                guard let out = sink.int64s else { continue }
                if grouped {
                    try fill(chunk, column, out, missingSink, placeholder: 0) { CSVNumberParsing.parseGroupedInt($0) }
                } else {
                    try fill(chunk, column, out, missingSink, placeholder: 0) { CSVNumberParsing.parseInt($0) }
                }
            case .float(let grouped):
                guard let out = sink.doubles else { continue }
                if grouped {
                    try fill(chunk, column, out, missingSink, placeholder: .nan) { CSVNumberParsing.parseGroupedDouble($0) }
                } else {
                    try fill(chunk, column, out, missingSink, placeholder: .nan) { CSVNumberParsing.parseDouble($0) }
                }
            case .bool(let acceptDigits):
                guard let out = sink.bools else { continue }
                try fill(chunk, column, out, missingSink, placeholder: false) {
                    CSVBoolParsing.parse($0, acceptDigits: acceptDigits)
                }
            case .date(let forms):
                guard let out = sink.int64s else { continue }
                let pattern = self.pattern
                try fill(chunk, column, out, missingSink, placeholder: 0) {
                    CSVDateParsing.parseDate($0, forms: forms, pattern: pattern)
                }
            case .timestamp(let forms):
                guard let out = sink.int64s else { continue }
                let pattern = self.pattern
                try fill(chunk, column, out, missingSink, placeholder: 0) {
                    CSVDateParsing.parseTimestamp($0, forms: forms, pattern: pattern)
                }
            case .string:
                guard let out = sink.codes else { continue }
                try fillStrings(chunk, column, out, missingSink)
            }
        }
        nextRow = rowBase + keptRecords.count
    }

    /// Writes every kept row of one column: the value, or `placeholder` for a missing cell, and
    /// the row's missing flag when the column has them (the arrays start uninitialised).
    @inline(__always)
    private func fill<Value>(
        _ chunk: CSVChunkStream.Chunk, _ column: Int, _ out: DisjointWrites<Value>,
        _ missing: DisjointWrites<Bool>?, placeholder: Value, _ parse: (UnsafeBufferPointer<UInt8>) -> Value?
    ) throws {
        let columnCount = plans.count
        let rowBase = nextRow
        for k in 0..<keptRecords.count {
            let record = keptRecords[k]
            let field = chunk.field(record &* columnCount &+ column)
            if let missing {
                let isMissing = missingTokens.matches(field)
                missing[rowBase + k] = isMissing
                if isMissing {
                    out[rowBase + k] = placeholder
                    continue
                }
            }
            guard let value = parse(field) else { throw changedError(line: chunk.recordLines[record]) }
            out[rowBase + k] = value
        }
    }

    private mutating func fillStrings(
        _ chunk: CSVChunkStream.Chunk, _ column: Int, _ out: DisjointWrites<Int32>,
        _ missing: DisjointWrites<Bool>?
    ) throws {
        let columnCount = plans.count
        let rowBase = nextRow
        var interner = interners[column]
        // Keep the interner out of the array while it works, so it is mutated in place.
        interners[column] = CSVStringInterner.placeholder
        defer { interners[column] = interner }
        for k in 0..<keptRecords.count {
            let record = keptRecords[k]
            let index = record &* columnCount &+ column
            let field = chunk.field(index)
            if let missing {
                let isMissing = missingTokens.matches(field)
                missing[rowBase + k] = isMissing
                if isMissing {
                    out[rowBase + k] = -1
                    continue
                }
            }
            let line = chunk.recordLines[record]
            do {
                if chunk.hasDoubledQuotes(index) {
                    let unescaped = chunk.unescapedField(index, scratch: &scratch)
                    out[rowBase + k] = try unescaped.withUnsafeBufferPointer { try interner.intern($0, line: line) }
                } else {
                    out[rowBase + k] = try interner.intern(field, line: line)
                }
            } catch {
                throw CSVError(
                    file: fileName, line: line, columnIndex: column,
                    reason: "more than 2 billion distinct values in one column")
            }
        }
    }
}
