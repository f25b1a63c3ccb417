import Testing
@testable import StrataEngine

/// Folders of part files written by Apache Spark itself (pyspark 4: parquet-mr, INT96 and
/// TIMESTAMP_MICROS/MILLIS timestamps, timestamp_ntz, Snappy, ZSTD, Hadoop-framed LZ4 and LZ4_RAW,
/// the v2 writer's DELTA encodings, several pages a column),
/// each read back equal to its CSV twin (Tests/fixtures-src/spark_parquet_fixtures.py writes both).
@Suite struct ParquetSparkFixtureTests {
    static let folders = ["spark_written", "spark_micros", "spark_zstd", "spark_v2", "spark_lz4", "spark_lz4raw"]

    @Test(arguments: folders)
    func readsEqualToItsTwin(_ name: String) throws {
        let parquet = try ParquetReader.read(path: ParquetFixtureTests.path(name))
        let csv = try CSVReader.read(path: ParquetFixtureTests.path(name + ".csv"))
        #expect(parquet.files.count == 3, "\(name): Spark's three part files, _SUCCESS left out")
        #expect(parquet.table.rowCount == 300)
        ParquetFixtureTests.expectEqual(parquet.table, csv.table, name)
    }

    @Test func sparkTypesLoadAsStrataTypes() throws {
        let table = try ParquetReader.read(path: ParquetFixtureTests.path("spark_written")).table
        let types = table.columns.map { "\($0.name):\($0.type)" }
        #expect(types == ["id:int", "i32:int", "i64:int", "f32:float", "f64:float", "flag:bool", "city:string",
                          "note:string", "day:date", "ts:timestamp", "ts_ntz:timestamp"])
    }

    @Test func fractionalSecondsAreFlooredWithANote() throws {
        let result = try ParquetReader.read(path: ParquetFixtureTests.path("spark_micros"))
        #expect(result.notes.contains { $0.hasPrefix("column ts: fractional seconds dropped") })
    }

    @Test func projectionOverSparkParts() throws {
        let result = try ParquetReader.read(path: ParquetFixtureTests.path("spark_zstd"), columns: ["ts", "id"])
        #expect(result.table.columnNames == ["ts", "id"])
        let full = try ParquetReader.read(path: ParquetFixtureTests.path("spark_zstd")).table
        ParquetFixtureTests.expectEqual(result.table, try full.selecting(["ts", "id"]), "projection")
    }

    /// Spark's v2 writer (parquet.writer.version=v2) encodes integers as DELTA_BINARY_PACKED and text
    /// as DELTA_BYTE_ARRAY; the folder reads back equal to its twin (in `folders`), and really uses them.
    @Test func sparkV2UsesTheDeltaEncodings() throws {
        let parts = try ParquetParts.files(at: ParquetFixtureTests.path("spark_v2"))
        let used = Set(try parts.flatMap { try ParquetFile(path: $0).metadata.rowGroups.flatMap(\.columns).flatMap(\.encodings) })
        #expect(used.contains(ParquetEncoding.deltaBinaryPacked.rawValue))
    }

    /// parquet-mr writes the LZ4 codec (5) with Hadoop's framing; pyarrow cannot, so Spark's folder is the fixture.
    @Test func sparkLZ4FoldersUseBothLZ4Codecs() throws {
        func codecs(_ name: String) throws -> Set<Int> {
            let parts = try ParquetParts.files(at: ParquetFixtureTests.path(name))
            return Set(try parts.flatMap { try ParquetFile(path: $0).metadata.rowGroups.flatMap(\.columns).map(\.codecRaw) })
        }
        #expect(try codecs("spark_lz4") == [ParquetCodec.lz4.rawValue])
        #expect(try codecs("spark_lz4raw") == [ParquetCodec.lz4Raw.rawValue])
    }
}
