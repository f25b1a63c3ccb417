/// Per-group accumulation loops over typed buffers. Every kernel walks the rows once in row order,
/// indexing accumulators by the row's dense group id, so results never depend on scheduling.
struct GroupKernels {
    /// Dense group id of every row, all in `0..<groups`.
    let ids: [Int32]
    let groups: Int
    let context: RunContext
    /// Rows per group, counted once because `count`, `mean`, `std` and `median` all need it.
    let rowCounts: [Int64]

    init(ids: [Int32], groups: Int, context: RunContext) throws {
        self.ids = ids
        self.groups = groups
        self.context = context
        var counts = [Int64](repeating: 0, count: groups)
        for range in FixedChunks(total: ids.count, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range { counts[Int(ids[i])] += 1 }
        }
        rowCounts = counts
    }

    var rowCount: Int { ids.count }

    func presentCounts(_ flags: [Bool]?) throws -> [Int64] {
        guard let flags else { return rowCounts }
        var counts = [Int64](repeating: 0, count: groups)
        for range in FixedChunks(total: rowCount, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range where !flags[i] { counts[Int(ids[i])] += 1 }
        }
        return counts
    }

    /// Exact integer sums, or nil if any group's sum leaves the 64-bit range.
    func exactSums(_ values: [Int64], _ flags: [Bool]?) throws -> [Int64]? {
        var sums = [Int64](repeating: 0, count: groups)
        var overflow = false
        let hasFlags = flags != nil
        let isMissing = flags ?? []
        for range in FixedChunks(total: rowCount, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range {
                if hasFlags && isMissing[i] { continue }
                let g = Int(ids[i])
                let (s, o) = sums[g].addingReportingOverflow(values[i])
                sums[g] = s
                overflow = overflow || o
            }
        }
        return overflow ? nil : sums
    }

    func trueCounts(_ values: [Bool], _ flags: [Bool]?) throws -> [Int64] {
        var counts = [Int64](repeating: 0, count: groups)
        let hasFlags = flags != nil
        let isMissing = flags ?? []
        for range in FixedChunks(total: rowCount, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range where values[i] && !(hasFlags && isMissing[i]) { counts[Int(ids[i])] += 1 }
        }
        return counts
    }

    /// Compensated float sums (see `CompensatedSum`).
    @inline(__always)
    func floatSums<T>(_ values: [T], _ flags: [Bool]?, _ toDouble: (T) -> Double) throws -> [Double] {
        var sums = [CompensatedSum](repeating: CompensatedSum(), count: groups)
        let hasFlags = flags != nil
        let isMissing = flags ?? []
        for range in FixedChunks(total: rowCount, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range {
                if hasFlags && isMissing[i] { continue }
                sums[Int(ids[i])].add(toDouble(values[i]))
            }
        }
        return sums.map(\.value)
    }

    /// Sums of squared deviations from each group's mean: the second pass of a two-pass variance.
    @inline(__always)
    func squaredDeviations<T>(_ values: [T], _ flags: [Bool]?, means: [Double], _ toDouble: (T) -> Double) throws -> [Double] {
        var sums = [CompensatedSum](repeating: CompensatedSum(), count: groups)
        let hasFlags = flags != nil
        let isMissing = flags ?? []
        for range in FixedChunks(total: rowCount, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range {
                if hasFlags && isMissing[i] { continue }
                let g = Int(ids[i])
                let d = toDouble(values[i]) - means[g]
                sums[g].add(d * d)
            }
        }
        return sums.map(\.value)
    }

    /// Medians by linear interpolation; NaN for groups without values.
    @inline(__always)
    func medians<T>(_ values: [T], _ flags: [Bool]?, _ toDouble: (T) -> Double) throws -> [Double] {
        let counts = try presentCounts(flags)
        // Lay the values out group after group (a counting sort), then sort each group's slice.
        var offsets = [Int](repeating: 0, count: groups + 1)
        for g in 0..<groups { offsets[g + 1] = offsets[g] + Int(counts[g]) }
        var cursor = Array(offsets.dropLast())
        var buffer = [Double](repeating: 0, count: offsets[groups])
        let hasFlags = flags != nil
        let isMissing = flags ?? []
        for range in FixedChunks(total: rowCount, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range {
                if hasFlags && isMissing[i] { continue }
                let g = Int(ids[i])
                buffer[cursor[g]] = toDouble(values[i])
                cursor[g] += 1
            }
        }
        var out = [Double](repeating: .nan, count: groups)
        for g in 0..<groups where offsets[g] < offsets[g + 1] {
            if g % 4096 == 0 { try context.cancellation.check() }
            buffer[offsets[g]..<offsets[g + 1]].sort()
            out[g] = Quantiles.linear(sorted: buffer[offsets[g]..<offsets[g + 1]], 0.5) ?? .nan
        }
        return out
    }

    /// For each group, the row of its extreme value (the first such row on ties), or -1 if it has none.
    /// `precedes(a, b)` is a strict order; the minimum uses `<`, the maximum `>`.
    @inline(__always)
    func extremeRows<T>(_ values: [T], _ flags: [Bool]?, _ precedes: (T, T) -> Bool) throws -> [Int] {
        var best = [Int](repeating: -1, count: groups)
        let hasFlags = flags != nil
        let isMissing = flags ?? []
        for range in FixedChunks(total: rowCount, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range {
                if hasFlags && isMissing[i] { continue }
                let g = Int(ids[i])
                let b = best[g]
                if b < 0 || precedes(values[i], values[b]) { best[g] = i }
            }
        }
        return best
    }

    /// For each group, its first (or last) row with a value, or -1.
    func edgeRows(_ flags: [Bool]?, last: Bool) throws -> [Int] {
        var rows = [Int](repeating: -1, count: groups)
        let hasFlags = flags != nil
        let isMissing = flags ?? []
        for range in FixedChunks(total: rowCount, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range {
                if hasFlags && isMissing[i] { continue }
                let g = Int(ids[i])
                if last || rows[g] < 0 { rows[g] = i }
            }
        }
        return rows
    }

    /// Distinct non-missing values per group, from the dense ids of the values.
    func distinctCounts(_ valueKeys: DenseKeys) throws -> [Int64] {
        let groupKeys = DenseKeys(ids: ids, count: groups, firstRow: [])
        let pairs = try DenseKeyEncoder.combine(groupKeys, valueKeys, context: context)
        var counts = [Int64](repeating: 0, count: groups)
        for row in pairs.firstRow { counts[Int(ids[row])] += 1 }
        return counts
    }
}
