/// One decoded Thrift value. Parquet's footer and page headers are Thrift structs in the compact
/// protocol; they are decoded generically into this tree and then read by field id, so unknown
/// or future fields are skipped without a schema.
enum ThriftValue: Sendable {
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case binary(ArraySlice<UInt8>)
    case list([ThriftValue])
    case map([(ThriftValue, ThriftValue)])
    case structure(ThriftStruct)
}

/// A decoded struct: its fields by id, in the order they appeared.
struct ThriftStruct: Sendable {
    var fields: [(id: Int16, value: ThriftValue)] = []

    subscript(_ id: Int16) -> ThriftValue? {
        for field in fields where field.id == id { return field.value }
        return nil
    }

    func int(_ id: Int16) -> Int64? {
        if case .int(let v)? = self[id] { return v }
        return nil
    }

    func int32(_ id: Int16) -> Int? {
        guard let v = int(id), v >= Int64(Int32.min), v <= Int64(Int32.max) else { return nil }
        return Int(v)
    }

    func bool(_ id: Int16) -> Bool? {
        if case .bool(let v)? = self[id] { return v }
        return nil
    }

    func binary(_ id: Int16) -> ArraySlice<UInt8>? {
        if case .binary(let v)? = self[id] { return v }
        return nil
    }

    func string(_ id: Int16) -> String? { binary(id).map { String(decoding: $0, as: UTF8.self) } }

    func structure(_ id: Int16) -> ThriftStruct? {
        if case .structure(let v)? = self[id] { return v }
        return nil
    }

    func list(_ id: Int16) -> [ThriftValue]? {
        if case .list(let v)? = self[id] { return v }
        return nil
    }

    func structs(_ id: Int16) -> [ThriftStruct]? {
        guard let items = list(id) else { return nil }
        var out: [ThriftStruct] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard case .structure(let s) = item else { return nil }
            out.append(s)
        }
        return out
    }

    /// For Thrift unions: the id of the one field that is set.
    var unionCase: (id: Int16, value: ThriftValue)? { fields.first }
}

/// Decodes the Thrift compact protocol from untrusted bytes. Every length and count is checked
/// against the bytes that remain (each element takes at least one byte, so nothing is allocated
/// beyond the input's size), and nesting deeper than `maxDepth` is refused.
struct ThriftCompactReader {
    private let bytes: [UInt8]
    private(set) var position: Int
    private let end: Int
    static let maxDepth = 32

    init(bytes: [UInt8], start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = max(0, min(start, bytes.count))
        self.end = max(self.position, min(end ?? bytes.count, bytes.count))
    }

    var remaining: Int { end - position }

    mutating func readStruct() throws -> ThriftStruct { try readStruct(depth: 0) }

    private mutating func readStruct(depth: Int) throws -> ThriftStruct {
        guard depth < Self.maxDepth else {
            throw ParquetError.Corrupt("metadata nests deeper than \(Self.maxDepth) levels")
        }
        var result = ThriftStruct()
        var lastId: Int16 = 0
        while true {
            let header = try readByte()
            if header == 0 { return result }
            let type = header & 0x0F
            let delta = header >> 4
            let id: Int16
            if delta != 0 {
                let (sum, overflow) = lastId.addingReportingOverflow(Int16(delta))
                guard !overflow else { throw ParquetError.Corrupt("metadata field id out of range") }
                id = sum
            } else {
                let raw = try readZigZag()
                guard raw >= Int64(Int16.min), raw <= Int64(Int16.max) else {
                    throw ParquetError.Corrupt("metadata field id \(raw) out of range")
                }
                id = Int16(raw)
            }
            lastId = id
            let value: ThriftValue
            switch type {
            case 1: value = .bool(true)
            case 2: value = .bool(false)
            default: value = try readValue(type: type, depth: depth + 1)
            }
            result.fields.append((id, value))
        }
    }

    private mutating func readValue(type: UInt8, depth: Int) throws -> ThriftValue {
        switch type {
        case 1, 2:
            // Booleans inside lists and maps take one byte of their own.
            return .bool(try readByte() == 1)
        case 3: return .int(Int64(Int8(bitPattern: try readByte())))
        case 4, 5, 6: return .int(try readZigZag())
        case 7:
            guard remaining >= 8 else { throw truncated }
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(bytes[position + k]) << (8 * UInt64(k)) }
            position += 8
            return .double(Double(bitPattern: bits))
        case 8:
            let length = try readLength()
            let slice = bytes[position..<(position + length)]
            position += length
            return .binary(slice)
        case 9, 10:
            guard depth < Self.maxDepth else { throw ParquetError.Corrupt("metadata nests deeper than \(Self.maxDepth) levels") }
            let header = try readByte()
            let elementType = header & 0x0F
            var count = Int(header >> 4)
            if count == 15 { count = try readLength() }
            guard count <= remaining else { throw ParquetError.Corrupt("a metadata list claims \(count) items in \(remaining) bytes") }
            var items: [ThriftValue] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(try readValue(type: elementType, depth: depth + 1)) }
            return .list(items)
        case 11:
            guard depth < Self.maxDepth else { throw ParquetError.Corrupt("metadata nests deeper than \(Self.maxDepth) levels") }
            let count = try readLength()
            guard count > 0 else { return .map([]) }
            guard count <= remaining else { throw ParquetError.Corrupt("a metadata map claims \(count) entries in \(remaining) bytes") }
            let types = try readByte()
            var entries: [(ThriftValue, ThriftValue)] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let key = try readValue(type: types >> 4, depth: depth + 1)
                entries.append((key, try readValue(type: types & 0x0F, depth: depth + 1)))
            }
            return .map(entries)
        case 12: return .structure(try readStruct(depth: depth))
        default:
            throw ParquetError.Corrupt("unknown metadata value type \(type) at byte \(position)")
        }
    }

    private var truncated: ParquetError.Corrupt { ParquetError.Corrupt("metadata ends in the middle of a value") }

    private mutating func readByte() throws -> UInt8 {
        guard position < end else { throw truncated }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw ParquetError.Corrupt("metadata integer longer than 10 bytes") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    private mutating func readZigZag() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// A length or count, which must fit in the bytes that remain.
    private mutating func readLength() throws -> Int {
        let raw = try readVarint()
        guard raw <= UInt64(remaining) else {
            throw ParquetError.Corrupt("metadata claims a length of \(raw) bytes where \(remaining) remain")
        }
        return Int(raw)
    }
}
