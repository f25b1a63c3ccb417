/// The Python text of the helpers for scaling, learned weights, PCA and migration.
extension SparkHelperSource {
    package static let scaling = #"""
def fit_scaler(df, columns, method):
    """Strata's scaler fitted on df's rows, as (method, {column: (center, scale)}): minmax (min,
    range), zscore (mean, population sd: ddof 0 as Strata and scikit-learn), robust (median, IQR with
    quartiles by linear interpolation, exact), log1p_zscore (the z-score of log(1 + x))."""
    def x(c):
        v = F.col(f"`{c}`").cast("double")
        return F.log1p(v) if method in ("log1p", "log1p_zscore") else v
    figures = []
    for c in columns:
        if method == "minmax":
            figures += [F.min(x(c)), F.max(x(c)) - F.min(x(c))]
        elif method in ("zscore", "log1p_zscore"):
            figures += [F.avg(x(c)), F.stddev_pop(x(c))]
        elif method == "robust":
            q = F.percentile(x(c), [0.25, 0.5, 0.75])
            figures += [q[1], q[2] - q[0]]
        else:
            figures += [F.lit(0.0), F.lit(1.0)]
    row = df.agg(*figures).first()
    return method, {c: (float(row[2 * i]), float(row[2 * i + 1])) for i, c in enumerate(columns)}


def scaled_column(column, scaler, lower=False):
    """A column scaled by a fitted scaler (not refitted), flipped as Strata flips a lower-is-better
    column (1 − v into [0, 1], −v otherwise); null where Strata has no value (log1p of x ≤ −1)."""
    method, params = scaler
    center, scale = params[column]
    v = F.col(f"`{column}`").cast("double")
    if method in ("log1p", "log1p_zscore"):
        v = F.when(v > -1, F.log1p(v))
    v = (v - F.lit(center)) / F.lit(scale)
    if lower:
        v = 1 - v if method == "minmax" else -v
    return v


def all_present(columns):
    """True where none of the columns is null."""
    present = F.lit(True)
    for c in columns:
        present = present & F.col(f"`{c}`").isNotNull()
    return present


def scale_table(df, columns, method, lower, names, missing="refuse"):
    """Strata's scale: a scaled copy of each column, named names[column]. The scaler is fitted on
    the rows with every column present (missing=drop; those without get null), or on every row
    with missing values filled by the column mean (missing=mean); the source columns stay as they are."""
    work = {c: f"_in{i}" for i, c in enumerate(columns)}
    if missing == "mean":
        means = df.agg(*[F.avg(F.col(f"`{c}`").cast("double")) for c in columns]).first()
        df = df.withColumns({work[c]: F.coalesce(F.col(f"`{c}`").cast("double"), F.lit(means[i]))
                             for i, c in enumerate(columns)})
    else:
        df = df.withColumns({work[c]: F.col(f"`{c}`").cast("double") for c in columns})
    present = all_present(work.values())
    if method == "quantile":
        ranked = df.filter(present)
        for c in columns:
            ranked = quantile_scaled(ranked, work[c])
            ranked = ranked.withColumn(names[c], 1 - F.col("_scaled") if c in lower else F.col("_scaled")).drop("_scaled")
        out = ranked.unionByName(df.filter(~present), allowMissingColumns=True)
    else:
        scaler = fit_scaler(df.filter(present), list(work.values()), method)
        out = df.withColumns({names[c]: F.when(present, scaled_column(work[c], scaler, c in lower)) for c in columns})
    return out.drop(*work.values())
"""#

    package static let learnedWeights = #"""
def mann_whitney_auc(df, column, target):
    """The AUC of a raw column against a 0/1 target: Mann–Whitney U with average ranks for ties,
    exactly as Strata (and scikit-learn's roc_auc_score); no binning (BinaryClassificationEvaluator
    would bin the scores into 1,000 thresholds)."""
    ranked = (df.select(F.col(f"`{column}`").cast("double").alias("_v"), F.col(f"`{target}`").cast("double").alias("_t"))
                .withColumn("_first", F.rank().over(W.orderBy("_v")))
                .withColumn("_ties", F.count(F.lit(1)).over(W.partitionBy("_v"))))
    rank = F.col("_first") + (F.col("_ties") - 1) / 2.0
    positives, rank_sum, n = ranked.agg(F.sum("_t"), F.sum(rank * F.col("_t")), F.count(F.lit(1))).first()
    negatives = n - positives
    if not positives or not negatives:
        return 0.5
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def learned_weights(df, columns, target):
    """Strata's score target=: each criterion's predictive power |AUC − 0.5|·2 over the sum of
    powers; a criterion with AUC below 0.5 counts with lower values as better."""
    aucs = [mann_whitney_auc(df, c, target) for c in columns]
    powers = [abs(a - 0.5) * 2 for a in aucs]
    total = sum(powers)
    if total == 0:
        raise ValueError("no criterion separates the target at all (every AUC is 0.5)")
    print("learned weights: " + ", ".join(f"{c} {p / total:.6f} (AUC {a:.6f})" for c, p, a in zip(columns, powers, aucs)))
    return [p / total for p in powers], {c for c, a in zip(columns, aucs) if a < 0.5}
"""#

    package static let principalComponents = #"""
def principal_components(name, df, columns, k):
    """Strata's pca on already scaled columns: Spark ML's PCA (covariance with n − 1) gives the
    axes; each is signed so its largest-magnitude loading is positive (as Strata and scikit-learn's
    svd_flip), and the rows are centred before projecting (Spark's PCAModel.transform does not
    centre). Adds PC1..PCk, drops the scaled columns, and reports each component's explained
    variance and its ratio to the total."""
    assembled = VectorAssembler(inputCols=columns, outputCol="_features").transform(df)
    model = PCA(k=k, inputCol="_features", outputCol="_pcs").fit(assembled)
    axes = model.pc.toArray()
    stats = df.agg(*[F.avg(c) for c in columns], *[F.var_samp(c) for c in columns]).first()
    means, total = stats[:len(columns)], sum(stats[len(columns):])
    out = df
    for j in range(k):
        axis = [float(a) for a in axes[:, j]]
        largest = max(range(len(axis)), key=lambda f: abs(axis[f]))
        if axis[largest] < 0:
            axis = [-a for a in axis]
        out = out.withColumn(f"PC{j + 1}", sum((F.col(c) - F.lit(m)) * F.lit(a) for c, m, a in zip(columns, means, axis)))
        ratio = float(model.explainedVariance[j])
        add_metric(name, "explained_variance_ratio", ratio, j + 1)
        add_metric(name, "explained_variance", ratio * total, j + 1)
    return out.drop(*columns)
"""#

    package static let migration = #"""
def migration_counts(before, after, key_before, key_after, segment_before, segment_after):
    """Strata's migrate: customers in both tables counted by (first segment, second segment);
    those only in the first under "(gone)", those only in the second in the row "(new)". Every
    first segment has a row, every second segment a column. Rows without a customer id are left out."""
    def label(c):
        return F.coalesce(F.col(f"`{c}`").cast("string"), F.lit("(missing)"))
    a = before.filter(F.col(f"`{key_before}`").isNotNull()).select(F.col(f"`{key_before}`").alias("_key"), label(segment_before).alias("_from"))
    b = after.filter(F.col(f"`{key_after}`").isNotNull()).select(F.col(f"`{key_after}`").alias("_key"), label(segment_after).alias("_to"))
    pairs = a.join(b, "_key", "full_outer").select(F.coalesce("_from", F.lit("(new)")).alias("from"),
                                                    F.coalesce("_to", F.lit("(gone)")).alias("to"))
    froms = sorted(r[0] for r in a.select("_from").distinct().collect()) + ["(new)"]
    tos = sorted(r[0] for r in b.select("_to").distinct().collect()) + ["(gone)"]
    counts = pairs.groupBy("from").pivot("to", tos).count()
    grid = spark.createDataFrame([(f,) for f in froms], "`from` STRING")
    table = grid.join(counts, "from", "left")
    return table.select("from", *[F.coalesce(F.col(f"`{t}`"), F.lit(0)).cast("long").alias(t) for t in tos])
"""#
}

extension SparkHelperSource {
    package static let welch = #"""
def incomplete_beta(x, a, b):
    """The regularised incomplete beta I_x(a, b), by its continued fraction (modified Lentz) with
    the symmetry I_x(a, b) = 1 − I_{1−x}(b, a): the algorithm Strata uses, so scipy is not needed
    on the cluster. Within 1e-13 relative of scipy's betainc (the fraction stops when a step changes it by < 1e-15)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    if x > (a + 1) / (a + b + 2):
        return 1 - incomplete_beta(1 - x, b, a)
    tiny = 1e-300
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)) / a
    c, d = 1.0, 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    f = d
    for m in range(1, 10000):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            f *= c * d
        if abs(c * d - 1) < 1e-15:
            break
    return front * f


def welch_test(name, df, variant, metric, control):
    """Welch's t-test of each variant's mean against the control's, from Spark's per-variant
    count, mean and sample variance; two-sided p from the t distribution with Welch's degrees of
    freedom: p = I_{ν/(ν+t²)}(ν/2, 1/2)."""
    rows = (df.filter(F.col(metric).isNotNull() & F.col(variant).isNotNull()).groupBy(variant)
              .agg(F.count(F.col(metric)).alias("n"), F.avg(F.col(metric).cast("double")).alias("mean"),
                   F.var_samp(F.col(metric).cast("double")).alias("var")).collect())
    stats = {row[variant]: (row["n"], row["mean"], row["var"]) for row in rows}
    n0, m0, v0 = stats[control]
    for arm, (n1, m1, v1) in sorted(stats.items(), key=lambda kv: str(kv[0])):
        add_metric(name, f"mean[{arm}]", m1)
        if arm == control:
            continue
        a, b = v0 / n0, v1 / n1
        t = (m1 - m0) / math.sqrt(a + b)
        nu = (a + b) ** 2 / (a * a / (n0 - 1) + b * b / (n1 - 1))
        add_metric(name, f"lift[{arm}]", m1 - m0)
        add_metric(name, f"p[{arm}]", incomplete_beta(nu / (nu + t * t), nu / 2, 0.5))
        print(f"{name}: {arm} against {control}: t = {t:.6f}, df = {nu:.3f}")
"""#
}

extension SparkHelperSource {
    package static let regressorQuality = #"""
def ridge_reg_param(train, label, alpha):
    """Strata's ridge minimises Σ(y − ŷ)² + alpha·‖w‖² (w on standardised features). Spark's
    normal-equation solver minimises Σ(y − ŷ)²/(2n) + (regParam/σ_y)·½‖w‖², standardising the label
    too (σ_y its population sd): the same objective when regParam = alpha·σ_y/n."""
    n, sd = train.agg(F.count(F.lit(1)), F.stddev_pop(label)).first()
    return alpha * (sd or 0.0) / max(n, 1)


def regression_fold_quality(name, df, label, estimator, folds, seed):
    """Cross-validated RMSE, MAE and R², each the mean over the folds as Strata reports them. Rows
    are dealt to folds at random (Spark's draw); `estimator` may be a function of the training rows
    (ridge's regParam depends on them)."""
    dealt = df.withColumn("_fold", (F.rand(seed) * folds).cast("int")).cache()
    figures = {"rmse": [], "mae": [], "r2": []}
    for fold in range(folds):
        train = dealt.filter(F.col("_fold") != fold)
        fitted = (estimator(train) if callable(estimator) else estimator).fit(train)
        scored = fitted.transform(dealt.filter(F.col("_fold") == fold))
        for metric, values in figures.items():
            values.append(RegressionEvaluator(labelCol=label, predictionCol="prediction", metricName=metric).evaluate(scored))
    for metric, values in figures.items():
        add_metric(name, metric, sum(values) / folds)
    dealt.unpersist()
"""#
}

extension SparkHelperSource {
    package static let recommendations = #"""
def recommendation_table(scores, train, user, item, n):
    """Strata's recommend all table: user, rank, item, score, each user's n best items (ties:
    lower item id first), without the user's own training items unless train is None (seen=yes).
    Ids are text, as in Strata's table."""
    if train is not None:
        scores = unseen_candidates(scores, train, user, item)
    best = W.partitionBy(user).orderBy(F.col("score").desc(), F.col(item))
    return (scores.withColumn("rank", F.row_number().over(best)).filter(F.col("rank") <= n)
                  .select(F.col(user).cast("string").alias("user"), F.col("rank").cast("long").alias("rank"),
                          F.col(item).cast("string").alias("item"), F.col("score").cast("double").alias("score")))
"""#
}

extension SparkHelperSource {
    package static let itemKNN = #"""
def item_neighbours(train, user, item, saved, shrinkage=0.0, min_similarity=0.0):
    """Strata's item-kNN neighbourhoods, binary cosine: sim(i, j) = |U_i ∩ U_j| / √(|U_i|·|U_j|),
    times n/(n + shrinkage) for n shared users, kept when above min_similarity; each item keeps its
    `saved` most similar items (0: all; ties: lower item id first). The co-occurrence counts come from
    a self-join on users: Σ over users of (items per user)² rows, fine for ratings-sized logs, too
    big when some users have tens of thousands of items."""
    pairs = train.select(F.col(user).alias("_u"), F.col(item).alias("_i")).distinct().cache()
    sizes = pairs.groupBy("_i").agg(F.count(F.lit(1)).alias("_n"))
    co = (pairs.join(pairs.withColumnRenamed("_i", "_j"), "_u").filter(F.col("_i") != F.col("_j"))
               .groupBy("_i", "_j").agg(F.count(F.lit(1)).alias("_c")))
    sim = (co.join(sizes, "_i").join(sizes.withColumnRenamed("_i", "_j").withColumnRenamed("_n", "_nj"), "_j")
             .withColumn("sim", F.col("_c") / F.sqrt(F.col("_n") * F.col("_nj"))))
    if shrinkage > 0:
        sim = sim.withColumn("sim", F.col("sim") * F.col("_c") / (F.col("_c") + F.lit(shrinkage)))
    sim = sim.filter(F.col("sim") > F.lit(min_similarity))
    sim = sim.withColumn("_rank", F.row_number().over(W.partitionBy("_i").orderBy(F.col("sim").desc(), F.col("_j"))))
    if saved > 0:
        sim = sim.filter(F.col("_rank") <= saved)
    return sim.select(F.col("_i").alias(item), F.col("_j").alias("_neighbour"), "sim", "_rank").cache()


def item_knn_scores(neighbours, train, users, user, item, k):
    """Strata's item-kNN top-N rule (LensKit's): a candidate's score for a user is the sum of the
    similarities of the k most similar items in its kept list that the user has; a candidate with
    none is not scored."""
    owned = train.select(F.col(user), F.col(item).alias("_neighbour")).distinct().join(users, user, "left_semi")
    first_k = W.partitionBy(user, item).orderBy("_rank")
    return (owned.join(neighbours, "_neighbour").withColumn("_r", F.row_number().over(first_k)).filter(F.col("_r") <= k)
                 .groupBy(user, item).agg(F.sum("sim").alias("score")))
"""#
}

extension SparkHelperSource {
    package static let treeBins = #"""
def exact_bins(df, features, cap=4096):
    """maxBins for Spark's trees: each feature's number of distinct values (at least 32, at most
    `cap`), so every split Strata's CART tries (a midpoint between neighbouring values) is tried;
    a feature with more distinct values than `cap` is binned."""
    counts = df.agg(*[F.countDistinct(F.col(f"`{c}`")) for c in features]).first()
    return int(min(cap, max([32] + [int(n) for n in counts])))
"""#
}
