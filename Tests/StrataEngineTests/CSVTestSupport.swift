import Testing
@testable import StrataEngine

/// Shared helpers for the CSV tests.
enum CSVTestSupport {
    static func load(
        _ text: String, name: String = "data.csv", options: CSVOptions = CSVOptions(),
        bufferSize: Int = CSVChunkStream.defaultBufferSize, parallel: Bool? = nil
    ) throws -> CSVLoadResult {
        try loadBytes(Array(text.utf8), name: name, options: options, bufferSize: bufferSize, parallel: parallel)
    }

    static func loadBytes(
        _ bytes: [UInt8], name: String = "data.csv", options: CSVOptions = CSVOptions(),
        bufferSize: Int = CSVChunkStream.defaultBufferSize, parallel: Bool? = nil
    ) throws -> CSVLoadResult {
        try CSVReader.load(
            CSVMemorySource(displayName: name, bytes: bytes), extensionHint: name, options: options,
            context: .quiet, bufferSize: bufferSize, parallel: parallel)
    }

    /// The error a load throws, or nil (which fails the calling expectation).
    static func loadError(_ text: String, name: String = "data.csv", options: CSVOptions = CSVOptions()) -> CSVError? {
        loadErrorBytes(Array(text.utf8), name: name, options: options)
    }

    static func loadErrorBytes(_ bytes: [UInt8], name: String = "data.csv", options: CSVOptions = CSVOptions()) -> CSVError? {
        do {
            _ = try loadBytes(bytes, name: name, options: options)
            return nil
        } catch let error as CSVError {
            return error
        } catch {
            return nil
        }
    }

    static func values(_ table: Table, _ name: String) -> [Value] {
        guard let column = table.column(name) else { return [] }
        return (0..<column.count).map { column.value(at: $0) }
    }

    static func type(_ table: Table, _ name: String) -> DataType? { table.column(name)?.type }

    /// Same names, types and cells (floats compared bit for bit apart from NaN).
    static func sameTable(_ a: Table, _ b: Table) -> Bool {
        guard a.columnNames == b.columnNames, a.rowCount == b.rowCount else { return false }
        for (x, y) in zip(a.columns, b.columns) {
            guard x.type == y.type else { return false }
            for row in 0..<a.rowCount where x.value(at: row) != y.value(at: row) { return false }
        }
        return true
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Int64 { CivilCalendar.days(year: y, month: m, day: d) }
}
