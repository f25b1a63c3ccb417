extension Column {
    /// The rows in `range` (which must lie within the column), copied.
    func slicing(_ range: Range<Int>) -> Column {
        let data: ColumnData
        switch self.data {
        case .int(let v): data = .int(Array(v[range]))
        case .float(let v): data = .float(Array(v[range]))
        case .string(let c, let d): data = .string(codes: Array(c[range]), dictionary: d)
        case .bool(let v): data = .bool(Array(v[range]))
        case .date(let v): data = .date(Array(v[range]))
        case .timestamp(let v): data = .timestamp(Array(v[range]))
        }
        let mask = missing.flags.map { MissingMask(flags: Array($0[range])) } ?? .none
        return Column(name: name, data: data, missing: mask, display: display)
    }
}

extension Table {
    /// The rows where `mask` is true, in their original order.
    public func filtering(mask: [Bool]) throws -> Table {
        guard mask.count == rowCount else {
            throw EngineError("the filter has \(mask.count) values but the table has \(rowCount) rows")
        }
        var kept: [Int] = []
        for i in 0..<mask.count where mask[i] { kept.append(i) }
        return takingRows(kept)
    }

    /// The rows where the boolean column `mask` is true. A missing value counts as false, as in SQL's
    /// WHERE: a row is kept only when the condition is known to hold.
    public func filtering(mask: Column) throws -> Table {
        guard case .bool(let values) = mask.data else {
            throw EngineError("a filter condition must be true or false, but '\(mask.name)' is \(mask.type.rawValue)",
                              suggestion: "compare it with something, e.g. \(mask.name) > 0")
        }
        guard mask.count == rowCount else {
            throw EngineError("the filter has \(mask.count) values but the table has \(rowCount) rows")
        }
        var keep = values
        if let flags = mask.missing.flags {
            for i in 0..<keep.count where flags[i] { keep[i] = false }
        }
        return try filtering(mask: keep)
    }

    /// The first `n` rows (all of them if there are fewer; none if `n` is not positive).
    public func head(_ n: Int = 10) -> Table {
        slice(rows: 0..<max(0, min(n, rowCount)))
    }

    /// The last `n` rows (all of them if there are fewer; none if `n` is not positive).
    public func tail(_ n: Int = 10) -> Table {
        slice(rows: (rowCount - max(0, min(n, rowCount)))..<rowCount)
    }

    /// The rows in `rows`, clamped to the table, so asking past the end gives fewer rows instead of an error.
    public func slice(rows: Range<Int>) -> Table {
        let lower = min(max(rows.lowerBound, 0), rowCount)
        let upper = min(max(rows.upperBound, lower), rowCount)
        let range = lower..<upper
        return Table(uncheckedColumns: columns.map { $0.slicing(range) }, rowCount: range.count)
    }
}
