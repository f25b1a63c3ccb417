/// Decodes one column chunk (all pages of one column in one row group) into an accumulator.
/// Handles dictionary pages, data pages v1 and v2, definition levels for optional columns, and
/// PLAIN, PLAIN_DICTIONARY, RLE_DICTIONARY and (for booleans) RLE values.
struct ParquetChunkDecoder {
    let kind: ParquetValueKind
    let typeLength: Int
    let isOptional: Bool
    let codec: ParquetCodec

    struct Output: Sendable {
        var values: ParquetDenseValues
        var missing: [Bool]?
        var strings: [String]
        var notes: ParquetDecodeNotes
    }

    func decode(_ bytes: [UInt8], rows: Int) throws -> Output {
        var accumulator = ParquetColumnAccumulator(type: kind.strataType, capacity: rows)
        var strings = ParquetStringTable()
        var notes = ParquetDecodeNotes()
        var dictionary: ParquetDenseValues?
        let plain = ParquetPlainDecoder(kind: kind, typeLength: typeLength)
        var position = 0
        while accumulator.rowCount < rows {
            guard position < bytes.count else {
                throw ParquetError.Corrupt("the column chunk ends after \(accumulator.rowCount) of \(rows) rows")
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
                    let data = try ParquetCompression.decompress(page, codec: codec, uncompressedSize: uncompressed)
                    dictionary = try data.withUnsafeBufferPointer {
                        try plain.decode($0, count: count, strings: &strings, notes: &notes)
                    }
                case .dataPage?:
                    guard let info = header.structure(5), let count = info.int32(1), count >= 0, let encoding = info.int32(2) else {
                        throw ParquetError.Corrupt("a data page has no value count or encoding")
                    }
                    try checkCount(count, done: accumulator.rowCount, rows: rows)
                    let data = try ParquetCompression.decompress(page, codec: codec, uncompressedSize: uncompressed)
                    try data.withUnsafeBufferPointer { body in
                        var valuesStart = 0
                        var present: [UInt32]?
                        if isOptional {
                            guard body.count >= 4 else { throw ParquetError.Corrupt("a data page ends before its levels") }
                            let length = Int(body[0]) | Int(body[1]) << 8 | Int(body[2]) << 16 | Int(body[3]) << 24
                            guard length <= body.count - 4 else { throw ParquetError.Corrupt("definition levels claim \(length) bytes beyond the page") }
                            present = try levels(UnsafeBufferPointer(rebasing: body[4..<(4 + length)]), count: count)
                            valuesStart = 4 + length
                        }
                        let dense = try values(UnsafeBufferPointer(rebasing: body[valuesStart...]), encoding: encoding,
                                               count: present.map(presentCount) ?? count, dictionary: dictionary,
                                               plain: plain, strings: &strings, notes: &notes)
                        try accumulator.append(dense, present: present, rows: count)
                    }
                case .dataPageV2?:
                    guard let info = header.structure(8), let count = info.int32(1), count >= 0, let encoding = info.int32(4),
                          let definitionLength = info.int32(5), definitionLength >= 0 else {
                        throw ParquetError.Corrupt("a data page (v2) header is incomplete")
                    }
                    let repetitionLength = info.int32(6) ?? 0
                    guard repetitionLength >= 0, repetitionLength <= page.count - definitionLength,
                          definitionLength <= page.count else {
                        throw ParquetError.Corrupt("a data page (v2) states level sizes beyond the page")
                    }
                    try checkCount(count, done: accumulator.rowCount, rows: rows)
                    let levelBytes = repetitionLength + definitionLength
                    var present: [UInt32]?
                    if isOptional {
                        present = try levels(UnsafeBufferPointer(rebasing: page[repetitionLength..<levelBytes]), count: count)
                    }
                    let compressedValues = UnsafeBufferPointer(rebasing: page[levelBytes...])
                    let isCompressed = info.bool(7) ?? true
                    let data = try ParquetCompression.decompress(
                        compressedValues, codec: isCompressed ? codec : .uncompressed, uncompressedSize: uncompressed - levelBytes)
                    let dense = try data.withUnsafeBufferPointer {
                        try values($0, encoding: encoding, count: present.map(presentCount) ?? count, dictionary: dictionary,
                                   plain: plain, strings: &strings, notes: &notes)
                    }
                    try accumulator.append(dense, present: present, rows: count)
                case .indexPage?, nil:
                    break
                }
            }
        }
        let collected: ParquetDenseValues
        switch kind.strataType {
        case .int, .date, .timestamp: collected = .ints(accumulator.ints)
        case .float: collected = .doubles(accumulator.doubles)
        case .bool: collected = .bools(accumulator.bools)
        case .string: collected = .codes(accumulator.codes)
        }
        return Output(values: collected, missing: accumulator.anyMissing ? accumulator.missing : nil,
                      strings: strings.strings, notes: notes)
    }

    private func checkCount(_ count: Int, done: Int, rows: Int) throws {
        guard count <= rows - done else {
            throw ParquetError.Corrupt("a page claims \(count) values where the row group has \(rows - done) rows left")
        }
    }

    private func presentCount(_ present: [UInt32]) -> Int {
        var n = 0
        for p in present where p != 0 { n += 1 }
        return n
    }

    /// Definition levels of a flat optional column: bit width 1, 1 = present.
    private func levels(_ data: UnsafeBufferPointer<UInt8>, count: Int) throws -> [UInt32] {
        var out = [UInt32](repeating: 0, count: count)
        try out.withUnsafeMutableBufferPointer { try ParquetHybridRLE.decode(data, bitWidth: 1, count: count, into: $0) }
        return out
    }

    private func values(
        _ data: UnsafeBufferPointer<UInt8>, encoding: Int, count: Int, dictionary: ParquetDenseValues?,
        plain: ParquetPlainDecoder, strings: inout ParquetStringTable, notes: inout ParquetDecodeNotes
    ) throws -> ParquetDenseValues {
        switch ParquetEncoding(rawValue: encoding) {
        case .plain?:
            return try plain.decode(data, count: count, strings: &strings, notes: &notes)
        case .plainDictionary?, .rleDictionary?:
            guard let dictionary else { throw ParquetError.Corrupt("a dictionary-encoded page comes before any dictionary page") }
            guard count > 0 else { return try gather(from: dictionary, indices: []) }
            guard let width = data.first else { throw ParquetError.Corrupt("a dictionary-encoded page is empty") }
            var indices = [UInt32](repeating: 0, count: count)
            try indices.withUnsafeMutableBufferPointer {
                try ParquetHybridRLE.decode(UnsafeBufferPointer(rebasing: data[1...]), bitWidth: Int(width), count: count, into: $0)
            }
            return try gather(from: dictionary, indices: indices)
        case .rle? where kind == .boolean:
            guard data.count >= 4 else { throw ParquetError.Corrupt("an RLE boolean page ends before its length") }
            var bits = [UInt32](repeating: 0, count: count)
            try bits.withUnsafeMutableBufferPointer {
                try ParquetHybridRLE.decode(UnsafeBufferPointer(rebasing: data[4...]), bitWidth: 1, count: count, into: $0)
            }
            return .bools(bits.map { $0 != 0 })
        default:
            throw ParquetError.Corrupt("values are encoded as \(ParquetEncoding.describe(encoding)), which Strata does not read yet")
        }
    }

    private func gather(from dictionary: ParquetDenseValues, indices: [UInt32]) throws -> ParquetDenseValues {
        switch dictionary {
        case .ints(let d): return .ints(try Self.gather(d, indices))
        case .doubles(let d): return .doubles(try Self.gather(d, indices))
        case .bools(let d): return .bools(try Self.gather(d, indices))
        case .codes(let d): return .codes(try Self.gather(d, indices))
        }
    }

    private static func gather<T>(_ dictionary: [T], _ indices: [UInt32]) throws -> [T] {
        let n = indices.count
        guard n > 0 else { return [] }
        return try dictionary.withUnsafeBufferPointer { entries in
            try indices.withUnsafeBufferPointer { keys in
                try [T](unsafeUninitializedCapacity: n) { out, initialized in
                    for i in 0..<n {
                        let k = Int(keys[i])
                        guard k < entries.count else {
                            throw ParquetError.Corrupt("a dictionary index (\(k)) is beyond the dictionary's \(entries.count) entries")
                        }
                        out.initializeElement(at: i, to: entries[k])
                        initialized = i + 1
                    }
                }
            }
        }
    }
}
