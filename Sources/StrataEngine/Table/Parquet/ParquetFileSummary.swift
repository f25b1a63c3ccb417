/// What `schema "file.parquet"` shows: the columns with their Parquet and Strata types, and the
/// row groups, from the footers alone (no data pages are read).
public struct ParquetFileSummary: Sendable {
    public struct ColumnInfo: Sendable {
        public let name: String
        /// Physical type and annotation, e.g. "INT64 TIMESTAMP(µs, UTC)"; "group LIST" for a leaf inside a list.
        public let parquetType: String
        /// The Strata type it loads as, or nil when it is skipped.
        public let strataType: DataType?
        public let skipReason: String?
        public let nullCount: Int64?
        /// Whether the column may hold nulls (an optional field).
        public let isOptional: Bool
        public let codecs: String
    }

    public struct RowGroupInfo: Sendable {
        public let file: String
        public let index: Int
        public let rows: Int
        public let compressedBytes: Int64
        public let uncompressedBytes: Int64
    }

    public let files: [String]
    public let rowCount: Int
    public let createdBy: String?
    public let columns: [ColumnInfo]
    public let rowGroups: [RowGroupInfo]

    public static func read(path: String) throws -> ParquetFileSummary {
        let paths = try ParquetParts.files(at: path)
        let files = try paths.map { try ParquetFile(path: $0) }
        guard let first = files.first else { throw ParquetError(file: path, reason: "no part files") }
        var columns: [ColumnInfo] = []
        for leaf in first.schema.leaves {
            var nulls: Int64? = 0
            var codecs: [String] = []
            for file in files {
                for group in file.metadata.rowGroups where leaf.index < group.columns.count {
                    let chunk = group.columns[leaf.index]
                    if let n = chunk.statistics?.nullCount, let sum = nulls { nulls = sum + n } else { nulls = nil }
                    if !codecs.contains(chunk.codecName) { codecs.append(chunk.codecName) }
                }
            }
            columns.append(ColumnInfo(
                name: leaf.path.joined(separator: "."), parquetType: describe(leaf.element), strataType: leaf.kind?.strataType,
                skipReason: leaf.skipReason, nullCount: nulls, isOptional: leaf.isOptional, codecs: codecs.joined(separator: ",")))
        }
        var groups: [RowGroupInfo] = []
        for file in files {
            for (index, group) in file.metadata.rowGroups.enumerated() {
                let compressed = group.columns.reduce(Int64(0)) { $0 &+ $1.compressedSize }
                let uncompressed = group.columns.reduce(Int64(0)) { $0 &+ $1.uncompressedSize }
                groups.append(RowGroupInfo(file: file.path, index: index + 1, rows: group.rowCount,
                                           compressedBytes: compressed, uncompressedBytes: uncompressed))
            }
        }
        return ParquetFileSummary(
            files: paths, rowCount: groups.reduce(0) { $0 + $1.rows }, createdBy: first.metadata.createdBy,
            columns: columns, rowGroups: groups)
    }

    static func describe(_ element: ParquetSchemaElement) -> String {
        var text = element.physicalType?.name ?? "group"
        if element.physicalType == .fixedLenByteArray, let length = element.typeLength { text += "(\(length))" }
        switch element.logical {
        case .string?: text += " STRING"
        case .date?: text += " DATE"
        case .decimal(let scale, let precision)?: text += " DECIMAL(\(precision),\(scale))"
        case .timestamp(let unit, let utc)?: text += " TIMESTAMP(\(unit.name)\(utc ? ", UTC" : ""))"
        case .time(let unit)?: text += " TIME(\(unit.name))"
        case .integer(let width, let signed)?: text += " \(signed ? "INT" : "UINT")(\(width))"
        case .list?: text += " LIST"
        case .map?: text += " MAP"
        case .enumeration?: text += " ENUM"
        case .json?: text += " JSON"
        case .bson?: text += " BSON"
        case .uuid?: text += " UUID"
        case .float16?: text += " FLOAT16"
        case .unknown?: text += " NULL"
        case .other(let id)?: text += " logical type #\(id)"
        case nil:
            if element.convertedType == .utf8 { text += " UTF8" }
            if element.convertedType == .decimal { text += " DECIMAL(\(element.precision),\(element.scale))" }
        }
        if element.repetition == .repeated { text += " repeated" }
        return text
    }
}
