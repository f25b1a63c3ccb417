/// Dense ids for an identifier column, numbered in sorted order of the values (numeric order for
/// number columns, text order otherwise) so that indices never depend on row order.
struct EncodedIds: Sendable {
    /// One id per row, -1 where the value is missing.
    var ids: [Int32]
    /// Id -> the value as text.
    var texts: [String]
    var missingRows: Int
}

enum IdEncoder {
    static func encode(_ column: Column, context: RunContext) throws -> EncodedIds {
        let keys = try DenseKeyEncoder.encode(column, missing: .excluded, context: context)
        let order: [Int]
        var texts = keys.firstRow.map { idText(column, row: $0) }
        switch column.data {
        case .string, .bool:
            order = (0..<keys.count).sorted { texts[$0] < texts[$1] }
        default:
            let numbers = keys.firstRow.map { column.value(at: $0).doubleValue ?? 0 }
            order = (0..<keys.count).sorted { numbers[$0] < numbers[$1] }
        }
        var rank = [Int32](repeating: 0, count: keys.count)
        for (r, k) in order.enumerated() { rank[k] = Int32(truncatingIfNeeded: r) }
        texts = order.map { texts[$0] }
        var ids = keys.ids
        var missing = 0
        ids.withUnsafeMutableBufferPointer { buf in
            for i in buf.indices {
                let k = buf[i]
                if k < 0 { missing += 1 } else { buf[i] = rank[Int(k)] }
            }
        }
        return EncodedIds(ids: ids, texts: texts, missingRows: missing)
    }

    /// The id as users type it: 42 for an int or an integral float, ISO text for dates.
    static func idText(_ column: Column, row: Int) -> String {
        switch column.value(at: row) {
        case .missing: return ""
        case .int(let v): return String(v)
        case .float(let v): return shortNumber(v)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return CivilCalendar.formatDate(days: d)
        case .timestamp(let s): return CivilCalendar.formatTimestamp(seconds: s)
        }
    }

    /// Ids of every row looked up in an existing index (-1 where unknown or missing); each distinct
    /// value is converted to text once.
    static func lookUp(_ column: Column, in index: (String) -> Int?, context: RunContext) throws -> [Int32] {
        let keys = try DenseKeyEncoder.encode(column, missing: .excluded, context: context)
        let known = keys.firstRow.map { Int32(truncatingIfNeeded: index(idText(column, row: $0)) ?? -1) }
        return keys.ids.map { $0 < 0 ? -1 : known[Int($0)] }
    }
}
