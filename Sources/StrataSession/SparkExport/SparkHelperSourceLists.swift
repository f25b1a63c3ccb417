/// The Python of `evaluate`: each test user's list as one array (seen items removed with array
/// functions, not by joins over exploded rows), and every metric at every k in one aggregation.
extension SparkHelperSource {
    package static let unseenLists = #"""
SEEN = {}


def seen_items(train, user, item):
    """Each training user's items as one array, the items a list leaves out. Made once per training
    table and kept in memory: every evaluation of a model trained on it needs it."""
    key = (id(train), user, item)
    if key not in SEEN:
        SEEN[key] = train.groupBy(user).agg(F.collect_set(item).alias("_seen")).cache()
    return SEEN[key]


def list_depth(seen, k):
    """Candidates enough for k unseen items: k plus the most training items any user has."""
    return k + (seen.agg(F.max(F.size("_seen"))).first()[0] or 0)


def best_first(candidates, score, item):
    """An array of (score, item) structs as item ids, best score first, ties: lower item id first.
    Sorted as (-score, item) pairs; recommendForUserSubset's arrays are in score order already, so
    the sort only reorders ties."""
    pairs = F.transform(candidates, lambda c: F.struct((-c[score]).alias("_s"), c[item].alias("_i")))
    return F.transform(F.sort_array(pairs), lambda c: c["_i"])


def drop_seen(rows, user, k):
    """rows: user, _cands (item ids, best first) and _seen (the user's training items, or null):
    each user's first k candidates that are not training items of theirs, as `prediction`."""
    cands = F.col("_cands").cast(T.ArrayType(rows.schema["_seen"].dataType.elementType))
    unseen = F.when(F.col("_seen").isNull(), cands).otherwise(F.array_except(cands, F.col("_seen")))
    return rows.select(user, F.slice(unseen, 1, k).alias("prediction"))


def top_unseen_popular(model, users, train, user, item, k):
    """Each user's k most popular items that they have not seen (ties: lower item id first): the top
    k + (most training items of any user) items are taken once and filtered per user."""
    seen = seen_items(train, user, item)
    ranked = model.orderBy(F.col("score").desc(), F.col(item)).limit(list_depth(seen, k)).select(item)
    top = [row[0] for row in ranked.collect()]
    top = spark.createDataFrame([(top,)], T.StructType([T.StructField("_cands", T.ArrayType(model.schema[item].dataType))]))
    return drop_seen(users.join(seen, user, "left").crossJoin(F.broadcast(top)), user, k)


def top_unseen_als(model, users, train, user, item, k):
    """Each user's k best unseen items by the ALS model: recommendForUserSubset at a depth that
    leaves k after the user's training items are removed."""
    seen = seen_items(train, user, item)
    recs = model.recommendForUserSubset(users, list_depth(seen, k))
    cands = recs.select(user, best_first("recommendations", "rating", item).alias("_cands"))
    return drop_seen(cands.join(seen, user, "left"), user, k)


def top_unseen_scored(scores, train, user, item, k):
    """Each user's k best unseen items from (user, item, score) rows."""
    seen = seen_items(train, user, item)
    cands = scores.groupBy(user).agg(best_first(F.collect_list(F.struct("score", item)), "score", item).alias("_cands"))
    return drop_seen(cands.join(seen, user, "left"), user, k)
"""#

    package static let rankingMetrics = #"""
def ranking_metrics(model, lists, test, user, item, ks, metrics):
    """Precision, recall, NDCG and MAP at every k in one pass over the users, to the definitions of
    Spark's RankingMetrics (RankingEvaluator): precision@k = hits/k, recall@k = hits/|relevant|,
    NDCG with gain 1/ln(rank + 1) and the ideal from all relevant items, MAP@k = the sum of the
    precision at each hit / min(|relevant|, k). Every user with test items counts, one without a
    list scores 0. Relevant: every test interaction."""
    ks = list(ks)
    depth = max(ks)
    relevant = test.groupBy(user).agg(F.collect_set(item).alias("_label"))
    rows = relevant.join(lists, user, "left")
    label_type = T.ArrayType(rows.schema["_label"].dataType.elementType)
    listed = F.coalesce(F.col("prediction").cast(label_type), F.array().cast(label_type))
    hits = F.transform(F.slice(listed, 1, depth), lambda x: F.array_contains("_label", x).cast("int"))
    gain = lambda i: F.lit(1.0) / F.log(i + 2)
    rows = rows.select(F.size("_label").alias("_n"), hits.alias("_hits")).select(
        "_n", "_hits",
        F.transform("_hits", lambda h, i: h * gain(i)).alias("_dcg"),
        F.transform("_hits", lambda h, i: h * F.aggregate(F.slice("_hits", 1, i + 1), F.lit(0), lambda a, b: a + b) / (i + 1)).alias("_ap"),
        F.transform(F.sequence(F.lit(0), F.lit(depth - 1)), gain).alias("_ideal"))
    total = lambda values, k: F.aggregate(F.slice(values, 1, k), F.lit(0.0), lambda a, b: a + b)
    figures = []
    for k in ks:
        hits_k = F.aggregate(F.slice("_hits", 1, k), F.lit(0), lambda a, b: a + b)
        shorter = F.least(F.col("_n"), F.lit(k))
        values = {"precision": hits_k / k, "recall": hits_k / F.col("_n"),
                  "ndcg": total("_dcg", k) / total("_ideal", shorter), "map": total("_ap", k) / shorter}
        figures += [(metric, k, F.avg(values[metric])) for metric in metrics]
    means = rows.agg(*[value.alias(f"_{i}") for i, (_, _, value) in enumerate(figures)]).first()
    for i, (metric, k, _) in enumerate(figures):
        add_metric(model, f"{metric}@{k}", means[i], k)
"""#
}
