/// A record boundary where pass 2 can start a second worker.
struct CSVCheckpoint: Sendable {
    let offset: Int
    let line: Int
    /// Data rows kept before this point.
    let rowsBefore: Int
}

/// Pass 1: reads the header, checks every record's shape and every value of a forced column, and
/// infers the other columns' types over all rows. Stores no values, so its memory is one buffer.
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
    private(set) var rowCount = 0
    private(set) var skippedCount = 0
    private(set) var skippedExamples: [CSVIssue] = []
    /// Lines of records left out for a value that does not fit a forced type.
    private(set) var skipLines: [Int] = []
    /// Record boundaries after each chunk past the header.
    private(set) var checkpoints: [CSVCheckpoint] = []
    private var badRecords: [Bool] = []

    init(options: CSVOptions, fileName: String, missingTokens: CSVMissingTokens, pattern: CSVDatePattern?) {
        self.options = options
        self.fileName = fileName
        self.missingTokens = missingTokens
        self.pattern = pattern
    }

    private struct ValueFailure {
        let record: Int
        let column: Int
        let issue: CSVIssue
    }

    func absorb(_ chunk: CSVChunkStream.Chunk) throws {
        let tokens = chunk.tokens
        var firstRecord = 0
        if !columnsKnown {
            guard tokens.recordCount > 0 else { return }
            try setUpColumns(chunk)
            if options.hasHeader { firstRecord = 1 }
        }
        let recordCount = tokens.recordCount
        let columnCount = names.count
        badRecords.removeAll(keepingCapacity: true)
        badRecords.append(contentsOf: repeatElement(false, count: recordCount))

        var failures: [ValueFailure] = []
        for column in 0..<columnCount {
            guard let plan = forcedPlans[column], plan != .string else { continue }
            for record in firstRecord..<max(firstRecord, recordCount) where !badRecords[record] {
                let index = record &* columnCount &+ column
                let field = chunk.field(index)
                if missingTokens.matches(field) {
                    inference[column].missingCount += 1
                } else if !plan.accepts(field, pattern: pattern) {
                    badRecords[record] = true
                    let reason = "column '\(names[column])': cannot read \(chunk.quotedForMessage(index)) as \(plan.articleAndName)"
                    failures.append(ValueFailure(
                        record: record, column: column,
                        issue: CSVIssue(line: tokens.recordLines[record], reason: reason)))
                }
            }
        }
        try handleBadRecords(chunk, firstRecord: firstRecord, failures: failures)

        for column in 0..<columnCount {
            if let plan = forcedPlans[column] {
                if plan == .string { countMissing(chunk, column: column, from: firstRecord) }
                continue
            }
            infer(chunk, column: column, from: firstRecord, skippingBad: !failures.isEmpty)
        }
        rowCount += max(0, recordCount - firstRecord) - failures.count
        checkpoints.append(CSVCheckpoint(offset: chunk.endOffset, line: tokens.lineAtConsumed, rowsBefore: rowCount))
    }

    private func handleBadRecords(_ chunk: CSVChunkStream.Chunk, firstRecord: Int, failures: [ValueFailure]) throws {
        let shapeIssues = chunk.tokens.issues
        guard !shapeIssues.isEmpty || !failures.isEmpty else { return }
        if options.onError == .fail {
            let firstShape = shapeIssues.first
            let firstValue = failures.min { $0.issue.line < $1.issue.line }
            let line: Int
            let error: CSVError
            let skipHint = "use onerror=skip to leave such rows out"
            if let firstValue, firstShape.map({ firstValue.issue.line < $0.line }) ?? true {
                line = firstValue.issue.line
                let plan = forcedPlans[firstValue.column] ?? .string
                error = CSVError(
                    file: fileName, line: line, columnName: names[firstValue.column], columnIndex: firstValue.column,
                    reason: firstValue.issue.reason,
                    suggestion: "fix the value, read the column as another type with types=, or \(skipHint)"
                        + (plan.dataType.isTemporal ? "; dateformat= sets the date pattern" : ""),
                    rowsReadBefore: rowsBefore(line: line, chunk: chunk, firstRecord: firstRecord))
            } else if let firstShape {
                line = firstShape.line
                error = CSVError(
                    file: fileName, line: line, reason: firstShape.reason,
                    suggestion: "check the quoting on that line, or \(skipHint)",
                    rowsReadBefore: rowsBefore(line: line, chunk: chunk, firstRecord: firstRecord))
            } else {
                return
            }
            throw error
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

    private func rowsBefore(line: Int, chunk: CSVChunkStream.Chunk, firstRecord: Int) -> Int {
        var n = rowCount
        let lines = chunk.tokens.recordLines
        for record in firstRecord..<max(firstRecord, lines.count) where lines[record] < line { n += 1 }
        return n
    }

    private func countMissing(_ chunk: CSVChunkStream.Chunk, column: Int, from firstRecord: Int) {
        guard !missingTokens.isEmpty else { return }
        let columnCount = names.count
        var missing = 0
        for record in firstRecord..<max(firstRecord, chunk.tokens.recordCount) where !badRecords[record] {
            if missingTokens.matches(chunk.field(record &* columnCount &+ column)) { missing += 1 }
        }
        inference[column].missingCount += missing
    }

    private func infer(_ chunk: CSVChunkStream.Chunk, column: Int, from firstRecord: Int, skippingBad: Bool) {
        var state = inference[column]
        defer { inference[column] = state }
        if state.sawValue && state.candidates.isEmpty {
            // Settled as text: only missing values still matter.
            countMissing(chunk, column: column, from: firstRecord)
            return
        }
        let columnCount = names.count
        let recordCount = chunk.tokens.recordCount
        guard firstRecord < recordCount else { return }
        for record in firstRecord..<recordCount {
            if skippingBad && badRecords[record] { continue }
            let index = record &* columnCount &+ column
            let field = chunk.field(index)
            if missingTokens.matches(field) {
                state.missingCount += 1
                continue
            }
            if state.sawValue && state.candidates.isEmpty { continue }
            let fits = CSVFieldClassifier.fits(field, among: state.candidates, pattern: pattern)
            if fits.contains(.hasThousandsSeparator) { state.thousandsSeparatorCount += 1 }
            let remaining = fits.intersection(.types)
            if remaining.isEmpty && state.sawValue && !state.candidates.isEmpty {
                let before = CSVFieldClassifier.kindName(state.candidates)
                let all = CSVFieldClassifier.fits(field, among: .initial(pattern: pattern), pattern: pattern)
                let now = CSVFieldClassifier.kindName(all)
                let what = before == now ? "values in different \(now) forms" : "mixed \(before) and \(now) values"
                state.mixedNote = "column \(names[column]): \(what) (first \(now) value \(chunk.quotedForMessage(index)) on line \(chunk.tokens.recordLines[record])); read as string"
            }
            state.candidates = remaining
            state.sawValue = true
        }
    }

    private func setUpColumns(_ chunk: CSVChunkStream.Chunk) throws {
        let tokens = chunk.tokens
        let columnCount = tokens.fieldCount / tokens.recordCount
        columnsKnown = true
        if options.hasHeader {
            var explicit: [String?] = []
            var firstPosition: [String: Int] = [:]
            for column in 0..<columnCount {
                let raw = chunk.field(column)
                let name = chunk.text(column)
                if String(validating: raw, as: UTF8.self) == nil {
                    headerNotes.append("header: the name of column \(column + 1) is not valid UTF-8; bad bytes replaced with U+FFFD")
                }
                if name.isEmpty {
                    explicit.append(nil)
                    continue
                }
                if let earlier = firstPosition[name] {
                    throw CSVError(
                        file: fileName, line: tokens.recordLines[0], columnName: name, columnIndex: column,
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
        inference = Array(repeating: CSVColumnInference(initial: .initial(pattern: pattern)), count: columnCount)
    }
}
