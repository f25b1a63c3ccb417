import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `export spark`: the code each command becomes (golden lines), the report of commands with no
/// mapping, skip-unsupported, and that every generated program is valid Python.
@Suite struct SparkExportTests {
    /// A folder with a small transactions file and a small ratings file.
    static func data() throws -> String {
        let dir = try ScratchDirectory.forTheRun("spark-export")
        var tx = "invoice,customer_id,quantity,unit_price,invoice_date,country\n"
        for i in 0..<40 {
            tx += "\(600 + i / 2),\(10 + i % 7),\(1 + i % 3),\(Double(i % 5) + 0.5),2025-0\(1 + i % 9)-1\(i % 10) 10:00:00,\(i % 2 == 0 ? "GB" : "NL")\n"
        }
        try tx.write(toFile: dir + "/tx.csv", atomically: true, encoding: .utf8)
        var ratings = "user_id,item_id,rating\n"
        for u in 0..<12 { for i in 0..<6 where (u + i) % 3 != 0 { ratings += "\(100 + u),\(200 + (u * 7 + i) % 15),\(1 + (u + i) % 5)\n" } }
        try ratings.write(toFile: dir + "/ratings.csv", atomically: true, encoding: .utf8)
        return dir
    }

    static func compile(_ lines: [String], skip: Bool = false) throws -> SparkExporter.Result {
        let commands = lines.enumerated().map { SparkExporter.Command(source: $0.element, location: "s.strata:\($0.offset + 1)") }
        return try SparkExporter.compile(commands, title: "job", origin: "s.strata", start: Workspace(),
                                         registry: StandardCommands.registry, skipUnsupported: skip)
    }

    /// The program must at least compile as Python (when python3 is on the machine).
    static func expectValidPython(_ program: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return }
        let path = NSTemporaryDirectory() + "strata-spark-job-" + UUID().uuidString + ".py"
        try program.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", "import ast, sys; ast.parse(open(sys.argv[1]).read())", path]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "the generated program is not valid Python")
    }

    @Test func tableCommandsBecomeDataFrameCode() throws {
        let dir = try Self.data()
        let result = try Self.compile([
            "load \"\(dir)/tx.csv\" as tx",
            "derive tx amount = quantity * unit_price",
            "filter tx where amount > 0 and customer_id is not missing as sales",
            "group sales by customer_id agg orders = distinct(invoice), spend = sum(amount), n = count() as per_customer",
            "sort per_customer by spend desc",
            "join per_customer per_customer on=customer_id how=left as joined",
            "sample sales n=5 seed=3 as few",
            "select sales customer_id, amount as slim",
            "show per_customer",
        ])
        let p = result.program
        #expect(p.contains("tx = read_csv(spark, data_path(\"\(dir)/tx.csv\"), schema=\"`invoice` BIGINT, `customer_id` BIGINT, `quantity` BIGINT, `unit_price` DOUBLE, `invoice_date` TIMESTAMP, `country` STRING\")"))
        #expect(p.contains("tx = tx.withColumn(\"amount\", F.col(\"quantity\") * F.col(\"unit_price\"))\ntx = cast_columns(tx, {\"amount\": \"double\"})"))
        #expect(p.contains("sales = tx.filter((F.col(\"amount\") > 0) & F.col(\"customer_id\").isNotNull())"))
        #expect(p.contains("""
            per_customer = sales.groupBy("customer_id").agg(
                F.countDistinct(F.col("invoice")).alias("orders"),
                F.sum(F.col("amount")).alias("spend"),
                F.count(F.lit(1)).alias("n"),
            )
            """))
        #expect(p.contains("per_customer = per_customer.orderBy(F.col(\"spend\").desc_nulls_last())"))
        #expect(p.contains("per_customer_renamed = per_customer.withColumnRenamed(\"orders\", \"orders_right\")"
                           + ".withColumnRenamed(\"spend\", \"spend_right\").withColumnRenamed(\"n\", \"n_right\")"))
        #expect(p.contains("joined = per_customer.join(per_customer_renamed, on=[\"customer_id\"], how=\"left\")"))
        #expect(p.contains("few = sales.orderBy(F.rand(3)).limit(5)"))
        #expect(p.contains("slim = sales.select(\"customer_id\", \"amount\")"))
        #expect(p.contains("per_customer.show(20, truncate=False)"))
        #expect(p.contains("# [s.strata:5] sort per_customer by spend desc\n# Spark: Spark's sort is not stable"))
        #expect(p.contains("write_table(per_customer, \"per_customer\", [\"customer_id\"], kind=\"aggregate\""))
        #expect(p.contains("write_table(few, \"few\", [], compare=\"row_count\""))
        #expect(result.tables == ["tx", "sales", "per_customer", "joined", "few", "slim"])
        #expect(result.skipped.isEmpty)
        try Self.expectValidPython(p)
    }

    @Test func expressionsKeepStrataSemantics() throws {
        let dir = try Self.data()
        let p = try Self.compile([
            "load \"\(dir)/tx.csv\" as tx",
            "derive tx a = sqrt(unit_price), b = if(quantity > 1, \"many\", \"one\"), c = weekday(invoice_date), "
                + "d = max(quantity, 2), e = round(unit_price, 1), f = country in (\"GB\", \"NL\"), g = floor(unit_price), "
                + "h = days_between(invoice_date, date(\"2025-12-31\")), i = lower(country) + \"!\", j = quantity % 2",
        ]).program
        #expect(p.contains("tx = tx.withColumn(\"a\", F.when(F.col(\"unit_price\") >= 0, F.sqrt(F.col(\"unit_price\"))))"))
        #expect(p.contains("tx = tx.withColumn(\"b\", F.when((F.col(\"quantity\") > 1), F.lit(\"many\")).when(~(F.col(\"quantity\") > 1), F.lit(\"one\")))"))
        #expect(p.contains("tx = tx.withColumn(\"c\", (F.dayofweek(F.col(\"invoice_date\")) + 5) % 7 + 1)"))
        #expect(p.contains("tx = tx.withColumn(\"d\", F.when(F.col(\"quantity\").isNotNull() & F.lit(2).isNotNull(), F.greatest(F.col(\"quantity\"), F.lit(2))))"))
        #expect(p.contains("tx = tx.withColumn(\"e\", F.round(F.col(\"unit_price\"), 1))"))
        #expect(p.contains("tx = tx.withColumn(\"f\", F.col(\"country\").isin([\"GB\", \"NL\"]))"))
        #expect(p.contains("tx = tx.withColumn(\"g\", F.floor(F.col(\"unit_price\")).cast(\"double\"))"))
        #expect(p.contains("tx = tx.withColumn(\"h\", F.datediff(F.to_date(F.to_date(F.lit(\"2025-12-31\"))), F.to_date(F.col(\"invoice_date\"))))"))
        #expect(p.contains("tx = tx.withColumn(\"i\", F.concat(F.lower(F.col(\"country\")), F.lit(\"!\")))"))
        #expect(p.contains("tx = tx.withColumn(\"j\", F.col(\"quantity\") % 2)"))
        try Self.expectValidPython(p)
    }

    @Test func segmentationCommandsBecomeWindowsAndKMeans() throws {
        let dir = try Self.data()
        let result = try Self.compile([
            "load \"\(dir)/tx.csv\" as tx",
            "derive tx amount = quantity * unit_price",
            "rfm tx customer=customer_id date=invoice_date amount=amount invoice=invoice as rfm",
            "score rfm criteria=\"recency:-0.5, monetary:0.5\" scale=quantile as scored",
            "segment scored by score tiers=2 labels=\"Low,High\"",
            "cluster kmeans rfm cols=recency,frequency,monetary scale=log1p_zscore k=2 seed=4 as seg",
        ])
        let p = result.program
        #expect(p.contains("rfm = quantile_bins(rfm, \"recency\", 5, \"r_score\", higher_is_better=False)"))
        #expect(p.contains("rfm = rfm.withColumn(\"segment\", rfm_segment(F.col(\"r_score\"), F.col(\"f_score\"), F.col(\"m_score\")))"))
        #expect(p.contains("(5, 1): \"New\""))
        #expect(p.contains("scored = scored.withColumn(\"score\", 0.5 * F.col(\"_s0\") + 0.5 * F.col(\"_s1\"))"))
        #expect(p.contains("scored = scored.withColumn(\"_s0\", 1 - F.col(\"_s0\"))"))
        #expect(p.contains("scored_cuts = scored.agg(F.percentile(\"score\", [0.5])).first()[0]"))
        #expect(p.contains("seg_model = KMeans(k=2, seed=4, maxIter=300, tol=0.0001, initMode=\"k-means||\").fit(seg_features)"))
        #expect(p.contains("add_metric(\"seg\", \"inertia\", seg_model.summary.trainingCost)"))
        #expect(p.contains("METRIC_RELATIVE = {\"seg\"}"))
        #expect(result.tables.contains("evaluation_seg"))
        try Self.expectValidPython(p)
    }

    @Test func recommendersBecomeALSAndRankingMetricsInOnePass() throws {
        let dir = try Self.data()
        let result = try Self.compile([
            "load \"\(dir)/ratings.csv\" as ratings",
            "split ratings by=user test=0.25 seed=7 as parts",
            "recommender popular parts.train as pop",
            "recommender als parts.train factors=4 iterations=3 seed=1 as als",
            "evaluate pop, als on parts.test k=1..3 metrics=precision,ndcg",
        ])
        let p = result.program
        #expect(p.contains("parts_train, parts_test = split_per_user(ratings, \"user_id\", 0.25, 7)"))
        #expect(p.contains("pop_model = parts_train.groupBy(\"item_id\").agg(F.countDistinct(\"user_id\").alias(\"score\"))"))
        #expect(p.contains("als_model = ALS(rank=4, maxIter=3, regParam=als_model_reg, alpha=1.0,"))
        #expect(p.contains("ranking_metrics(\"als\", als_lists, parts_test, \"user_id\", \"item_id\", range(1, 4), [\"precision\", \"ndcg\"])"))
        // Lists as arrays with the seen items removed per user; every k in one aggregation, no evaluator per k.
        #expect(p.contains("pop_lists = top_unseen_popular(pop_model, parts_test.select(\"user_id\").distinct(), parts_train, \"user_id\", \"item_id\", 3)"))
        #expect(p.contains("als_lists = top_unseen_als(als_model, parts_test.select(\"user_id\").distinct(), parts_train, \"user_id\", \"item_id\", 3)"))
        #expect(!p.contains("RankingEvaluator("))
        #expect(p.contains("builder = builder.config(\"spark.sql.shuffle.partitions\", str(4 * cores))"))
        #expect(p.contains("write_table(parts_test, \"parts.test\", [\"user_id\", \"item_id\"], compare=\"row_count\""))
        #expect(result.tables == ["ratings", "parts.train", "parts.test", "evaluation_pop", "evaluation_als"])
        try Self.expectValidPython(p)
    }

    @Test func anUnsupportedCommandIsNamedWithItsLineBeforeAnythingIsWritten() throws {
        let dir = try Self.data()
        let lines = [
            "load \"\(dir)/ratings.csv\" as ratings",
            "recommender userknn ratings neighbors=5 as knn",
            "group ratings by user_id agg n = count() as per_user",
            "evaluate knn on ratings k=3",
        ]
        #expect {
            try Self.compile(lines)
        } throws: { error in
            guard let refused = error as? SparkExportRefused else { return false }
            return refused.skipped.map(\.location) == ["s.strata:2", "s.strata:4"]
                && refused.skipped[0].reason == "recommender userknn has no Spark mapping; popular, als and itemknn do"
                && refused.skipped[1].reason == "it uses 'knn', made by s.strata:2, which is not exported"
                && refused.message.hasPrefix("2 commands have no Spark mapping; nothing was written\ns.strata:2: recommender userknn")
        }
    }

    @Test func skipUnsupportedLeavesTheCommandOutAsAComment() throws {
        let dir = try Self.data()
        let result = try Self.compile([
            "load \"\(dir)/ratings.csv\" as ratings",
            "recommender userknn ratings neighbors=5 as knn",
            "group ratings by user_id agg n = count() as per_user",
        ], skip: true)
        #expect(result.skipped.map(\.location) == ["s.strata:2"])
        #expect(result.program.contains("""
            # [s.strata:2] recommender userknn ratings neighbors=5 as knn
            # NOT EXPORTED: recommender userknn has no Spark mapping; popular, als and itemknn do
            """))
        #expect(result.program.contains("per_user = ratings.groupBy(\"user_id\").agg("))
        #expect(result.exportedCount == 2)
        try Self.expectValidPython(result.program)
    }

    @Test func theSessionCommandWritesTheJob() throws {
        let dir = try Self.data()
        let i = Interpreter(registry: StandardCommands.registry, workspace: Workspace())
        _ = i.execute("load \"\(dir)/tx.csv\" as tx")
        _ = i.execute("cluster hierarchical tx cols=quantity,unit_price k=2 as tree")
        let job = dir + "/job.py"
        guard case .failure(let message) = i.execute("export spark \"\(job)\"") else {
            Issue.record("an unsupported cell must refuse the export")
            return
        }
        #expect(message.contains("cell 2: cluster hierarchical tx cols=quantity,unit_price k=2 as tree"))
        #expect(!FileManager.default.fileExists(atPath: job))
        guard case .success = i.execute("export spark \"\(job)\" skip_unsupported=yes") else {
            Issue.record("skip_unsupported=yes must write the job")
            return
        }
        let text = try String(contentsOfFile: job, encoding: .utf8)
        #expect(text.contains("# [cell 1] load \"\(dir)/tx.csv\" as tx"))
        #expect(text.contains("# NOT EXPORTED: 'cluster hierarchical' has no Spark mapping"))
    }

    @Test func modelsAndABTestsBecomeSparkMLAndAggregates() throws {
        let dir = try Self.data()
        var ab = "unit_id,variant,converted,age\n"
        for i in 0..<60 { ab += "\(i),\(i % 2 == 0 ? "A" : "B"),\(i % (i % 2 == 0 ? 5 : 3) == 0 ? 1 : 0),\(20 + i % 30)\n" }
        try ab.write(toFile: dir + "/ab.csv", atomically: true, encoding: .utf8)
        let result = try Self.compile([
            "load \"\(dir)/ab.csv\" as ab",
            "abtest ab variant=variant metric=converted",
            "model forest ab target=converted features=age trees=20 depth=4 folds=3 seed=2 as rf",
            "model logistic ab target=converted features=age folds=3 seed=2 as lr",
            "select ab unit_id, converted, age as slim",
            "model logistic slim target=converted folds=3 seed=2 as chosen",
        ])
        let p = result.program
        // Without features=, the job learns from the columns Strata chose: the key `unit_id` left out.
        #expect(p.contains("chosen_data = VectorAssembler(inputCols=[\"age\"], outputCol=\"features\")"))
        #expect(p.contains("two_proportion_test(\"abtest_converted\", ab, \"variant\", \"converted\", \"A\")"))
        #expect(p.contains("fold_quality(\"rf\", rf_data, \"_label\", RandomForestClassifier(numTrees=20, maxDepth=4, maxBins=rf_bins, minInstancesPerNode=1, featureSubsetStrategy=\"sqrt\", labelCol=\"_label\", seed=2), 3, 2)"))
        #expect(p.contains("LogisticRegression(regParam=1.0 / ab_lr_rows, maxIter=100, labelCol=\"_label\")"))
        #expect(result.tables == ["ab", "slim", "evaluation_abtest_converted", "evaluation_rf", "evaluation_lr", "evaluation_chosen"])
        try Self.expectValidPython(p)
    }
}
