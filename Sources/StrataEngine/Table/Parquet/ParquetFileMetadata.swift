/// A Parquet file's footer: schema, row groups and where each column chunk lies.
struct ParquetFileMetadata: Sendable {
    var rowCount: Int64
    var schema: [ParquetSchemaElement]
    var rowGroups: [ParquetRowGroup]
    var createdBy: String?

    init(_ s: ThriftStruct) throws {
        guard let elements = s.structs(2), !elements.isEmpty else {
            throw ParquetError.Corrupt("the footer has no schema")
        }
        guard let rows = s.int(3), rows >= 0 else { throw ParquetError.Corrupt("the footer has no valid row count") }
        rowCount = rows
        schema = elements.map(ParquetSchemaElement.init)
        rowGroups = try (s.structs(4) ?? []).enumerated().map { index, group in
            try ParquetRowGroup(group, index: index)
        }
        createdBy = s.string(6)
    }
}

struct ParquetRowGroup: Sendable {
    var rowCount: Int
    var columns: [ParquetColumnChunk]
    var totalByteSize: Int64

    init(_ s: ThriftStruct, index: Int) throws {
        guard let rows = s.int(3), rows >= 0, rows <= Int64(Int32.max) * 64 else {
            throw ParquetError.Corrupt("row group \(index + 1) has no valid row count")
        }
        rowCount = Int(rows)
        totalByteSize = s.int(2) ?? 0
        columns = try (s.structs(1) ?? []).map { try ParquetColumnChunk($0, rowGroup: index) }
    }
}

struct ParquetColumnChunk: Sendable {
    var path: [String]
    var physicalTypeRaw: Int
    var codecRaw: Int
    var valueCount: Int64
    var compressedSize: Int64
    var uncompressedSize: Int64
    var dataPageOffset: Int64
    var dictionaryPageOffset: Int64?
    var encodings: [Int]
    var statistics: ParquetStatistics?
    /// Set when the chunk lives in another file, which this reader does not follow.
    var externalFile: String?

    init(_ chunk: ThriftStruct, rowGroup: Int) throws {
        guard let meta = chunk.structure(3) else {
            throw ParquetError.Corrupt("a column chunk of row group \(rowGroup + 1) has no metadata")
        }
        externalFile = chunk.string(1)
        path = (meta.list(3) ?? []).compactMap { value in
            if case .binary(let b) = value { return String(decoding: b, as: UTF8.self) }
            return nil
        }
        physicalTypeRaw = meta.int32(1) ?? -1
        codecRaw = meta.int32(4) ?? 0
        valueCount = meta.int(5) ?? 0
        uncompressedSize = meta.int(6) ?? 0
        compressedSize = meta.int(7) ?? 0
        dataPageOffset = meta.int(9) ?? -1
        dictionaryPageOffset = meta.int(11)
        encodings = (meta.list(2) ?? []).compactMap { value in
            if case .int(let v) = value { return Int(truncatingIfNeeded: v) }
            return nil
        }
        statistics = meta.structure(12).map(ParquetStatistics.init)
    }

    /// Where the chunk's first page starts: the dictionary page when there is one.
    var startOffset: Int64 {
        if let d = dictionaryPageOffset, d > 0, d < dataPageOffset { return d }
        return dataPageOffset
    }

    var codecName: String { ParquetCodec(rawValue: codecRaw)?.name ?? "codec #\(codecRaw)" }
}

struct ParquetStatistics: Sendable {
    var min: [UInt8]?
    var max: [UInt8]?
    var nullCount: Int64?

    init(_ s: ThriftStruct) {
        min = (s.binary(6) ?? s.binary(2)).map(Array.init)
        max = (s.binary(5) ?? s.binary(1)).map(Array.init)
        nullCount = s.int(3)
    }
}
