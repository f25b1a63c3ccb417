/// One loaded column's final arrays, allocated once for all its rows; each column chunk decodes
/// straight into its own rows (`ParquetChunkDecoder`), so no value is copied between pages,
/// chunks and the table.
final class ParquetColumnStore {
    let type: DataType
    let rows: Int
    private var ints: [Int64] = []
    private var doubles: [Double] = []
    private var bools: [Bool] = []
    private var codes: [Int32] = []
    /// One flag per row for an optional column, nil for a required one.
    private var missing: [Bool]?

    init(type: DataType, rows: Int, optional: Bool) {
        self.type = type
        self.rows = rows
        switch type {
        case .int, .date, .timestamp: ints = Self.unfilled(rows)
        case .float: doubles = Self.unfilled(rows)
        case .bool: bools = Self.unfilled(rows)
        case .string: codes = Self.unfilled(rows)
        }
        if optional { missing = Self.unfilled(rows) }
    }

    /// An array of plain values whose every element the chunks overwrite before anything reads
    /// it (each page writes all its rows, missing ones as placeholders), so zero-filling first
    /// would only cost time. A load that fails part-way throws the store away unread.
    private static func unfilled<T: BitwiseCopyable>(_ count: Int) -> [T] {
        [T](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// Calls `body` with the slots of row 0 and the missing flags, valid only inside `body`.
    func withSlots<R>(_ body: (ParquetSlots, UnsafeMutablePointer<Bool>?) throws -> R) rethrows -> R {
        func withMissing(_ slots: ParquetSlots) throws -> R {
            guard var flags = missing else { return try body(slots, nil) }
            // Moved out while borrowed, so the buffer is not shared and not copied.
            missing = nil
            defer { missing = flags }
            return try flags.withUnsafeMutableBufferPointer { try Self.address($0) { try body(slots, $0) } }
        }
        switch type {
        case .int, .date, .timestamp:
            return try ints.withUnsafeMutableBufferPointer { buffer in
                try buffer.withMemoryRebound(to: UInt64.self) { try Self.address($0) { try withMissing(.wide($0)) } }
            }
        case .float:
            return try doubles.withUnsafeMutableBufferPointer { buffer in
                try buffer.withMemoryRebound(to: UInt64.self) { try Self.address($0) { try withMissing(.wide($0)) } }
            }
        case .bool:
            return try bools.withUnsafeMutableBufferPointer { try Self.address($0) { try withMissing(.bools($0)) } }
        case .string:
            return try codes.withUnsafeMutableBufferPointer { try Self.address($0) { try withMissing(.codes($0)) } }
        }
    }

    /// The buffer's first element; an empty buffer may have no address, and then a spare
    /// element stands in (nothing is written to an empty column).
    private static func address<T, R>(_ buffer: UnsafeMutableBufferPointer<T>, _ body: (UnsafeMutablePointer<T>) throws -> R) rethrows -> R {
        if let base = buffer.baseAddress { return try body(base) }
        let spare = UnsafeMutablePointer<T>.allocate(capacity: 1)
        defer { spare.deallocate() }
        return try body(spare)
    }

    /// `body` with every store's slots at once (each valid only inside `body`).
    static func withAllSlots<R>(_ stores: ArraySlice<ParquetColumnStore>, _ collected: [(ParquetSlots, UnsafeMutablePointer<Bool>?)] = [],
                                _ body: ([(ParquetSlots, UnsafeMutablePointer<Bool>?)]) throws -> R) rethrows -> R {
        guard let first = stores.first else { return try body(collected) }
        return try first.withSlots { slots, missing in
            try withAllSlots(stores.dropFirst(), collected + [(slots, missing)], body)
        }
    }

    /// The finished column. `chunks` are this column's chunk outputs in file and row-group order,
    /// `starts` their first rows. Text chunks each carry their own string table; they are merged
    /// into one dictionary in first-seen order, so the result does not depend on how the chunks
    /// were scheduled.
    func column(name: String, chunks: [ParquetChunkDecoder.Output], starts: [Int]) -> Column {
        let data: ColumnData
        switch type {
        case .int: data = .int(ints)
        case .date: data = .date(ints)
        case .timestamp: data = .timestamp(ints)
        case .float: data = .float(doubles)
        case .bool: data = .bool(bools)
        case .string:
            mergeStrings(chunks, starts: starts)
            data = .string(codes: codes, dictionary: dictionary)
        }
        guard missing != nil, chunks.contains(where: \.anyMissing) else { return Column(name: name, data: data) }
        return Column(name: name, data: data, missing: MissingMask(flags: missingFlags(chunks, starts: starts)))
    }

    /// The missing flags, complete: chunks that had a missing value wrote all of theirs, the
    /// others wrote none (every row of theirs has a value), so those are filled in here.
    private func missingFlags(_ chunks: [ParquetChunkDecoder.Output], starts: [Int]) -> [Bool] {
        guard var flags = missing else { return [] }
        missing = nil
        flags.withUnsafeMutableBufferPointer { out in
            for (index, chunk) in chunks.enumerated() where !chunk.anyMissing {
                let start = min(starts[index], rows)
                let end = index + 1 < starts.count ? min(starts[index + 1], rows) : rows
                if start < end { UnsafeMutableBufferPointer(rebasing: out[start..<end]).update(repeating: false) }
            }
        }
        return flags
    }

    private var dictionary: [String] = []

    private func mergeStrings(_ chunks: [ParquetChunkDecoder.Output], starts: [Int]) {
        var lookup: [String: Int32] = [:]
        for (index, chunk) in chunks.enumerated() {
            let start = starts[index]
            let end = index + 1 < starts.count ? starts[index + 1] : rows
            var remap = [Int32](repeating: -1, count: chunk.strings.count)
            for (local, text) in chunk.strings.enumerated() {
                if let code = lookup[text] {
                    remap[local] = code
                } else {
                    let code = Int32(dictionary.count)
                    dictionary.append(text)
                    lookup[text] = code
                    remap[local] = code
                }
            }
            remap.withUnsafeBufferPointer { map in
                codes.withUnsafeMutableBufferPointer { out in
                    for row in start..<min(end, rows) {
                        let c = out[row]
                        out[row] = c >= 0 && Int(c) < map.count ? map[Int(c)] : -1
                    }
                }
            }
        }
    }
}
