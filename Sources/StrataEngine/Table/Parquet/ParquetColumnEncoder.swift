/// Encodes one column of one row group as a Parquet column chunk: for text a dictionary page
/// (the distinct strings of this row group) and RLE_DICTIONARY data pages, otherwise PLAIN
/// data pages; definition levels mark missing rows; every page is Snappy-compressed. Also
/// computes the chunk's statistics (min, max, null count).
struct ParquetColumnEncoder {
    static let pageRows = 1 << 17

    struct Chunk: Sendable {
        var bytes: [UInt8] = []
        /// Offset of the first data page within `bytes` (after the dictionary page, if any).
        var dataPageOffset = 0
        var hasDictionary = false
        var uncompressedSize = 0
        var valueCount = 0
        var nullCount = 0
        var minimum: [UInt8]?
        var maximum: [UInt8]?
    }

    let column: Column
    let rows: Range<Int>

    func encode() throws -> Chunk {
        var chunk = Chunk()
        chunk.valueCount = rows.count
        var localCodes: [Int32]?
        if case .string(let codes, let dictionary) = column.data {
            // The row group's own dictionary: the strings it uses, in first-use order.
            var remap = [Int32](repeating: -1, count: dictionary.count)
            var used: [Int32] = []
            var local = [Int32](repeating: -1, count: rows.count)
            for (k, row) in rows.enumerated() where !isMissing(row) {
                let code = Int(codes[row])
                guard code >= 0 && code < dictionary.count else { continue }
                if remap[code] < 0 {
                    remap[code] = Int32(used.count)
                    used.append(Int32(code))
                }
                local[k] = remap[code]
            }
            var page: [UInt8] = []
            var minimum: String?
            var maximum: String?
            for code in used {
                let text = dictionary[Int(code)]
                ParquetPlainEncoder.appendByteArray(text, to: &page)
                if minimum.map({ Self.utf8Less(text, $0) }) ?? true { minimum = text }
                if maximum.map({ Self.utf8Less($0, text) }) ?? true { maximum = text }
            }
            chunk.minimum = minimum.map { Array($0.utf8) }
            chunk.maximum = maximum.map { Array($0.utf8) }
            try appendPage(page, header: { w, sizes in
                w.i32(1, Int32(ParquetPageType.dictionaryPage.rawValue))
                w.i32(2, sizes.uncompressed)
                w.i32(3, sizes.compressed)
                w.structField(7) { d in
                    d.i32(1, Int32(used.count))
                    d.i32(2, Int32(ParquetEncoding.plain.rawValue))
                }
            }, to: &chunk)
            chunk.hasDictionary = true
            chunk.dataPageOffset = chunk.bytes.count
            localCodes = local
            let width = ParquetHybridRLE.bitWidth(for: max(0, used.count - 1))
            try encodePages(into: &chunk, encoding: .rleDictionary) { range, present, out in
                out.append(UInt8(width))
                var indices: [UInt32] = []
                indices.reserveCapacity(range.count)
                for row in range where present?[row - range.lowerBound] ?? true {
                    indices.append(UInt32(max(0, localCodes?[row - rows.lowerBound] ?? 0)))
                }
                ParquetHybridRLE.encode(indices, bitWidth: width, into: &out)
            }
            return chunk
        }
        var statistics = ParquetStatisticsBuilder(column: column)
        try encodePages(into: &chunk, encoding: .plain) { range, present, out in
            try ParquetPlainEncoder.append(column, rows: range, present: present, to: &out, statistics: &statistics)
        }
        chunk.minimum = statistics.minimum
        chunk.maximum = statistics.maximum
        return chunk
    }

    private func isMissing(_ row: Int) -> Bool {
        if column.isMissing(row) { return true }
        if case .float(let v) = column.data { return v[row].isNaN }
        return false
    }

    /// Which rows of `range` have a value; nil when all do.
    private func presence(_ range: Range<Int>) -> [Bool]? {
        var mayMiss = column.missing.hasMissing
        if case .float(let v) = column.data, !mayMiss { mayMiss = v[range].contains { $0.isNaN } }
        guard mayMiss else { return nil }
        let present = range.map { !isMissing($0) }
        return present.contains(false) ? present : nil
    }

    private func encodePages(
        into chunk: inout Chunk, encoding: ParquetEncoding,
        values: (Range<Int>, [Bool]?, inout [UInt8]) throws -> Void
    ) throws {
        var start = rows.lowerBound
        repeat {
            let end = min(start + Self.pageRows, rows.upperBound)
            let range = start..<end
            let present = presence(range)
            var levels: [UInt8] = []
            if let present {
                chunk.nullCount += present.reduce(0) { $0 + ($1 ? 0 : 1) }
                ParquetHybridRLE.encode(present.map { $0 ? 1 : 0 }, bitWidth: 1, into: &levels)
            } else if !range.isEmpty {
                // Every row present: one repeated run of 1s.
                ParquetHybridRLE.appendVarint(UInt64(range.count) << 1, to: &levels)
                levels.append(1)
            }
            var page: [UInt8] = []
            page.reserveCapacity(range.count * 8 + levels.count + 16)
            let length = UInt32(levels.count)
            for k in 0..<4 { page.append(UInt8(truncatingIfNeeded: length >> UInt32(8 * k))) }
            page += levels
            try values(range, present, &page)
            let count = Int32(range.count)
            try appendPage(page, header: { w, sizes in
                w.i32(1, Int32(ParquetPageType.dataPage.rawValue))
                w.i32(2, sizes.uncompressed)
                w.i32(3, sizes.compressed)
                w.structField(5) { d in
                    d.i32(1, count)
                    d.i32(2, Int32(encoding.rawValue))
                    d.i32(3, Int32(ParquetEncoding.rle.rawValue))
                    d.i32(4, Int32(ParquetEncoding.rle.rawValue))
                }
            }, to: &chunk)
            start = end
        } while start < rows.upperBound
    }

    private func appendPage(
        _ page: [UInt8], header: (inout ThriftCompactWriter, (uncompressed: Int32, compressed: Int32)) -> Void,
        to chunk: inout Chunk
    ) throws {
        let compressed = try ParquetCompression.snappyCompress(page)
        guard page.count <= Int(Int32.max), compressed.count <= Int(Int32.max) else {
            throw EngineError("column '\(column.name)': a page of \(page.count) bytes is too large for Parquet")
        }
        var writer = ThriftCompactWriter()
        header(&writer, (Int32(page.count), Int32(compressed.count)))
        writer.endStruct()
        chunk.uncompressedSize += writer.bytes.count + page.count
        chunk.bytes += writer.bytes
        chunk.bytes += compressed
    }

    static func utf8Less(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
