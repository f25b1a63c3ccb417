"""Writes the Parquet fixture set under Tests/StrataEngineTests/Fixtures/parquet/, each file with
a CSV twin holding the same table as Strata should load it (timestamps floored to whole seconds,
decimals as floats, nested columns left out).

Run with a venv that has pyarrow, polars and pandas:
    python3 -m venv /work/venv-parquet && /work/venv-parquet/bin/pip install pyarrow polars pandas
    /work/venv-parquet/bin/python Tests/fixtures-src/parquet_fixtures.py
Deterministic: every value comes from a seeded generator.
"""
import csv
import datetime as dt
import decimal
import os
import random
import shutil

import pyarrow as pa
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "StrataEngineTests", "Fixtures", "parquet")
ROWS = 240
EPOCH = dt.datetime(1970, 1, 1)


def base_columns(rng):
    """Flat columns of every type Strata reads, about one value in eight missing."""
    def maybe(v):
        return None if rng.random() < 0.125 else v

    cities = ["Lisbon", "Oslo", "Kraków", "São Paulo", "Nairobi", "Osaka", "Zürich", "Québec"]
    cols = {
        "id": list(range(1, ROWS + 1)),
        "i32": [maybe(rng.randint(-2**31, 2**31 - 1)) for _ in range(ROWS)],
        "i64": [maybe(rng.randint(-2**62, 2**62)) for _ in range(ROWS)],
        "f32": [maybe(rng.randint(-4000, 4000) / 4 + 0.25) for _ in range(ROWS)],
        "f64": [maybe(rng.randint(-10**6, 10**6) / 1000 + 0.0005) for _ in range(ROWS)],
        "flag": [maybe(rng.random() < 0.5) for _ in range(ROWS)],
        "city": [maybe(rng.choice(cities)) for _ in range(ROWS)],
        "note": [maybe("n%05d-%s" % (rng.randint(0, 99999), rng.choice(cities))) for _ in range(ROWS)],
        "day": [maybe(dt.date(1900, 1, 1) + dt.timedelta(days=rng.randint(0, 80000))) for _ in range(ROWS)],
        "ts_ms": [maybe(EPOCH + dt.timedelta(milliseconds=rng.randint(-2 * 10**12, 4 * 10**12))) for _ in range(ROWS)],
        "ts_us": [maybe(EPOCH + dt.timedelta(seconds=rng.randint(-10**9, 3 * 10**9))) for _ in range(ROWS)],
        "ts_ns": [maybe(EPOCH + dt.timedelta(seconds=rng.randint(0, 2 * 10**9))) for _ in range(ROWS)],
    }
    return cols


def arrow_table(cols):
    return pa.table({
        "id": pa.array(cols["id"], pa.int64()),
        "i32": pa.array(cols["i32"], pa.int32()),
        "i64": pa.array(cols["i64"], pa.int64()),
        "f32": pa.array(cols["f32"], pa.float32()),
        "f64": pa.array(cols["f64"], pa.float64()),
        "flag": pa.array(cols["flag"], pa.bool_()),
        "city": pa.array(cols["city"], pa.string()),
        "note": pa.array(cols["note"], pa.string()),
        "day": pa.array(cols["day"], pa.date32()),
        "ts_ms": pa.array(cols["ts_ms"], pa.timestamp("ms", tz="UTC")),
        "ts_us": pa.array(cols["ts_us"], pa.timestamp("us", tz="UTC")),
        "ts_ns": pa.array(cols["ts_ns"], pa.timestamp("ns")),
    })


def cell(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.datetime):
        return v.replace(microsecond=0).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(v, dt.date):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, decimal.Decimal):
        return repr(float(v))
    return str(v)


def write_twin(name, cols, order=None):
    order = order or list(cols)
    with open(os.path.join(OUT, name + ".csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(order)
        for r in range(len(cols[order[0]])):
            w.writerow([cell(cols[c][r]) for c in order])


def floor_seconds(v):
    # Strata keeps whole seconds, rounding toward the past.
    if v is None:
        return None
    return v.replace(microsecond=0)


def main():
    # Everything but the Spark-written fixtures (spark_written*, spark_micros*, spark_zstd*,
    # spark_v2*), which spark_parquet_fixtures.py makes with Spark itself.
    os.makedirs(OUT, exist_ok=True)
    spark_made = ("spark_written", "spark_micros", "spark_zstd", "spark_v2")
    for name in os.listdir(OUT):
        if name.split(".")[0] in spark_made:
            continue
        path = os.path.join(OUT, name)
        shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    rng = random.Random(14)
    cols = base_columns(rng)
    table = arrow_table(cols)
    twin = dict(cols)
    twin["ts_ms"] = [floor_seconds(v) for v in cols["ts_ms"]]

    variants = [
        ("types_snappy_v1", dict(compression="snappy", data_page_version="1.0")),
        ("types_zstd_v2", dict(compression="zstd", data_page_version="2.0")),
        ("types_gzip_v1", dict(compression="gzip", data_page_version="1.0")),
        ("types_none_v2", dict(compression="none", data_page_version="2.0")),
        ("types_plain_v1", dict(compression="snappy", use_dictionary=False, data_page_version="1.0")),
        ("types_plain_v2", dict(compression="zstd", use_dictionary=False, data_page_version="2.0")),
        # Small pages: many data pages per column chunk.
        ("types_small_pages", dict(compression="snappy", data_page_size=256, write_batch_size=16)),
    ]
    for name, options in variants:
        # Several row groups in every file.
        pq.write_table(table, os.path.join(OUT, name + ".parquet"), row_group_size=64, **options)
        write_twin(name, twin)

    # The encodings pyarrow writes only when asked (Spark's v2 writer uses the DELTA ones by
    # default): every integer, date and timestamp column DELTA_BINARY_PACKED, text as
    # DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY, floats BYTE_STREAM_SPLIT; then swapped, with
    # integers as BYTE_STREAM_SPLIT. Pages v1 and v2, small pages (many per chunk), LZ4_RAW (pyarrow
    # writes only LZ4_RAW; Hadoop-framed LZ4 comes from Spark, spark_parquet_fixtures.py).
    delta = {"id": "DELTA_BINARY_PACKED", "i32": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED",
             "f32": "BYTE_STREAM_SPLIT", "f64": "BYTE_STREAM_SPLIT", "flag": "RLE",
             "city": "DELTA_LENGTH_BYTE_ARRAY", "note": "DELTA_BYTE_ARRAY", "day": "DELTA_BINARY_PACKED",
             "ts_ms": "DELTA_BINARY_PACKED", "ts_us": "DELTA_BINARY_PACKED", "ts_ns": "DELTA_BINARY_PACKED"}
    swapped = dict(delta, i32="BYTE_STREAM_SPLIT", i64="BYTE_STREAM_SPLIT", city="DELTA_BYTE_ARRAY",
                   note="DELTA_LENGTH_BYTE_ARRAY", flag="PLAIN", f32="PLAIN")
    encoded = [
        ("encodings_delta_v1", dict(compression="snappy", data_page_version="1.0", column_encoding=delta)),
        ("encodings_delta_v2", dict(compression="zstd", data_page_version="2.0", column_encoding=delta)),
        ("encodings_delta_small_pages", dict(compression="none", data_page_version="2.0", column_encoding=delta,
                                             data_page_size=256, write_batch_size=16)),
        ("encodings_swapped_v1", dict(compression="lz4_raw", data_page_version="1.0", column_encoding=swapped)),
        ("encodings_swapped_v2", dict(compression="lz4_raw", data_page_version="2.0", column_encoding=swapped)),
        ("types_lz4raw_v1", dict(compression="lz4_raw", data_page_version="1.0")),
        ("types_lz4raw_v2", dict(compression="lz4_raw", data_page_version="2.0")),
    ]
    for name, options in encoded:
        if "column_encoding" in options:
            options["use_dictionary"] = False
        pq.write_table(table, os.path.join(OUT, name + ".parquet"), row_group_size=64, **options)
        write_twin(name, twin)

    # Spark's legacy INT96 timestamps, and its folder of part files with _SUCCESS and .crc files.
    int96 = pa.table({"id": table["id"], "ts": table["ts_us"]})
    pq.write_table(int96, os.path.join(OUT, "int96.parquet"), use_deprecated_int96_timestamps=True, row_group_size=100)
    write_twin("int96", {"id": cols["id"], "ts": cols["ts_us"]})
    parts = os.path.join(OUT, "spark_parts")
    os.makedirs(parts)
    for k, (lo, hi) in enumerate([(0, 100), (100, 170), (170, ROWS)]):
        name = "part-%05d-c000.snappy.parquet" % k
        pq.write_table(table.slice(lo, hi - lo), os.path.join(parts, name), flavor="spark", row_group_size=50)
        open(os.path.join(parts, "." + name + ".crc"), "wb").write(b"crc")
    open(os.path.join(parts, "_SUCCESS"), "w").close()
    write_twin("spark_parts", twin)
    mismatch = os.path.join(OUT, "mismatch_parts")
    os.makedirs(mismatch)
    pq.write_table(table.slice(0, 10), os.path.join(mismatch, "part-00000.parquet"))
    pq.write_table(table.slice(10, 10).drop_columns(["city"]), os.path.join(mismatch, "part-00001.parquet"))

    # Decimals: as fixed-length bytes (pyarrow's default) and as INT32/INT64.
    amounts = [None if rng.random() < 0.1 else decimal.Decimal(rng.randint(-10**7, 10**7)) / 100 for _ in range(ROWS)]
    small = [None if v is None else (v / 1000).quantize(decimal.Decimal("0.01")) for v in amounts]
    dec = pa.table({
        "id": table["id"],
        "amount": pa.array(amounts, pa.decimal128(12, 2)),
        "small": pa.array(small, pa.decimal128(7, 2)),
    })
    pq.write_table(dec, os.path.join(OUT, "decimal_bytes.parquet"), row_group_size=100)
    pq.write_table(dec, os.path.join(OUT, "decimal_ints.parquet"), store_decimal_as_integer=True, row_group_size=100)
    pq.write_table(dec, os.path.join(OUT, "decimal_delta.parquet"), row_group_size=100, use_dictionary=False,
                   column_encoding={"id": "DELTA_BINARY_PACKED", "amount": "DELTA_BYTE_ARRAY", "small": "BYTE_STREAM_SPLIT"})
    pq.write_table(dec, os.path.join(OUT, "decimal_ints_delta.parquet"), row_group_size=100, use_dictionary=False,
                   store_decimal_as_integer=True, data_page_version="2.0",
                   column_encoding={"id": "BYTE_STREAM_SPLIT", "amount": "DELTA_BINARY_PACKED", "small": "DELTA_BINARY_PACKED"})
    for name in ("decimal_bytes", "decimal_ints", "decimal_delta", "decimal_ints_delta"):
        write_twin(name, {"id": cols["id"], "amount": amounts, "small": small})

    # Nested columns (struct, list, map) between flat ones: the flat ones load, the rest are named.
    nested = pa.table({
        "id": table["id"],
        "point": pa.array([{"x": i, "y": -i} for i in range(ROWS)]),
        "city": table["city"],
        "tags": pa.array([["a"] * (i % 3) for i in range(ROWS)], pa.list_(pa.string())),
        "attrs": pa.array([[("k", i)] for i in range(ROWS)], pa.map_(pa.string(), pa.int64())),
        "f64": table["f64"],
    })
    pq.write_table(nested, os.path.join(OUT, "nested.parquet"), row_group_size=100)
    write_twin("nested", {"id": cols["id"], "city": cols["city"], "f64": cols["f64"]})

    # Written by pandas (pyarrow engine) and by polars.
    import pandas as pd
    import polars as pl
    frame = pd.DataFrame({
        "id": cols["id"],
        "f64": pd.array(cols["f64"], dtype="Float64"),
        "city": pd.array(cols["city"], dtype="string"),
        "flag": pd.array(cols["flag"], dtype="boolean"),
        "ts": pd.to_datetime(cols["ts_us"]),
    })
    frame.to_parquet(os.path.join(OUT, "pandas.parquet"), engine="pyarrow", index=False)
    write_twin("pandas", {"id": cols["id"], "f64": cols["f64"], "city": cols["city"], "flag": cols["flag"], "ts": cols["ts_us"]})
    polars_frame = pl.DataFrame({
        "id": cols["id"],
        "i32": pl.Series(cols["i32"], dtype=pl.Int32),
        "f64": cols["f64"],
        "city": cols["city"],
        "flag": cols["flag"],
        "day": cols["day"],
        "ts": pl.Series(cols["ts_us"], dtype=pl.Datetime("us")),
    })
    polars_frame.write_parquet(os.path.join(OUT, "polars.parquet"), row_group_size=100)
    write_twin("polars", {"id": cols["id"], "i32": cols["i32"], "f64": cols["f64"], "city": cols["city"],
                          "flag": cols["flag"], "day": cols["day"], "ts": cols["ts_us"]})

    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(OUT) for f in fs)
    print("wrote %s (%d bytes)" % (os.path.normpath(OUT), total))


if __name__ == "__main__":
    main()
