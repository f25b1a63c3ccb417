/// One node of a file's schema as the footer lists it (depth-first, parents before children).
struct ParquetSchemaElement: Sendable {
    var name: String
    var physicalType: ParquetPhysicalType?
    var physicalTypeRaw: Int?
    var typeLength: Int?
    var repetition: ParquetRepetition
    var childCount: Int
    var convertedType: ParquetConvertedType?
    var scale: Int
    var precision: Int
    var logical: ParquetLogicalType?

    init(_ s: ThriftStruct) {
        name = s.string(4) ?? ""
        physicalTypeRaw = s.int32(1)
        physicalType = physicalTypeRaw.flatMap(ParquetPhysicalType.init(rawValue:))
        typeLength = s.int32(2)
        repetition = s.int32(3).flatMap(ParquetRepetition.init(rawValue:)) ?? .required
        childCount = max(0, s.int32(5) ?? 0)
        convertedType = s.int32(6).flatMap(ParquetConvertedType.init(rawValue:))
        scale = s.int32(7) ?? 0
        precision = s.int32(8) ?? 0
        logical = s.structure(10).flatMap(ParquetLogicalType.init)
    }
}

/// The `LogicalType` union, reduced to what decides a Strata column type.
enum ParquetLogicalType: Sendable, Equatable {
    enum TimeUnit: Sendable, Equatable {
        case millis, micros, nanos

        /// How many of this unit make one second.
        var perSecond: Int64 {
            switch self {
            case .millis: return 1_000
            case .micros: return 1_000_000
            case .nanos: return 1_000_000_000
            }
        }

        var name: String {
            switch self {
            case .millis: return "ms"
            case .micros: return "µs"
            case .nanos: return "ns"
            }
        }
    }

    case string, map, list, enumeration, json, bson, uuid, float16, unknown, date
    case decimal(scale: Int, precision: Int)
    case time(TimeUnit)
    case timestamp(TimeUnit, adjustedToUTC: Bool)
    case integer(bitWidth: Int, signed: Bool)
    case other(Int16)

    init?(_ s: ThriftStruct) {
        guard let (id, value) = s.unionCase else { return nil }
        let body: ThriftStruct
        if case .structure(let inner) = value { body = inner } else { body = ThriftStruct() }
        func unit(_ u: ThriftStruct?) -> TimeUnit {
            switch u?.unionCase?.id {
            case 1: return .millis
            case 3: return .nanos
            default: return .micros
            }
        }
        switch id {
        case 1: self = .string
        case 2: self = .map
        case 3: self = .list
        case 4: self = .enumeration
        case 5: self = .decimal(scale: body.int32(1) ?? 0, precision: body.int32(2) ?? 0)
        case 6: self = .date
        case 7: self = .time(unit(body.structure(2)))
        case 8: self = .timestamp(unit(body.structure(2)), adjustedToUTC: body.bool(1) ?? false)
        case 10: self = .integer(bitWidth: Int(body.int(1) ?? 64), signed: body.bool(2) ?? true)
        case 11: self = .unknown
        case 12: self = .json
        case 13: self = .bson
        case 14: self = .uuid
        case 15: self = .float16
        default: self = .other(id)
        }
    }
}
