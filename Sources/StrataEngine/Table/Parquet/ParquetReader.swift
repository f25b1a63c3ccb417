/// Loads Parquet files, or folders of part files, into tables.
///
/// Only the column chunks of the columns asked for are read. Each (file, row group, column)
/// chunk is decoded independently, on both cores, and the chunks are joined in file and row-group
/// order, so the table is the same on one thread or many. See docs/parquet.md for the types read
/// and the limits.
public enum ParquetReader {
    /// A file claiming more rows than this many per byte is refused before anything is allocated:
    /// even a constant column packs fewer rows per byte in real files.
    static let maxRowsPerByte = 4096

    public static func read(path: String, columns requested: [String]? = nil, context: RunContext = .quiet) throws -> ParquetLoadResult {
        let paths = try ParquetParts.files(at: path)
        let files = try paths.map { try ParquetFile(path: $0) }
        guard let first = files.first else { throw ParquetError(file: path, reason: "no part files") }
        for other in files.dropFirst() { try checkSameSchema(first, other) }

        let leaves = try selectedLeaves(first.schema, requested: requested, file: path)
        guard !leaves.isEmpty else {
            throw ParquetError(file: path, reason: "none of its columns has a Strata type: "
                               + skippedNotes(first.schema, requested: nil).joined(separator: "; "))
        }
        var notes = skippedNotes(first.schema, requested: requested)
        notes += leaves.compactMap(typeNote)

        // One task per (file, row group, column) chunk, in that order; each knows its first row.
        var plan: [(file: ParquetFile, group: ParquetRowGroup, groupIndex: Int, column: Int, start: Int)] = []
        var totalRows = 0
        var totalBytes = 0
        for file in files {
            totalBytes += file.size
            for (groupIndex, group) in file.metadata.rowGroups.enumerated() {
                for column in leaves.indices { plan.append((file, group, groupIndex, column, totalRows)) }
                totalRows += group.rowCount
            }
        }
        guard totalRows <= max(totalBytes, 1) * maxRowsPerByte else {
            throw ParquetError(file: path, reason: "the row groups claim \(totalRows) rows in \(totalBytes) bytes, which no real file holds")
        }

        let stores = leaves.map { ParquetColumnStore(type: $0.kind?.strataType ?? .string, rows: totalRows, optional: $0.isOptional) }
        let tasks = plan
        context.progress.begin("loading file", total: tasks.count, unit: "chunks")
        defer { context.progress.end() }
        let outputs = DisjointWrites<ParquetChunkDecoder.Output?>(repeating: nil, count: tasks.count)
        try ParquetColumnStore.withAllSlots(stores[...]) { targets in
            try FixedChunks(pieces: tasks.count).forEach(cancellation: context.cancellation) { index in
                let task = tasks[index]
                let (slots, missing) = targets[task.column]
                outputs[index] = try decodeChunk(task.file, group: task.group, groupIndex: task.groupIndex, leaf: leaves[task.column],
                                                 into: slots.advanced(by: task.start), missing: missing.map { $0 + task.start })
            }
        }

        var built: [Column] = []
        for (column, leaf) in leaves.enumerated() {
            let mine = stride(from: column, to: tasks.count, by: leaves.count)
            let chunks = mine.compactMap { outputs[$0] }
            var found = ParquetDecodeNotes()
            for chunk in chunks { found.merge(chunk.notes) }
            if found.fractionalSeconds > 0 {
                notes.append("column \(leaf.path[0]): fractional seconds dropped from \(found.fractionalSeconds) values (Strata timestamps hold whole seconds)")
            }
            var loaded = stores[column].column(name: leaf.path[0], chunks: chunks, starts: mine.map { tasks[$0].start })
            if case .float(let values) = loaded.data {
                // Parquet keeps no written places; a DECIMAL's scale says them, else the values do.
                if case .decimal(let scale, _)? = leaf.kind, scale <= ColumnDisplay.maxDecimals {
                    loaded.display = ColumnDisplay(decimals: scale)
                } else {
                    loaded.display = ColumnDisplay(decimals: ColumnDisplay.decimalsCarried(by: values))
                }
            }
            built.append(loaded)
        }
        let table = Table(uncheckedColumns: built, rowCount: totalRows)
        return ParquetLoadResult(
            table: table, files: paths, rowGroupCount: files.reduce(0) { $0 + $1.metadata.rowGroups.count }, notes: notes)
    }

    private static func decodeChunk(
        _ file: ParquetFile, group: ParquetRowGroup, groupIndex: Int, leaf: ParquetSchema.Leaf,
        into slots: ParquetSlots, missing: UnsafeMutablePointer<Bool>?
    ) throws -> ParquetChunkDecoder.Output {
        let chunk = group.columns[leaf.index]
        let where_ = "column \(leaf.path[0]), row group \(groupIndex + 1)"
        guard let kind = leaf.kind else { throw ParquetError(file: file.path, reason: "\(where_): not readable") }
        guard chunk.externalFile == nil else {
            throw ParquetError(file: file.path, reason: "\(where_) lives in another file (\(chunk.externalFile ?? "")), which Strata does not follow")
        }
        guard let codec = ParquetCodec(rawValue: chunk.codecRaw) else {
            throw ParquetError(file: file.path, reason: "\(where_): unknown compression codec #\(chunk.codecRaw)")
        }
        let bytes = try file.read(offset: chunk.startOffset, count: chunk.compressedSize, what: "the data of \(where_)")
        // This thread is about to write every slot of the chunk's rows: fault them in at once.
        let (start, byteCount) = slots.bytes(group.rowCount)
        Prefault.forWriting(start, byteCount: byteCount)
        let decoder = ParquetChunkDecoder(kind: kind, typeLength: leaf.element.typeLength ?? 0, isOptional: leaf.isOptional, codec: codec)
        do {
            return try decoder.decode(bytes, rows: group.rowCount, into: slots, missing: missing)
        } catch let corrupt as ParquetError.Corrupt {
            let suggestion = corrupt.reason.contains("does not read") ? "rewrite the file with pyarrow's defaults (Snappy, dictionary and PLAIN encodings)"
                : corrupt.reason.contains("does not fit") ? "load the other columns with cols= (leaving \(leaf.path[0]) out)" : nil
            throw ParquetError(file: file.path, reason: "\(where_) (\(codec.name)): \(corrupt.reason)", suggestion: suggestion)
        }
    }

    private static func selectedLeaves(_ schema: ParquetSchema, requested: [String]?, file: String) throws -> [ParquetSchema.Leaf] {
        guard let requested else { return schema.leaves.filter { $0.kind != nil } }
        var out: [ParquetSchema.Leaf] = []
        var seen = Set<String>()
        for name in requested where seen.insert(name).inserted {
            guard let leaf = schema.leaf(named: name) else {
                if let group = schema.skippedGroups.first(where: { $0.name == name }) {
                    throw ParquetError(file: file, reason: "column \(name) cannot be loaded: it is \(group.reason)")
                }
                throw ParquetError(file: file, reason: "no column '\(name)'",
                                   suggestion: Suggestions.columnHint(for: name, among: schema.topLevelNames))
            }
            guard leaf.kind != nil else {
                throw ParquetError(file: file, reason: "column \(name) cannot be loaded: it is \(leaf.skipReason ?? "of an unsupported type")")
            }
            out.append(leaf)
        }
        return out
    }

    private static func skippedNotes(_ schema: ParquetSchema, requested: [String]?) -> [String] {
        guard requested == nil else { return [] }
        var notes = schema.skippedGroups.map { "column \($0.name) skipped: \($0.reason)" }
        for leaf in schema.leaves where leaf.path.count == 1 && leaf.kind == nil {
            notes.append("column \(leaf.path[0]) skipped: \(leaf.skipReason ?? "unsupported type")")
        }
        return notes
    }

    private static func typeNote(_ leaf: ParquetSchema.Leaf) -> String? {
        switch leaf.kind {
        case .decimal(let scale, _)?:
            var precision = leaf.element.precision
            if case .decimal(_, let p)? = leaf.element.logical { precision = p }
            return "column \(leaf.path[0]): DECIMAL(\(precision),\(scale)) read as float (a double holds about 15–16 significant digits)"
        case .timestamp(_, adjustedToUTC: true)?:
            return "column \(leaf.path[0]): UTC timestamps, shown as UTC times"
        default:
            return nil
        }
    }

    private static func checkSameSchema(_ a: ParquetFile, _ b: ParquetFile) throws {
        func signature(_ leaf: ParquetSchema.Leaf) -> String {
            "\(leaf.path.joined(separator: ".")) \(leaf.element.physicalType?.name ?? "?") \(leaf.kind.map { "\($0.strataType)" } ?? "skipped")"
        }
        let left = a.schema.leaves.map(signature)
        let right = b.schema.leaves.map(signature)
        guard left != right else { return }
        let difference: String
        if let i = zip(left, right).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            difference = "column \(i + 1) is '\(left[i])' in one and '\(right[i])' in the other"
        } else {
            difference = "one has \(left.count) columns, the other \(right.count)"
        }
        throw ParquetError(
            file: b.path, reason: "its schema differs from \(a.path)'s: \(difference)",
            suggestion: "part files of one table must share a schema; load them separately")
    }
}
