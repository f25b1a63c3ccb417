import StrataEngine

/// The Parquet side of `load`, `export` and `schema`: each of those commands hands over here
/// when its path names a Parquet file or folder.
package enum ParquetCommands {
    package static let cols = CommandOption<[String]?>.list("cols", describedAs: "all", "Parquet only: read just these columns")

    /// Options of `load` that only mean something for CSV text.
    private static let csvOnlyOptions = ["delim", "header", "types", "na", "dateformat", "onerror"]

    /// `load "x.parquet"` (or a folder of part files); nil when the path is not Parquet.
    package static func load(_ parsed: ParsedCommand, _ ctx: inout CommandContext) throws -> CommandOutput? {
        let path = parsed.text("file") ?? ""
        guard ParquetParts.isParquetPath(path) else {
            if parsed.isGiven(cols) {
                throw parsed.error("cols= reads only some columns of a Parquet file; a CSV file is read whole",
                                   at: parsed.span(cols), suggestion: "load it, then 'select' the columns")
            }
            return nil
        }
        if let key = csvOnlyOptions.first(where: { parsed.options[$0] != nil }) {
            throw parsed.error("\(key)= applies to CSV files; a Parquet file states its own types",
                               at: parsed.options[key]?.span)
        }
        let result = try ParquetReader.read(path: path, columns: parsed[cols], context: ctx.run)
        let table = result.table
        let name = try ctx.bindResult(table, for: parsed)
        ctx.workspace.recordInput(FileRecord(path: path, sha256: FileDigest.sha256(path: path), rows: table.rowCount))
        let columns = table.columns.map { "\($0.name) (\($0.type.rawValue))" }.joined(separator: ", ")
        let parts = result.files.count > 1 ? "\(result.files.count) part files, " : ""
        let groups = Format.count(result.rowGroupCount, "row group")
        var out = CommandOutput.note("\(Format.shape(name, table)) from \(path) (Parquet, \(parts)\(groups))\ncolumns: \(columns)")
        for note in result.notes { out.append(.note(note)) }
        return out
    }

    /// `export TABLE "x.parquet"`; nil when the path is not a .parquet file.
    package static func export(_ parsed: ParsedCommand, _ ctx: inout CommandContext) throws -> CommandOutput? {
        let path = parsed.text("file") ?? ""
        guard path.lowercased().hasSuffix(".parquet") else { return nil }
        if parsed.isGiven(DataCommands.exportDelim) {
            let span = parsed.span(DataCommands.exportDelim)
            throw parsed.error("delim= applies to CSV files", at: span)
        }
        let table = try ctx.subjectTable(parsed)
        try ParquetWriter.write(table, to: path, context: ctx.run)
        return .note("wrote \(Format.count(table.rowCount)) rows × \(table.columnCount) columns to \(path) (Parquet, Snappy)")
    }

    /// `schema "x.parquet"`: the file's columns and row groups from its footer, without loading
    /// the data; nil when the command names a table.
    package static func schema(_ parsed: ParsedCommand) throws -> CommandOutput? {
        guard parsed.subject == nil, let path = parsed.text("table") else { return nil }
        guard ParquetParts.isParquetPath(path) else {
            throw parsed.error("schema reads the footer of a Parquet file or folder; '\(path)' is not one",
                               at: parsed.span("table"), suggestion: "load a CSV file first, then 'schema' the table")
        }
        let summary = try ParquetFileSummary.read(path: path)
        var names = ColumnBuilder(name: "column", type: .string)
        var parquetTypes = ColumnBuilder(name: "parquet type", type: .string)
        var strataTypes = ColumnBuilder(name: "loads as", type: .string)
        var nulls = ColumnBuilder(name: "nulls", type: .int)
        var codecs = ColumnBuilder(name: "codec", type: .string)
        var skipped: [String] = []
        for column in summary.columns {
            names.appendString(column.name)
            parquetTypes.appendString(column.parquetType + (column.isOptional ? "" : " required"))
            strataTypes.appendString(column.strataType?.rawValue ?? "skipped")
            let field = column.name.split(separator: ".").first.map(String.init) ?? column.name
            if column.strataType == nil, let reason = column.skipReason, !skipped.contains(where: { $0.hasPrefix("column \(field) ") }) {
                skipped.append("column \(field) skipped: \(reason)")
            }
            nulls.append(column.nullCount.map { .int($0) } ?? .missing)
            codecs.appendString(column.codecs)
        }
        let columnTable = Table(
            uncheckedColumns: [names.finish(), parquetTypes.finish(), strataTypes.finish(), nulls.finish(), codecs.finish()],
            rowCount: summary.columns.count)

        var groupFiles = ColumnBuilder(name: "file", type: .string)
        var groupIndex = ColumnBuilder(name: "row group", type: .int)
        var groupRows = ColumnBuilder(name: "rows", type: .int)
        var groupBytes = ColumnBuilder(name: "bytes", type: .int)
        var groupRaw = ColumnBuilder(name: "uncompressed", type: .int)
        for group in summary.rowGroups {
            groupFiles.appendString(group.file.split(separator: "/").last.map(String.init) ?? group.file)
            groupIndex.append(.int(Int64(group.index)))
            groupRows.append(.int(Int64(group.rows)))
            groupBytes.append(.int(group.compressedBytes))
            groupRaw.append(.int(group.uncompressedBytes))
        }
        var groupColumns = [groupIndex.finish(), groupRows.finish(), groupBytes.finish(), groupRaw.finish()]
        if summary.files.count > 1 { groupColumns.insert(groupFiles.finish(), at: 0) }
        let groupTable = Table(uncheckedColumns: groupColumns, rowCount: summary.rowGroups.count)

        let parts = summary.files.count > 1 ? " in \(summary.files.count) part files" : ""
        let writer = summary.createdBy.map { ", written by \($0)" } ?? ""
        var out = CommandOutput([
            .table(columnTable, showShape: false),
            .table(groupTable, title: "row groups", showShape: false),
            .note("\(path): \(Format.count(summary.rowCount)) rows × \(summary.columns.count) columns, "
                  + "\(Format.count(summary.rowGroups.count, "row group"))\(parts)\(writer) (footer only; nothing loaded)"),
        ])
        for note in skipped { out.append(.note(note)) }
        return out
    }
}
