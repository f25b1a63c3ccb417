/// The options of `bandit simulate`, each declared once.
package enum BanditOptions {
    package static let arms = CommandOption.list("arms", "Bernoulli arms: each arm's success rate in [0, 1], e.g. arms=0.04,0.05,0.06")
    package static let rates = CommandOption.value("rates", "a table with one row per context and one rate column per arm (give context=)")
    package static let context = CommandOption.text(
        "context", "with rates=: the table's context column; with recommenders=: a user column of the split's test table (e.g. latent_segment)")
    package static let recommenders = CommandOption.values("recommenders", "recommenders (made by `recommender`) as the arms; give split=")
    package static let split = CommandOption.value("split", "with recommenders=: the split whose test table holds each user's held-out items")
    package static let k = CommandOption.int("k", in: 1...1_000, default: 10,
                                             "with recommenders=: list length; a round pays 1 when the list hits a held-out item")
    package static let policies = CommandOption.list("policies", describedAs: "thompson,ucb1,egreedy",
                                                     "the policies to compare: " + BanditKinds.names.joined(separator: ", "))
    package static let rounds = CommandOption.int("rounds", in: 1...10_000_000, default: 10_000, "rounds per run")
    package static let runs = CommandOption.int("runs", in: 1...10_000, default: 100, "independent runs per policy (bands are across runs)")
    package static let epsilon = CommandOption.number("epsilon", in: 0...1, default: 0.1, "egreedy: share of random pulls")
    package static let alpha = CommandOption.number("alpha", in: 0...100, default: 1, "ucb1, linucb, lints: exploration width")
    package static let temperature = CommandOption.number("temperature", in: 0.0001...100, default: 0.1, "softmax: temperature")
    package static let seed = CommandOption.int("seed", describedAs: "the session seed (set seed)", "run r uses streams derived from seed and r")

    package static let all: [any OptionDeclaration] = [arms, rates, context, recommenders, split, k, policies, rounds, runs,
                                                       epsilon, alpha, temperature, seed]

    package static let defaultPolicies = ["thompson", "ucb1", "egreedy"]
}
