import Foundation
import Testing
@testable import StrataEngine

/// Tables written by `ParquetWriter` read back equal by `ParquetReader`, for every Strata column
/// type, with missing values, several row groups and many pages.
@Suite struct ParquetRoundTripTests {
    static func sampleTable(rows: Int, seed: UInt64) throws -> Table {
        var g = SeededGenerator(seed: seed)
        var ints = ColumnBuilder(name: "n", type: .int)
        var floats = ColumnBuilder(name: "x", type: .float)
        var texts = ColumnBuilder(name: "name", type: .string)
        var flags = ColumnBuilder(name: "ok", type: .bool)
        var days = ColumnBuilder(name: "day", type: .date)
        var times = ColumnBuilder(name: "at", type: .timestamp)
        let words = ["alpha", "beta", "gamma", "δέλτα", "", "a,b \"quoted\""]
        for row in 0..<rows {
            let skip = g.nextInt(below: 9) == 0
            if skip { ints.appendMissing() } else { ints.append(.int(Int64(g.nextInt(below: 2_000_000)) - 1_000_000)) }
            if g.nextInt(below: 7) == 0 { floats.appendMissing() } else { floats.append(.float(g.nextGaussian() * 1e3)) }
            if row % 5 == 3 { texts.appendMissing() } else { texts.appendString(words[g.nextInt(below: words.count)] + "\(row % 50)") }
            if g.nextInt(below: 11) == 0 { flags.appendMissing() } else { flags.append(.bool(g.nextInt(below: 2) == 1)) }
            if g.nextInt(below: 13) == 0 { days.appendMissing() } else { days.append(.date(Int64(g.nextInt(below: 80_000)) - 30_000)) }
            if g.nextInt(below: 6) == 0 { times.appendMissing() } else { times.append(.timestamp(Int64(g.nextInt(below: 1 << 40)) - (1 << 39))) }
        }
        return try Table(columns: [ints.finish(), floats.finish(), texts.finish(), flags.finish(), days.finish(), times.finish()])
    }

    static func readBack(_ bytes: [UInt8]) throws -> ParquetLoadResult {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("strata-roundtrip-\(UUID().uuidString).parquet").path
        try AtomicFile.write(bytes, to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ParquetReader.read(path: path)
    }

    @Test(arguments: [0, 1, 7, 1000, 300_000])
    func everyTypeReadsBackEqual(rows: Int) throws {
        let table = try Self.sampleTable(rows: rows, seed: UInt64(rows) + 3)
        let bytes = try ParquetWriter.encode(table, rowGroupRows: 65_536)
        let back = try Self.readBack(bytes)
        ParquetFixtureTests.expectEqual(back.table, table, "round trip \(rows)")
        #expect(back.rowGroupCount == max(1, (rows + 65_535) / 65_536))
    }

    /// Parquet keeps no written places, so prices read back keep their cents from the values.
    @Test func pricesKeepTheirPlaces() throws {
        var prices = ColumnBuilder(name: "price", type: .float)
        var noisy = ColumnBuilder(name: "ratio", type: .float)
        for (p, r) in [(19.99, 1.0 / 3), (5.0, 0.5), (2.5, 0.25)] {
            prices.append(.float(p))
            noisy.append(.float(r))
        }
        let back = try Self.readBack(try ParquetWriter.encode(try Table(columns: [prices.finish(), noisy.finish()]), rowGroupRows: 2))
        #expect(back.table.column("price")?.display.decimals == 2)
        #expect(back.table.column("ratio")?.display.decimals == nil)
    }

    /// Missing flags are written only for chunks that have a missing value, from the first page
    /// that has one; the rows before it and the chunks without any must still read as present.
    @Test func missingValuesInSomePagesAndRowGroupsOnly() throws {
        let rows = 420_000
        let missingAt: [String: Set<Int>] = ["a": [135_000], "b": [419_999], "c": [0, 280_000], "d": []]
        var a = ColumnBuilder(name: "a", type: .int)
        var b = ColumnBuilder(name: "b", type: .string)
        var c = ColumnBuilder(name: "c", type: .float)
        var d = ColumnBuilder(name: "d", type: .bool)
        for row in 0..<rows {
            if missingAt["a"]?.contains(row) == true { a.appendMissing() } else { a.append(.int(Int64(row % 1000))) }
            if missingAt["b"]?.contains(row) == true { b.appendMissing() } else { b.appendString("s\(row % 7)") }
            if missingAt["c"]?.contains(row) == true { c.appendMissing() } else { c.append(.float(Double(row) / 4)) }
            d.append(.bool(row % 3 == 0))
        }
        let table = try Table(columns: [a.finish(), b.finish(), c.finish(), d.finish()])
        // Three row groups of two pages each (131,072 rows to a page).
        let back = try Self.readBack(try ParquetWriter.encode(table, rowGroupRows: 140_000))
        #expect(back.rowGroupCount == 3)
        ParquetFixtureTests.expectEqual(back.table, table, "missing in some pages only")
        for column in back.table.columns {
            let expected = missingAt[column.name] ?? []
            #expect(Set((0..<rows).filter { column.missing.isMissing($0) }) == expected, "column \(column.name)")
        }
    }

    @Test func theBytesDoNotDependOnScheduling() throws {
        let table = try Self.sampleTable(rows: 20_000, seed: 9)
        #expect(try ParquetWriter.encode(table, rowGroupRows: 3_000) == ParquetWriter.encode(table, rowGroupRows: 3_000))
    }

    @Test func statisticsAreWritten() throws {
        let table = try Self.sampleTable(rows: 5_000, seed: 4)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("strata-stats-\(UUID().uuidString).parquet").path
        try ParquetWriter.write(table, to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try ParquetFile(path: path)
        let chunk = file.metadata.rowGroups[0].columns[0]
        #expect(chunk.codecRaw == ParquetCodec.snappy.rawValue)
        #expect(chunk.statistics?.nullCount == Int64(table.columns[0].missing.missingCount()))
        let values = (0..<table.rowCount).compactMap { row -> Int64? in
            if case .int(let v) = table.columns[0].value(at: row) { return v } else { return nil }
        }
        let decode = { (bytes: [UInt8]?) -> Int64? in
            guard let bytes, bytes.count == 8 else { return nil }
            return bytes.reversed().reduce(Int64(0)) { $0 << 8 | Int64($1) }
        }
        #expect(decode(chunk.statistics?.min) == values.min())
        #expect(decode(chunk.statistics?.max) == values.max())
        #expect(file.metadata.rowGroups[0].columns[2].encodings.contains(ParquetEncoding.rleDictionary.rawValue))
    }

    @Test func hybridRLERoundTrips() throws {
        var g = SeededGenerator(seed: 21)
        for width in [0, 1, 3, 8, 13, 20, 32] {
            let limit = width == 0 ? 1 : width >= 31 ? Int(Int32.max) : 1 << width
            var values: [UInt32] = []
            for _ in 0..<(1 + g.nextInt(below: 3000)) {
                let v = UInt32(g.nextInt(below: limit))
                values.append(contentsOf: repeatElement(v, count: g.nextInt(below: 4) == 0 ? g.nextInt(below: 40) : 1))
            }
            var encoded: [UInt8] = []
            ParquetHybridRLE.encode(values, bitWidth: width, into: &encoded)
            var decoded = [UInt32](repeating: 0, count: values.count)
            try encoded.withUnsafeBufferPointer { data in
                try decoded.withUnsafeMutableBufferPointer {
                    try ParquetHybridRLE.decode(data, bitWidth: width, count: values.count, into: $0)
                }
            }
            #expect(decoded == values, "bit width \(width)")
        }
    }
}
