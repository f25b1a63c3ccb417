import Foundation
import Testing
@testable import StrataEngine

private typealias S = CSVTestSupport

@Suite("CSV writer")
struct CSVWriterTests {
    private func fileBytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    private func text(_ table: Table, delimiter: UInt8 = UInt8(ascii: ",")) -> String {
        String(decoding: CSVWriter.encode(table, delimiter: delimiter), as: UTF8.self)
    }

    @Test func quotesOnlyWhatNeedsQuoting() throws {
        let table = try Table(columns: [
            Column.fromValues(name: "s", type: .string, values: [
                .string("plain"), .string("a,b"), .string("say \"hi\""), .string("two\nlines"), .string("cr\rhere"), .missing,
            ]),
            Column.fromValues(name: "odd,name", type: .int, values: [.int(1), .int(-2), .missing, .int(Int64.min), .int(0), .int(7)]),
        ])
        #expect(text(table) == "s,\"odd,name\"\nplain,1\n\"a,b\",-2\n\"say \"\"hi\"\"\",\n\"two\nlines\",-9223372036854775808\n\"cr\rhere\",0\n,7\n")
        #expect(text(table, delimiter: UInt8(ascii: "\t")).hasPrefix("s\todd,name\nplain\t1\na,b\t-2\n"))
    }

    @Test func formatsEveryType() throws {
        let table = try Table(columns: [
            Column.fromValues(name: "f", type: .float, values: [.float(0.1), .float(1), .float(1e-7), .float(.infinity)]),
            Column.fromValues(name: "b", type: .bool, values: [.bool(true), .bool(false), .missing, .bool(true)]),
            Column.fromValues(name: "d", type: .date, values: [.date(S.day(2024, 2, 29)), .missing, .date(0), .date(-1)]),
            Column.fromValues(name: "t", type: .timestamp, values: [.timestamp(S.day(2010, 12, 1) * 86_400 + 30_360), .missing, .timestamp(59), .timestamp(-1)]),
        ])
        let lines = text(table).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "f,b,d,t")
        #expect(lines[1] == "0.1,true,2024-02-29,2010-12-01 08:26:00")
        #expect(lines[2] == "1.0,false,,")
        #expect(lines[3] == "1e-07,,1970-01-01,1970-01-01 00:00:59")
        #expect(lines[4] == "inf,true,1969-12-31,1969-12-31 23:59:59")
    }

    @Test func writeThenReadGivesTheSameTable() throws {
        var rng = SeededGenerator(seed: 99)
        let n = 500
        let words = ["plain", "a,b", "quote \"q\"", "multi\nline", "crlf\r\nx", " padded ", "ünïcødé", "tab\there"]
        func maybe(_ value: Value) -> Value { rng.nextInt(below: 8) == 0 ? .missing : value }
        let table = try Table(columns: [
            Column.fromValues(name: "i", type: .int, values: (0..<n).map { _ in maybe(.int(Int64(rng.nextInt(below: 2_000_000)) - 1_000_000)) }),
            Column.fromValues(name: "f", type: .float, values: (0..<n).map { _ in maybe(.float((rng.nextDouble() - 0.5) * 1e6)) }),
            Column.fromValues(name: "s", type: .string, values: (0..<n).map { _ in maybe(.string(words[rng.nextInt(below: words.count)])) }),
            Column.fromValues(name: "b", type: .bool, values: (0..<n).map { _ in maybe(.bool(rng.nextInt(below: 2) == 0)) }),
            Column.fromValues(name: "d", type: .date, values: (0..<n).map { _ in maybe(.date(Int64(rng.nextInt(below: 40_000)))) }),
            Column.fromValues(name: "t", type: .timestamp, values: (0..<n).map { _ in maybe(.timestamp(Int64(rng.nextInt(below: 2_000_000_000)))) }),
        ])
        let back = try CSVReader.read(bytes: CSVWriter.encode(table)).table
        #expect(S.sameTable(table, back))
        let tabbed = try CSVReader.read(bytes: CSVWriter.encode(table, delimiter: UInt8(ascii: "\t")), name: "x.tsv").table
        #expect(S.sameTable(table, tabbed))
    }

    @Test func roundTripsThroughAFile() throws {
        let directory = try CSVTemporaryDirectory()
        let path = directory.path + "/out.csv"
        let table = try CSVReader.read(text: "a,b\n1,\"x, y\"\n2,z\n").table
        try CSVWriter.write(table, to: path)
        let back = try CSVReader.read(path: path).table
        #expect(S.sameTable(table, back))
    }

    @Test func writingToAMissingFolderIsAClearError() throws {
        let table = try CSVReader.read(text: "a\n1\n").table
        let error = #expect(throws: AtomicFile.WriteError.self) {
            try CSVWriter.write(table, to: "/nonexistent-folder-strata/out.csv")
        }
        #expect(error?.message == "cannot write '/nonexistent-folder-strata/out.csv': its folder does not exist")
        #expect(error?.suggestion == "create the folder first, or write somewhere else")
    }

    @Test func writingOverAFolderIsAClearError() throws {
        let directory = try CSVTemporaryDirectory()
        let table = try CSVReader.read(text: "a\n1\n").table
        let error = #expect(throws: AtomicFile.WriteError.self) { try CSVWriter.write(table, to: directory.path) }
        #expect(error?.reason == "it is a directory, not a file")
        #expect(error?.suggestion == "name a file inside it")
    }

    @Test func aFailedWriteLeavesTheOldFileAsItWas() throws {
        let directory = try CSVTemporaryDirectory()
        let old = Array("old,contents\n1,2\n".utf8)
        let path = directory.write("out.csv", old)
        // A folder where the temporary file would go makes the export fail after the old file was found.
        #expect(mkdir(path + ".strata-partial", 0o755) == 0)
        let table = try CSVReader.read(text: "a\n1\n").table
        #expect(throws: AtomicFile.WriteError.self) { try CSVWriter.write(table, to: path) }
        #expect(fileBytes(path) == old)
    }

    @Test func largeTablesAreWrittenInPiecesAndReadBack() throws {
        // More than the 1 MiB handed to the file at a time, so the streaming path really streams.
        let n = 120_000
        let table = try Table(columns: [
            Column(name: "i", data: .int((0..<Int64(n)).map { $0 * 1_000_003 })),
            Column(name: "s", data: .string(codes: (0..<n).map { Int32($0 % 3) }, dictionary: ["a", "b,c", "d\"e"])),
        ])
        let directory = try CSVTemporaryDirectory()
        let path = directory.path + "/big.csv"
        try CSVWriter.write(table, to: path)
        let written = try #require(fileBytes(path))
        #expect(written.count > 1 << 20)
        #expect(written == CSVWriter.encode(table))
    }
}
