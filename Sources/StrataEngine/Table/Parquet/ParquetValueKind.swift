/// How one leaf's stored values become a Strata column: the physical encoding together with the
/// annotation that says what the values mean.
enum ParquetValueKind: Sendable, Equatable {
    case int32, int64, uint32, uint64
    case float, double, boolean
    case string
    /// Days since 1970-01-01 in an INT32.
    case date
    /// An INT64 count of `unit`s since the epoch.
    case timestamp(ParquetLogicalType.TimeUnit, adjustedToUTC: Bool)
    /// Spark's legacy 12-byte timestamps: nanoseconds of the day, then the Julian day number.
    case int96Timestamp
    /// An unscaled integer (INT32, INT64, big-endian bytes) times 10^-scale, read as a double.
    case decimal(scale: Int, physical: ParquetPhysicalType)

    var strataType: DataType {
        switch self {
        case .int32, .int64, .uint32, .uint64: return .int
        case .float, .double, .decimal: return .float
        case .boolean: return .bool
        case .string: return .string
        case .date: return .date
        case .timestamp, .int96Timestamp: return .timestamp
        }
    }

    /// The physical type the values are stored as, for messages.
    var physicalName: String {
        switch self {
        case .int32, .uint32, .date: return "INT32"
        case .int64, .uint64, .timestamp: return "INT64"
        case .float: return "FLOAT"
        case .double: return "DOUBLE"
        case .boolean: return "BOOLEAN"
        case .string: return "BYTE_ARRAY"
        case .int96Timestamp: return "INT96"
        case .decimal(_, let physical): return physical.name
        }
    }

    /// The kind for a primitive schema element, or why Strata has no column for it.
    static func mapping(for element: ParquetSchemaElement) -> (kind: ParquetValueKind?, reason: String?) {
        guard let physical = element.physicalType else {
            return (nil, "unknown physical type #\(element.physicalTypeRaw ?? -1)")
        }
        if let logical = element.logical {
            switch (logical, physical) {
            case (.string, .byteArray), (.enumeration, .byteArray), (.json, .byteArray): return (.string, nil)
            case (.date, .int32): return (.date, nil)
            case (.timestamp(let unit, let utc), .int64): return (.timestamp(unit, adjustedToUTC: utc), nil)
            case (.decimal(let scale, _), .int32), (.decimal(let scale, _), .int64),
                 (.decimal(let scale, _), .byteArray), (.decimal(let scale, _), .fixedLenByteArray):
                return (.decimal(scale: scale, physical: physical), nil)
            case (.integer(let width, let signed), .int32): return (signed || width < 32 ? .int32 : .uint32, nil)
            case (.integer(let width, let signed), .int64): return (signed || width < 64 ? .int64 : .uint64, nil)
            case (.time, _): return (nil, "a time of day; Strata has no time-of-day column")
            case (.float16, _): return (nil, "a 16-bit float")
            case (.uuid, _): return (nil, "a UUID stored as 16 raw bytes")
            case (.bson, _): return (nil, "BSON")
            case (.unknown, _): return (nil, "a column of nulls only (UNKNOWN type)")
            default: break
            }
        }
        if let converted = element.convertedType {
            switch (converted, physical) {
            case (.utf8, .byteArray), (.enumeration, .byteArray), (.json, .byteArray): return (.string, nil)
            case (.date, .int32): return (.date, nil)
            case (.timestampMillis, .int64): return (.timestamp(.millis, adjustedToUTC: true), nil)
            case (.timestampMicros, .int64): return (.timestamp(.micros, adjustedToUTC: true), nil)
            case (.decimal, .int32), (.decimal, .int64), (.decimal, .byteArray), (.decimal, .fixedLenByteArray):
                return (.decimal(scale: element.scale, physical: physical), nil)
            case (.uint32, .int32): return (.uint32, nil)
            case (.uint64, .int64): return (.uint64, nil)
            case (.uint8, .int32), (.uint16, .int32), (.int8, .int32), (.int16, .int32), (.int32, .int32): return (.int32, nil)
            case (.int64, .int64): return (.int64, nil)
            case (.timeMillis, _), (.timeMicros, _): return (nil, "a time of day; Strata has no time-of-day column")
            case (.interval, _): return (nil, "an interval")
            default: break
            }
        }
        switch physical {
        case .boolean: return (.boolean, nil)
        case .int32: return (.int32, nil)
        case .int64: return (.int64, nil)
        case .int96: return (.int96Timestamp, nil)
        case .float: return (.float, nil)
        case .double: return (.double, nil)
        // Unannotated binary is usually text from a writer that did not say so (old Spark, Hive).
        case .byteArray: return (.string, nil)
        case .fixedLenByteArray: return (nil, "fixed-length binary without a decimal annotation")
        }
    }
}
