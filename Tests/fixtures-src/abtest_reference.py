#!/usr/bin/env python3
"""Writes the SciPy/statsmodels reference figures for the A/B-test engine tests.

Run from the repository root (a venv with scipy, statsmodels and numpy):
    python3 -m venv /work/venv-abtest && /work/venv-abtest/bin/pip install scipy statsmodels numpy
    /work/venv-abtest/bin/python Tests/fixtures-src/abtest_reference.py

The samples are drawn here from a fixed NumPy seed and copied into the fixture, so the Swift tests
read the same numbers. Output: Tests/StrataEngineTests/Fixtures/abtest_reference.json
"""
import json
import os

import numpy as np
import scipy
import statsmodels
from scipy import optimize, stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower, TTestIndPower
from statsmodels.stats.proportion import proportion_effectsize, proportions_ztest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "StrataEngineTests", "Fixtures", "abtest_reference.json")

rng = np.random.default_rng(20261206)


def rounded(a, places=2):
    return [float(round(v, places)) for v in a]


# Means: skewed revenue-like samples, rounded to cents so Mann-Whitney sees ties.
control = rounded(rng.lognormal(3.0, 0.8, 180))
treatment = rounded(rng.lognormal(3.1, 0.8, 210))
ties_x = [float(v) for v in rng.integers(0, 6, 40)]
ties_y = [float(v) for v in rng.integers(1, 7, 55)]

welch = stats.ttest_ind(treatment, control, equal_var=False)
a = np.var(control, ddof=1) / len(control)
b = np.var(treatment, ddof=1) / len(treatment)
welch_df = (a + b) ** 2 / (a ** 2 / (len(control) - 1) + b ** 2 / (len(treatment) - 1))


def mwu(x, y):
    r = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)
    return {"x": x, "y": y, "u": float(r.statistic), "p": float(r.pvalue)}


# Proportions.
conversions = [(412, 4021), (468, 3990)]
z, zp = proportions_ztest([conversions[1][0], conversions[0][0]], [conversions[1][1], conversions[0][1]])
def contingency(rows, correction):
    table = np.array([[c, n - c] for c, n in rows])
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=correction)
    return {"rows": [list(r) for r in rows], "yates": correction, "statistic": float(chi2), "p": float(p), "df": int(dof)}
three = [(412, 4021), (468, 3990), (455, 4102)]
small = [(3, 40), (9, 38)]

# Sample ratio mismatch.
srm_counts = [10_128, 9_872]
srm = stats.chisquare(srm_counts, f_exp=[sum(srm_counts) / 2] * 2)
srm3_counts = [5_020, 4_810, 10_170]
srm3 = stats.chisquare(srm3_counts, f_exp=[sum(srm3_counts) * w for w in (0.25, 0.25, 0.5)])

# Multiple testing.
pvals = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.6, 0.0001]
holm = multipletests(pvals, method="holm")[1]
bh = multipletests(pvals, method="fdr_bh")[1]

# Power (two-sided).
power_cases = []
for es, n1, alpha, ratio in [(0.2, 100, 0.05, 1), (0.05, 2000, 0.05, 1), (0.3, 50, 0.01, 2), (0.1, 800, 0.10, 0.5)]:
    power_cases.append({"effect": es, "nobs1": n1, "alpha": alpha, "ratio": ratio,
                        "normal": float(NormalIndPower().power(es, n1, alpha, ratio=ratio)),
                        "t": float(TTestIndPower().power(es, n1, alpha, ratio=ratio))})
size_cases = []
for es, power, alpha, ratio in [(0.2, 0.8, 0.05, 1), (0.05, 0.9, 0.05, 1), (0.5, 0.8, 0.01, 2)]:
    size_cases.append({"effect": es, "power": power, "alpha": alpha, "ratio": ratio,
                       "normal": float(NormalIndPower().solve_power(es, None, alpha, power, ratio)),
                       "t": float(TTestIndPower().solve_power(es, None, alpha, power, ratio))})
# statsmodels' solve_power for the effect size stops early (NormalIndPower's answer misses the
# target power by ~3e-6), so the reference root is its own power function solved to 1e-15 by brentq;
# solve_power's answers are kept beside it.
mde_cases = []
for n1, power, alpha in [(1000, 0.8, 0.05), (150, 0.9, 0.05)]:
    # Bracketed around solve_power's answer: far from it scipy's nctdtr can return NaN.
    exact = {name: float(optimize.brentq(lambda e: cls().power(e, n1, alpha, ratio=1) - power,
                                         0.5 * cls().solve_power(None, n1, alpha, power, 1),
                                         1.5 * cls().solve_power(None, n1, alpha, power, 1), xtol=1e-15, rtol=1e-15))
             for name, cls in (("normal", NormalIndPower), ("t", TTestIndPower))}
    mde_cases.append({"nobs1": n1, "power": power, "alpha": alpha, **exact,
                      "solve_power_normal": float(NormalIndPower().solve_power(None, n1, alpha, power, 1)),
                      "solve_power_t": float(TTestIndPower().solve_power(None, n1, alpha, power, 1))})
cohens_h = float(proportion_effectsize(0.11, 0.10))
h_size = float(NormalIndPower().solve_power(cohens_h, None, 0.05, 0.8, 1))

# CUPED by hand: theta from the pooled covariance, then Welch on adjusted values.
pre = rng.gamma(2.0, 10.0, 390)
arm = np.array([0] * 180 + [1] * 210)
post = 0.8 * pre + rng.normal(0, 6, 390) + 1.5 * arm
theta = np.cov(post, pre, ddof=1)[0, 1] / np.var(pre, ddof=1)
adjusted = post - theta * (pre - pre.mean())
cuped_welch = stats.ttest_ind(adjusted[arm == 1], adjusted[arm == 0], equal_var=False)
raw_welch = stats.ttest_ind(post[arm == 1], post[arm == 0], equal_var=False)

# Bootstrap of the difference in means (percentile), for the Monte Carlo comparison.
boot = stats.bootstrap((treatment, control), lambda x, y, axis=-1: np.mean(x, axis=axis) - np.mean(y, axis=axis),
                       method="percentile", n_resamples=20_000, confidence_level=0.95,
                       random_state=np.random.default_rng(7), vectorized=True)

# Ratio metric by the delta method, by hand.
sessions = rng.integers(1, 6, 300).astype(float)
revenue = np.round(sessions * rng.gamma(1.5, 4.0, 300) * (rng.random(300) < 0.4), 2)
my, mx = revenue.mean(), sessions.mean()
r = my / mx
cov = np.cov(revenue, sessions, ddof=1)
ratio_var = (cov[0, 0] - 2 * r * cov[0, 1] + r * r * cov[1, 1]) / (len(revenue) * mx * mx)

quantiles = [{"p": p, "normal": float(stats.norm.ppf(p)),
              "t": {str(df): float(stats.t.ppf(p, df)) for df in (1, 2, 3, 7.5, 30, 389.2)}}
             for p in (1e-10, 1e-4, 0.0125, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999)]
chi2_sf = [{"x": x, "df": df, "sf": float(stats.chi2.sf(x, df))} for x, df in
           [(0.5, 1), (3.84, 1), (12.0, 2), (40.0, 3), (150.0, 20), (1e-4, 4), (7.0, 7)]]
nct = [{"t": t, "df": df, "nc": nc, "cdf": float(stats.nct.cdf(t, df, nc))} for t, df, nc in
       [(1.96, 198, 2.8), (-1.96, 198, 2.8), (2.5, 10, 1.0), (0.5, 3, -1.5), (3.0, 58, 3.5)]]

fixture = {
    "versions": {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "numpy": np.__version__},
    "welch": {"control": control, "treatment": treatment, "t": float(welch.statistic), "p": float(welch.pvalue),
              "df": float(welch_df)},
    "mannwhitney": [mwu(control, treatment), mwu(ties_x, ties_y)],
    "ztest": {"control": list(conversions[0]), "treatment": list(conversions[1]), "z": float(z), "p": float(zp)},
    "chi2": [contingency(conversions, False), contingency(conversions, True), contingency(three, False),
             contingency(three, True), contingency(small, True), contingency(small, False)],
    "srm": [{"counts": srm_counts, "weights": [1, 1], "statistic": float(srm.statistic), "p": float(srm.pvalue)},
            {"counts": srm3_counts, "weights": [1, 1, 2], "statistic": float(srm3.statistic), "p": float(srm3.pvalue)}],
    "multiple": {"p": pvals, "holm": [float(v) for v in holm], "bh": [float(v) for v in bh]},
    "power": power_cases,
    "sample_size": size_cases,
    "mde": mde_cases,
    "cohens_h": {"p1": 0.10, "p2": 0.11, "h": cohens_h, "nobs1": h_size},
    "cuped": {"metric": [float(v) for v in post], "covariate": [float(v) for v in pre], "arm": [int(v) for v in arm],
              "theta": float(theta), "adjusted_difference": float(adjusted[arm == 1].mean() - adjusted[arm == 0].mean()),
              "adjusted_t": float(cuped_welch.statistic), "adjusted_p": float(cuped_welch.pvalue),
              "raw_t": float(raw_welch.statistic),
              "variance_reduction": float(1 - np.var(adjusted, ddof=1) / np.var(post, ddof=1))},
    "bootstrap": {"resamples": 20_000, "low": float(boot.confidence_interval.low),
                  "high": float(boot.confidence_interval.high), "standard_error": float(boot.standard_error)},
    "ratio": {"revenue": [float(v) for v in revenue], "sessions": [float(v) for v in sessions],
              "ratio": float(r), "variance": float(ratio_var)},
    "quantiles": quantiles,
    "chi2_sf": chi2_sf,
    "nct": nct,
}
with open(OUT, "w") as f:
    json.dump(fixture, f, indent=1)
    f.write("\n")
print("wrote", OUT)
