/// A record boundary where pass 2 can start a second worker.
struct CSVCheckpoint: Sendable {
    let offset: Int
    var line: Int
    /// Data rows kept before this point.
    var rowsBefore: Int
}

/// Pass 1 over one stretch of the input: reads the header, checks every record's shape and every
/// value of a forced column, and infers the other columns' types over all rows. Stores no values,
/// so its memory is one buffer. Two stretches scanned apart join into the state of one scan.
final class CSVFirstPass {
    let options: CSVOptions
    let fileName: String
    let missingTokens: CSVMissingTokens
    let pattern: CSVDatePattern?

    private(set) var names: [String] = []
    private(set) var headerNotes: [String] = []
    private(set) var forcedPlans: [CSVColumnPlan?] = []
    private(set) var inference: [CSVColumnInference] = []
    private(set) var columnsKnown = false
    /// True until the header record has been passed over.
    private var headerPending: Bool
    private(set) var rowCount = 0
    private(set) var skippedCount = 0
    private(set) var skippedExamples: [CSVIssue] = []
    /// Lines of records left out for a value that does not fit a forced type.
    private(set) var skipLines: [Int] = []
    /// Record boundaries after each chunk past the header.
    private(set) var checkpoints: [CSVCheckpoint] = []
    /// Physical line just past the last complete record seen.
    private(set) var endLine = 1

    init(options: CSVOptions, fileName: String, missingTokens: CSVMissingTokens, pattern: CSVDatePattern?) {
        self.options = options
        self.fileName = fileName
        self.missingTokens = missingTokens
        self.pattern = pattern
        headerPending = options.hasHeader
    }

    /// A fresh pass for a later stretch of the same file: same columns, no header, lines counted
    /// from 1 at the stretch's start (see `followed(by:)`).
    func continuation() -> CSVFirstPass {
        let later = CSVFirstPass(options: options, fileName: fileName, missingTokens: missingTokens, pattern: pattern)
        later.names = names
        later.forcedPlans = forcedPlans
        later.inference = forcedPlans.map { CSVColumnInference(initial: .initial(pattern: pattern), speculate: $0 == nil) }
        later.columnsKnown = true
        later.headerPending = false
        return later
    }

    /// Appends the state of `later`, a continuation that scanned the stretch right after this one.
    func append(_ later: CSVFirstPass) {
        let lineShift = endLine - 1
        let rowShift = rowCount
        for column in inference.indices {
            var next = later.inference[column]
            next.shiftLines(by: lineShift)
            inference[column] = inference[column].followed(by: next)
        }
        skippedCount += later.skippedCount
        for issue in later.skippedExamples where skippedExamples.count < CSVLoadResult.maxSkippedExamples {
            skippedExamples.append(CSVIssue(line: issue.line + lineShift, reason: issue.reason))
        }
        skipLines.append(contentsOf: later.skipLines.map { $0 + lineShift })
        checkpoints.append(contentsOf: later.checkpoints.map {
            CSVCheckpoint(offset: $0.offset, line: $0.line + lineShift, rowsBefore: $0.rowsBefore + rowShift)
        })
        rowCount += later.rowCount
        endLine = later.endLine + lineShift
    }

    private struct ValueFailure {
        let record: Int
        let column: Int
        let issue: CSVIssue
    }

    /// Reads the column names (or counts the columns) from the first record of the file.
    func setUpColumnsIfNeeded(_ chunk: CSVChunkStream.Chunk) throws {
        guard !columnsKnown, chunk.recordCount > 0 else { return }
        try setUpColumns(chunk)
    }

    func absorb(_ chunk: CSVChunkStream.Chunk) throws {
        try setUpColumnsIfNeeded(chunk)
        guard columnsKnown else { return }
        var firstRecord = 0
        if headerPending, chunk.recordCount > 0 {
            headerPending = false
            firstRecord = 1
        }
        let recordCount = chunk.recordCount
        let columnCount = names.count
        let records = firstRecord..<max(firstRecord, recordCount)
        var badRecords: [Bool] = []

        var failures: [ValueFailure] = []
        for column in 0..<columnCount {
            guard let plan = forcedPlans[column], plan != .string else { continue }
            if badRecords.isEmpty { badRecords = Array(repeating: false, count: recordCount) }
            var missing = 0
            for record in records where !badRecords[record] {
                let index = record &* columnCount &+ column
                let field = chunk.field(index)
                if missingTokens.matches(field) {
                    missing += 1
                } else if !plan.accepts(field, pattern: pattern) {
                    badRecords[record] = true
                    let reason = "column '\(names[column])': cannot read \(chunk.quotedForMessage(index)) as \(plan.articleAndName)"
                    failures.append(ValueFailure(
                        record: record, column: column,
                        issue: CSVIssue(line: chunk.recordLines[record], reason: reason)))
                }
            }
            inference[column].missingCount += missing
        }
        try handleBadRecords(chunk, records: records, failures: failures)
        if failures.isEmpty { badRecords = [] }

        for column in 0..<columnCount {
            if let plan = forcedPlans[column] {
                if plan == .string {
                    inference[column].missingCount += countMissing(
                        chunk, column: column, columnCount: columnCount, records: records, badRecords: badRecords)
                }
                continue
            }
            var state = inference[column]
            infer(chunk, column: column, columnCount: columnCount, records: records, badRecords: badRecords, state: &state)
            inference[column] = state
        }
        rowCount += records.count - failures.count
        endLine = chunk.lineAtConsumed
        checkpoints.append(CSVCheckpoint(offset: chunk.endOffset, line: chunk.lineAtConsumed, rowsBefore: rowCount))
    }

    private func handleBadRecords(_ chunk: CSVChunkStream.Chunk, records: Range<Int>, failures: [ValueFailure]) throws {
        let shapeIssues = chunk.issues
        guard !shapeIssues.isEmpty || !failures.isEmpty else { return }
        if options.onError == .fail {
            let skipHint = "use onerror=skip to leave such rows out"
            let firstValue = failures.min { $0.issue.line < $1.issue.line }
            if let firstValue, shapeIssues.first.map({ firstValue.issue.line < $0.line }) ?? true {
                let line = firstValue.issue.line
                let plan = forcedPlans[firstValue.column] ?? .string
                throw CSVError(
                    file: fileName, line: line, columnName: names[firstValue.column], columnIndex: firstValue.column,
                    reason: firstValue.issue.reason,
                    suggestion: "fix the value, read the column as another type with types=, or \(skipHint)"
                        + (plan.dataType.isTemporal ? "; dateformat= sets the date pattern" : ""),
                    rowsReadBefore: rowsBefore(line: line, chunk: chunk, records: records))
            }
            if let firstShape = shapeIssues.first {
                throw CSVError(
                    file: fileName, line: firstShape.line, reason: firstShape.reason,
                    suggestion: "check the quoting on that line, or \(skipHint)",
                    rowsReadBefore: rowsBefore(line: firstShape.line, chunk: chunk, records: records))
            }
            return
        }
        var issues = shapeIssues
        issues.append(contentsOf: failures.map(\.issue))
        issues.sort { $0.line < $1.line }
        skippedCount += issues.count
        for issue in issues where skippedExamples.count < CSVLoadResult.maxSkippedExamples {
            skippedExamples.append(issue)
        }
        skipLines.append(contentsOf: failures.map(\.issue.line).sorted())
    }

    private func rowsBefore(line: Int, chunk: CSVChunkStream.Chunk, records: Range<Int>) -> Int {
        var n = rowCount
        for record in records where chunk.recordLines[record] < line { n += 1 }
        return n
    }

    /// Missing fields of one column; `badRecords` is empty or flags records to leave out.
    private func countMissing(
        _ chunk: CSVChunkStream.Chunk, column: Int, columnCount: Int, records: Range<Int>, badRecords: [Bool]
    ) -> Int {
        guard !missingTokens.isEmpty else { return 0 }
        var missing = 0
        for record in records where badRecords.isEmpty || !badRecords[record] {
            if missingTokens.matches(chunk.field(record &* columnCount &+ column)) { missing += 1 }
        }
        return missing
    }

    private func infer(
        _ chunk: CSVChunkStream.Chunk, column: Int, columnCount: Int, records: Range<Int>, badRecords: [Bool],
        state: inout CSVColumnInference
    ) {
        if state.isSettledAsText {
            state.missingCount += countMissing(
                chunk, column: column, columnCount: columnCount, records: records, badRecords: badRecords)
            return
        }
        let skippingBad = !badRecords.isEmpty
        let missingTokens = self.missingTokens
        let pattern = self.pattern
        // This chunk's values for the speculation, as 8-byte slots in its current kind.
        let speculation = state.speculation
        var speculating = speculation != nil
        var slotsAreFloat = speculation?.kind == .float
        // Raw rather than an array: appending here runs once per field of every numeric column.
        let slots = UnsafeMutablePointer<UInt64>.allocate(capacity: speculating ? records.count : 0)
        defer { slots.deallocate() }
        var slotCount = 0
        var missingSlots: [Int] = []
        let nanBits = Double.nan.bitPattern

        for record in records {
            if skippingBad && badRecords[record] { continue }
            let index = record &* columnCount &+ column
            let field = chunk.field(index)
            if missingTokens.matches(field) {
                state.missingCount += 1
                if speculating {
                    missingSlots.append(slotCount)
                    slots[slotCount] = slotsAreFloat ? nanBits : 0
                    slotCount &+= 1
                }
                continue
            }
            if state.isSettledAsText { continue }
            // An int column meeting another plain int changes nothing; skip the full classification.
            if state.sawValue && state.candidates == .numeric, let value = CSVNumberParsing.shortPlainInt(field) {
                if speculating {
                    slots[slotCount] = UInt64(bitPattern: value)
                    slotCount &+= 1
                }
                continue
            }
            let fits = CSVFieldClassifier.fits(field, among: state.candidates, pattern: pattern)
            if fits.contains(.hasThousandsSeparator) { state.thousandsSeparatorCount += 1 }
            if !fits.isDisjoint(with: [.float, .groupedFloat]) {
                state.noteDecimals(CSVNumberParsing.writtenDecimals(field))
            }
            state.record(remaining: fits.intersection(.types), line: chunk.recordLines[record]) {
                let alone = CSVFieldClassifier.fits(field, among: .initial(pattern: pattern), pattern: pattern)
                return (chunk.quotedForMessage(index), CSVFieldClassifier.kindName(alone))
            }
            guard speculating, let speculation else { continue }
            if state.candidates.contains(.int), let value = CSVNumberParsing.parseInt(field) {
                slots[slotCount] = UInt64(bitPattern: value)
                slotCount &+= 1
                continue
            }
            if !state.candidates.contains(.int), state.candidates.contains(.float),
                let value = CSVNumberParsing.parseDouble(field)
            {
                if !slotsAreFloat {
                    var missing = missingSlots[...]
                    for k in 0..<slotCount {
                        if missing.first == k {
                            missing = missing.dropFirst()
                            slots[k] = nanBits
                        } else {
                            slots[k] = Double(Int64(bitPattern: slots[k])).bitPattern
                        }
                    }
                    speculation.convertToFloat()
                    slotsAreFloat = true
                }
                slots[slotCount] = value.bitPattern
                slotCount &+= 1
                continue
            }
            // Neither int nor float any more: pass 2 will convert this column.
            speculating = false
            state.speculation = nil
            missingSlots = []
        }
        if speculating, let speculation,
            !speculation.append(UnsafeBufferPointer(start: slots, count: slotCount), missingAt: missingSlots)
        {
            state.speculation = nil
        }
    }

    private func setUpColumns(_ chunk: CSVChunkStream.Chunk) throws {
        let columnCount = chunk.fieldCount / chunk.recordCount
        if options.hasHeader {
            var explicit: [String?] = []
            var firstPosition: [String: Int] = [:]
            for column in 0..<columnCount {
                let name = chunk.text(column)
                if String(validating: chunk.field(column), as: UTF8.self) == nil {
                    headerNotes.append("header: the name of column \(column + 1) is not valid UTF-8; bad bytes replaced with U+FFFD")
                }
                if name.isEmpty {
                    explicit.append(nil)
                    continue
                }
                if let earlier = firstPosition[name] {
                    throw CSVError(
                        file: fileName, line: chunk.recordLines[0], columnName: name, columnIndex: column,
                        reason: "duplicate column name '\(name)' in the header (columns \(earlier + 1) and \(column + 1))",
                        suggestion: "rename one of them in the file, or read with header=false to name the columns column1, column2, …")
                }
                firstPosition[name] = column
                explicit.append(name)
            }
            var taken = Set(firstPosition.keys)
            names = []
            for (column, name) in explicit.enumerated() {
                if let name {
                    names.append(name)
                    continue
                }
                var generated = "column\(column + 1)"
                var suffix = 2
                while taken.contains(generated) {
                    generated = "column\(column + 1)_\(suffix)"
                    suffix += 1
                }
                taken.insert(generated)
                names.append(generated)
                headerNotes.append("header: column \(column + 1) has no name; named it \(generated)")
            }
        } else {
            names = (0..<columnCount).map { "column\($0 + 1)" }
        }

        forcedPlans = Array(repeating: nil, count: columnCount)
        for (name, type) in options.typeOverrides.sorted(by: { $0.key < $1.key }) {
            guard let column = names.firstIndex(of: name) else {
                let shown = names.prefix(12).joined(separator: ", ") + (names.count > 12 ? ", …" : "")
                throw CSVError(
                    file: fileName, columnName: name, reason: "types= names a column '\(name)' that the file does not have",
                    suggestion: "the columns are: \(shown)")
            }
            forcedPlans[column] = .forced(type, pattern: pattern)
        }
        inference = forcedPlans.map { CSVColumnInference(initial: .initial(pattern: pattern), speculate: $0 == nil) }
        columnsKnown = true
    }
}
