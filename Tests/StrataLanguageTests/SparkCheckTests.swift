import Foundation
import Testing
@testable import StrataSession

/// `strata check --against FOLDER`: a small session replayed, against folders written by Strata's
/// own Parquet writer the way a Spark job lays them out (a folder of part files per table and
/// `_strata_manifest.json`).
@Suite struct SparkCheckTests {
    /// A folder with sales.csv and a session that groups it; by_city is Lima: n 2, total 4;
    /// Oslo: n 2, total 12.75 (10.5 + 2.25).
    static func session() throws -> (folder: String, document: SessionDocument, path: String) {
        let folder = try ScratchDirectory.forTheRun("spark-check")
        try "id,city,amount\n1,Oslo,10.5\n2,Oslo,2.25\n3,Lima,4\n4,Lima,\n"
            .write(toFile: folder + "/sales.csv", atomically: true, encoding: .utf8)
        let text = """
            load "\(folder)/sales.csv" as sales
            group sales by city agg n = count(), total = sum(amount) as by_city
            """
        return (folder, SessionDocument(text: text), folder + "/s.strata")
    }

    static func byCity(cities: [String], n: [Int64], totals: [Double]) throws -> Table {
        try Table(columns: [Column.fromValues(name: "city", type: .string, values: cities.map { .string($0) }),
                            Column(name: "n", data: .int(n)), Column(name: "total", data: .float(totals))])
    }

    /// OUT/NAME/part-00000.parquet, as Spark lays a table out.
    static func writeTable(_ table: Table, _ name: String, in out: String) throws {
        try FileManager.default.createDirectory(atPath: out + "/" + name, withIntermediateDirectories: true)
        try ParquetWriter.write(table, to: out + "/" + name + "/part-00000.parquet")
        _ = FileManager.default.createFile(atPath: out + "/" + name + "/_SUCCESS", contents: Data())
    }

    static func writeManifest(_ json: String, in out: String) throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try json.write(toFile: out + "/" + SparkManifest.fileName, atomically: true, encoding: .utf8)
    }

    static func run(_ s: (folder: String, document: SessionDocument, path: String), out: String) throws -> SparkCheck {
        try SparkCheck.run(s.document, path: s.path, folder: out, registry: StandardCommands.registry)
    }

    @Test func matchingOutputPassesWhateverTheRowOrderAndSummationNoise() throws {
        let s = try Self.session()
        let out = s.folder + "/out"
        // Rows in another order; a total 1e-13 relative away, as another summation order gives.
        try Self.writeTable(try Self.byCity(cities: ["Oslo", "Lima"], n: [2, 2], totals: [12.75 * (1 + 1e-13), 4]), "by_city", in: out)
        try Self.writeManifest(#"{"tables": [{"name": "by_city", "keys": ["city"], "kind": "aggregate"}]}"#, in: out)
        let result = try Self.run(s, out: out)
        #expect(result.problems.isEmpty)
        #expect(result.passed)
        #expect(result.rows.map(\.check) == ["rows", "columns", "keys city", "n", "total"])
        #expect(result.rows.first == SparkCheckRow(table: "by_city", check: "rows", local: "2", spark: "2", tolerance: "exact", ok: true))
        #expect(result.rows.last?.tolerance == "1e-09 rel.")
        let report = result.report(style: .batch)
        #expect(report.contains("all 5 checks on 1 tables match"))
    }

    @Test func aCentOffIsAMismatchShowingBothFigures() throws {
        let s = try Self.session()
        let out = s.folder + "/out"
        try Self.writeTable(try Self.byCity(cities: ["Lima", "Oslo"], n: [2, 2], totals: [4, 12.76]), "by_city", in: out)
        try Self.writeManifest(#"{"tables": [{"name": "by_city", "keys": ["city"], "kind": "aggregate"}]}"#, in: out)
        let result = try Self.run(s, out: out)
        #expect(!result.passed)
        let total = try #require(result.rows.first { $0.check.hasPrefix("total") })
        #expect(total == SparkCheckRow(table: "by_city", check: "total: 1 rows differ", local: "12.75", spark: "12.76",
                                       tolerance: "1e-09 rel.", ok: false))
        #expect(result.report(style: .batch).contains("1 of 5 checks differ (by_city)"))
    }

    @Test func anExtraKeyAndAMissingTableAreNamed() throws {
        let s = try Self.session()
        let out = s.folder + "/out"
        try Self.writeTable(try Self.byCity(cities: ["Lima", "Oslo", "Rome"], n: [2, 2, 1], totals: [4, 12.75, 1]), "by_city", in: out)
        try Self.writeManifest("""
            {"tables": [{"name": "by_city", "keys": ["city"], "kind": "aggregate"},
                        {"name": "sales", "keys": ["id"], "kind": "table"}]}
            """, in: out)
        let result = try Self.run(s, out: out)
        #expect(!result.passed)
        #expect(result.rows.first { $0.check == "rows" }?.ok == false)
        let keys = try #require(result.rows.first { $0.check == "keys city" })
        #expect(keys.local == "2 distinct")
        #expect(keys.spark == "3 distinct, 1 not in local (e.g. Rome)")
        #expect(!keys.ok)
        // The values of the keys both have still match.
        #expect(result.rows.first { $0.check == "total" }?.ok == true)
        #expect(result.rows.last == SparkCheckRow(table: "sales", check: "present", local: "", spark: "missing from \(out)", ok: false))
    }

    @Test func aTableWithoutKeysMatchesAfterSortingAndMissingMatchesMissing() throws {
        let s = try Self.session()
        let out = s.folder + "/out"
        let sales = try Table(columns: [
            Column(name: "id", data: .int([4, 3, 2, 1])),
            Column.fromValues(name: "city", type: .string, values: [.string("Lima"), .string("Lima"), .string("Oslo"), .string("Oslo")]),
            Column.fromValues(name: "amount", type: .float, values: [.missing, .float(4), .float(2.25), .float(10.5)]),
        ])
        try Self.writeTable(sales, "sales", in: out)
        try Self.writeManifest(#"{"tables": [{"name": "sales", "kind": "table"}]}"#, in: out)
        let result = try Self.run(s, out: out)
        #expect(result.passed, "\(result.rows)")
        #expect(result.rows.map(\.check) == ["rows", "columns", "id", "city (values)", "amount"])
    }

    @Test func evaluationFiguresAreComparedWithinTheManifestTolerance() throws {
        let s = try Self.session()
        try "user,item\n1,10\n1,11\n1,12\n1,13\n2,10\n2,11\n2,14\n2,15\n3,10\n3,12\n3,14\n3,16\n"
            .write(toFile: s.folder + "/ratings.csv", atomically: true, encoding: .utf8)
        let text = """
            load "\(s.folder)/ratings.csv" as ratings
            split ratings by=user test=0.5 seed=3 as parts
            recommender popular parts.train as pop
            evaluate pop on parts.test k=2
            """
        let document = SessionDocument(text: text)
        let local = LocalResults.replay(document, path: s.path, registry: StandardCommands.registry)
        #expect(local.problems.isEmpty, "\(local.problems)")
        let figures = try #require(local.evaluations["pop"])
        let precision = try #require(figures[MetricKey(metric: "precision", k: 2)])
        let mrr = try #require(figures[MetricKey(metric: "mrr", k: nil)])
        let out = s.folder + "/out"
        let quality = try Table(columns: [
            Column.fromValues(name: "metric", type: .string, values: [.string("precision"), .string("mrr"), .string("ndcg")]),
            Column(name: "value", data: .float([precision * 1.01, mrr, 0.5])),
            Column(name: "k", data: .int([2, 2, 2])),
        ])
        try Self.writeTable(quality, "evaluation_pop", in: out)
        try Self.writeManifest(#"{"tables": [{"name": "evaluation_pop", "keys": ["metric", "k"], "kind": "model_quality", "tolerance": {"relative": 0.02}}]}"#, in: out)
        let result = try SparkCheck.run(document, path: s.path, folder: out, registry: StandardCommands.registry)
        #expect(result.rows.map(\.check) == ["mrr@2", "ndcg@2", "precision@2"])
        #expect(result.rows.map(\.ok) == [true, figures[MetricKey(metric: "ndcg", k: 2)].map { abs($0 - 0.5) <= 0.01 } ?? false, true])
        #expect(result.rows[2].tolerance == "0.02 rel.")
    }

    @Test func evaluationTablesBecomeFiguresPerModel() throws {
        let summary = try Table(columns: [
            Column.fromValues(name: "model", type: .string, values: [.string("a"), .string("b")]),
            Column(name: "users", data: .int([3, 3])),
            Column(name: "precision@10", data: .float([0.25, 0.5])),
            Column(name: "mrr", data: .float([0.75, 1])),
        ])
        let figures = LocalResults.metrics(ofEvaluation: summary)
        #expect(figures["a"] == [MetricKey(metric: "precision", k: 10): 0.25, MetricKey(metric: "mrr", k: nil): 0.75])
        #expect(figures["b"]?[MetricKey(metric: "precision", k: 10)] == 0.5)
        let byK = try Table(columns: [
            Column(name: "k", data: .int([1, 2])),
            Column.fromValues(name: "model", type: .string, values: [.string("a"), .string("a")]),
            Column(name: "ndcg", data: .float([0.125, 0.375])),
        ])
        #expect(LocalResults.metrics(ofEvaluation: byK)["a"] == [MetricKey(metric: "ndcg", k: 1): 0.125, MetricKey(metric: "ndcg", k: 2): 0.375])
        // Spark ML's names for the same figures.
        #expect(MetricKey(heading: "precisionAtK", k: 10) == MetricKey(metric: "precision", k: 10))
        #expect(MetricKey(heading: "meanAveragePrecisionAtK", k: 10) == MetricKey(heading: "map@10", k: nil))
        #expect(MetricKey(metric: "trainingCost", k: nil) == MetricKey(metric: "inertia", k: nil))
    }

    @Test func toleranceReadsANumberOrAnObject() throws {
        let manifest = try JSONDecoder().decode(SparkManifest.self, from: Data("""
            {"tables": [{"name": "a", "kind": "aggregate", "tolerance": 0.001},
                        {"name": "b", "keys": ["x"], "kind": "model_quality", "tolerance": {"absolute": 0.02}},
                        {"name": "c", "kind": "table"},
                        {"name": "d", "keys": [], "kind": "aggregate", "compare": "row_count", "tolerance": 0.05,
                         "tolerance_type": "absolute", "note": "why", "rows": 12}]}
            """.utf8))
        #expect(manifest.tables.map(\.tolerance) == [Tolerance(relative: 0.001), Tolerance(absolute: 0.02), nil, Tolerance(absolute: 0.05)])
        #expect(manifest.tables.map(\.compare) == [.values, .metrics, .values, .rowCount])
        #expect(manifest.tables[3].note == "why")
        #expect(manifest.tables[0].keys == [])
        #expect(Tolerance(absolute: 0.02).accepts(0.13, 0.149))
        #expect(!Tolerance(absolute: 0.02).accepts(0.13, 0.151))
        #expect(Tolerance.exactish.accepts(nil, nil))
        #expect(!Tolerance.exactish.accepts(1, nil))
        #expect(Tolerance.exactish.accepts(1e6, 1e6 + 1e-4))
        #expect(!Tolerance.exactish.accepts(1e6, 1e6 + 1e-2))
    }

    @Test func aFolderWithoutAManifestOrWithABadOneIsAClearError() throws {
        let s = try Self.session()
        do throws(SparkCheckError) {
            _ = try SparkCheck.run(s.document, path: s.path, folder: s.folder + "/nowhere", registry: StandardCommands.registry)
            Issue.record("a missing folder was accepted")
        } catch {
            #expect(error.message == "\(s.folder)/nowhere: not a Spark job's output (no such folder)")
        }
        let out = s.folder + "/out"
        try Self.writeManifest(#"{"tables": [{"name": "a", "kind": "cube"}]}"#, in: out)
        do throws(SparkCheckError) {
            _ = try SparkCheck.run(s.document, path: s.path, folder: out, registry: StandardCommands.registry)
            Issue.record("a bad kind was accepted")
        } catch {
            #expect(error.message.hasSuffix("not a valid manifest (kind must be table, aggregate or model_quality)"))
        }
    }

    @Test func aClusteringNameGivesItsValidityFigures() throws {
        let s = try Self.session()
        try "x,y\n0,0\n0,1\n1,0\n10,10\n10,11\n11,10\n".write(toFile: s.folder + "/p.csv", atomically: true, encoding: .utf8)
        let document = SessionDocument(text: """
            load "\(s.folder)/p.csv" as p
            cluster kmeans p cols=x,y k=2 scale=none seed=1 as seg
            """)
        let local = LocalResults.replay(document, path: s.path, registry: StandardCommands.registry)
        // Each cluster's centre is a corner + (1/3, 1/3): squared distances 2/9, 5/9, 5/9, so 4/3 a cluster.
        let inertia = try #require(local.quality(named: "seg")?[MetricKey(metric: "inertia", k: nil)])
        #expect(abs(inertia - 8.0 / 3.0) < 1e-12)
        // The job writes it as evaluation_seg, with Spark's name for it or Strata's.
        #expect(local.quality(named: "evaluation_seg")?[MetricKey(metric: "trainingCost", k: nil)] == inertia)
    }

    @Test func rowCountOnlyComparesTheCountAndShowsTheNote() throws {
        let s = try Self.session()
        let out = s.folder + "/out"
        try Self.writeTable(try Self.byCity(cities: ["Rome", "Oslo"], n: [7, 2], totals: [1, 2]), "by_city", in: out)
        try Self.writeManifest(#"{"tables": [{"name": "by_city", "keys": ["city"], "kind": "table", "compare": "row_count", "note": "another random draw"}]}"#, in: out)
        let result = try Self.run(s, out: out)
        #expect(result.passed)
        #expect(result.rows == [SparkCheckRow(table: "by_city", check: "rows", local: "2", spark: "2", tolerance: "exact", ok: true)])
        #expect(result.report(style: .batch).contains("note: by_city: another random draw"))
    }
}
