#!/usr/bin/env python3
"""MABWiser's side of the bandit benchmark: the same five policies (ThompsonSampling, UCB1(alpha=1),
EpsilonGreedy(0.1), Softmax(tau=0.1), LinUCB(alpha=1) on a constant context) against Bernoulli arms
0.04, 0.05, 0.06, one predict + partial_fit per round as a live bandit runs. MABWiser is slow, so it
times --runs runs (default 3) per policy and scales to --full-runs; the JSON says so."""
import argparse, json, resource, sys, time
from importlib.metadata import version
import numpy as np
from mabwiser.mab import MAB, LearningPolicy

p = argparse.ArgumentParser()
p.add_argument("--runs", type=int, default=3)
p.add_argument("--full-runs", type=int, default=100)
p.add_argument("--rounds", type=int, default=10000)
a = p.parse_args()
rates = np.array([0.04, 0.05, 0.06])
policies = {
    "thompson": LearningPolicy.ThompsonSampling(),
    "ucb1": LearningPolicy.UCB1(alpha=1.0),
    "egreedy": LearningPolicy.EpsilonGreedy(epsilon=0.1),
    "softmax": LearningPolicy.Softmax(tau=0.1),
    "linucb": LearningPolicy.LinUCB(alpha=1.0),
}
out = {"mode": "bandits-mabwiser", "mabwiser": version("mabwiser"), "numpy": np.__version__, "timed_runs": a.runs, "scaled_to_runs": a.full_runs, "rounds": a.rounds}
total = 0.0
for name, policy in policies.items():
    regrets = []
    start = time.perf_counter()
    for r in range(a.runs):
        rng = np.random.default_rng(1000 + r)
        u = rng.random(a.rounds)
        arms = [0, 1, 2]
        linear = name == "linucb"
        mab = MAB(arms, policy, seed=r)
        x = np.ones((1, 1))
        # Warm start with one pull of each arm, as Strata's UCB1 does.
        if linear:
            mab.fit(np.array(arms), (u[:3] < rates).astype(float), np.ones((3, 1)))
        else:
            mab.fit(np.array(arms), (u[:3] < rates).astype(float))
        regret = 0.0
        for t in range(3, a.rounds):
            arm = mab.predict(x) if linear else mab.predict()
            reward = float(u[t] < rates[arm])
            regret += rates.max() - rates[arm]
            if linear:
                mab.partial_fit(np.array([arm]), np.array([reward]), x)
            else:
                mab.partial_fit(np.array([arm]), np.array([reward]))
        regrets.append(regret)
    seconds = time.perf_counter() - start
    scaled = seconds * a.full_runs / a.runs
    total += scaled
    out[name] = {"seconds_timed": seconds, "seconds_scaled": scaled, "regret": float(np.mean(regrets))}
    # Each policy as it finishes, so a run cut short still says what it timed.
    print(json.dumps({name: out[name]}), file=sys.stderr, flush=True)
out["total_seconds_scaled"] = total
out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
