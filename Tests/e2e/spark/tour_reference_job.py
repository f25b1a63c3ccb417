"""A hand-written PySpark job for part of sessions/tour.strata, in the shape `strata export spark`
writes (the --input/--output/--master contract, Parquet tables named as in the session, and
_strata_manifest.json). Tests/e2e/spark.sh runs it to test `strata check --against` on real Spark
output independently of the exporter; --wrong writes one customer's spend a cent off.

    spark-submit tour_reference_job.py --input datasets --output OUT [--master local[2]] [--wrong]
"""
import argparse
import json
import os

from pyspark.sql import SparkSession
from pyspark.sql import functions as F


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--input", required=True)
    p.add_argument("--output", required=True)
    p.add_argument("--master", default="local[2]")
    p.add_argument("--wrong", action="store_true", help="write a spend off by one cent for one customer")
    a = p.parse_args()
    spark = (SparkSession.builder.master(a.master).appName("strata tour (reference)")
             .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")

    # load "datasets/transactions.csv" as tx
    tx = spark.read.csv(os.path.join(a.input, "transactions.csv"), header=True, inferSchema=True)
    # derive tx amount = quantity * unit_price
    tx = tx.withColumn("amount", F.col("quantity") * F.col("unit_price"))
    # filter tx where amount > 0 and customer_id is not missing as sales
    sales = tx.where((F.col("amount") > 0) & F.col("customer_id").isNotNull())
    # group sales by customer_id agg orders = distinct(invoice), spend = sum(amount), last = max(invoice_date) as per_customer
    per_customer = sales.groupBy("customer_id").agg(
        F.countDistinct("invoice").alias("orders"), F.sum("amount").alias("spend"),
        F.max("invoice_date").alias("last"))
    if a.wrong:
        per_customer = per_customer.withColumn(
            "spend", F.when(F.col("customer_id") == 12454, F.col("spend") + 0.01).otherwise(F.col("spend")))
    # sort per_customer by spend desc
    per_customer = per_customer.orderBy(F.col("spend").desc())
    # load "datasets/customers.csv" as customers
    customers = spark.read.csv(os.path.join(a.input, "customers.csv"), header=True, inferSchema=True)
    # Strata's join names the right side's clashing columns NAME_right.
    customers = customers.withColumnRenamed("orders", "orders_right").withColumnRenamed("spend", "spend_right")
    # join per_customer customers on=customer_id how=left as joined
    joined = per_customer.join(customers, on="customer_id", how="left")
    # group joined by churned agg customers = count(), mean_spend = mean(spend), median_orders = median(orders)
    by_churned = joined.groupBy("churned").agg(
        F.count(F.lit(1)).alias("customers"), F.mean("spend").alias("mean_spend"),
        F.median("orders").alias("median_orders"))

    written = [("sales", sales, [], "table"), ("per_customer", per_customer, ["customer_id"], "aggregate"),
               ("joined_by_churned", by_churned, ["churned"], "aggregate")]
    for name, df, _, _ in written:
        df.write.mode("overwrite").parquet(os.path.join(a.output, name))
    manifest = {"tables": [{"name": n, "keys": k, "kind": kind, "tolerance": 1e-9} for n, _, k, kind in written]}
    with open(os.path.join(a.output, "_strata_manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    spark.stop()


if __name__ == "__main__":
    main()
