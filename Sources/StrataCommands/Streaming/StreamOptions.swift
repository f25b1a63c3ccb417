import StrataEngine

/// The options of `stream`. Those that shape the stream (columns, types, k) apply when it is made;
/// a later `stream` under the same name keeps them.
package enum StreamOptions {
    package static let types = CommandOption.list("types", describedAs: "every type", "the event types to accept; rows of other types are skipped and counted")
    package static let context = CommandOption.list("context", describedAs: "none", "columns carried as context, e.g. device,hour")
    package static let amount = CommandOption.column("amount", describedAs: "none: each purchase counts 1", "the money column for monetary value")
    package static let purchase = CommandOption.list("purchase", describedAs: "every event", "the event types that count as purchases in the profiles")
    package static let chunk = CommandOption.int("chunk", in: 1...1_000_000, default: 1000, "events applied per chunk (models see whole chunks only)")
    package static let until = CommandOption.date("until", describedAs: "the end of the log", "stop before this day: events up to the previous day's end are applied")
    package static let follow = CommandOption.flag("follow", default: false, "keep reading rows appended to the file (tail -f)")
    package static let idle = CommandOption.number("idle", in: 0.1...3600, default: 5, "with follow=yes: stop after this many seconds without new rows")
    package static let board = CommandOption.flag("board", default: false, "show the live board (a terminal) or periodic snapshots (batch runs)")
    package static let every = CommandOption.int("every", in: 1...1_000_000, default: 100, "with board=yes in a batch run: chunks between snapshots")
    package static let k = CommandOption.int("k", in: 0...20, default: 4, "streaming k-means clusters on the RFM scores; 0 for none")
    package static let decay = CommandOption.number("decay", in: 0.001...1, default: 1, "k-means forgetting factor per day (1 remembers everything)")
    package static let timing = CommandOption.flag("timing", default: false, "print throughput in events per second (varies run to run)")

    /// Options that only shape a new stream.
    package static let shaping: [any OptionDeclaration] = [InteractionOptions.user, InteractionOptions.item, InteractionOptions.time,
                                                           InteractionOptions.event, types, context, amount, purchase, k, decay]
        + StreamRuleOptions.shaping + StreamModelOptions.shaping
    package static let all: [any OptionDeclaration] = shaping + [chunk, until, follow, idle, board, every, timing, StreamRuleOptions.period,
                                                                 StreamModelOptions.users, ContextEvaluation.option]
}
