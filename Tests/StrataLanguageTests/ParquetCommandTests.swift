import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `load`, `export` and `schema` on Parquet files through the interpreter.
@Suite struct ParquetCommandTests {
    static let fixtures = HelpExamplesTests.root + "/Tests/StrataEngineTests/Fixtures/parquet"

    static func run(_ interpreter: Interpreter, _ line: String) -> Result<String, ParquetCommandFailure> {
        switch interpreter.execute(line) {
        case .success(let output): return .success(OutputRenderer.render(output, style: .batch))
        case .failure(let message): return .failure(ParquetCommandFailure(message: message))
        default: return .failure(ParquetCommandFailure(message: "no result"))
        }
    }

    struct ParquetCommandFailure: Error { let message: String }

    @Test func loadWithColumnsRecordsTheFile() throws {
        let i = Interpreter(registry: StandardCommands.registry)
        let path = Self.fixtures + "/types_gzip_v1.parquet"
        _ = try Self.run(i, "load \"\(path)\" cols=city,id as t").get()
        let table = try #require(i.workspace.table("t"))
        #expect(table.columnNames == ["city", "id"])
        #expect(table.rowCount == 240)
        let record = try #require(i.workspace.inputs.first { $0.path == path })
        #expect(record.rows == 240)
        #expect(record.sha256 == FileDigest.sha256(path: path))
    }

    @Test func csvOptionsOnParquetAndColsOnCSVAreErrors() {
        let i = Interpreter(registry: StandardCommands.registry)
        let parquet = Self.fixtures + "/types_gzip_v1.parquet"
        guard case .failure(let a) = Self.run(i, "load \"\(parquet)\" delim=\";\"") else { Issue.record("delim= accepted"); return }
        #expect(a.message.contains("delim= applies to CSV files"))
        guard case .failure(let b) = Self.run(i, "load \"\(Self.fixtures)/types_gzip_v1.csv\" cols=id") else { Issue.record("cols= accepted"); return }
        #expect(b.message.contains("cols= reads only some columns of a Parquet file"))
        guard case .failure(let c) = Self.run(i, "schema \"\(Self.fixtures)/types_gzip_v1.csv\"") else { Issue.record("schema of CSV"); return }
        #expect(c.message.contains("is not one"))
    }

    @Test func exportThenLoadGivesTheSameTable() throws {
        let i = Interpreter(registry: StandardCommands.registry)
        let scratch = try ScratchDirectory("parquet-export")
        _ = try Self.run(i, "load \"\(Self.fixtures)/polars.parquet\" as p").get()
        let note = try Self.run(i, "export p \"\(scratch.path)/p.parquet\"").get()
        #expect(note.contains("(Parquet, Snappy)"))
        _ = try Self.run(i, "load \"\(scratch.path)/p.parquet\" as back").get()
        let a = try #require(i.workspace.table("p"))
        let b = try #require(i.workspace.table("back"))
        #expect(a.columnNames == b.columnNames)
        for (x, y) in zip(a.columns, b.columns) {
            #expect(x.type == y.type)
            #expect((0..<a.rowCount).allSatisfy { x.value(at: $0) == y.value(at: $0) }, "column \(x.name)")
        }
    }

    @Test func schemaOfAFileLoadsNothing() throws {
        let i = Interpreter(registry: StandardCommands.registry)
        let text = try Self.run(i, "schema \"\(Self.fixtures)/nested.parquet\"").get()
        #expect(text.contains("footer only; nothing loaded"))
        #expect(text.contains("column tags skipped: a list"))
        #expect(i.workspace.tableNames.isEmpty)
    }
}
