#!/usr/bin/env python3
"""Writes the reference figures for the online-metrics and off-policy-evaluation engine tests.

Run from the repository root with the peers venv (numpy, pandas, scipy, statsmodels, obp 0.4.x):
    /work/peers/venv/bin/python Tests/fixtures-src/ope_reference.py

- Wilson intervals from statsmodels' proportion_confint(method="wilson"); t intervals of a mean
  from scipy.stats.t.interval.
- IPS, SNIPS, DM and DR from obp's estimators on (1) a small log drawn here from a fixed NumPy seed
  and copied into the fixture, and (2) datasets/exposures.csv with reward = clicked, context
  = device × segment, and the policy "personalised on desktop, popular elsewhere". obp is given
  the same reward model Strata fits (the mean reward of each (context cell, action) pair, falling
  back to the action's mean when a pair has no rows), so the estimators must agree to 1e-9. The
  per-round rewards' standard deviation (ddof = 1) is stored for the normal intervals of IPS, DM
  and DR: estimate ± z·sd/√n.
Output: Tests/StrataEngineTests/Fixtures/ope_reference.json
"""
import json
import os

import numpy as np
import obp
import pandas as pd
import scipy
import statsmodels
from obp.ope import (DirectMethod, DoublyRobust, InverseProbabilityWeighting,
                     SelfNormalizedInverseProbabilityWeighting)
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "StrataEngineTests", "Fixtures", "ope_reference.json")


def reward_model(cells, actions, rewards, n_cells, n_actions):
    """Per (cell, action) mean reward; the action's mean where a pair has no rows; overall mean last."""
    q = np.zeros((n_cells, n_actions))
    overall = rewards.mean()
    for a in range(n_actions):
        in_a = actions == a
        fallback = rewards[in_a].mean() if in_a.any() else overall
        for c in range(n_cells):
            rows = in_a & (cells == c)
            q[c, a] = rewards[rows].mean() if rows.any() else fallback
    return q


def estimates(cells, actions, rewards, pscores, choices, n_cells, n_actions):
    n = len(actions)
    action_dist = np.zeros((n, n_actions, 1))
    action_dist[np.arange(n), choices, 0] = 1.0
    q = reward_model(cells, actions, rewards, n_cells, n_actions)
    q_hat = q[cells][:, :, None]
    common = dict(reward=rewards, action=actions, pscore=pscores, action_dist=action_dist)
    ips = InverseProbabilityWeighting()
    snips = SelfNormalizedInverseProbabilityWeighting()
    dm = DirectMethod()
    dr = DoublyRobust()
    out = {
        "ips": float(ips.estimate_policy_value(**common)),
        "snips": float(snips.estimate_policy_value(**common)),
        "dm": float(dm.estimate_policy_value(action_dist=action_dist, estimated_rewards_by_reg_model=q_hat)),
        "dr": float(dr.estimate_policy_value(**common, estimated_rewards_by_reg_model=q_hat)),
        "ips_round_sd": float(np.std(ips._estimate_round_rewards(**common), ddof=1)),
        "dm_round_sd": float(np.std(dm._estimate_round_rewards(action_dist=action_dist, estimated_rewards_by_reg_model=q_hat), ddof=1)),
        "dr_round_sd": float(np.std(dr._estimate_round_rewards(**common, estimated_rewards_by_reg_model=q_hat), ddof=1)),
    }
    matched = actions == choices
    out["replay"] = float(rewards[matched].mean())
    out["matched"] = int(matched.sum())
    w = (choices == actions) / pscores
    out["ess"] = float(w.sum() ** 2 / (w ** 2).sum())
    out["logged"] = float(rewards.mean())
    return out


# (1) A small log: 3 actions, 6 context cells, a logging policy that depends on the cell and on a
# hidden half of the day (so propensities vary within a cell and DR differs from DM).
rng = np.random.default_rng(20261206)
n, n_actions, n_cells = 600, 3, 6
cells = rng.integers(0, n_cells, n)
period = rng.integers(0, 2, n)
logging = np.array([[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.1, 0.1, 0.8],
                    [0.34, 0.33, 0.33], [0.5, 0.25, 0.25], [0.7, 0.2, 0.1]])
chance = np.where(period[:, None] == 1, np.roll(logging[cells], 1, axis=1), logging[cells])
actions = np.array([rng.choice(n_actions, p=chance[i]) for i in range(n)])
pscores = chance[np.arange(n), actions]
true_rate = 0.05 + 0.04 * ((cells[:, None] + np.arange(n_actions)[None, :]) % 3)
rewards = (rng.random(n) < true_rate[np.arange(n), actions]).astype(float)
target = np.array([2, 0, 1, 2, 0, 1])
choices = target[cells]
small = {"cells": cells.tolist(), "actions": actions.tolist(), "propensities": pscores.tolist(),
         "rewards": rewards.tolist(), "choices": choices.tolist(), "actions_count": n_actions, "cells_count": n_cells}
small.update(estimates(cells, actions, rewards, pscores, choices, n_cells, n_actions))

# (2) The bundled exposure log.
log = pd.read_csv(os.path.join(ROOT, "datasets", "exposures.csv"))
names = sorted(log["strategy"].unique())
action_index = {a: i for i, a in enumerate(names)}
context = log["device"].astype(str) + "|" + log["segment"].astype(str)
cell_names = sorted(context.unique())
cell_index = {c: i for i, c in enumerate(cell_names)}
e_cells = context.map(cell_index).to_numpy()
e_actions = log["strategy"].map(action_index).to_numpy()
e_choices = np.where(log["device"] == "desktop", action_index["personalised"], action_index["popular"])
exposures = {"policy": "if(device == 'desktop', 'personalised', 'popular')", "context": ["device", "segment"],
             "reward": "clicked", "actions": names}
exposures.update(estimates(e_cells, e_actions, log["clicked"].to_numpy(dtype=float), log["propensity"].to_numpy(dtype=float),
                           e_choices, len(cell_names), len(names)))

# Wilson and t intervals.
wilson = []
for successes, trials, alpha in [(0, 10, 0.05), (1, 10, 0.05), (10, 10, 0.05), (37, 400, 0.05), (2368, 25000, 0.05),
                                 (5, 7, 0.10), (123, 4567, 0.01)]:
    low, high = proportion_confint(successes, trials, alpha=alpha, method="wilson")
    wilson.append({"successes": successes, "trials": trials, "level": 1 - alpha, "low": float(low), "high": float(high)})
values = np.round(rng.lognormal(1.0, 1.2, 57) * (rng.random(57) < 0.3), 2)
low, high = stats.t.interval(0.95, len(values) - 1, loc=values.mean(), scale=stats.sem(values))
t_interval = {"values": values.tolist(), "level": 0.95, "mean": float(values.mean()), "low": float(low), "high": float(high)}

with open(OUT, "w") as f:
    json.dump({"versions": {"obp": obp.__version__, "statsmodels": statsmodels.__version__, "scipy": scipy.__version__,
                            "numpy": np.__version__},
               "small": small, "exposures": exposures, "wilson": wilson, "t_interval": t_interval}, f, indent=1)
print("wrote", OUT)
print(json.dumps({k: v for k, v in small.items() if not isinstance(v, list)}, indent=1))
print(json.dumps({k: v for k, v in exposures.items() if not isinstance(v, list)}, indent=1))
