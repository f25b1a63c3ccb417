#!/usr/bin/env python3
"""Writes MABWiser's arm sequences for the deterministic bandit policies (UCB1, LinUCB) on fixed
reward streams, for BanditReferenceTests.

Run from the repository root with the peers venv (MABWiser, NumPy):
    /work/peers/venv/bin/python Tests/fixtures-src/bandit_reference.py

Each stream is a table rewards[t][arm] (and, for LinUCB, features[t]) drawn here from a fixed NumPy
seed and copied into the fixture, so the Swift test replays exactly the same rewards: at round t the
policy picks an arm, receives rewards[t][arm], and learns from it. UCB1 pulls every arm once first
(rounds 1..K, arms in order; MABWiser is warm-started with those K rounds through fit), then
MABWiser predicts and partial_fits one round at a time. LinUCB uses l2_lambda=1: MABWiser starts an
arm's A⁻¹ as a copy of A = λI (not its inverse) until the arm's first fit, which only agrees with
the textbook (λI)⁻¹ when λ = 1.
Output: Tests/StrataEngineTests/Fixtures/bandit_reference.json
"""
import json
import os

import numpy as np
import mabwiser
from mabwiser.mab import MAB, LearningPolicy

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "StrataEngineTests", "Fixtures", "bandit_reference.json")

rng = np.random.default_rng(20261206)


def ucb1_case(rates, rounds, alpha):
    u = rng.random(rounds)
    rewards = (u[:, None] < np.array(rates)[None, :]).astype(float)
    arms = list(range(len(rates)))
    k = len(arms)
    mab = MAB(arms, LearningPolicy.UCB1(alpha=alpha))
    mab.fit(np.array(arms), rewards[np.arange(k), arms])
    chosen = list(arms)
    for t in range(k, rounds):
        a = mab.predict()
        chosen.append(int(a))
        mab.partial_fit(np.array([a]), np.array([rewards[t, a]]))
    return {"alpha": alpha, "rates": rates, "rewards": rewards.tolist(), "arms": chosen}


def linucb_case(arm_count, rounds, alpha, l2_lambda):
    # Features: an intercept and two uniform values; rewards linear in them plus noise, per arm.
    x = np.column_stack([np.ones(rounds), rng.random(rounds), rng.random(rounds)])
    weights = rng.normal(0, 1, (arm_count, 3))
    rewards = x @ weights.T + rng.normal(0, 0.5, (rounds, arm_count))
    rewards = np.round(rewards, 6)
    arms = list(range(arm_count))
    mab = MAB(arms, LearningPolicy.LinUCB(alpha=alpha, l2_lambda=l2_lambda))
    mab.fit(np.array([]), np.array([]), np.empty((0, 3)))
    chosen = []
    for t in range(rounds):
        a = mab.predict(x[t:t + 1])
        chosen.append(int(a))
        mab.partial_fit(np.array([a]), np.array([rewards[t, a]]), x[t:t + 1])
    return {"alpha": alpha, "lambda": l2_lambda, "features": x.tolist(), "rewards": rewards.tolist(), "arms": chosen}


fixture = {
    "versions": {"mabwiser": getattr(mabwiser, "__version__", None) or mabwiser._version.__version__, "numpy": np.__version__},
    "ucb1": [ucb1_case([0.3, 0.5, 0.6], 1500, 1.0), ucb1_case([0.04, 0.05, 0.06, 0.05], 1500, 0.5)],
    "linucb": [linucb_case(3, 600, 1.0, 1.0), linucb_case(4, 600, 2.0, 1.0)],
}
with open(OUT, "w") as f:
    json.dump(fixture, f)
print("wrote", OUT)
