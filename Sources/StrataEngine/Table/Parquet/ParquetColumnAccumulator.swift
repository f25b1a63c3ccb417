/// Collects one column chunk's rows page by page: the values with a placeholder at each missing
/// row (0, NaN, false, code -1), and the missing flags when the column is optional. Only the
/// array of the column's kind is used.
struct ParquetColumnAccumulator {
    private(set) var ints: [Int64] = []
    private(set) var doubles: [Double] = []
    private(set) var bools: [Bool] = []
    private(set) var codes: [Int32] = []
    private(set) var missing: [Bool] = []
    private(set) var anyMissing = false
    private(set) var rowCount = 0
    let type: DataType

    init(type: DataType, capacity: Int) {
        self.type = type
        switch type {
        case .int, .date, .timestamp: ints.reserveCapacity(capacity)
        case .float: doubles.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .string: codes.reserveCapacity(capacity)
        }
    }

    /// Appends one page: `dense` holds the present values in order; `present`, when given, has
    /// one entry per row, nonzero where the row has a value.
    mutating func append(_ dense: ParquetDenseValues, present: [UInt32]?, rows: Int) throws {
        if let present {
            guard present.count == rows else { throw ParquetError.Corrupt("a page's levels do not cover its rows") }
        }
        let complete = dense.count == rows
        guard complete || present != nil else {
            throw ParquetError.Corrupt("a page decodes to \(dense.count) values for \(rows) rows")
        }
        if !complete, !anyMissing {
            missing = [Bool](repeating: false, count: rowCount)
            missing.reserveCapacity(max(ints.capacity, doubles.capacity, bools.capacity, codes.capacity))
            anyMissing = true
        }
        let flags = complete ? nil : present
        switch dense {
        case .ints(let d):
            guard type == .int || type == .date || type == .timestamp else { throw wrongKind }
            Self.append(d, present: flags, placeholder: 0, into: &ints)
        case .doubles(let d):
            guard type == .float else { throw wrongKind }
            Self.append(d, present: flags, placeholder: .nan, into: &doubles)
        case .bools(let d):
            guard type == .bool else { throw wrongKind }
            Self.append(d, present: flags, placeholder: false, into: &bools)
        case .codes(let d):
            guard type == .string else { throw wrongKind }
            Self.append(d, present: flags, placeholder: -1, into: &codes)
        }
        if anyMissing {
            if let flags {
                missing.append(contentsOf: flags.lazy.map { $0 == 0 })
            } else {
                missing.append(contentsOf: repeatElement(false, count: rows))
            }
        }
        rowCount += rows
    }

    private var wrongKind: ParquetError.Corrupt { ParquetError.Corrupt("internal: page values of the wrong kind") }

    private static func append<T>(_ dense: [T], present: [UInt32]?, placeholder: T, into out: inout [T]) {
        guard let present else {
            out.append(contentsOf: dense)
            return
        }
        var next = 0
        for flag in present {
            if flag != 0 && next < dense.count {
                out.append(dense[next])
                next += 1
            } else {
                out.append(placeholder)
            }
        }
    }
}
