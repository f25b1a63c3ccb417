import Foundation
import Testing
@testable import StrataEngine

/// Hostile and damaged Parquet files: wrong magic, cut-off files, footers and pages that lie about
/// their lengths, huge dictionary claims, deep nesting, and random byte flips of real files. Each
/// must fail with a `ParquetError` naming the file (or load a well-formed table), never trap,
/// and never allocate far beyond the file's size.
@Suite struct BadInputParquetTests {
    static func temporaryPath(_ tag: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("strata-bad-\(tag)-\(UUID().uuidString).parquet").path
    }

    /// Loads `bytes` from a temporary file: the error message, or nil when it loaded.
    static func failure(_ bytes: [UInt8], tag: String = "x") -> String? {
        let path = temporaryPath(tag)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            try AtomicFile.write(bytes, to: path)
            let result = try ParquetReader.read(path: path)
            for c in result.table.columns where c.count != result.table.rowCount {
                Issue.record("column \(c.name) has \(c.count) values for \(result.table.rowCount) rows")
            }
            return nil
        } catch let error as ParquetError {
            #expect(error.file == path)
            #expect(!error.reason.isEmpty)
            return error.reason
        } catch {
            Issue.record("not a ParquetError: \(error)")
            return "\(error)"
        }
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: ParquetFixtureTests.path(name))))
    }

    /// The first part file of a Spark-written fixture folder.
    static func sparkPart(_ folder: String) throws -> [UInt8] {
        guard let first = try ParquetParts.files(at: ParquetFixtureTests.path(folder)).first else { return [] }
        return Array(try Data(contentsOf: URL(fileURLWithPath: first)))
    }

    /// A file around a hand-made footer (and optional column-chunk bytes right after the magic).
    static func file(footer: [UInt8], body: [UInt8] = []) -> [UInt8] {
        var out = ParquetMagic.bytes + body + footer
        let n = UInt32(footer.count)
        for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: n >> UInt32(8 * k))) }
        return out + ParquetMagic.bytes
    }

    /// A footer for one optional INT64 column `v` in one row group of `rows` rows whose chunk is
    /// `chunkBytes` long at offset 4.
    static func footer(rows: Int64, chunkBytes: Int64, codec: ParquetCodec = .uncompressed, dictionary: Bool = false) -> [UInt8] {
        var w = ThriftCompactWriter()
        w.i32(1, 2)
        w.structList(2, count: 2) { e, i in
            if i == 0 {
                e.string(4, "schema")
                e.i32(5, 1)
            } else {
                e.i32(1, Int32(ParquetPhysicalType.int64.rawValue))
                e.i32(3, 1)
                e.string(4, "v")
            }
        }
        w.i64(3, rows)
        w.structList(4, count: 1) { g, _ in
            g.structList(1, count: 1) { c, _ in
                c.i64(2, 4)
                c.structField(3) { m in
                    m.i32(1, Int32(ParquetPhysicalType.int64.rawValue))
                    m.i32List(2, [0, 3, 8])
                    m.stringList(3, ["v"])
                    m.i32(4, Int32(codec.rawValue))
                    m.i64(5, rows)
                    m.i64(6, chunkBytes)
                    m.i64(7, chunkBytes)
                    m.i64(9, 4)
                    if dictionary { m.i64(11, 4) }
                }
            }
            g.i64(2, chunkBytes)
            g.i64(3, rows)
        }
        w.endStruct()
        return w.bytes
    }

    static func pageHeader(type: ParquetPageType, uncompressed: Int32, compressed: Int32, values: Int32, encoding: ParquetEncoding = .plain) -> [UInt8] {
        var w = ThriftCompactWriter()
        w.i32(1, Int32(type.rawValue))
        w.i32(2, uncompressed)
        w.i32(3, compressed)
        if type == .dictionaryPage {
            w.structField(7) { d in
                d.i32(1, values)
                d.i32(2, 0)
            }
        } else {
            w.structField(5) { d in
                d.i32(1, values)
                d.i32(2, Int32(encoding.rawValue))
                d.i32(3, 3)
                d.i32(4, 3)
            }
        }
        w.endStruct()
        return w.bytes
    }

    @Test func wrongMagicAndShortFilesAreNamed() throws {
        #expect(Self.failure(Array("id,name\n1,a\n".utf8))?.contains("not a Parquet file") == true)
        #expect(Self.failure(Array("PAR1".utf8))?.contains("only 4 bytes") == true)
        #expect(Self.failure([])?.contains("only 0 bytes") == true)
        var csvWithMagic = Array("PAR1 not really".utf8)
        csvWithMagic += [1, 0, 0, 0] + ParquetMagic.bytes
        #expect(Self.failure(csvWithMagic) != nil)
    }

    @Test func truncatedFilesSayTheyAreCutOff() throws {
        let bytes = try Self.fixture("types_snappy_v1.parquet")
        for cut in [bytes.count / 2, bytes.count - 1, bytes.count - 9, 12] {
            #expect(Self.failure(Array(bytes.prefix(cut)))?.contains("does not end with PAR1") == true)
        }
    }

    @Test func footerLengthBeyondTheFileIsRefused() throws {
        var bytes = try Self.fixture("types_snappy_v1.parquet")
        let at = bytes.count - 8
        for (k, b) in [0xFF, 0xFF, 0xFF, 0x7F].enumerated() { bytes[at + k] = UInt8(b) }
        #expect(Self.failure(bytes)?.contains("the footer claims 2147483647 bytes") == true)
    }

    @Test func deepNestingInTheFooterIsRefused() {
        // Field 1 of type struct, 200 times over.
        let footer = [UInt8](repeating: 0x1C, count: 200) + [UInt8](repeating: 0, count: 201)
        #expect(Self.failure(Self.file(footer: footer))?.contains("nests deeper than 32 levels") == true)
        let lists = [UInt8](repeating: 0x19, count: 1) + [UInt8](repeating: 0x19, count: 100) + [0]
        #expect(Self.failure(Self.file(footer: lists)) != nil)
    }

    @Test func deepSchemaNestingIsRefused() {
        var w = ThriftCompactWriter()
        w.structList(2, count: 100) { e, i in
            e.string(4, "g\(i)")
            e.i32(5, 1)
        }
        w.i64(3, 0)
        w.endStruct()
        #expect(Self.failure(Self.file(footer: w.bytes))?.contains("nests deeper than 64 levels") == true)
    }

    @Test func listsClaimingMoreItemsThanBytesAreRefused() {
        // Field 2 (schema) as a list of structs with a count of 2^31 in a few bytes.
        let footer: [UInt8] = [0x29, 0xFC, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0]
        #expect(Self.failure(Self.file(footer: footer))?.contains("claims a length of") == true)
    }

    @Test func rowCountsNoFileCouldHoldAreRefusedBeforeAllocating() {
        let bytes = Self.file(footer: Self.footer(rows: 1 << 40, chunkBytes: 0))
        #expect(Self.failure(bytes)?.contains("no valid row count") == true)
        let plausible = Self.file(footer: Self.footer(rows: 1 << 34, chunkBytes: 0))
        #expect(Self.failure(plausible)?.contains("which no real file holds") == true)
    }

    @Test func aHugeDictionaryClaimIsRefused() {
        let values: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 0]
        let dictionary = Self.pageHeader(type: .dictionaryPage, uncompressed: 8, compressed: 8, values: Int32.max) + values
        let footer = Self.footer(rows: 10, chunkBytes: Int64(dictionary.count), dictionary: true)
        #expect(Self.failure(Self.file(footer: footer, body: dictionary))?.contains("fewer values than the 2147483647") == true)
        // A Snappy page claiming a gigabyte from a few bytes.
        let snappy = Self.pageHeader(type: .dictionaryPage, uncompressed: 1 << 30, compressed: 8, values: 1) + [0x80, 0x80, 0x80, 0x80, 0x04, 0, 0, 0]
        let snappyFooter = Self.footer(rows: 10, chunkBytes: Int64(snappy.count), codec: .snappy, dictionary: true)
        #expect(Self.failure(Self.file(footer: snappyFooter, body: snappy))?.contains("more than Snappy can produce") == true)
    }

    @Test func pagesLyingAboutTheirSizeAreRefused() {
        let page = Self.pageHeader(type: .dataPage, uncompressed: 100, compressed: 5000, values: 10) + [UInt8](repeating: 0, count: 100)
        let footer = Self.footer(rows: 10, chunkBytes: Int64(page.count))
        #expect(Self.failure(Self.file(footer: footer, body: page))?.contains("beyond the column chunk") == true)
        let tooMany = Self.pageHeader(type: .dataPage, uncompressed: 4, compressed: 4, values: 1000) + [0, 0, 0, 0]
        let tooManyFooter = Self.footer(rows: 10, chunkBytes: Int64(tooMany.count))
        #expect(Self.failure(Self.file(footer: tooManyFooter, body: tooMany))?.contains("where the row group has 10 rows left") == true)
        let chunkOutside = Self.footer(rows: 10, chunkBytes: 1 << 40)
        #expect(Self.failure(Self.file(footer: chunkOutside))?.contains("lies outside the file") == true)
    }

    @Test func dictionaryIndicesBeyondTheDictionaryAreRefused() {
        let dictionary = Self.pageHeader(type: .dictionaryPage, uncompressed: 8, compressed: 8, values: 1) + [7, 0, 0, 0, 0, 0, 0, 0]
        // Definition levels: 4-byte length, one RLE run of 2 ones; then bit width 4, an RLE run of 2 fives.
        let body: [UInt8] = [2, 0, 0, 0, 0x04, 0x01, 4, 0x04, 0x05]
        let data = Self.pageHeader(type: .dataPage, uncompressed: Int32(body.count), compressed: Int32(body.count), values: 2,
                                   encoding: .rleDictionary) + body
        let chunk = dictionary + data
        let footer = Self.footer(rows: 2, chunkBytes: Int64(chunk.count), dictionary: true)
        #expect(Self.failure(Self.file(footer: footer, body: chunk))?.contains("dictionary index (5)") == true)
    }

    /// Random byte flips, insertions and cuts of real files, in both footer and pages.
    @Test func randomDamageNeverTraps() throws {
        var g = SeededGenerator(seed: 1414)
        let sources = try ["types_snappy_v1.parquet", "types_zstd_v2.parquet", "types_gzip_v1.parquet", "types_plain_v2.parquet",
                           "nested.parquet", "int96.parquet", "polars.parquet", "encodings_delta_v1.parquet",
                           "encodings_delta_v2.parquet", "encodings_swapped_v1.parquet", "encodings_swapped_v2.parquet",
                           "types_lz4raw_v2.parquet", "decimal_delta.parquet"].map(Self.fixture)
            + [try Self.sparkPart("spark_lz4"), try Self.sparkPart("spark_v2")]
        var failures = 0
        var loads = 0
        for round in 0..<480 {
            var bytes = sources[round % sources.count]
            // Half the rounds damage the footer region, where the lengths live.
            let footerStart = max(0, bytes.count - 600)
            for _ in 0..<(1 + g.nextInt(below: 4)) {
                let position = round % 2 == 0 ? footerStart + g.nextInt(below: bytes.count - footerStart - 8) : 4 + g.nextInt(below: bytes.count - 12)
                switch g.nextInt(below: 4) {
                case 0: bytes[position] ^= UInt8(1 << g.nextInt(below: 8))
                case 1: bytes[position] = UInt8(g.nextInt(below: 256))
                case 2: bytes[position] = [0x00, 0xFF, 0x7F, 0x80, 0x15, 0x19, 0x1C][g.nextInt(below: 7)]
                default: bytes.insert(UInt8(g.nextInt(below: 256)), at: position)
                }
            }
            if Self.failure(bytes, tag: "fuzz") == nil { loads += 1 } else { failures += 1 }
        }
        #expect(failures + loads == 480)
        #expect(failures > 0)
    }
}
