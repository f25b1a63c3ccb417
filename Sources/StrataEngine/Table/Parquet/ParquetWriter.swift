/// Writes tables as Parquet that pyarrow, polars and Spark read: Snappy-compressed pages,
/// dictionary-encoded text, every column optional (missing values as nulls), min/max/null-count
/// statistics per column chunk, row groups of up to 2^20 rows (pyarrow's default). Column chunks are
/// encoded on both cores and laid out in a fixed order, so the bytes do not depend on threads.
public enum ParquetWriter {
    /// pyarrow's default row group size.
    public static let defaultRowGroupRows = 1 << 20

    /// Writes through `AtomicFile`: a failed export leaves no half-written file.
    public static func write(_ table: Table, to path: String, context: RunContext = .quiet) throws {
        let bytes = try encode(table, context: context)
        try AtomicFile.write(to: path) { append in try append(bytes) }
    }

    public static func encode(_ table: Table, rowGroupRows: Int = defaultRowGroupRows, context: RunContext = .quiet) throws -> [UInt8] {
        let rowGroupRows = max(1, rowGroupRows)
        let columns = table.columns
        let groupCount = max(1, (table.rowCount + rowGroupRows - 1) / rowGroupRows)
        let groups = (0..<groupCount).map { g in (g * rowGroupRows)..<min(table.rowCount, (g + 1) * rowGroupRows) }
        let taskCount = columns.isEmpty ? 0 : groupCount * columns.count
        let chunks = try FixedChunks(pieces: taskCount).map(cancellation: context.cancellation) { pieces -> ParquetColumnEncoder.Chunk in
            let index = pieces.lowerBound
            let column = columns[index % columns.count]
            return try ParquetColumnEncoder(column: column, rows: groups[index / columns.count]).encode()
        }

        var file = ParquetMagic.bytes
        var footer = ThriftCompactWriter()
        footer.i32(1, 2)
        footer.structList(2, count: columns.count + 1) { w, index in
            guard index > 0 else {
                w.string(4, "schema")
                w.i32(5, Int32(columns.count))
                return
            }
            ParquetSchemaWriter.writeElement(columns[index - 1], into: &w)
        }
        footer.i64(3, Int64(table.rowCount))
        var groupOffsets: [[Int]] = []
        for g in 0..<(columns.isEmpty ? 0 : groupCount) {
            var offsets: [Int] = []
            for c in 0..<columns.count {
                offsets.append(file.count)
                file += chunks[g * columns.count + c].bytes
            }
            groupOffsets.append(offsets)
        }
        footer.structList(4, count: groupOffsets.count) { w, g in
            var groupBytes: Int64 = 0
            w.structList(1, count: columns.count) { cw, c in
                let chunk = chunks[g * columns.count + c]
                let start = Int64(groupOffsets[g][c])
                groupBytes += Int64(chunk.uncompressedSize)
                cw.i64(2, start)
                cw.structField(3) { m in
                    m.i32(1, Int32(ParquetSchemaWriter.physicalType(columns[c]).rawValue))
                    let encodings: [ParquetEncoding] = chunk.hasDictionary ? [.plain, .rle, .rleDictionary] : [.plain, .rle]
                    m.i32List(2, encodings.map { Int32($0.rawValue) })
                    m.stringList(3, [columns[c].name])
                    m.i32(4, Int32(ParquetCodec.snappy.rawValue))
                    m.i64(5, Int64(chunk.valueCount))
                    m.i64(6, Int64(chunk.uncompressedSize))
                    m.i64(7, Int64(chunk.bytes.count))
                    m.i64(9, start + Int64(chunk.dataPageOffset))
                    if chunk.hasDictionary { m.i64(11, start) }
                    m.structField(12) { s in
                        s.i64(3, Int64(chunk.nullCount))
                        if let max = chunk.maximum { s.binary(5, max) }
                        if let min = chunk.minimum { s.binary(6, min) }
                    }
                }
            }
            w.i64(2, groupBytes)
            w.i64(3, Int64(groups[g].count))
        }
        footer.string(6, "strata")
        // Type-defined ordering for every column: the min/max statistics above are then trusted.
        footer.structList(7, count: columns.count) { w, _ in w.structField(1) { _ in } }
        footer.endStruct()
        file += footer.bytes
        let length = UInt32(footer.bytes.count)
        for k in 0..<4 { file.append(UInt8(truncatingIfNeeded: length >> UInt32(8 * k))) }
        file += ParquetMagic.bytes
        return file
    }
}

/// The schema entries and physical types the writer uses for Strata's column types.
enum ParquetSchemaWriter {

    static func physicalType(_ column: Column) -> ParquetPhysicalType {
        switch column.data {
        case .int, .timestamp: return .int64
        case .float: return .double
        case .bool: return .boolean
        case .string: return .byteArray
        case .date: return .int32
        }
    }

    static func writeElement(_ column: Column, into w: inout ThriftCompactWriter) {
        w.i32(1, Int32(physicalType(column).rawValue))
        w.i32(3, Int32(ParquetRepetition.optional.rawValue))
        w.string(4, column.name)
        switch column.data {
        case .string:
            w.i32(6, Int32(ParquetConvertedType.utf8.rawValue))
            w.structField(10) { l in l.structField(1) { _ in } }
        case .date:
            w.i32(6, Int32(ParquetConvertedType.date.rawValue))
            w.structField(10) { l in l.structField(6) { _ in } }
        case .timestamp:
            // Strata timestamps carry no zone: a local (not UTC-adjusted) timestamp in microseconds.
            w.structField(10) { l in
                l.structField(8) { t in
                    t.bool(1, false)
                    t.structField(2) { u in u.structField(2) { _ in } }
                }
            }
        case .int, .float, .bool:
            break
        }
    }
}
