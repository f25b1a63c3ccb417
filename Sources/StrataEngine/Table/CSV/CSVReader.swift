import Dispatch

/// Loads CSV files into tables.
///
/// Up to two passes over the input, each streaming it in 1 MB buffers. Pass 1 finds the records,
/// checks them, infers every column's type from all rows, and keeps the values of columns that
/// look int or float (`CSVNumericSpeculation`). Pass 2, needed only for the other columns
/// (text, dates, bools, forced types, numbers with thousands separators), converts their fields
/// straight into arrays of exactly pass 1's row count. Peak memory is the finished table plus a
/// few buffers, whatever the file size. From 16 MB on, each pass runs on two threads, with
/// results identical to one thread (see `CSVFirstPassRunner` and `CSVSecondPass`).
///
/// Decisions a user can notice, each reported in `CSVLoadResult.notes` when it applies:
/// - Types, tried in order on every non-missing value: int (Int64), float, number with thousands
///   separators (`1,234.50`, when every value of the column fits that form), date (`YYYY-MM-DD`,
///   `M/D/YYYY`), timestamp (`YYYY-MM-DD HH:MM[:SS]`, `…T…`, `M/D/YYYY H:MM[:SS]`; dates in a
///   timestamp column mean midnight), bool (true/false/yes/no in any case; 0/1 stay ints), else
///   string. Ints mixed with floats make a float column; any other mix makes a string column.
/// - Missing-value tokens are matched byte for byte, quoted or not; a column with no values at
///   all is a string column.
/// - Invalid UTF-8 in text is replaced with U+FFFD rather than refused, so one bad byte does not
///   make a file unreadable.
/// - A duplicate header name is an error naming both positions; an empty one becomes `columnN`.
/// - Blank lines are not records (so a one-column file writes missing values as `NA` or `""`).
/// - A quote inside an unquoted field is a literal character; text after a closing quote makes
///   the row bad (an error, or skipped under `onerror=skip`).
public enum CSVReader {
    /// Reads the file at `path`.
    public static func read(
        path: String, options: CSVOptions = CSVOptions(), context: RunContext = .quiet
    ) throws -> CSVLoadResult {
        let source = try CSVFileSource(path: path)
        return try load(source, extensionHint: path, options: options, context: context)
    }

    /// Reads CSV held in memory; `name` stands in for the file name in messages.
    public static func read(
        bytes: [UInt8], name: String = "data", options: CSVOptions = CSVOptions(), context: RunContext = .quiet
    ) throws -> CSVLoadResult {
        try load(CSVMemorySource(displayName: name, bytes: bytes), extensionHint: name, options: options, context: context)
    }

    /// Reads CSV text; `name` stands in for the file name in messages.
    public static func read(
        text: String, name: String = "data", options: CSVOptions = CSVOptions(), context: RunContext = .quiet
    ) throws -> CSVLoadResult {
        try read(bytes: Array(text.utf8), name: name, options: options, context: context)
    }

    /// Inputs smaller than this are converted on one thread: the second would cost more than it saves.
    static let parallelThreshold = 16 << 20

    static func load(
        _ source: any CSVByteSource, extensionHint: String, options: CSVOptions, context: RunContext,
        bufferSize: Int = CSVChunkStream.defaultBufferSize, parallel: Bool? = nil
    ) throws -> CSVLoadResult {
        let fileName = source.displayName
        guard source.byteCount > 0 else {
            throw CSVError(file: fileName, reason: "file is empty", suggestion: "a CSV file needs at least a header line")
        }
        var pattern: CSVDatePattern?
        if let format = options.dateFormat {
            switch CSVDatePattern.compile(format) {
            case .success(let compiled): pattern = compiled
            case .failure(let problem):
                throw CSVError(
                    file: fileName, reason: "dateformat '\(format)' \(problem.reason)",
                    suggestion: "use strftime directives such as %Y-%m-%d, %d/%m/%Y or %m/%d/%Y %H:%M")
            }
        }
        var notes: [String] = []
        let delimiter: UInt8
        if let chosen = options.delimiter {
            guard chosen != CSVByte.quote, chosen != CSVByte.lineFeed, chosen != CSVByte.carriageReturn else {
                throw CSVError(
                    file: fileName, reason: "the delimiter cannot be a quote or a line break",
                    suggestion: "use a comma, semicolon, tab or another single character")
            }
            delimiter = chosen
        } else {
            let detected = try CSVDelimiterDetection.detect(source, extensionHint: extensionHint)
            delimiter = detected.delimiter
            if let note = detected.note { notes.append(note) }
        }
        let missingTokens = CSVMissingTokens(options.missingTokens)
        let totalBytes = source.byteCount

        context.progress.begin("loading file", total: totalBytes, unit: "B")
        defer { context.progress.end() }

        let first = try CSVFirstPassRunner.run(
            CSVFirstPassRunner.Setup(
                source: source, options: options, delimiter: delimiter, missingTokens: missingTokens,
                pattern: pattern, bufferSize: bufferSize, context: context),
            parallel: parallel ?? (totalBytes >= parallelThreshold))
        guard first.columnsKnown else {
            throw CSVError(file: fileName, reason: "file is empty (it has no header or data lines)")
        }
        notes.append(contentsOf: first.headerNotes)

        let plans = (0..<first.names.count).map { column in
            first.forcedPlans[column] ?? first.inference[column].plan(pattern: pattern)
        }
        for (column, state) in first.inference.enumerated() where first.forcedPlans[column] == nil {
            if let note = state.mixedNote(columnName: first.names[column]) { notes.append(note) }
            if case .int(grouped: true) = plans[column] {
                notes.append("column \(first.names[column]): \(state.thousandsSeparatorCount) values with thousands separators parsed")
            } else if case .float(grouped: true) = plans[column] {
                notes.append("column \(first.names[column]): \(state.thousandsSeparatorCount) values with thousands separators parsed")
            }
        }

        // Columns that stayed int or float took their values in pass 1; pass 2 reads the rest.
        let rowCount = first.rowCount
        let storages = plans.enumerated().map { column, plan in
            CSVColumnStorage(plan: plan, hasMissing: first.inference[column].missingCount > 0)
        }
        var keptColumns: [CSVKeptColumn] = []
        for (column, storage) in storages.enumerated() where first.forcedPlans[column] == nil {
            let state = first.inference[column]
            if plans[column] == .string && !state.sawValue {
                storage.adoptAllMissing(rowCount: rowCount)
                continue
            }
            guard let speculation = state.speculation, speculation.count == rowCount else { continue }
            switch (plans[column], speculation.kind) {
            case (.int(grouped: false), .int), (.float(grouped: false), .float):
                keptColumns.append(CSVKeptColumn(storage: storage, speculation: speculation))
            default:
                break
            }
        }
        CSVKeptColumn.adoptAll(keptColumns)
        var interners: [CSVStringInterner] = plans.map { _ in CSVStringInterner() }
        if rowCount > 0 && storages.contains(where: \.filledByPassTwo) {
            interners = try CSVSecondPass.run(
                source: source, first: first, plans: plans, storages: storages, delimiter: delimiter,
                missingTokens: missingTokens, pattern: pattern, bufferSize: bufferSize, context: context,
                parallel: parallel ?? (totalBytes >= parallelThreshold))
        }
        context.progress.update(totalBytes)

        var columns: [Column] = []
        columns.reserveCapacity(plans.count)
        for (column, storage) in storages.enumerated() {
            let interner = interners[column]
            if !interner.invalidCodes.isEmpty {
                let affected = storage.countCodes(in: Set(interner.invalidCodes))
                let line = interner.firstInvalidLine.map { " (first on line \($0))" } ?? ""
                notes.append("column \(first.names[column]): \(affected) \(affected == 1 ? "value is" : "values are") not valid UTF-8\(line); bad bytes replaced with U+FFFD")
            }
            var made = storage.makeColumn(name: first.names[column], dictionary: interner.strings)
            if made.type == .float, first.forcedPlans[column] == nil {
                made.display = first.inference[column].display
                // Written with more places than shown (a tool's 8187806.363999999): the values decide.
                if first.inference[column].wroteMorePlacesThanAHint, case .float(let values) = made.data {
                    made.display.decimals = ColumnDisplay.decimalsCarried(by: values)
                }
            }
            columns.append(made)
        }
        return CSVLoadResult(
            table: Table(uncheckedColumns: columns, rowCount: rowCount),
            skippedRows: first.skippedCount, skippedExamples: first.skippedExamples, notes: notes)
    }
}

/// A column whose values pass 1 kept. Unchecked-Sendable so that columns can be assembled on
/// both cores: each one is touched by exactly one iteration, and only after pass 1 has finished.
private final class CSVKeptColumn: @unchecked Sendable {
    let storage: CSVColumnStorage
    let speculation: CSVNumericSpeculation

    init(storage: CSVColumnStorage, speculation: CSVNumericSpeculation) {
        self.storage = storage
        self.speculation = speculation
    }

    func adopt() {
        switch speculation.kind {
        case .int: storage.adopt(int64s: speculation.takeInt64s(), missing: speculation.takeMissingFlags())
        case .float: storage.adopt(doubles: speculation.takeDoubles(), missing: speculation.takeMissingFlags())
        }
    }

    static func adoptAll(_ columns: [CSVKeptColumn]) {
        if columns.count < 2 {
            columns.first?.adopt()
            return
        }
        FixedChunks(pieces: columns.count).forEach { columns[$0].adopt() }
    }
}
