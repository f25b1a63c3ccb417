/// Decodes one column chunk (all pages of one column in one row group) straight into its rows of
/// the final column arrays. Handles dictionary pages, data pages v1 and v2, definition levels
/// for optional columns, and every value encoding `ParquetValueDecoder` reads.
struct ParquetChunkDecoder {
    let kind: ParquetValueKind
    let typeLength: Int
    let isOptional: Bool
    let codec: ParquetCodec

    /// What the chunk leaves besides its rows.
    struct Output: Sendable {
        /// The chunk's strings in first-seen order, which its text codes point into.
        var strings: [String]
        var notes: ParquetDecodeNotes
        /// Whether any row had no value. Only then were the chunk's missing flags written; a chunk
        /// without missing values leaves them untouched (see `decode`).
        var anyMissing: Bool
    }

    /// Fills `slots[0..<rows]` and, for an optional column, `missing[0..<rows]` (which must then
    /// be given) — but the missing flags only when some row of the chunk has no value
    /// (`Output.anyMissing`): most optional columns have none, and writing ten million `false`s
    /// per column only to throw them away cost a tenth of the load.
    func decode(_ bytes: [UInt8], rows: Int, into slots: ParquetSlots, missing: UnsafeMutablePointer<Bool>?) throws -> Output {
        var strings = ParquetStringTable()
        var notes = ParquetDecodeNotes()
        var dictionary: ParquetDictionary?
        var indices: [UInt32] = []
        /// One page's definition levels while the chunk has had no missing value yet.
        var pageFlags: [Bool] = []
        var anyMissing = false
        let pageBuffer = ParquetPageBuffer()
        let values = ParquetValueDecoder(kind: kind, typeLength: typeLength)
        guard !isOptional || missing != nil else { throw ParquetError.Corrupt("internal: no missing flags for an optional column") }

        /// One data page's rows: levels (already cut out of the page) and values.
        func dataPage(levels: UnsafeBufferPointer<UInt8>?, values data: UnsafeBufferPointer<UInt8>, encodingRaw: Int, count: Int, done: Int) throws {
            var present = count
            if let levels, let missing {
                if anyMissing {
                    present = try ParquetHybridRLE.decodeLevels(levels, count: count, missing: missing + done)
                } else {
                    if pageFlags.count < count { pageFlags = [Bool](repeating: false, count: count) }
                    present = try pageFlags.withUnsafeMutableBufferPointer { flags in
                        // Nil only for a page of no rows, which has no levels to read.
                        guard let base = flags.baseAddress else { return count }
                        let present = try ParquetHybridRLE.decodeLevels(levels, count: count, missing: base)
                        if present < count {
                            // The chunk's first missing value: its earlier rows all had one.
                            missing.update(repeating: false, count: done)
                            (missing + done).update(from: base, count: count)
                            anyMissing = true
                        }
                        return present
                    }
                }
            }
            let target = slots.advanced(by: done)
            guard let encoding = ParquetEncoding(rawValue: encodingRaw) else {
                throw ParquetError.Corrupt("values are encoded as \(ParquetEncoding.describe(encodingRaw)), which Strata does not read")
            }
            switch encoding {
            case .plainDictionary, .rleDictionary:
                guard let dictionary else { throw ParquetError.Corrupt("a dictionary-encoded page comes before any dictionary page") }
                if present > 0 {
                    guard let width = data.first else { throw ParquetError.Corrupt("a dictionary-encoded page is empty") }
                    if indices.count < present { indices = [UInt32](repeating: 0, count: present) }
                    try indices.withUnsafeMutableBufferPointer { buffer in
                        let keys = UnsafeMutableBufferPointer(rebasing: buffer[0..<present])
                        try ParquetHybridRLE.decode(UnsafeBufferPointer(rebasing: data[1...]), bitWidth: Int(width), count: present, into: keys)
                        try dictionary.gather(UnsafeBufferPointer(keys), into: target)
                    }
                }
            default:
                try values.decode(data, encoding: encoding, count: present, into: target, strings: &strings, notes: &notes)
            }
            if present < count, let missing {
                target.spread(present: present, rows: count, missing: missing + done, kind: kind)
            }
        }

        var done = 0
        var position = 0
        while done < rows {
            guard position < bytes.count else {
                throw ParquetError.Corrupt("the column chunk ends after \(done) of \(rows) rows")
            }
            var reader = ThriftCompactReader(bytes: bytes, start: position)
            let header = try reader.readStruct()
            position = reader.position
            guard let compressed = header.int32(3), compressed >= 0, compressed <= bytes.count - position else {
                throw ParquetError.Corrupt("a page header at byte \(position) states a size beyond the column chunk")
            }
            guard let uncompressed = header.int32(2), uncompressed >= 0 else {
                throw ParquetError.Corrupt("a page header at byte \(position) has no valid uncompressed size")
            }
            let pageStart = position
            position += compressed
            let pageType = header.int32(1).flatMap(ParquetPageType.init(rawValue:))
            try bytes.withUnsafeBufferPointer { all in
                let page = UnsafeBufferPointer(rebasing: all[pageStart..<(pageStart + compressed)])
                switch pageType {
                case .dictionaryPage?:
                    guard let info = header.structure(7), let count = info.int32(1), count >= 0 else {
                        throw ParquetError.Corrupt("a dictionary page has no value count")
                    }
                    dictionary = try inflated(page, codec: codec, size: uncompressed, buffer: pageBuffer) {
                        try values.dictionary($0, count: count, strings: &strings, notes: &notes)
                    }
                case .dataPage?:
                    guard let info = header.structure(5), let count = info.int32(1), count >= 0, let encoding = info.int32(2) else {
                        throw ParquetError.Corrupt("a data page has no value count or encoding")
                    }
                    try checkCount(count, done: done, rows: rows)
                    try inflated(page, codec: codec, size: uncompressed, buffer: pageBuffer) { body in
                        var valuesStart = 0
                        var levels: UnsafeBufferPointer<UInt8>?
                        if isOptional {
                            guard body.count >= 4 else { throw ParquetError.Corrupt("a data page ends before its levels") }
                            let length = Int(body[0]) | Int(body[1]) << 8 | Int(body[2]) << 16 | Int(body[3]) << 24
                            guard length <= body.count - 4 else { throw ParquetError.Corrupt("definition levels claim \(length) bytes beyond the page") }
                            levels = UnsafeBufferPointer(rebasing: body[4..<(4 + length)])
                            valuesStart = 4 + length
                        }
                        try dataPage(levels: levels, values: UnsafeBufferPointer(rebasing: body[valuesStart...]), encodingRaw: encoding,
                                 count: count, done: done)
                    }
                    done += count
                case .dataPageV2?:
                    guard let info = header.structure(8), let count = info.int32(1), count >= 0, let encoding = info.int32(4),
                          let definitionLength = info.int32(5), definitionLength >= 0 else {
                        throw ParquetError.Corrupt("a data page (v2) header is incomplete")
                    }
                    let repetitionLength = info.int32(6) ?? 0
                    guard repetitionLength >= 0, definitionLength <= page.count, repetitionLength <= page.count - definitionLength,
                          repetitionLength + definitionLength <= uncompressed else {
                        throw ParquetError.Corrupt("a data page (v2) states level sizes beyond the page")
                    }
                    try checkCount(count, done: done, rows: rows)
                    let levelBytes = repetitionLength + definitionLength
                    let levels = isOptional ? UnsafeBufferPointer(rebasing: page[repetitionLength..<levelBytes]) : nil
                    let isCompressed = info.bool(7) ?? true
                    try inflated(UnsafeBufferPointer(rebasing: page[levelBytes...]), codec: isCompressed ? codec : .uncompressed,
                                 size: uncompressed - levelBytes, buffer: pageBuffer) { body in
                        try dataPage(levels: levels, values: body, encodingRaw: encoding, count: count, done: done)
                    }
                    done += count
                case .indexPage?, nil:
                    break
                }
            }
        }
        return Output(strings: strings.strings, notes: notes, anyMissing: anyMissing)
    }

    /// Calls `body` with the page's bytes uncompressed: the page itself when it is stored
    /// uncompressed, else exactly the size its header states (in `buffer` for Snappy and LZ4).
    private func inflated<R>(_ page: UnsafeBufferPointer<UInt8>, codec: ParquetCodec, size: Int, buffer: ParquetPageBuffer,
                             _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        try ParquetCompression.decompress(page, codec: codec, uncompressedSize: size, buffer: buffer, body)
    }

    private func checkCount(_ count: Int, done: Int, rows: Int) throws {
        guard count <= rows - done else {
            throw ParquetError.Corrupt("a page claims \(count) values where the row group has \(rows - done) rows left")
        }
    }
}
