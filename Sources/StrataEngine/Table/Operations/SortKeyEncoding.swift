/// Maps each row of a column to an unsigned 64-bit key whose plain integer order is the column's
/// value order, so every type sorts with the same radix passes.
enum SortKeyEncoding {
    static let signBit: UInt64 = 1 << 63

    /// Order keys for every row (placeholder rows get arbitrary keys; the caller handles missing).
    /// With `descending`, keys are complemented so ascending key order is descending value order.
    static func encode(_ column: Column, descending: Bool) -> [UInt64] {
        var keys: [UInt64]
        switch column.data {
        case .int(let v), .date(let v), .timestamp(let v):
            // Flipping the sign bit turns two's complement order into unsigned order.
            keys = v.map(encode(int:))
        case .float(let v):
            keys = v.map(encode(double:))
        case .bool(let v):
            keys = v.map { $0 ? 1 : 0 }
        case .string(let codes, let dictionary):
            let ranks = StringDictionaryOrder.byteOrderRanks(dictionary)
            let limit = Int32(clamping: dictionary.count)
            keys = codes.map { $0 >= 0 && $0 < limit ? UInt64(ranks[Int($0)]) : 0 }
        }
        if descending {
            for i in 0..<keys.count { keys[i] = ~keys[i] }
        }
        return keys
    }

    /// IEEE-754 total order trick: negative numbers have all bits flipped, positive ones only the sign,
    /// which makes the bit patterns ascend with the values. -0.0 is folded into 0.0 so equal values tie.
    @inline(__always)
    static func encode(double x: Double) -> UInt64 {
        let bits = (x == 0 ? 0.0 : x).bitPattern
        return bits & signBit != 0 ? ~bits : bits | signBit
    }

    /// The inverse of `encode(double:)` (up to the folded sign of zero).
    @inline(__always)
    static func decode(double key: UInt64) -> Double {
        Double(bitPattern: key & signBit != 0 ? key ^ signBit : ~key)
    }

    @inline(__always)
    static func encode(int x: Int64) -> UInt64 { UInt64(bitPattern: x) ^ signBit }

    @inline(__always)
    static func decode(int key: UInt64) -> Int64 { Int64(bitPattern: key ^ signBit) }
}
