import StrataEngine

/// `stream … models=…`: incremental recommenders fed by the stream and scored prequentially, with
/// the options of `prequential` that shape them (`session=yes` adds each model re-ranked by the
/// user's current session), and `users=` for the board.
enum StreamModelOptions {
    static let models = CommandOption.list("models", describedAs: "none",
                                           "incremental recommenders fed by the stream, each event scored before it is learnt: popular, itemknn, isgd, als")
    static let users = CommandOption.list("users", describedAs: "none",
                                          "user ids whose current top-N the board and the output show (with models=)")

    /// Options that shape the models, kept from when the stream was made.
    static let shaping: [any OptionDeclaration] = [models, PrequentialOptions.top, PrequentialOptions.window, PrequentialOptions.halflife,
                                                    PrequentialOptions.neighbors, PrequentialOptions.factors, PrequentialOptions.rate,
                                                    PrequentialOptions.refit, PrequentialOptions.seed, PrequentialOptions.session]

    static func recommenders(_ parsed: ParsedCommand, _ ctx: CommandContext) throws -> StreamRecommenders? {
        guard parsed.isGiven(models) else {
            if parsed[PrequentialOptions.session] {
                throw parsed.error("session=yes re-ranks the recommenders' lists, and this stream feeds none",
                                   at: parsed.span(PrequentialOptions.session), suggestion: "make the stream with models=, e.g. models=itemknn session=yes")
            }
            return nil
        }
        let kinds = try PrequentialOptions.kinds(parsed, option: models)
        var evaluation = PrequentialSettings()
        evaluation.top = parsed[PrequentialOptions.top]
        evaluation.window = parsed[PrequentialOptions.window]
        let lineup = StreamModelLineup(kinds: kinds, settings: try PrequentialOptions.settings(parsed, ctx), session: parsed[PrequentialOptions.session])
        return StreamRecommenders(try PrequentialConsumer(models: lineup.models, settings: evaluation, compare: lineup.sessionPair))
    }

    /// The users to watch, checked against the stream: a table's log holds every user it will have.
    static func watched(_ parsed: ParsedCommand, _ stream: StreamObject) throws -> [String]? {
        guard let list = parsed[users] else { return nil }
        let span = parsed.span(users)
        guard stream.recommenders != nil else {
            throw parsed.error("users= shows recommendations, and this stream feeds no recommender", at: span,
                               suggestion: "make the stream with models=, e.g. models=popular,itemknn")
        }
        if case .table = stream.source {
            for u in list where stream.log.vocabulary.users.id(of: u) == nil {
                throw parsed.error("user '\(u)' has no event in \(stream.source.description)", at: span,
                                   suggestion: Suggestions.didYouMean(u, among: stream.log.vocabulary.users.texts)
                                    ?? "name users as the log's user column writes them")
            }
        }
        return list
    }
}
