import StrataEngine

/// `split` (seeded train/test splits of an interaction table) and `load split` (a split written
/// elsewhere, e.g. by bench_recsys.py --write-split).
package enum SplitCommands {
    package static let all: [CommandSpec] = [split, loadSplit]

    /// How `split` divides the interactions.
    package enum Method: String, OptionChoice {
        case user, interaction, last, time, folds
    }

    package static let by = CommandOption.choice(
        "by", default: Method.user,
        "user: a fraction of each user's items; interaction: of all pairs; last: each user's latest; time: a date cut; folds: k-fold over users")
    package static let test = CommandOption.number("test", in: 0.0...1.0, default: 0.2, "test fraction (by=user, interaction, folds)")
    package static let last = CommandOption.int("last", in: 1...1_000_000, default: 1, "items per user held out (by=last)")
    package static let cutoff = CommandOption.date("cutoff", "rows on or after this date are test (by=time)")
    package static let folds = CommandOption.int("folds", in: 2...100, default: 5, "number of user folds (by=folds)")
    package static let fold = CommandOption.int("fold", in: 1...100, default: 1, "which fold is the test fold (by=folds)")
    package static let user = CommandOption.column("user", describedAs: "user_id, user or customer_id", "the user column")
    package static let item = CommandOption.column("item", describedAs: "item_id, item, product_id or book_id", "the item column")
    package static let time = CommandOption.column("time", describedAs: "timestamp, time or date, if present", "the time column (by=last, time)")
    package static let seed = CommandOption.int("seed", describedAs: "the session seed", "random seed")

    package static let split = CommandSpec(
        "split", group: .recommenders, summary: "Divide interactions into training and test tables (seeded).",
        arguments: [.table("table", help: "the interactions (one row per user–item event or rating)")],
        options: [by, test, last, cutoff, folds, fold, user, item, time, seed],
        binding: .named { p in "\(p.subject ?? "table")_split" },
        details: "Binds NAME.train and NAME.test (tables with all the source columns) and NAME (the split, whose "
            + "method the evaluation protocol prints). Rows of one (user, item) pair always go to the same side, "
            + "except with by=time, which cuts rows by their own time. by=user holds out floor(test·n + 0.5) of each "
            + "user's n items, those with the smallest random keys (bench_recsys.py's rule; keys from Strata's generator). "
            + "by=last keeps users with no more than last= items wholly in training. by=folds shuffles users into folds= "
            + "groups and holds out test= of each fold= user's items. Users and items of the test table absent from "
            + "training are counted.",
        examples: ["split ratings by=user test=0.2 seed=7 as parts",
                   "split ratings by=last last=2 as recent",
                   "split ratings by=time cutoff=2025-03-01 as before_after",
                   "split ratings by=folds folds=5 fold=2 seed=3 as fold2"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        guard let user = InteractionOptions.column(parsed, SplitCommands.user, table, candidates: InteractionOptions.userNames) else {
            throw parsed.error("no user column found", suggestion: "name it with user=COLUMN")
        }
        guard let item = InteractionOptions.column(parsed, SplitCommands.item, table, candidates: InteractionOptions.itemNames) else {
            throw parsed.error("no item column found", suggestion: "name it with item=COLUMN")
        }
        let time = InteractionOptions.column(parsed, SplitCommands.time, table, candidates: InteractionOptions.timeNames)
        let fraction = parsed[test]
        let method: SplitMethod
        switch parsed[by] {
        case .user: method = .perUser(testFraction: fraction)
        case .interaction: method = .interaction(testFraction: fraction)
        case .last: method = .lastN(count: parsed[last])
        case .time:
            guard let day = parsed[cutoff] else {
                throw parsed.error("by=time needs cutoff=DATE", suggestion: "e.g. cutoff=2025-10-01")
            }
            method = .temporal(cutoff: day.days * 86_400)
        case .folds: method = .userFold(folds: parsed[folds], fold: parsed[fold], testFraction: fraction)
        }
        let result = try Splitter.split(table, columns: SplitColumns(user: user, item: item, time: time), method: method,
                                        seed: SeedOption.value(parsed, seed, ctx.workspace.settings), context: ctx.run)
        let name = try ctx.resultName(for: parsed)
        let train = table.takingRows(result.trainRows), test = table.takingRows(result.testRows)
        guard !result.trainRows.isEmpty else { throw parsed.error("the split left no training rows", suggestion: "hold out less") }
        guard !result.testRows.isEmpty else { throw parsed.error("the split left no test rows", suggestion: "hold out more") }
        bind(name: name, train: train, test: test, method: result.description, ctx: &ctx)
        var lines = ["\(name): \(result.description)",
                     "\(name).train: \(Format.count(train.rowCount)) rows, \(Format.count(result.trainUsers)) users, \(Format.count(result.trainItems)) items",
                     "\(name).test: \(Format.count(test.rowCount)) rows, \(Format.count(result.testUsers)) users (\(Format.count(result.testUsersAbsentFromTraining)) absent from training), "
                        + "\(Format.count(result.testItems)) items (\(Format.count(result.testItemsAbsentFromTraining)) absent from training)"]
        if result.rowsLeftOut > 0 { lines.append("left out \(Format.count(result.rowsLeftOut)) rows with a missing user or item") }
        return .note(lines.joined(separator: "\n"))
    }

    package static func bind(name: String, train: Table, test: Table, method: String, ctx: inout CommandContext) {
        ctx.workspace.bind(name + ".train", table: train)
        ctx.workspace.bind(name + ".test", table: test)
        ctx.workspace.bind(name, .object(SplitObject(method: method, trainName: name + ".train", testName: name + ".test",
                                                     trainRows: train.rowCount, testRows: test.rowCount)))
    }

    package static let loadSplit = CommandSpec(
        "load split", group: .recommenders, summary: "Load a split written elsewhere: FOLDER/train.csv and FOLDER/test.csv.",
        arguments: [.path("folder", help: "a folder holding train.csv and test.csv, in double quotes")],
        binding: .named { _ in "split" },
        details: "Binds NAME.train, NAME.test and NAME like 'split' does, so that Strata scores exactly the split another "
            + "tool made (bench_recsys.py --write-split DIR writes this layout).",
        examples: ["load split \"Tests/StrataLanguageTests/Fixtures/bench-split\" as bench"],
        fileAccess: .reads
    ) { parsed, ctx in
        let folder = parsed.text("folder") ?? ""
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let train = try CSVReader.read(path: base + "/train.csv", options: CSVOptions(), context: ctx.run).table
        let test = try CSVReader.read(path: base + "/test.csv", options: CSVOptions(), context: ctx.run).table
        guard train.columnNames == test.columnNames else {
            throw parsed.error("train.csv and test.csv have different columns (\(train.columnNames.joined(separator: ",")) and \(test.columnNames.joined(separator: ",")))")
        }
        let name = try ctx.resultName(for: parsed)
        bind(name: name, train: train, test: test, method: "loaded from \(folder)", ctx: &ctx)
        return .note("\(name): loaded from \(folder)\n\(name).train: \(Format.count(train.rowCount)) rows; \(name).test: \(Format.count(test.rowCount)) rows")
    }
}
