/// Commands that move tables between files and the workspace.
package enum DataCommands {
    package static let all: [CommandSpec] = [load, export]

    package static let load = CommandSpec(
        "load", group: .data, summary: "Load a CSV, TSV or Parquet file (or a folder of Parquet part files) as a table.",
        arguments: [.path("file", help: "the file to read, in double quotes")],
        options: [LoadOptions.delim, LoadOptions.header, LoadOptions.types, LoadOptions.na, LoadOptions.dateFormat, LoadOptions.onError,
                  ParquetCommands.cols],
        binding: .named { p in defaultName(forPath: p.text("file") ?? "table") },
        details: "Column types are inferred from every row: int, float, date, timestamp, bool, else text. "
            + "Quoted fields may hold separators, quotes (doubled) and line breaks (RFC 4180). "
            + "Without 'as NAME' the table is named after the file. "
            + "A .parquet file, or a folder of part files, is read with the types it states (see docs/parquet.md).",
        examples: ["load \"datasets/transactions.csv\" as tx",
                   "load \"datasets/customers.csv\" types=customer_id:string na=NA,unknown",
                   "load \"datasets/ratings.csv\" onerror=skip as ratings",
                   "load \"Tests/StrataEngineTests/Fixtures/parquet/spark_parts\" cols=id,city,ts_us as parts"],
        fileAccess: .reads
    ) { parsed, ctx in
        if let parquet = try ParquetCommands.load(parsed, &ctx) { return parquet }
        let path = parsed.text("file") ?? ""
        var options = CSVOptions()
        if let d = parsed[LoadOptions.delim] {
            guard let byte = delimiterByte(d) else {
                throw SyntaxError("delim must be one character, or tab", at: parsed.span(LoadOptions.delim), suggestion: "e.g. delim=\";\"")
            }
            options.delimiter = byte
        }
        options.hasHeader = parsed[LoadOptions.header]
        if let na = parsed[LoadOptions.na] { options.missingTokens = Set(na) }
        options.dateFormat = parsed[LoadOptions.dateFormat]
        options.onError = parsed[LoadOptions.onError]
        for (column, typeName) in parsed[LoadOptions.types]?.pairs ?? [] {
            guard let type = DataType(userName: typeName) else {
                throw SyntaxError("unknown type '\(typeName)' for column \(column)", at: parsed.span(LoadOptions.types),
                                  suggestion: Suggestions.didYouMean(typeName, among: DataType.allCases.map(\.rawValue))
                                    ?? "types: int, float, string, bool, date, timestamp")
            }
            options.typeOverrides[column] = type
        }
        let result = try CSVReader.read(path: path, options: options, context: ctx.run)
        let unknownOverrides = options.typeOverrides.keys.filter { result.table.column($0) == nil }.sorted()
        if let first = unknownOverrides.first {
            throw SyntaxError("types= names a column the file does not have: '\(first)'", at: parsed.span(LoadOptions.types),
                              suggestion: Suggestions.columnHint(for: first, among: result.table.columnNames))
        }
        let name = try ctx.bindResult(result.table, for: parsed)
        ctx.workspace.recordInput(FileRecord(path: path, sha256: FileDigest.sha256(path: path), rows: result.table.rowCount))
        let t = result.table
        var out = CommandOutput.note("\(Format.shape(name, t)) from \(path)\n" + ColumnListing.line(t, name: name))
        for n in result.notes { out.append(.note(n)) }
        if result.skippedRows > 0 {
            let examples = result.skippedExamples.map { "  " + $0.description }.joined(separator: "\n")
            let rows = result.skippedRows == 1 ? "bad row" : "bad rows"
            out.append(.warning("skipped \(Format.count(result.skippedRows)) \(rows) (onerror=skip); the first:\n" + examples))
        }
        return out
    }

    package static let export = CommandSpec(
        "export", group: .data, summary: "Write a table to a CSV file, or to Parquet when the name ends in .parquet.",
        arguments: [.table("table", help: "the table to write"), .path("file", help: "the file to write, in double quotes")],
        options: [exportDelim],
        details: "Fields holding the separator, quotes or line breaks are quoted (RFC 4180); missing values are empty; "
            + "dates are ISO 8601. The file is written to a temporary name and renamed, so a failed export leaves no half file.",
        examples: ["export tx \"/tmp/tx.csv\"", "export customers \"/tmp/customers.tsv\"", "export tx \"/tmp/tx.parquet\""],
        fileAccess: .writes
    ) { parsed, ctx in
        if let parquet = try ParquetCommands.export(parsed, &ctx) { return parquet }
        let table = try ctx.subjectTable(parsed)
        let path = parsed.text("file") ?? ""
        var delimiter: UInt8 = path.hasSuffix(".tsv") || path.hasSuffix(".tab") ? 9 : UInt8(ascii: ",")
        if let d = parsed[exportDelim] {
            guard let byte = delimiterByte(d) else {
                throw SyntaxError("delim must be one character, or tab", at: parsed.span(exportDelim))
            }
            delimiter = byte
        }
        try CSVWriter.write(table, to: path, delimiter: delimiter)
        return .note("wrote \(Format.count(table.rowCount)) rows × \(table.columnCount) columns to \(path)")
    }

    package static let exportDelim = CommandOption.text("delim", describedAs: "comma (tab for .tsv)", "field separator")

    /// "datasets/online-retail.csv" → "online_retail"
    package static func defaultName(forPath path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.split(separator: ".").first.map(String.init) ?? file
        var name = String(stem.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        if name.first.map({ $0.isNumber }) ?? true { name = "t_" + name }
        return name
    }

    package static func delimiterByte(_ text: String) -> UInt8? {
        switch text.lowercased() {
        case "tab", "\\t", "\t": return 9
        default:
            let bytes = Array(text.utf8)
            return bytes.count == 1 && bytes[0] != UInt8(ascii: "\"") && bytes[0] != 10 && bytes[0] != 13 ? bytes[0] : nil
        }
    }
}

/// The options of `load`.
package enum LoadOptions {
    package static let delim = CommandOption.text("delim", describedAs: "by extension, or sniffed from the header", "field separator: a character, or tab")
    package static let header = CommandOption.flag("header", default: true, "whether the first line names the columns")
    package static let types = CommandOption.pairs("types", "force column types, e.g. types=id:string,day:date (int, float, string, bool, date, timestamp)")
    package static let na = CommandOption.list("na", describedAs: "\"\",NA,N/A,NaN,null,NULL", "cells that mean missing, comma-separated")
    package static let dateFormat = CommandOption.text("dateformat", describedAs: "ISO and M/D/YYYY [H:MM]", "a pattern such as \"%d/%m/%Y %H:%M\"")
    package static let onError = CommandOption.choice("onerror", default: CSVErrorPolicy.fail, "skip leaves out bad rows and reports them")
}

extension CSVErrorPolicy: OptionChoice {}
