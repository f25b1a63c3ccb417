import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// The mappings added after the first set: scale, learned score weights, pca, assign, migrate,
/// model tree|linear|ridge, the continuous abtest, recommend; and the local figures `check
/// --against` compares them with.
@Suite struct SparkExportMappingTests {
    /// Eight customers with RFM figures, a 0/1 churned and two segment columns; an experiment log
    /// with a conversion and a revenue per unit.
    static func data() throws -> String {
        let dir = try ScratchDirectory.forTheRun("spark-mapping")
        try """
            customer_id,recency,frequency,monetary,churned,before,after
            1,5,12,950.5,0,Top,Top
            2,40,8,610.0,0,Top,Mid
            3,90,3,120.25,1,Mid,Low
            4,15,10,700.0,0,Mid,Top
            5,300,1,15.5,1,Low,Low
            6,200,2,60.0,1,Low,Mid
            7,60,6,300.0,0,Mid,Mid
            8,120,4,180.75,1,Low,Low

            """.write(toFile: dir + "/c.csv", atomically: true, encoding: .utf8)
        var ab = "unit,variant,converted,revenue,age\n"
        for i in 0..<60 {
            ab += "\(i),\(i % 2 == 0 ? "A" : "B"),\(i % (i % 2 == 0 ? 5 : 3) == 0 ? 1 : 0),\(Double(i % 7) * (i % 2 == 0 ? 1.5 : 2.0)),\(20 + i % 30)\n"
        }
        try ab.write(toFile: dir + "/ab.csv", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func scaleLearnedScorePCAAssignAndMigrateBecomeSparkCode() throws {
        let dir = try Self.data()
        let result = try SparkExportTests.compile([
            "load \"\(dir)/c.csv\" as c",
            "scale c cols=recency,monetary scale=robust lower=recency as cz",
            "score c criteria=recency,frequency,monetary target=churned scale=minmax as learned",
            "pca c cols=recency,frequency,monetary scale=zscore as c2d",
            "cluster kmeans c cols=recency,frequency,monetary scale=log1p_zscore k=2 seed=3 as seg",
            "pca seg as seg2d",
            "assign seg c as c_assigned",
            "migrate c c on=customer_id by=before:after as moves",
        ])
        let p = result.program
        #expect(result.skipped.isEmpty)
        #expect(p.contains("cz = scale_table(c, [\"recency\", \"monetary\"], \"robust\", [\"recency\"], "
                           + "{\"recency\": \"recency_robust\", \"monetary\": \"monetary_robust\"}, missing=\"refuse\")"))
        #expect(p.contains("learned_weights, learned_lower = learned_weights(c.filter(all_present([\"recency\", \"frequency\", \"monetary\", \"churned\"])), "
                           + "[\"recency\", \"frequency\", \"monetary\"], \"churned\")"))
        #expect(p.contains("learned = learned.withColumn(\"_s0\", 1 - F.col(\"_s0\") if \"recency\" in learned_lower else F.col(\"_s0\"))"))
        #expect(p.contains("learned = learned.withColumn(\"score\", learned_weights[0] * F.col(\"_s0\") + learned_weights[1] * F.col(\"_s1\") + learned_weights[2] * F.col(\"_s2\"))"))
        #expect(p.contains("c2d_scaler = fit_scaler(c2d, [\"recency\", \"frequency\", \"monetary\"], \"zscore\")"))
        #expect(p.contains("c2d = principal_components(\"c2d\", c2d, [\"_x_recency\", \"_x_frequency\", \"_x_monetary\"], 2)"))
        #expect(p.contains("seg_scaler = fit_scaler(seg_features, [\"recency\", \"frequency\", \"monetary\"], \"log1p_zscore\")"))
        #expect(p.contains("seg2d = seg_model.transform(seg_features).withColumnRenamed(\"prediction\", \"cluster\").drop(\"features\")"))
        #expect(p.contains("c_assigned = seg_model.transform(c_assigned).withColumnRenamed(\"prediction\", \"cluster\")"))
        #expect(p.contains("scaled_column(\"recency\", seg_scaler)"))
        #expect(p.contains("moves = migration_counts(c, c, \"customer_id\", \"customer_id\", \"before\", \"after\")"))
        #expect(p.contains("from pyspark.ml.feature import PCA, VectorAssembler"))
        #expect(p.contains("write_table(c2d, \"c2d\", [], tolerance={\"relative\": 1e-06, \"absolute\": 1e-09}"))
        #expect(p.contains("write_table(moves, \"moves\", [\"from\"], kind=\"aggregate\")"))
        #expect(p.contains("write_table(c_assigned, \"c_assigned\", [], compare=\"row_count\""))
        #expect(p.contains("\"c2d\": 1e-06"))
        #expect(result.tables == ["c", "cz", "learned", "c2d", "seg", "seg2d", "c_assigned", "moves",
                                  "evaluation_c2d", "evaluation_seg", "evaluation_seg2d"])
        try SparkExportTests.expectValidPython(p)
    }

    @Test func regressionModelsAContinuousABTestAndRecommendationsMap() throws {
        let dir = try Self.data()
        let ratings = try SparkExportTests.data()
        let result = try SparkExportTests.compile([
            "load \"\(dir)/ab.csv\" as ab",
            "abtest ab variant=variant metric=revenue",
            "model linear ab target=revenue features=age folds=3 seed=2 as lm",
            "model ridge ab target=revenue features=age alpha=10 folds=3 seed=2 as rr",
            "model tree ab target=converted features=age depth=3 min_leaf=2 folds=3 seed=2 as dt",
            "load \"\(ratings)/ratings.csv\" as ratings",
            "recommender popular ratings as pop",
            "recommender als ratings factors=4 iterations=3 seed=1 as als",
            "recommend all using pop top=3 as top3",
            "recommend user 100 using als top=2",
            "recommender itemknn ratings neighbors=3 saved=10 as knn",
            "recommend all using knn top=2 as knn_top",
        ])
        let p = result.program
        #expect(result.skipped.isEmpty)
        #expect(p.contains("welch_test(\"abtest_revenue\", ab, \"variant\", \"revenue\", \"A\")"))
        #expect(p.contains("regression_fold_quality(\"lm\", lm_data, \"_label\", LinearRegression(regParam=0.0, elasticNetParam=0.0, solver=\"normal\", labelCol=\"_label\"), 3, 2)"))
        #expect(p.contains("lambda train: LinearRegression(regParam=ridge_reg_param(train, \"_label\", 10.0), elasticNetParam=0.0, solver=\"normal\", labelCol=\"_label\")"))
        #expect(p.contains("dt_bins = exact_bins(dt_data, [\"age\"])"))
        #expect(p.contains("fold_quality(\"dt\", dt_data, \"_label\", DecisionTreeClassifier(maxDepth=3, maxBins=dt_bins, minInstancesPerNode=2, impurity=\"gini\", labelCol=\"_label\", seed=2), 3, 2)"))
        #expect(p.contains("write_table(knn_top, \"knn_top\", [\"user\", \"rank\"], tolerance=1e-06"))
        #expect(p.contains("write_table(top3, \"top3\", [\"user\", \"rank\"], compare=\"row_count\""))
        #expect(p.contains("\"lm\": {\"relative\": 0.05, \"absolute\": 0.02}"))
        #expect(p.contains("top3_scores = ratings.select(\"user_id\").distinct().crossJoin(pop_model.orderBy(F.col(\"score\").desc(), F.col(\"item_id\")).limit(top3_depth))"))
        #expect(p.contains("top3 = recommendation_table(top3_scores, ratings, \"user_id\", \"item_id\", 3)"))
        #expect(p.contains("als_user_scores = als_model.recommendForUserSubset(ratings.select(\"user_id\").distinct().filter(F.col(\"user_id\") == 100), als_user_depth)"))
        #expect(p.contains("als_user.show(2, truncate=False)"))
        #expect(p.contains("from pyspark.ml.regression import DecisionTreeRegressor, GBTRegressor, LinearRegression, RandomForestRegressor"))
        #expect(p.contains("knn_model = item_neighbours(ratings, \"user_id\", \"item_id\", saved=10, shrinkage=0.0, min_similarity=0.0)"))
        #expect(p.contains("knn_top_scores = item_knn_scores(knn_model, ratings, ratings.select(\"user_id\").distinct(), \"user_id\", \"item_id\", 3)"))
        #expect(result.tables == ["ab", "ratings", "top3", "knn_top", "evaluation_abtest_revenue", "evaluation_lm", "evaluation_rr", "evaluation_dt"])
        try SparkExportTests.expectValidPython(p)
    }

    @Test func aCommandUsingAnUnexportedModelSaysSoEvenWhenItParses() throws {
        let ratings = try SparkExportTests.data()
        let result = try SparkExportTests.compile([
            "load \"\(ratings)/ratings.csv\" as ratings",
            "recommender userknn ratings neighbors=5 as uknn",
            "recommend user 100 using uknn top=2",
        ], skip: true)
        #expect(result.skipped.map(\.reason) == ["recommender userknn has no Spark mapping; popular, als and itemknn do",
                                                 "it uses 'uknn', made by s.strata:2, which is not exported"])
    }

    /// The job's t CDF against scipy.special.betainc (values computed once with scipy 1.x) and
    /// against Strata's own, run with python3 from the helper text the job contains.
    @Test func theJobsIncompleteBetaMatchesScipyAndStrata() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return }
        let cases: [(Double, Double, Double, Double)] = [
            (0.3, 2.5, 0.5, 0.018927124071945658), (0.9, 10, 0.5, 0.15164090963470994), (0.5, 0.5, 0.5, 0.5000000000000001),
            (0.999, 100, 0.5, 0.6550435163244294), (0.01, 3, 0.5, 3.1367895544724357e-07),
        ]
        let calls = cases.map { "print(repr(incomplete_beta(\($0.0), \($0.1), \($0.2))))" }.joined(separator: "\n")
        let script = "import math\n" + SparkHelperSource.welch + "\n" + calls + "\n"
        let p = Process()
        let pipe = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", script]
        p.standardOutput = pipe
        try p.run()
        p.waitUntilExit()
        let lines = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == cases.count)
        for (line, c) in zip(lines, cases) {
            let python = try #require(Double(line))
            #expect(abs(python - c.3) <= 1e-13 * c.3, "I_\(c.0)(\(c.1), \(c.2)) = \(python), scipy \(c.3)")
            let strata = Distributions.regularizedIncompleteBeta(c.0, a: c.1, b: c.2)
            #expect(abs(python - strata) <= 1e-13 * strata)
        }
    }

    /// pca and abtest print their figures; the replay keeps them under the job's names.
    @Test func pcaAndABTestFiguresAreKeptForTheCheck() throws {
        let dir = try Self.data()
        try "x,y,variant,revenue\n1,2,A,1\n2,4,A,2\n3,6,A,3\n4,8,B,2\n5,10,B,4\n6,12,B,6\n"
            .write(toFile: dir + "/xy.csv", atomically: true, encoding: .utf8)
        let document = SessionDocument(text: """
            load "\(dir)/xy.csv" as xy
            pca xy cols=x,y scale=zscore as xy2d
            abtest xy variant=variant metric=revenue
            """)
        let local = LocalResults.replay(document, path: dir + "/s.strata", registry: StandardCommands.registry)
        #expect(local.problems.isEmpty)
        // y = 2x: one axis carries everything. Each z-score has sample variance n/(n − 1) = 6/5, so PC1's is 12/5.
        let pca = try #require(local.quality(named: "evaluation_xy2d"))
        #expect(abs((pca[MetricKey(metric: "explained_variance_ratio", k: 1)] ?? 0) - 1) < 1e-12)
        #expect(abs((pca[MetricKey(metric: "explained_variance", k: 1)] ?? 0) - 12.0 / 5.0) < 1e-12)
        // A: 1, 2, 3 (mean 2); B: 2, 4, 6 (mean 4). Welch's p from scipy.stats.ttest_ind(equal_var=False).
        let ab = try #require(local.quality(named: "evaluation_abtest_revenue"))
        #expect(ab[MetricKey(metric: "mean[A]", k: nil)] == 2)
        #expect(ab[MetricKey(metric: "mean[B]", k: nil)] == 4)
        #expect(ab[MetricKey(metric: "lift[B]", k: nil)] == 2)
        #expect(abs((ab[MetricKey(metric: "p[B]", k: nil)] ?? 0) - 0.22088084049409593) < 1e-12)
    }
}
