import Foundation
import Testing
@testable import StrataEngine

/// Files written by pyarrow (every codec, encoding and page version; several row groups; nulls),
/// pandas, polars and Spark-style part folders, each read back equal to its CSV twin
/// (Tests/fixtures-src/parquet_fixtures.py writes both).
@Suite struct ParquetFixtureTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/parquet").path

    static func path(_ name: String) -> String { directory + "/" + name }

    static let twins = [
        "types_snappy_v1", "types_zstd_v2", "types_gzip_v1", "types_none_v2", "types_plain_v1", "types_plain_v2",
        "types_small_pages", "int96", "spark_parts", "decimal_bytes", "decimal_ints", "nested", "pandas", "polars",
        // DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT for every
        // type that allows them, pages v1 and v2, and the LZ4_RAW codec.
        "encodings_delta_v1", "encodings_delta_v2", "encodings_delta_small_pages", "encodings_swapped_v1",
        "encodings_swapped_v2", "types_lz4raw_v1", "types_lz4raw_v2", "decimal_delta", "decimal_ints_delta",
    ]

    /// Every cell equal, column by column, with the same names and types.
    static func expectEqual(_ parquet: Table, _ csv: Table, _ name: String) {
        #expect(parquet.columnNames == csv.columnNames, "\(name): column names")
        #expect(parquet.rowCount == csv.rowCount, "\(name): row count")
        guard parquet.columnNames == csv.columnNames, parquet.rowCount == csv.rowCount else { return }
        for (p, c) in zip(parquet.columns, csv.columns) {
            #expect(p.type == c.type, "\(name).\(p.name): \(p.type) vs CSV \(c.type)")
            var mismatches = 0
            for row in 0..<parquet.rowCount where p.value(at: row) != c.value(at: row) {
                if mismatches < 3 { Issue.record("\(name).\(p.name) row \(row): \(p.value(at: row)) vs CSV \(c.value(at: row))") }
                mismatches += 1
            }
            #expect(mismatches == 0, "\(name).\(p.name): \(mismatches) cells differ")
        }
    }

    @Test(arguments: twins)
    func readsEqualToItsTwin(_ name: String) throws {
        let suffix = name == "spark_parts" ? "" : ".parquet"
        let parquet = try ParquetReader.read(path: Self.path(name + suffix))
        let csv = try CSVReader.read(path: Self.path(name + ".csv"))
        Self.expectEqual(parquet.table, csv.table, name)
    }

    /// The fixtures really use the encodings and codecs they are named after.
    @Test func newEncodingsAndCodecsAreWhatTheFixturesHold() throws {
        func chunks(_ name: String) throws -> [ParquetColumnChunk] {
            try ParquetFile(path: Self.path(name + ".parquet")).metadata.rowGroups.flatMap(\.columns)
        }
        let delta = try chunks("encodings_delta_v2")
        let used = Set(delta.flatMap(\.encodings))
        for encoding in [ParquetEncoding.deltaBinaryPacked, .deltaLengthByteArray, .deltaByteArray, .byteStreamSplit] {
            #expect(used.contains(encoding.rawValue), "\(encoding.name)")
        }
        #expect(try chunks("types_lz4raw_v1").allSatisfy { $0.codecRaw == ParquetCodec.lz4Raw.rawValue })
        #expect(try chunks("types_lz4raw_v2").allSatisfy { $0.codecRaw == ParquetCodec.lz4Raw.rawValue })
    }

    @Test func sameTableOnOneThreadOrTwo() throws {
        // Parallel.threadCount is fixed per process; decoding chunks in reverse order stands in for another schedule.
        let a = try ParquetReader.read(path: Self.path("types_snappy_v1.parquet")).table
        let b = try ParquetReader.read(path: Self.path("types_snappy_v1.parquet")).table
        Self.expectEqual(a, b, "repeat")
        if case .string(_, let d1) = a.column("city")?.data, case .string(_, let d2) = b.column("city")?.data {
            #expect(d1 == d2)
        }
    }

    @Test func nestedColumnsAreNamedWithTheReason() throws {
        let result = try ParquetReader.read(path: Self.path("nested.parquet"))
        #expect(result.table.columnNames == ["id", "city", "f64"])
        #expect(result.notes.contains { $0.hasPrefix("column point skipped: a struct") })
        #expect(result.notes.contains { $0.hasPrefix("column tags skipped: a list") })
        #expect(result.notes.contains { $0.hasPrefix("column attrs skipped: a map") })
    }

    @Test func decimalsAndUTCTimestampsCarryANote() throws {
        let decimals = try ParquetReader.read(path: Self.path("decimal_bytes.parquet"))
        #expect(decimals.notes.contains { $0.contains("DECIMAL(12,2) read as float") })
        let types = try ParquetReader.read(path: Self.path("types_snappy_v1.parquet"))
        #expect(types.notes.contains { $0.hasPrefix("column ts_ms: fractional seconds dropped") })
        #expect(types.notes.contains("column ts_us: UTC timestamps, shown as UTC times"))
        #expect(types.rowGroupCount == 4)
    }

    @Test func projectionReadsOnlyTheNamedColumnsInThatOrder() throws {
        let result = try ParquetReader.read(path: Self.path("types_zstd_v2.parquet"), columns: ["note", "id"])
        #expect(result.table.columnNames == ["note", "id"])
        let full = try ParquetReader.read(path: Self.path("types_zstd_v2.parquet")).table
        Self.expectEqual(result.table, try full.selecting(["note", "id"]), "projection")
        #expect(throws: ParquetError.self) { try ParquetReader.read(path: Self.path("nested.parquet"), columns: ["tags"]) }
        do {
            _ = try ParquetReader.read(path: Self.path("types_zstd_v2.parquet"), columns: ["citty"])
            Issue.record("an unknown column loaded")
        } catch let error as ParquetError {
            #expect(error.reason == "no column 'citty'")
            #expect(error.suggestion?.contains("city") == true)
        }
    }

    @Test func partFilesWithDifferentSchemasNameBothFiles() throws {
        do {
            _ = try ParquetReader.read(path: Self.path("mismatch_parts"))
            Issue.record("mismatched parts loaded")
        } catch let error as ParquetError {
            #expect(error.message.contains("part-00000.parquet"))
            #expect(error.message.contains("part-00001.parquet"))
            #expect(error.message.contains("schema differs"))
        }
    }

    @Test func schemaSummaryReadsOnlyTheFooter() throws {
        let summary = try ParquetFileSummary.read(path: Self.path("spark_parts"))
        #expect(summary.files.count == 3)
        #expect(summary.rowCount == 240)
        #expect(summary.rowGroups.map(\.rows) == [50, 50, 50, 20, 50, 20])
        // Spark's flavor stores timestamps as INT96.
        #expect(summary.columns.first { $0.name == "ts_ms" }?.parquetType == "INT96")
        let single = try ParquetFileSummary.read(path: Self.path("types_snappy_v1.parquet"))
        #expect(single.columns.first { $0.name == "ts_ms" }?.parquetType == "INT64 TIMESTAMP(ms, UTC)")
        #expect(single.columns.first { $0.name == "city" }?.nullCount ?? 0 > 0)
        let nested = try ParquetFileSummary.read(path: Self.path("nested.parquet"))
        #expect(nested.columns.contains { $0.strataType == nil && $0.skipReason?.contains("list") == true })
    }

    @Test func folderDigestCoversEveryPart() {
        let digest = FileDigest.sha256(path: Self.path("spark_parts"))
        #expect(digest?.count == 64)
        #expect(digest != FileDigest.sha256(path: Self.path("mismatch_parts")))
    }
}
