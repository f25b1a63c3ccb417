import Dispatch
import Synchronization

/// Runs pass 1, on two threads for larger inputs. The second thread starts just after the first
/// line break past the middle of the file, guessing that it ends a record; the first thread scans
/// up to that point, and only if it ends there outside quotes was the guess right (then the two
/// states join exactly; see `CSVFirstPass.append`). A wrong guess falls back to one thread.
enum CSVFirstPassRunner {
    struct Setup {
        let source: any CSVByteSource
        let options: CSVOptions
        let delimiter: UInt8
        let missingTokens: CSVMissingTokens
        let pattern: CSVDatePattern?
        let bufferSize: Int
        let context: RunContext
    }

    static func run(_ setup: Setup, parallel: Bool) throws -> CSVFirstPass {
        if parallel, let joined = try runSplit(setup) { return joined }
        return try runSequential(setup)
    }

    private static func makePass(_ setup: Setup) -> CSVFirstPass {
        CSVFirstPass(
            options: setup.options, fileName: setup.source.displayName, missingTokens: setup.missingTokens,
            pattern: setup.pattern)
    }

    private static func runSequential(_ setup: Setup) throws -> CSVFirstPass {
        let pass = makePass(setup)
        let totalBytes = setup.source.byteCount
        var tokenizer = CSVTokenizer(delimiter: setup.delimiter, fileName: setup.source.displayName)
        try CSVChunkStream.run(
            source: setup.source, tokenizer: &tokenizer, bufferSize: setup.bufferSize,
            cancellation: setup.context.cancellation
        ) { chunk in
            try pass.absorb(chunk)
            // Each pass counts as half the bytes, so the bar crosses once over both.
            setup.context.progress.update(min(chunk.endOffset, totalBytes) / 2)
            return true
        }
        return pass
    }

    /// nil when the input has no usable split point or the guess fell inside a quoted field.
    private static func runSplit(_ setup: Setup) throws -> CSVFirstPass? {
        let source = setup.source
        let front = makePass(setup)
        var headerTokenizer = CSVTokenizer(delimiter: setup.delimiter, fileName: source.displayName)
        var headerEnd = 0
        try CSVChunkStream.run(
            source: source, tokenizer: &headerTokenizer, bufferSize: setup.bufferSize,
            cancellation: setup.context.cancellation
        ) { chunk in
            try front.setUpColumnsIfNeeded(chunk)
            headerEnd = chunk.endOffset
            return !front.columnsKnown
        }
        guard front.columnsKnown, let split = try lineStartNearMiddle(source), split > headerEnd else { return nil }
        let back = front.continuation()

        let shared = CSVScanShared()
        let userCancellation = setup.context.cancellation
        let frontCancellation = userCancellation
        // Only the front's failure stops the back: a failure in the back is reported only if the
        // front, being earlier in the file, has none, and its line numbers need the front's count.
        let backCancellation = Cancellation { [shared] in
            shared.stop.load(ordering: .relaxed) || userCancellation.isCancelled
        }
        let totalBytes = source.byteCount
        let progress = setup.context.progress
        let passes = CSVScanPasses(front: front, back: back)
        FixedChunks(pieces: 2).forEach { worker in
            do {
                if worker == 0 {
                    var tokenizer = CSVTokenizer(delimiter: setup.delimiter, fileName: source.displayName)
                    tokenizer.rangeEndIsInputEnd = false
                    try CSVChunkStream.run(
                        source: source, from: 0, to: split, tokenizer: &tokenizer, bufferSize: setup.bufferSize,
                        cancellation: frontCancellation
                    ) { chunk in
                        try passes.front.absorb(chunk)
                        let done = shared.bytesDone.add(chunk.consumed, ordering: .relaxed).newValue
                        progress.update(min(done, totalBytes) / 2)
                        return true
                    }
                } else {
                    var tokenizer = CSVTokenizer(
                        delimiter: setup.delimiter, fileName: source.displayName,
                        expectedFieldCount: passes.back.names.count, line: 1)
                    try CSVChunkStream.run(
                        source: source, from: split, tokenizer: &tokenizer, bufferSize: setup.bufferSize,
                        cancellation: backCancellation
                    ) { chunk in
                        try passes.back.absorb(chunk)
                        shared.bytesDone.add(chunk.consumed, ordering: .relaxed)
                        return true
                    }
                }
            } catch {
                shared.setError(error, worker: worker)
                if worker == 0 { shared.stop.store(true, ordering: .relaxed) }
            }
        }

        if let error = shared.error(worker: 0) {
            if error is CSVSplitInsideQuotedField { return nil }
            throw error
        }
        if let error = shared.error(worker: 1) {
            if let located = error as? CSVError {
                throw located.shifted(lines: front.endLine - 1, rows: front.rowCount)
            }
            throw error
        }
        front.append(back)
        return front
    }

    /// The offset just past the first line feed at or after the middle of the input.
    private static func lineStartNearMiddle(_ source: any CSVByteSource) throws -> Int? {
        let middle = source.byteCount / 2
        let window = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { window.deallocate() }
        let n = try source.read(at: middle, into: window)
        guard let index = window.prefix(n).firstIndex(of: CSVByte.lineFeed) else { return nil }
        let start = middle + index + 1
        return start < source.byteCount ? start : nil
    }
}

/// The two halves' pass states. Unchecked-Sendable because each is used by exactly one worker
/// while they run, and by the caller only after both have finished.
private final class CSVScanPasses: @unchecked Sendable {
    let front: CSVFirstPass
    let back: CSVFirstPass

    init(front: CSVFirstPass, back: CSVFirstPass) {
        self.front = front
        self.back = back
    }
}

/// What the two pass-1 workers share: a stop flag, a byte count for progress, and their errors,
/// each slot written by one worker and read after both have finished.
private final class CSVScanShared: Sendable {
    let stop = Atomic<Bool>(false)
    let bytesDone = Atomic<Int>(0)
    private let errors = Mutex<[Int: any Error]>([:])

    func setError(_ error: any Error, worker: Int) {
        errors.withLock { $0[worker] = error }
    }

    func error(worker: Int) -> (any Error)? {
        errors.withLock { $0[worker] }
    }
}
