/// Encodes Thrift structs in the compact protocol, for the footer and page headers Strata writes.
/// Fields must be written in increasing id order within a struct.
struct ThriftCompactWriter {
    private(set) var bytes: [UInt8] = []
    private var lastIds: [Int16] = [0]

    mutating func beginStruct() { lastIds.append(0) }

    mutating func endStruct() {
        bytes.append(0)
        lastIds.removeLast()
    }

    mutating func i32(_ id: Int16, _ value: Int32) {
        fieldHeader(id, type: 5)
        zigZag(Int64(value))
    }

    mutating func i64(_ id: Int16, _ value: Int64) {
        fieldHeader(id, type: 6)
        zigZag(value)
    }

    mutating func bool(_ id: Int16, _ value: Bool) { fieldHeader(id, type: value ? 1 : 2) }

    mutating func binary(_ id: Int16, _ value: [UInt8]) {
        fieldHeader(id, type: 8)
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func string(_ id: Int16, _ value: String) { binary(id, Array(value.utf8)) }

    /// A struct field; `body` writes its fields.
    mutating func structField(_ id: Int16, _ body: (inout ThriftCompactWriter) -> Void) {
        fieldHeader(id, type: 12)
        beginStruct()
        body(&self)
        endStruct()
    }

    /// A list of structs; `body` writes the fields of element `index`.
    mutating func structList(_ id: Int16, count: Int, _ body: (inout ThriftCompactWriter, Int) -> Void) {
        listHeader(id, count: count, elementType: 12)
        for index in 0..<count {
            beginStruct()
            body(&self, index)
            endStruct()
        }
    }

    mutating func i32List(_ id: Int16, _ values: [Int32]) {
        listHeader(id, count: values.count, elementType: 5)
        for v in values { zigZag(Int64(v)) }
    }

    mutating func stringList(_ id: Int16, _ values: [String]) {
        listHeader(id, count: values.count, elementType: 8)
        for v in values {
            let utf8 = Array(v.utf8)
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    private mutating func listHeader(_ id: Int16, count: Int, elementType: UInt8) {
        fieldHeader(id, type: 9)
        if count < 15 {
            bytes.append(UInt8(count) << 4 | elementType)
        } else {
            bytes.append(0xF0 | elementType)
            varint(UInt64(count))
        }
    }

    private mutating func fieldHeader(_ id: Int16, type: UInt8) {
        let last = lastIds[lastIds.count - 1]
        let delta = Int(id) - Int(last)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type)
        } else {
            bytes.append(type)
            zigZag(Int64(id))
        }
        lastIds[lastIds.count - 1] = id
    }

    private mutating func zigZag(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    private mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}
