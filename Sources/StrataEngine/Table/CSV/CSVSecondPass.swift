import Dispatch
import Synchronization

/// Pass 2: converts the columns pass 1 did not keep (text, dates, bools, forced types, numbers
/// with thousands separators) into their arrays; the others get nil pointers and are passed
/// over. With `parallel`, the input is cut at the pass-1 record boundary nearest its middle and
/// the halves are converted at once; each half has its own string dictionaries, and the second
/// half's are merged into the first's in order of first appearance, so the result is exactly what
/// one thread would build.
enum CSVSecondPass {
    static func run(
        source: any CSVByteSource, first: CSVFirstPass, plans: [CSVColumnPlan], storages: [CSVColumnStorage],
        delimiter: UInt8, missingTokens: CSVMissingTokens, pattern: CSVDatePattern?, bufferSize: Int,
        context: RunContext, parallel: Bool
    ) throws -> [CSVStringInterner] {
        let rowCount = first.rowCount
        let columnCount = plans.count
        let totalBytes = source.byteCount
        let columnHasMissing = first.inference.map { $0.missingCount > 0 }
        let split = parallel ? middleCheckpoint(first.checkpoints, totalBytes: totalBytes, rowCount: rowCount) : nil

        var converted: [CSVConverter] = []
        try CSVColumnStorage.fill(storages, rowCount: rowCount) { pointers in
            func converter(firstRow: Int, rowLimit: Int, firstLine: Int, headerPending: Bool) -> CSVConverter {
                CSVConverter(
                    plans: plans, pointers: pointers, columnHasMissing: columnHasMissing,
                    missingTokens: missingTokens, pattern: pattern, fileName: source.displayName,
                    skipLines: first.skipLines, firstRow: firstRow, rowLimit: rowLimit, firstLine: firstLine,
                    headerPending: headerPending)
            }
            guard let split else {
                var only = converter(firstRow: 0, rowLimit: rowCount, firstLine: 1, headerPending: first.options.hasHeader)
                var tokenizer = CSVTokenizer(delimiter: delimiter, fileName: source.displayName)
                try CSVChunkStream.run(
                    source: source, tokenizer: &tokenizer, bufferSize: bufferSize, cancellation: context.cancellation
                ) { chunk in
                    try only.convert(chunk)
                    context.progress.update(totalBytes / 2 + min(chunk.endOffset, totalBytes) / 2)
                    return true
                }
                converted = [only]
                try checkComplete(converted, split: nil, rowCount: rowCount, fileName: source.displayName)
                return
            }

            let shared = CSVWorkerShared(slots: [
                CSVWorkerSlot(converter(
                    firstRow: 0, rowLimit: split.rowsBefore, firstLine: 1, headerPending: first.options.hasHeader)),
                CSVWorkerSlot(converter(
                    firstRow: split.rowsBefore, rowLimit: rowCount, firstLine: split.line, headerPending: false)),
            ])
            let userCancellation = context.cancellation
            let workerCancellation = Cancellation { [shared] in
                shared.stop.load(ordering: .relaxed) || userCancellation.isCancelled
            }
            FixedChunks(pieces: 2).forEach { worker in
                do {
                    var tokenizer = worker == 0
                        ? CSVTokenizer(delimiter: delimiter, fileName: source.displayName)
                        : CSVTokenizer(
                            delimiter: delimiter, fileName: source.displayName,
                            expectedFieldCount: columnCount, line: split.line)
                    let slot = shared.slots[worker]
                    var converter = slot.converter
                    try CSVChunkStream.run(
                        source: source, from: worker == 0 ? 0 : split.offset, to: worker == 0 ? split.offset : nil,
                        tokenizer: &tokenizer, bufferSize: bufferSize, cancellation: workerCancellation
                    ) { chunk in
                        try converter.convert(chunk)
                        let done = shared.bytesDone.add(chunk.consumed, ordering: .relaxed).newValue
                        if worker == 0 { context.progress.update(totalBytes / 2 + min(done, totalBytes) / 2) }
                        return true
                    }
                    slot.converter = converter
                } catch {
                    shared.slots[worker].error = error
                    shared.stop.store(true, ordering: .relaxed)
                }
            }
            // The first half's error is the earlier one in the file, unless it only stopped
            // because the second half failed.
            let errors = shared.slots.map(\.error)
            if let error = errors[0], !(error is CancelledError && !userCancellation.isCancelled) {
                throw error
            }
            if let error = errors[1] { throw error }
            if let error = errors[0] { throw error }
            converted = shared.slots.map(\.converter)
            try checkComplete(converted, split: split, rowCount: rowCount, fileName: source.displayName)
        }

        var interners = converted[0].interners
        if converted.count > 1, let split {
            let later = converted[1].interners
            for column in 0..<columnCount where plans[column] == .string && storages[column].filledByPassTwo {
                var mapping: [Int32] = []
                mapping.reserveCapacity(later[column].count)
                let laterFirstInvalid = later[column].firstInvalidLine ?? 0
                for code in 0..<later[column].count {
                    let merged = try later[column].withBytes(of: code) { bytes in
                        do {
                            return try interners[column].intern(bytes, line: laterFirstInvalid)
                        } catch {
                            throw CSVError(
                                file: source.displayName, columnName: first.names[column], columnIndex: column,
                                reason: "more than 2 billion distinct values in one column")
                        }
                    }
                    mapping.append(merged)
                }
                storages[column].remapCodes(in: split.rowsBefore..<rowCount, through: mapping)
            }
        }
        return interners
    }

    /// Every row must have been written before the arrays count as initialised; fewer rows than
    /// pass 1 counted means the file changed in between.
    private static func checkComplete(
        _ converters: [CSVConverter], split: CSVCheckpoint?, rowCount: Int, fileName: String
    ) throws {
        let ends = converters.count > 1 ? [split?.rowsBefore ?? rowCount, rowCount] : [rowCount]
        for (converter, end) in zip(converters, ends) where converter.nextRow != end {
            throw CSVError(
                file: fileName, reason: "the file changed while it was being read",
                suggestion: "load it again once nothing is writing to it")
        }
    }

    /// The interior checkpoint closest to the middle of the input, if any.
    private static func middleCheckpoint(_ checkpoints: [CSVCheckpoint], totalBytes: Int, rowCount: Int) -> CSVCheckpoint? {
        let interior = checkpoints.filter { $0.rowsBefore > 0 && $0.rowsBefore < rowCount && $0.offset < totalBytes }
        return interior.min { abs($0.offset - totalBytes / 2) < abs($1.offset - totalBytes / 2) }
    }
}

/// State the two pass-2 workers share: the slots are fixed before they start, and the counters
/// are atomic.
private final class CSVWorkerShared: Sendable {
    let slots: [CSVWorkerSlot]
    let stop = Atomic<Bool>(false)
    let bytesDone = Atomic<Int>(0)

    init(slots: [CSVWorkerSlot]) { self.slots = slots }
}

/// One worker's converter and outcome. Unchecked-Sendable because only that worker writes it,
/// and the caller reads it after both workers have finished.
private final class CSVWorkerSlot: @unchecked Sendable {
    var converter: CSVConverter
    var error: (any Error)?

    init(_ converter: CSVConverter) { self.converter = converter }
}
