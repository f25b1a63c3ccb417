/// Joins one column's decoded chunks (in file and row-group order) into a Strata column. Text
/// chunks each carry their own string table; they are merged into one dictionary in first-seen
/// order, so the result does not depend on how the chunks were scheduled.
enum ParquetColumnAssembly {
    static func column(name: String, type: DataType, chunks: [ParquetChunkDecoder.Output]) -> Column {
        let total = chunks.reduce(0) { $0 + $1.values.count }
        let data: ColumnData
        switch type {
        case .int, .date, .timestamp:
            let out = joined(chunks, total: total) { if case .ints(let v) = $0 { return v } else { return [] } }
            data = type == .int ? .int(out) : type == .date ? .date(out) : .timestamp(out)
        case .float:
            data = .float(joined(chunks, total: total) { if case .doubles(let v) = $0 { return v } else { return [] } })
        case .bool:
            data = .bool(joined(chunks, total: total) { if case .bools(let v) = $0 { return v } else { return [] } })
        case .string:
            data = mergedStrings(chunks, total: total)
        }
        guard chunks.contains(where: { $0.missing != nil }) else { return Column(name: name, data: data) }
        var flags: [Bool] = []
        flags.reserveCapacity(total)
        for chunk in chunks {
            if let m = chunk.missing {
                flags.append(contentsOf: m)
            } else {
                flags.append(contentsOf: repeatElement(false, count: chunk.values.count))
            }
        }
        return Column(name: name, data: data, missing: MissingMask(flags: flags))
    }

    /// The chunks' values one after another; a single chunk's array is taken as it is, without a copy.
    private static func joined<T>(
        _ chunks: [ParquetChunkDecoder.Output], total: Int, _ values: (ParquetDenseValues) -> [T]
    ) -> [T] {
        if chunks.count == 1 { return values(chunks[0].values) }
        var out: [T] = []
        out.reserveCapacity(total)
        for chunk in chunks { out.append(contentsOf: values(chunk.values)) }
        return out
    }

    private static func mergedStrings(_ chunks: [ParquetChunkDecoder.Output], total: Int) -> ColumnData {
        var dictionary: [String] = []
        var lookup: [String: Int32] = [:]
        var codes: [Int32] = []
        codes.reserveCapacity(total)
        for chunk in chunks {
            guard case .codes(let local) = chunk.values else { continue }
            var remap = [Int32](repeating: -1, count: chunk.strings.count)
            for (index, text) in chunk.strings.enumerated() {
                if let code = lookup[text] {
                    remap[index] = code
                } else {
                    let code = Int32(dictionary.count)
                    dictionary.append(text)
                    lookup[text] = code
                    remap[index] = code
                }
            }
            remap.withUnsafeBufferPointer { map in
                for c in local {
                    codes.append(c >= 0 && Int(c) < map.count ? map[Int(c)] : -1)
                }
            }
        }
        return .string(codes: codes, dictionary: dictionary)
    }
}
