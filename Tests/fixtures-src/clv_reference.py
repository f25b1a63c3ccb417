#!/usr/bin/env python3
"""Writes the lifetimes reference figures for the BG/NBD and Gamma-Gamma tests.

Run from the repository root with the peers venv (lifetimes 0.11.x):
    /work/peers/venv/bin/python Tests/fixtures-src/clv_reference.py [ONLINE_RETAIL_CSV]

Two data sets:
- datasets/transactions.csv (bundled): amount = quantity * unit_price, dates cut to their day,
  rows with amount <= 0 (returns) left out, as `clv` does. The Swift test summarizes the CSV
  itself and compares the summary and the fits.
- shared/data/online-retail/online_retail.csv (UCI Online Retail, CC BY 4.0): rows with a
  CustomerID, Quantity > 0 and UnitPrice > 0; amount = Quantity * UnitPrice. Its summary
  (frequency, recency, T, monetary) is stored here so the test fits on exactly the same numbers.

Gamma-Gamma is fitted on customers with frequency > 0 and monetary > 0, as `clv` does.
Output: Tests/StrataEngineTests/Fixtures/clv_reference.json
"""
import json
import os
import sys

import lifetimes
import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter
from lifetimes.utils import summary_data_from_transaction_data

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "StrataEngineTests", "Fixtures", "clv_reference.json")
RETAIL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(ROOT), "..", "shared", "data", "online-retail", "online_retail.csv")
if not os.path.exists(RETAIL):
    RETAIL = "/work/shared/data/online-retail/online_retail.csv"

HORIZON_MONTHS = 12
DISCOUNT = 0.01
HOLDOUT_DAYS = 90


def fit(tx):
    """tx: customer, day (datetime64 at midnight), amount > 0."""
    summary = summary_data_from_transaction_data(tx, "customer", "day", monetary_value_col="amount", freq="D")
    bg = BetaGeoFitter().fit(summary["frequency"], summary["recency"], summary["T"])
    spenders = summary[(summary["frequency"] > 0) & (summary["monetary_value"] > 0)]
    gg = GammaGammaFitter().fit(spenders["frequency"], spenders["monetary_value"])
    r, alpha, a, b = (float(bg.params_[k]) for k in ["r", "alpha", "a", "b"])
    ll = -float(BetaGeoFitter._negative_log_likelihood(np.log([r, alpha, a, b]), summary["frequency"].values,
                                                       summary["recency"].values, summary["T"].values,
                                                       np.ones(len(summary)), 0.0)) * len(summary)
    gll = -float(GammaGammaFitter._negative_log_likelihood(np.log([gg.params_[k] for k in ["p", "q", "v"]]),
                                                           spenders["frequency"].values, spenders["monetary_value"].values,
                                                           np.ones(len(spenders)), 0.0)) * len(spenders)
    return summary, bg, gg, {"r": r, "alpha": alpha, "a": a, "b": b, "log_likelihood": ll,
                             "p": float(gg.params_["p"]), "q": float(gg.params_["q"]), "v": float(gg.params_["v"]),
                             "gg_log_likelihood": gll, "gg_customers": int(len(spenders)), "customers": int(len(summary))}


def customers_figures(summary, bg, gg, ids):
    rows = summary.loc[ids]
    horizon = HORIZON_MONTHS * 30
    expected = bg.conditional_expected_number_of_purchases_up_to_time(horizon, rows["frequency"], rows["recency"], rows["T"])
    alive = bg.conditional_probability_alive(rows["frequency"], rows["recency"], rows["T"])
    spend = gg.conditional_expected_average_profit(rows["frequency"], rows["monetary_value"])
    clv = gg.customer_lifetime_value(bg, rows["frequency"], rows["recency"], rows["T"], rows["monetary_value"],
                                     time=HORIZON_MONTHS, discount_rate=DISCOUNT, freq="D")
    out = []
    for i, cid in enumerate(ids):
        out.append({"customer": str(cid), "frequency": float(rows["frequency"].iloc[i]), "recency": float(rows["recency"].iloc[i]),
                    "T": float(rows["T"].iloc[i]), "monetary": float(rows["monetary_value"].iloc[i]),
                    "expected_purchases": float(np.asarray(expected)[i]), "p_alive": float(np.asarray(alive)[i]),
                    "expected_spend": float(np.asarray(spend)[i]), "clv": float(np.asarray(clv)[i])})
    return out


def pick_ids(summary):
    """A spread of customers: none repeat, a few, many, and one long quiet."""
    s = summary.sort_values(["frequency", "recency"])
    picks = [s.index[0], s[s["frequency"] == 1].index[0], s[s["frequency"] >= 3].index[0],
             s.index[len(s) // 2], s.index[-1], s[(s["frequency"] > 2)].sort_values("recency").index[0]]
    return list(dict.fromkeys(picks))


def holdout_buckets(tx, end):
    cal_end = end - pd.Timedelta(days=HOLDOUT_DAYS)
    # calibration_and_holdout_data fails under pandas 3, so its two steps are written out: the
    # calibration summary, and distinct purchase days per customer in the hold-out, left-joined.
    ch = summary_data_from_transaction_data(tx[tx["day"] <= cal_end], "customer", "day", observation_period_end=cal_end, freq="D")
    ch.columns = [c + "_cal" for c in ch.columns]
    later = tx[(tx["day"] > cal_end) & (tx["day"] <= end)]
    ch["frequency_holdout"] = later.groupby("customer")["day"].nunique().reindex(ch.index).fillna(0).astype(float)
    bg = BetaGeoFitter().fit(ch["frequency_cal"], ch["recency_cal"], ch["T_cal"])
    ch["model"] = bg.conditional_expected_number_of_purchases_up_to_time(HOLDOUT_DAYS, ch["frequency_cal"], ch["recency_cal"], ch["T_cal"])
    grouped = ch.groupby("frequency_cal")[["frequency_holdout", "model"]].mean().iloc[:7]
    counts = ch.groupby("frequency_cal").size().iloc[:7]
    return {"calibration_end": str(cal_end.date()), "holdout_days": HOLDOUT_DAYS,
            "r": float(bg.params_["r"]), "alpha": float(bg.params_["alpha"]), "a": float(bg.params_["a"]), "b": float(bg.params_["b"]),
            "buckets": [{"frequency": int(f), "customers": int(counts.loc[f]), "actual": float(grouped.loc[f, "frequency_holdout"]),
                         "expected": float(grouped.loc[f, "model"])} for f in grouped.index]}


# Bundled transactions
bundled = pd.read_csv(os.path.join(ROOT, "datasets", "transactions.csv"), dtype={"customer_id": str})
bundled["amount"] = bundled["quantity"] * bundled["unit_price"]
bundled["day"] = pd.to_datetime(bundled["invoice_date"]).dt.normalize()
tx = bundled[bundled["amount"] > 0].rename(columns={"customer_id": "customer"})[["customer", "day", "amount"]]
summary, bg, gg, params = fit(tx)
bundled_out = {"end": str(tx["day"].max().date()), "params": params,
               "summary_totals": {"customers": int(len(summary)), "frequency": float(summary["frequency"].sum()),
                                  "recency": float(summary["recency"].sum()), "T": float(summary["T"].sum()),
                                  "monetary": float(summary["monetary_value"].sum())},
               "customers": customers_figures(summary, bg, gg, pick_ids(summary)),
               "holdout": holdout_buckets(tx, tx["day"].max())}

# Online Retail
retail = pd.read_csv(RETAIL, dtype={"CustomerID": str, "InvoiceNo": str, "StockCode": str})
retail = retail[retail["CustomerID"].notna() & (retail["Quantity"] > 0) & (retail["UnitPrice"] > 0)].copy()
retail["amount"] = retail["Quantity"] * retail["UnitPrice"]
retail["day"] = pd.to_datetime(retail["InvoiceDate"]).dt.normalize()
rtx = retail.rename(columns={"CustomerID": "customer"})[["customer", "day", "amount"]]
rsummary, rbg, rgg, rparams = fit(rtx)
retail_out = {"rows": int(len(rtx)), "end": str(rtx["day"].max().date()), "params": rparams,
              "frequency": rsummary["frequency"].tolist(), "recency": rsummary["recency"].tolist(),
              "T": rsummary["T"].tolist(), "monetary": rsummary["monetary_value"].tolist(),
              "customers": customers_figures(rsummary, rbg, rgg, pick_ids(rsummary))}

with open(OUT, "w") as f:
    json.dump({"versions": {"lifetimes": lifetimes.__version__, "pandas": pd.__version__, "numpy": np.__version__},
               "horizon_months": HORIZON_MONTHS, "discount": DISCOUNT,
               "bundled": bundled_out, "online_retail": retail_out}, f, indent=1)
print("wrote", OUT)
print("bundled", params)
print("retail", rparams)
