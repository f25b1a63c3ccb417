/// The whole PySpark file: a docstring, imports, the helpers the code uses, argument parsing, the
/// Spark session, each session command as a comment above its code, and the writing of results.
package struct SparkProgram {
    package struct Section {
        /// The session's `#` comments above the command, then the command itself.
        package var comments: [String]
        package var source: String
        package var location: String
        package var block: SparkBlock?
        /// Why it was left out (only with skip-unsupported).
        package var skipped: String?
    }

    package var title: String
    package var origin: String
    package var sections: [Section] = []
    package var translator: SparkTranslator
    /// Per recommender: the tolerance of its metrics and why, for the manifest.
    package var metricTolerances: [String: (Double, String)] = [:]

    package func render() -> String {
        var out: [String] = []
        out += [
            "#!/usr/bin/env python3",
            "\"\"\"\(title): the Strata session \(origin) as a PySpark job.",
            "",
            "Written by `strata export spark` (Strata \(StrataVersion.current)). Each command of the session is a comment",
            "above the code it became; comments starting 'Spark:' say where Spark's answer differs from Strata's",
            "(docs/spark.md lists every difference and the tolerance it implies).",
            "",
            "Run:      spark-submit job.py --input DATA_DIR --output OUT_DIR",
            "Locally:  python job.py --input . --output out --master \"local[2]\"",
            "It writes each table the session makes as Parquet to OUT_DIR/<table>/, evaluation figures to",
            "OUT_DIR/evaluation_<model>/, and OUT_DIR/_strata_manifest.json for `strata check --against OUT_DIR`.",
            "\"\"\"",
            "import argparse",
            "import datetime",
            "import json",
            "import math",
            "import os",
            "import re",
            "",
            "from pyspark import SparkConf",
            "from pyspark.sql import SparkSession, Window as W, functions as F, types as T",
        ]
        out += imports()
        out += ["", ""]
        out += SparkHelperSource.always.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for helper in translator.helpers.sorted() {
            out += ["", ""]
            var text = helper.source
            if helper == .rfmSegments { text = text.replacingOccurrences(of: "{segments}", with: Self.rfmSegmentRows()) }
            out += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        out += ["", ""]
        out += [
            "parser = argparse.ArgumentParser(description=\(SparkPython.string("The Strata session \(origin) as a Spark job.")))",
            "parser.add_argument(\"--input\", default=\".\", help=\"folder the session's relative data paths are read from (default: .)\")",
            "parser.add_argument(\"--output\", required=True, help=\"folder for the result tables (Parquet) and the manifest\")",
            "parser.add_argument(\"--master\", default=None,",
            "                    help=\"Spark master, e.g. local[2]; default: spark-submit's, else local[2]\")",
            "args = parser.parse_args()",
            "INPUT, OUTPUT = args.input, args.output",
            "MANIFEST, EVALUATIONS = [], {}",
        ]
        out.append("METRIC_TOLERANCE = {" + metricTolerances.keys.sorted().map { name in
            let tolerance = SparkPython.number(metricTolerances[name]?.0 ?? 0)
            let value = translator.metricFloors[name].map { "{\"relative\": \(tolerance), \"absolute\": \(SparkPython.number($0))}" } ?? tolerance
            return "\(SparkPython.string(name)): \(value)"
        }.joined(separator: ", ") + "}")
        out.append("METRIC_RELATIVE = {" + translator.relativeMetrics.sorted().map(SparkPython.string).joined(separator: ", ") + "}"
                   + (translator.relativeMetrics.isEmpty ? "  # none" : ""))
        out.append("METRIC_NOTES = {" + metricTolerances.keys.sorted().map { "\(SparkPython.string($0)): \(SparkPython.string(metricTolerances[$0]?.1 ?? ""))" }.joined(separator: ", ") + "}")
        out += [
            "",
            "builder = SparkSession.builder.appName(\(SparkPython.string("strata: " + title)))",
            "conf = SparkConf()",
            "if args.master or not conf.contains(\"spark.master\"):",
            "    builder = builder.master(args.master or \"local[2]\")",
            "# On one machine Spark's 200 shuffle partitions are mostly per-task overhead: four per core instead,",
            "# unless --conf spark.sql.shuffle.partitions=N says otherwise. A cluster keeps its own setting.",
            "local = re.fullmatch(r\"local(?:\\[(\\*|\\d+)(?:,\\d+)?\\])?\", args.master or conf.get(\"spark.master\", \"local[2]\"))",
            "if local and not conf.contains(\"spark.sql.shuffle.partitions\"):",
            "    cores = (os.cpu_count() or 1) if local.group(1) == \"*\" else int(local.group(1) or 1)",
            "    builder = builder.config(\"spark.sql.shuffle.partitions\", str(4 * cores))",
            "# Strata's timestamps have no zone: UTC keeps them as written. ANSI mode off: a division by zero",
            "# or an unreadable cast gives null (Strata's missing) instead of failing the job.",
            "spark = (builder.config(\"spark.sql.session.timeZone\", \"UTC\")",
            "         .config(\"spark.sql.ansi.enabled\", \"false\")",
            "         .config(\"spark.sql.parquet.outputTimestampType\", \"TIMESTAMP_MICROS\")",
            "         .config(\"spark.ui.showConsoleProgress\", \"false\")",
            "         .getOrCreate())",
            "spark.sparkContext.setLogLevel(\"WARN\")",
        ]
        for section in sections {
            out.append("")
            for c in section.comments { out.append(c.isEmpty ? "#" : c) }
            out.append("# [\(section.location)] " + section.source.replacingOccurrences(of: "\n", with: " "))
            if let skipped = section.skipped {
                out.append("# NOT EXPORTED: " + skipped)
                continue
            }
            guard let block = section.block else { continue }
            for n in block.notes { out += Self.wrapComment("Spark: " + n) }
            out += block.code
        }
        out += ["", "", "# The session's tables in their final state, then the evaluation figures and the manifest."]
        for t in translator.outputs {
            var args = ["\(t.variable)", SparkPython.string(t.name), SparkPython.strings(t.keys)]
            if t.kind != .table { args.append("kind=\(SparkPython.string(t.kind.rawValue))") }
            if t.compare != .values { args.append("compare=\(SparkPython.string(t.compare.rawValue))") }
            if let floor = t.absoluteFloor, t.toleranceIsRelative {
                args.append("tolerance={\"relative\": \(SparkPython.number(t.tolerance)), \"absolute\": \(SparkPython.number(floor))}")
            } else if t.tolerance != 1e-9 {
                args.append("tolerance=\(SparkPython.number(t.tolerance))")
            }
            if !t.toleranceIsRelative { args.append("relative=False") }
            if let note = t.note { args.append("note=\(SparkPython.string(note))") }
            out.append("write_table(" + args.joined(separator: ", ") + ")")
        }
        out += [
            "write_evaluations()",
            "manifest = {\"format\": 1, \"session\": \(SparkPython.string(origin)), \"strata_version\": \(SparkPython.string(StrataVersion.current)),",
            "            \"tables\": MANIFEST}",
            "write_text(OUTPUT.rstrip(\"/\") + \"/_strata_manifest.json\", json.dumps(manifest, indent=2) + \"\\n\")",
            "print(f\"wrote {len(MANIFEST)} tables and the manifest to {OUTPUT}\")",
            "spark.stop()",
        ]
        return out.joined(separator: "\n") + "\n"
    }

    private func imports() -> [String] {
        var lines: [String] = []
        let h = translator.helpers
        if h.contains(.classifierQuality) {
            lines.append("from pyspark.ml.evaluation import BinaryClassificationEvaluator, MulticlassClassificationEvaluator")
        }
        let ml = translator.models.values.map(\.kind)
        if ml.contains(.als) { lines.append("from pyspark.ml.recommendation import ALS") }
        if h.contains(.principalComponents) {
            lines.append("from pyspark.ml.feature import PCA, VectorAssembler")
        } else if ml.contains(.kmeans) || ml.contains(.classifier) || ml.contains(.regressor) {
            lines.append("from pyspark.ml.feature import VectorAssembler")
        }
        if ml.contains(.kmeans) { lines.append("from pyspark.ml.clustering import KMeans") }
        if ml.contains(.classifier) {
            lines.append("from pyspark.ml.classification import DecisionTreeClassifier, GBTClassifier, LogisticRegression, RandomForestClassifier")
        }
        if ml.contains(.regressor) {
            lines.append("from pyspark.ml.evaluation import RegressionEvaluator")
            lines.append("from pyspark.ml.regression import DecisionTreeRegressor, GBTRegressor, LinearRegression, RandomForestRegressor")
        }
        return lines
    }

    /// The 25 cells of Strata's RFM segment map, from the engine itself.
    private static func rfmSegmentRows() -> String {
        var rows: [String] = []
        for r in 1...5 {
            let cells = (1...5).map { fm in "(\(r), \(fm)): \(SparkPython.string(RFMSegments.name(r: r, f: fm, m: fm) ?? ""))" }
            rows.append("    " + cells.joined(separator: ", ") + ",")
        }
        return rows.joined(separator: "\n")
    }

    /// A comment wrapped to about 100 columns.
    package static func wrapComment(_ text: String, width: Int = 100) -> [String] {
        var lines: [String] = []
        var line = "#"
        for word in text.split(separator: " ") {
            if line.count + word.count + 1 > width, line != "#" {
                lines.append(line)
                line = "#  "
            }
            line += (line.hasSuffix(" ") ? "" : " ") + word
        }
        lines.append(line)
        return lines
    }
}
