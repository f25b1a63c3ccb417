/// ASCII bytes the reader treats specially.
enum CSVByte {
    static let quote: UInt8 = 0x22
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let comma: UInt8 = 0x2C
    static let semicolon: UInt8 = 0x3B
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
}

/// Field boundaries of the complete, well-formed records in one buffer. Storage is raw and sized
/// for the worst case (every byte a delimiter) so the scanning loop never checks capacity.
final class CSVChunkTokens {
    /// Offset of each field's content (inside the quotes for quoted fields), record-major.
    private(set) var fieldStarts: UnsafeMutablePointer<UInt32>
    /// Offset just past each field's content; `doubledQuoteFlag` marks content holding `""`.
    private(set) var fieldEnds: UnsafeMutablePointer<UInt32>
    private var capacity: Int
    fileprivate(set) var fieldCount = 0
    /// Physical line where each kept record starts.
    fileprivate(set) var recordLines: [Int] = []
    /// Records dropped for their shape (ragged, stray text after a quote), in file order.
    fileprivate(set) var issues: [CSVIssue] = []
    /// Buffer offset just past the last complete record: where the next buffer must start.
    fileprivate(set) var consumed = 0
    /// Physical line number at `consumed`.
    fileprivate(set) var lineAtConsumed = 1

    static let doubledQuoteFlag: UInt32 = 1 << 31

    init(bufferSize: Int) {
        capacity = bufferSize + 2
        fieldStarts = .allocate(capacity: capacity)
        fieldEnds = .allocate(capacity: capacity)
    }

    deinit {
        fieldStarts.deallocate()
        fieldEnds.deallocate()
    }

    var recordCount: Int { recordLines.count }

    fileprivate func reset(bufferSize: Int, start: Int) {
        if bufferSize + 2 > capacity {
            fieldStarts.deallocate()
            fieldEnds.deallocate()
            capacity = bufferSize + 2
            fieldStarts = .allocate(capacity: capacity)
            fieldEnds = .allocate(capacity: capacity)
        }
        fieldCount = 0
        recordLines.removeAll(keepingCapacity: true)
        issues.removeAll(keepingCapacity: true)
        consumed = start
    }
}

/// A guessed split point of the input turned out to lie inside a quoted field.
struct CSVSplitInsideQuotedField: Error {}

/// Splits bytes into RFC 4180 records and fields. Keeps the physical line count across buffers, so
/// quoted newlines never throw later line numbers off. A quote inside an unquoted field is kept as
/// a literal character (`12" record`), as most writers produce it that way.
struct CSVTokenizer {
    let delimiter: UInt8
    let fileName: String
    /// Fields per record, fixed by the first record of the file.
    var expectedFieldCount: Int?
    /// Physical line number at the start of the next unread byte.
    var line = 1
    /// False when the input is cut at a guessed record boundary: a quoted field still open there
    /// means the guess was wrong, which is reported as `CSVSplitInsideQuotedField`.
    var rangeEndIsInputEnd = true
    /// A quoted field left open at the end of the input. Not thrown by `tokenize`: the records
    /// before it are handed on first, so that an earlier bad row is reported before it whatever
    /// the buffer size. `CSVChunkStream` throws it once the last chunk has been taken.
    var unclosedQuote: CSVError?

    init(delimiter: UInt8, fileName: String, expectedFieldCount: Int? = nil, line: Int = 1) {
        self.delimiter = delimiter
        self.fileName = fileName
        self.expectedFieldCount = expectedFieldCount
        self.line = line
    }

    private static let everyByte: UInt64 = 0x0101_0101_0101_0101
    private static let lineFeedWord = UInt64(CSVByte.lineFeed) &* everyByte
    private static let carriageReturnWord = UInt64(CSVByte.carriageReturn) &* everyByte

    /// High bit set in each byte of `word` that is zero. Borrows can also mark a byte above a
    /// true zero, but never below one, so the lowest mark is exact.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- everyByte) & ~word & 0x8080_8080_8080_8080
    }

    /// Finds the complete records in `buffer[start...]`. An incomplete record at the end is left
    /// for the next call unless `isLastChunk`, when end of input also ends the record.
    mutating func tokenize(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, isLastChunk: Bool, into out: CSVChunkTokens
    ) throws {
        out.reset(bufferSize: buffer.count, start: start)
        guard let p = buffer.baseAddress else { return }
        let end = buffer.count
        let delimiter = self.delimiter
        let quote = CSVByte.quote, lineFeed = CSVByte.lineFeed, carriageReturn = CSVByte.carriageReturn
        let starts = out.fieldStarts, ends = out.fieldEnds
        let delimiterWord = UInt64(delimiter) &* Self.everyByte
        var fieldIndex = 0
        var pos = start
        var line = self.line
        var committedLine = line
        // Worked on as locals and handed back at the end: touching a class's properties per record
        // would cost a runtime exclusivity check each time.
        var recordLines: [Int] = []
        var issues: [CSVIssue] = []
        swap(&recordLines, &out.recordLines)
        swap(&issues, &out.issues)
        var consumed = start
        defer {
            self.line = committedLine
            out.lineAtConsumed = committedLine
            out.fieldCount = fieldIndex
            out.consumed = consumed
            swap(&recordLines, &out.recordLines)
            swap(&issues, &out.issues)
        }

        records: while pos < end {
            let recordLine = line
            let firstByte = p[pos]
            if firstByte == lineFeed || firstByte == carriageReturn {
                // A blank line is not a record (also at the end of the file).
                if firstByte == carriageReturn {
                    if pos + 1 < end {
                        pos += p[pos + 1] == lineFeed ? 2 : 1
                    } else if isLastChunk {
                        pos += 1
                    } else {
                        break records
                    }
                } else {
                    pos += 1
                }
                line += 1
                committedLine = line
                consumed = pos
                continue records
            }
            let recordFirstField = fieldIndex
            var fieldsInRecord = 0
            var strayAfterQuote = false

            fields: while true {
                if pos < end && p[pos] == quote {
                    let quoteLine = line
                    var q = pos + 1
                    var doubled = false
                    scanQuoted: while true {
                        if q >= end {
                            if isLastChunk {
                                guard rangeEndIsInputEnd else { throw CSVSplitInsideQuotedField() }
                                unclosedQuote = CSVError(
                                    file: fileName, line: quoteLine,
                                    reason: "a quoted field opened on this line is never closed",
                                    suggestion: "add the closing quote, or double any quote meant as text (\"\")")
                            }
                            line = recordLine
                            fieldIndex = recordFirstField
                            break records
                        }
                        let c = p[q]
                        if c == quote {
                            if q + 1 < end {
                                if p[q + 1] == quote {
                                    doubled = true
                                    q += 2
                                    continue scanQuoted
                                }
                                break scanQuoted
                            }
                            if isLastChunk { break scanQuoted }
                            // Cannot yet tell a closing quote from the first half of `""`.
                            line = recordLine
                            fieldIndex = recordFirstField
                            break records
                        }
                        if c == lineFeed { line += 1 }
                        q += 1
                    }
                    starts[fieldIndex] = UInt32(truncatingIfNeeded: pos + 1)
                    ends[fieldIndex] = UInt32(truncatingIfNeeded: q) | (doubled ? CSVChunkTokens.doubledQuoteFlag : 0)
                    fieldIndex += 1
                    pos = q + 1
                    if pos < end {
                        let c = p[pos]
                        if c != delimiter && c != lineFeed && c != carriageReturn {
                            strayAfterQuote = true
                            while pos < end {
                                let d = p[pos]
                                if d == delimiter || d == lineFeed || d == carriageReturn { break }
                                pos += 1
                            }
                        }
                    }
                } else {
                    var q = pos
                    // Eight bytes at a time while they last: a word-wide test for the three bytes
                    // that end an unquoted field, then the exact position from the lowest hit.
                    while q &+ 8 <= end {
                        let word = UInt64(littleEndian: UnsafeRawPointer(p + q).loadUnaligned(as: UInt64.self))
                        let hits = Self.zeroBytes(word ^ delimiterWord) | Self.zeroBytes(word ^ Self.lineFeedWord)
                            | Self.zeroBytes(word ^ Self.carriageReturnWord)
                        // Offsets stay below the buffer size, so wrapping adds cannot wrap.
                        if hits != 0 {
                            q &+= hits.trailingZeroBitCount &>> 3
                            break
                        }
                        q &+= 8
                    }
                    if q + 8 > end {
                        while q < end {
                            let c = p[q]
                            if c == delimiter || c == lineFeed || c == carriageReturn { break }
                            q += 1
                        }
                    }
                    starts[fieldIndex] = UInt32(truncatingIfNeeded: pos)
                    ends[fieldIndex] = UInt32(truncatingIfNeeded: q)
                    fieldIndex &+= 1
                    pos = q
                }
                fieldsInRecord &+= 1

                if pos >= end {
                    if isLastChunk { break fields }
                    line = recordLine
                    fieldIndex = recordFirstField
                    break records
                }
                let c = p[pos]
                if c == delimiter {
                    pos &+= 1
                    continue fields
                }
                if c == lineFeed {
                    pos += 1
                } else if pos + 1 < end {
                    pos += p[pos + 1] == lineFeed ? 2 : 1
                } else if isLastChunk {
                    pos += 1
                } else {
                    // A carriage return as the last byte: its line feed may be in the next buffer.
                    line = recordLine
                    fieldIndex = recordFirstField
                    break records
                }
                line += 1
                break fields
            }

            if expectedFieldCount == nil {
                if strayAfterQuote {
                    throw CSVError(
                        file: fileName, line: recordLine, reason: "unexpected text after a closing quote",
                        suggestion: "quote the whole field and double any quote inside it (\"\")")
                }
                expectedFieldCount = fieldsInRecord
            }
            if strayAfterQuote {
                fieldIndex = recordFirstField
                issues.append(CSVIssue(line: recordLine, reason: "unexpected text after a closing quote"))
            } else if let expected = expectedFieldCount, fieldsInRecord != expected {
                fieldIndex = recordFirstField
                issues.append(
                    CSVIssue(line: recordLine, reason: "expected \(expected) fields, found \(fieldsInRecord)"))
            } else {
                recordLines.append(recordLine)
            }
            committedLine = line
            consumed = pos
        }
    }
}
