"""Writes Parquet folders with Apache Spark itself (pyspark 4, local[1]) under
Tests/StrataEngineTests/Fixtures/parquet/, each with a CSV twin holding the same table as Strata
should load it: timestamps floored to whole seconds, nulls as empty cells. Read back by
Tests/StrataEngineTests/ParquetSparkFixtureTests.swift.

    spark_written/  Spark's defaults: Snappy, timestamps as INT96, three part files
    spark_micros/   spark.sql.parquet.outputTimestampType=TIMESTAMP_MICROS, Snappy
    spark_zstd/     TIMESTAMP_MILLIS, ZSTD, pages of at most 40 rows (several pages per column)
    spark_v2/       parquet.writer.version=v2: data pages v2 with DELTA_BINARY_PACKED integers and
                    DELTA_BYTE_ARRAY strings
    spark_lz4/      the LZ4 codec, which parquet-mr writes with Hadoop's framing (pyarrow cannot)
    spark_lz4raw/   the LZ4_RAW codec

Every folder has ints (int and bigint), doubles, floats, booleans, UTF-8 strings (with commas,
quotes and non-ASCII letters), dates, timestamps (UTC-adjusted and, as timestamp_ntz, local)
and about one null in eight. Rows are range-partitioned on id and sorted within each part, so
reading the parts in name order gives the rows in id order, as in the twin.

Run (the venv comes from .ci/ensure-spark):
    py=$(.ci/ensure-spark | tail -1); TZ=UTC $py Tests/fixtures-src/spark_parquet_fixtures.py [FOLDER ...]
Naming folders rewrites only those (Spark's file names change on every run).
Deterministic: every value comes from a seeded generator (Spark's own file names and metadata,
which carry a random job id, differ from run to run; the values do not).
"""
import csv
import datetime as dt
import glob
import os
import random
import shutil
import sys

from pyspark.sql import SparkSession
from pyspark.sql import types as T

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "StrataEngineTests", "Fixtures", "parquet")
ROWS = 300
PARTS = 3
UTC = dt.timezone.utc
EPOCH = dt.datetime(1970, 1, 1)

SCHEMA = T.StructType([
    T.StructField("id", T.LongType(), False),
    T.StructField("i32", T.IntegerType()),
    T.StructField("i64", T.LongType()),
    T.StructField("f32", T.FloatType()),
    T.StructField("f64", T.DoubleType()),
    T.StructField("flag", T.BooleanType()),
    T.StructField("city", T.StringType()),
    T.StructField("note", T.StringType()),
    T.StructField("day", T.DateType()),
    T.StructField("ts", T.TimestampType()),
    T.StructField("ts_ntz", T.TimestampNTZType()),
])


def rows(rng):
    def maybe(v):
        return None if rng.random() < 0.125 else v

    cities = ["Lisbon", "Oslo", "Kraków", "São Paulo", "Nairobi", "Osaka", "Zürich", "Québec"]
    out = []
    for i in range(1, ROWS + 1):
        # Microseconds on some timestamps: Strata keeps whole seconds, rounding toward the past.
        ts = EPOCH + dt.timedelta(seconds=rng.randint(-10**9, 3 * 10**9), microseconds=rng.choice([0, 0, 250_000, 999_999]))
        ntz = EPOCH + dt.timedelta(seconds=rng.randint(0, 2 * 10**9))
        out.append((
            i,
            maybe(rng.randint(-2**31, 2**31 - 1)),
            maybe(rng.randint(-2**62, 2**62)),
            maybe(rng.randint(-4000, 4000) / 4 + 0.25),
            maybe(rng.randint(-10**6, 10**6) / 1000 + 0.0005),
            maybe(rng.random() < 0.5),
            maybe(rng.choice(cities)),
            maybe('n%05d, "%s"' % (rng.randint(0, 99999), rng.choice(cities))),
            maybe(dt.date(1900, 1, 1) + dt.timedelta(days=rng.randint(0, 80000))),
            maybe(ts.replace(tzinfo=UTC)),
            maybe(ntz),
        ))
    return out


def cell(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.datetime):
        return v.replace(microsecond=0, tzinfo=None).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(v, dt.date):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, float):
        return repr(v)
    return str(v)


def write_twin(name, data):
    with open(os.path.join(OUT, name + ".csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(SCHEMA.fieldNames())
        for r in data:
            w.writerow([cell(v) for v in r])


def write_folder(spark, data, name, hadoop=None, **conf):
    wanted = sys.argv[1:]
    if wanted and name not in wanted:
        return
    for key, value in conf.items():
        spark.conf.set(key, value)
    # parquet-mr's own settings are read from the Hadoop configuration, not Spark's.
    for key, value in (hadoop or {}).items():
        spark.sparkContext._jsc.hadoopConfiguration().set(key, value)
    path = os.path.join(OUT, name)
    if os.path.isdir(path):
        shutil.rmtree(path)
    df = spark.createDataFrame(data, SCHEMA).repartitionByRange(PARTS, "id").sortWithinPartitions("id")
    df.write.parquet(path)
    # Spark's checksums are of no use in a fixture; _SUCCESS stays, as Spark leaves it.
    for crc in glob.glob(os.path.join(path, ".*.crc")):
        os.remove(crc)
    parts = sorted(p for p in os.listdir(path) if p.endswith(".parquet"))
    assert len(parts) == PARTS, parts
    write_twin(name, data)
    print(name, parts)


def main():
    spark = (SparkSession.builder.master("local[1]").appName("strata-parquet-fixtures")
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.ui.enabled", "false").getOrCreate())
    data = rows(random.Random(1414))
    write_folder(spark, data, "spark_written",
                 **{"spark.sql.parquet.compression.codec": "snappy"})
    write_folder(spark, data, "spark_micros",
                 **{"spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS"})
    write_folder(spark, data, "spark_zstd",
                 **{"spark.sql.parquet.outputTimestampType": "TIMESTAMP_MILLIS",
                    "spark.sql.parquet.compression.codec": "zstd"},
                 hadoop={"parquet.page.row.count.limit": "40",
                         "parquet.page.size.row.check.min": "10", "parquet.page.size.row.check.max": "40"})
    write_folder(spark, data, "spark_v2",
                 **{"spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
                    "spark.sql.parquet.compression.codec": "snappy"},
                 hadoop={"parquet.writer.version": "v2", "parquet.page.row.count.limit": "20000"})
    write_folder(spark, data, "spark_lz4",
                 **{"spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
                    "spark.sql.parquet.compression.codec": "lz4"},
                 hadoop={"parquet.writer.version": "v1"})
    write_folder(spark, data, "spark_lz4raw",
                 **{"spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
                    "spark.sql.parquet.compression.codec": "lz4_raw"},
                 hadoop={"parquet.writer.version": "v1"})
    spark.stop()


if __name__ == "__main__":
    main()
