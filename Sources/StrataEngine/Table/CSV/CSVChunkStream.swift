/// Feeds an input to the tokenizer in large buffers. A record cut by the end of a buffer is moved
/// to the front and completed by the next read, so memory stays at one buffer however large the
/// file is, and no offset ever has to exceed 32 bits.
enum CSVChunkStream {
    static let defaultBufferSize = 1 << 20
    /// A single record longer than this is refused; the usual cause is a quote never closed.
    static let maxBufferSize = 512 << 20

    /// What the body sees for each buffer: the bytes, the records found in them, and the file
    /// offset of `bytes[0]`.
    /// The tokens' storage is copied out into constants here, so that loops over fields pay no
    /// exclusivity checks for reaching into a class.
    struct Chunk {
        let bytes: UnsafeBufferPointer<UInt8>
        let fileOffset: Int
        let fieldStarts: UnsafeMutablePointer<UInt32>
        let fieldEnds: UnsafeMutablePointer<UInt32>
        let recordLines: [Int]
        let issues: [CSVIssue]
        let fieldCount: Int
        /// Bytes of this buffer holding complete records.
        let consumed: Int
        let lineAtConsumed: Int

        init(bytes: UnsafeBufferPointer<UInt8>, tokens: CSVChunkTokens, fileOffset: Int) {
            self.bytes = bytes
            self.fileOffset = fileOffset
            fieldStarts = tokens.fieldStarts
            fieldEnds = tokens.fieldEnds
            recordLines = tokens.recordLines
            issues = tokens.issues
            fieldCount = tokens.fieldCount
            consumed = tokens.consumed
            lineAtConsumed = tokens.lineAtConsumed
        }

        var recordCount: Int { recordLines.count }

        /// File offset just past the last complete record of this chunk.
        var endOffset: Int { fileOffset + consumed }
    }

    /// Streams `source` from `startOffset` up to `endOffset` (or the end of input), which must be
    /// record boundaries, while `body` returns true. A byte order mark is skipped at offset 0.
    static func run(
        source: any CSVByteSource,
        from startOffset: Int = 0,
        to endOffset: Int? = nil,
        tokenizer: inout CSVTokenizer,
        bufferSize: Int = defaultBufferSize,
        cancellation: Cancellation,
        body: (Chunk) throws -> Bool
    ) throws {
        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bufferSize, 16))
        defer { buffer.deallocate() }
        let tokens = CSVChunkTokens(bufferSize: buffer.count)
        var filled = 0
        var readOffset = startOffset
        var bufferFileOffset = startOffset
        var atEnd = false
        var isFirstBuffer = true

        while true {
            try cancellation.check()
            while filled < buffer.count && !atEnd {
                var room = buffer.count - filled
                if let endOffset { room = min(room, endOffset - readOffset) }
                if room <= 0 {
                    atEnd = true
                    break
                }
                let target = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[filled..<(filled + room)]))
                let n = try source.read(at: readOffset, into: target)
                if n == 0 {
                    atEnd = true
                    break
                }
                filled += n
                readOffset += n
            }

            var start = 0
            if isFirstBuffer {
                isFirstBuffer = false
                if startOffset == 0, filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                    start = 3
                }
            }
            let bytes = UnsafeBufferPointer(rebasing: buffer[0..<filled])
            try tokenizer.tokenize(bytes, from: start, isLastChunk: atEnd, into: tokens)
            let goOn = try body(Chunk(bytes: bytes, tokens: tokens, fileOffset: bufferFileOffset))
            // A caller that stopped early (reading only the header) leaves the error to whoever
            // reads the whole input.
            if goOn, let unclosed = tokenizer.unclosedQuote { throw unclosed }
            if atEnd || !goOn { return }

            let consumed = tokens.consumed
            if consumed == 0 {
                guard buffer.count < maxBufferSize else {
                    throw CSVError(
                        file: source.displayName, line: tokenizer.line,
                        reason: "a record starting on this line is longer than \(maxBufferSize >> 20) MB",
                        suggestion: "check for a quote that is never closed")
                }
                let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: min(buffer.count * 2, maxBufferSize))
                _ = larger.initialize(from: buffer[0..<filled])
                buffer.deallocate()
                buffer = larger
            } else {
                let remaining = filled - consumed
                if remaining > 0, let base = buffer.baseAddress {
                    // Overlapping move: copyMemory has memmove semantics.
                    UnsafeMutableRawPointer(base).copyMemory(from: base + consumed, byteCount: remaining)
                }
                filled = remaining
                bufferFileOffset += consumed
            }
        }
    }
}
