/// The Python text of each helper (the always-present ones first: paths, casts, writing results).
package enum SparkHelperSource {
    package static let always = #"""
def data_path(path):
    """A data file of the session: a relative path is resolved against --input. When --input names
    the data folder itself (--input datasets for "datasets/x.csv"), the path is read inside it."""
    if "://" in path or os.path.isabs(path):
        return path
    joined = os.path.join(INPUT, path)
    first, _, rest = path.partition("/")
    if rest and not os.path.exists(joined) and os.path.basename(os.path.normpath(INPUT)) == first:
        return os.path.join(INPUT, rest)
    return joined


def cast_columns(df, types):
    """Gives columns the types Strata gave them, so the written Parquet matches Strata's."""
    return df.withColumns({name: F.col(name).cast(t) for name, t in types.items()})


def write_text(path, text):
    """Writes a small text file, locally or on any file system Spark's Hadoop client reaches."""
    if "://" not in path or path.startswith("file://"):
        with open(path.removeprefix("file://"), "w", encoding="utf-8") as f:
            f.write(text)
        return
    jvm = spark.sparkContext._jvm
    target = jvm.org.apache.hadoop.fs.Path(path)
    stream = target.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).create(target, True)
    stream.write(bytearray(text, "utf-8"))
    stream.close()


def write_table(df, name, keys, kind="table", compare="values", tolerance=1e-9, relative=True, note=None):
    """Writes one result table as Parquet to OUTPUT/<name>/ and lists it in the manifest.

    A table of up to a few million rows becomes one part file with its rows in key order, so it
    compares row by row; a bigger one keeps Spark's partitions, sorted within each."""
    rows = df.count()
    out = df.coalesce(1) if rows <= 5_000_000 else df
    if keys:
        out = out.sortWithinPartitions(*keys)
    out.write.mode("overwrite").parquet(OUTPUT.rstrip("/") + "/" + name)
    entry = {"name": name, "keys": keys, "kind": kind, "compare": compare, "rows": rows,
             "tolerance": tolerance, "tolerance_type": "relative" if relative else "absolute"}
    if note:
        entry["note"] = note
    MANIFEST.append(entry)
    print(f"wrote {name}: {rows} rows")


def add_metric(model, metric, value, k=None):
    """Collects one evaluation figure; written at the end as OUTPUT/evaluation_<model>/."""
    EVALUATIONS.setdefault(model, {})[(metric, k)] = None if value is None else float(value)


def write_evaluations():
    schema = "metric STRING, k BIGINT, value DOUBLE"
    for model, figures in EVALUATIONS.items():
        rows = [(metric, k, value) for (metric, k), value in figures.items()]
        write_table(spark.createDataFrame(rows, schema), "evaluation_" + model, ["metric", "k"],
                    kind="model_quality", compare="metrics", tolerance=METRIC_TOLERANCE.get(model, 0.0),
                    relative=model in METRIC_RELATIVE, note=METRIC_NOTES.get(model))
"""#

    package static let readCSV = #"""
STRATA_NA = ["", "NA", "N/A", "NaN", "null", "NULL"]


def read_csv(spark, path, schema, sep=",", header=True, na=None, date_format=None, timestamp_format=None,
             drop_malformed=False):
    """Reads a CSV file with the column types Strata inferred. Cells Strata reads as missing
    (na) become null: Spark does this itself for numbers it cannot parse; text is done here."""
    reader = spark.read.option("header", header).option("sep", sep)
    reader = reader.option("mode", "DROPMALFORMED" if drop_malformed else "PERMISSIVE")
    if date_format:
        reader = reader.option("dateFormat", date_format)
    if timestamp_format:
        reader = reader.option("timestampFormat", timestamp_format)
    df = reader.schema(schema).csv(path)
    na = STRATA_NA if na is None else na
    fixes = {}
    for field in df.schema.fields:
        column = F.col(f"`{field.name}`")
        if isinstance(field.dataType, T.StringType):
            fixes[field.name] = F.when(~column.isin(na), column)
        elif isinstance(field.dataType, T.DoubleType):
            fixes[field.name] = F.nanvl(column, F.lit(None))
    return df.withColumns(fixes) if fixes else df
"""#

    package static let readParquet = #"""
def read_parquet(spark, path, columns):
    """Reads a Parquet file or folder of part files: the columns Strata loaded, in its order."""
    return spark.read.parquet(path).select(*[f"`{c}`" for c in columns])
"""#

    package static let splitPerUser = #"""
def split_per_user(df, user, test, seed):
    """Strata's per-user split: each user's floor(test·n + 0.5) randomly chosen interactions go
    to test, the rest to train. The random draw is Spark's (rand with the seed), not Strata's."""
    by_user = W.partitionBy(user)
    ranked = (df.withColumn("_n", F.count(F.lit(1)).over(by_user))
                .withColumn("_r", F.row_number().over(by_user.orderBy(F.rand(seed)))))
    is_test = F.col("_r") <= F.floor(F.col("_n") * test + 0.5)
    return ranked.filter(~is_test).drop("_n", "_r"), ranked.filter(is_test).drop("_n", "_r")
"""#

    package static let splitByTime = #"""
def split_by_time(df, time, cutoff):
    """Rows on or after the cut-off date are test; no randomness."""
    is_test = F.col(time) >= F.to_timestamp(F.lit(cutoff))
    return df.filter(~is_test), df.filter(is_test)
"""#

    package static let splitByInteraction = #"""
def split_by_interaction(df, test, seed):
    """Each interaction goes to test with probability `test` (a different draw from Strata's)."""
    flagged = df.withColumn("_u", F.rand(seed))
    return flagged.filter(F.col("_u") >= test).drop("_u"), flagged.filter(F.col("_u") < test).drop("_u")
"""#

    package static let topLists = #"""
def top_lists(scores, user, item, k):
    """Each user's k best items by score, as an array of item ids (ties: lower item id first)."""
    best = W.partitionBy(user).orderBy(F.col("score").desc(), F.col(item))
    return (scores.withColumn("_rank", F.row_number().over(best)).filter(F.col("_rank") <= k)
                  .groupBy(user).agg(F.sort_array(F.collect_list(F.struct("_rank", item))).alias("_ranked"))
                  .select(user, F.col(f"_ranked.{item}").cast("array<double>").alias("prediction")))


def unseen_candidates(scores, train, user, item):
    """Leaves out each user's own training items: Strata's candidate set is every training item
    except those."""
    return scores.join(train.select(user, item).distinct(), [user, item], "left_anti")
"""#

    package static let quantileScore = #"""
def quantile_scaled(df, column, higher_is_better=True):
    """Strata's quantile scaling: the average rank of the value (ties share it), as (rank − 1)/(n − 1)."""
    order = F.col(column).asc() if higher_is_better else F.col(column).desc()
    everyone = W.orderBy(order)
    ties = W.partitionBy(column)
    ranked = (df.withColumn("_n", F.count(F.lit(1)).over(W.partitionBy()))
                .withColumn("_first", F.rank().over(everyone))
                .withColumn("_ties", F.count(F.lit(1)).over(ties)))
    average = F.col("_first") + (F.col("_ties") - 1) / 2.0
    return ranked.withColumn("_scaled", F.when(F.col("_n") > 1, (average - 1) / (F.col("_n") - 1)).otherwise(0.5)) \
                 .drop("_n", "_first", "_ties")


def quantile_bins(df, column, bins, name, higher_is_better=True):
    """Strata's quantile scores 1..bins: rank r of n (ties: average rank) falls in bin b when
    1 + (n−1)(b−1)/bins < r ≤ 1 + (n−1)b/bins; bin 1 also takes r = 1."""
    order = F.col(column).asc() if higher_is_better else F.col(column).desc()
    ranked = (df.withColumn("_n", F.count(F.lit(1)).over(W.partitionBy()))
                .withColumn("_first", F.rank().over(W.orderBy(order)))
                .withColumn("_ties", F.count(F.lit(1)).over(W.partitionBy(column))))
    r = F.col("_first") + (F.col("_ties") - 1) / 2.0
    b = F.ceil((r - 1) * bins / F.greatest(F.col("_n") - 1, F.lit(1)))
    return ranked.withColumn(name, F.greatest(F.lit(1), F.least(F.lit(bins), b)).cast("long")) \
                 .drop("_n", "_first", "_ties")
"""#

    package static let rfmSegments = #"""
RFM_SEGMENTS = {  # (R score, FM score) → segment, FM = (F + M) / 2 rounded half up: docs/segmentation.md
{segments}
}


def rfm_segment(r, f, m):
    """The named segment of a customer's recency, frequency and monetary scores."""
    fm = F.floor((f + m + 1) / 2)
    expression = F.lit(None).cast("string")
    for (r_score, fm_score), name in RFM_SEGMENTS.items():
        expression = F.when((r == r_score) & (fm == fm_score), F.lit(name)).otherwise(expression)
    return expression
"""#

    package static let kmeansInertia = #"""
def kmeans_inertia(model, features):
    """The within-cluster sum of squared distances, as Strata reports it."""
    return model.summary.trainingCost
"""#

    package static let classifierQuality = #"""
def fold_quality(name, df, label, estimator, folds, seed):
    """Cross-validated AUC and accuracy: rows are dealt to folds at random (Spark's draw), each
    fold is scored by a model fitted on the others."""
    dealt = df.withColumn("_fold", (F.rand(seed) * folds).cast("int")).cache()
    # A single tree's rawPrediction is its leaf's class counts, which do not rank rows; the probability does, for every classifier.
    auc = BinaryClassificationEvaluator(labelCol=label, rawPredictionCol="probability", metricName="areaUnderROC")
    accuracy = MulticlassClassificationEvaluator(labelCol=label, predictionCol="prediction", metricName="accuracy")
    aucs, accuracies = [], []
    for fold in range(folds):
        fitted = estimator.fit(dealt.filter(F.col("_fold") != fold))
        scored = fitted.transform(dealt.filter(F.col("_fold") == fold))
        aucs.append(auc.evaluate(scored))
        accuracies.append(accuracy.evaluate(scored))
    add_metric(name, "auc", sum(aucs) / folds)
    add_metric(name, "accuracy", sum(accuracies) / folds)
    dealt.unpersist()
"""#

    package static let twoProportion = #"""
def two_proportion_test(name, df, variant, metric, control):
    """Two-proportion z-test of each variant against the control, from counts computed by Spark."""
    counts = {row[variant]: (row["n"], row["x"]) for row in
              df.groupBy(variant).agg(F.count(F.col(metric)).alias("n"), F.sum(F.col(metric).cast("double")).alias("x")).collect()}
    n0, x0 = counts[control]
    for arm, (n1, x1) in sorted(counts.items(), key=lambda kv: str(kv[0])):
        add_metric(name, f"rate[{arm}]", x1 / n1)
        if arm == control:
            continue
        pooled = (x0 + x1) / (n0 + n1)
        se = math.sqrt(pooled * (1 - pooled) * (1 / n0 + 1 / n1))
        z = (x1 / n1 - x0 / n0) / se if se > 0 else 0.0
        add_metric(name, f"lift[{arm}]", x1 / n1 - x0 / n0)
        add_metric(name, f"p[{arm}]", math.erfc(abs(z) / math.sqrt(2)))
        print(f"{name}: {arm} against {control}: z = {z:.6f}")
"""#
}
