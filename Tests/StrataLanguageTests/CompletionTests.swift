import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// A small registry covering every slot and option kind completion distinguishes.
private let registry: CommandRegistry = {
    func spec(_ name: String, _ args: [ArgumentSlot], _ options: [OptionSpec] = [], binding: Binding = .none) -> CommandSpec {
        CommandSpec(name, group: .data, summary: name, arguments: args, options: options, binding: binding, examples: []) { _, _ in .empty }
    }
    return CommandRegistry([
        spec("load", [.path("file", help: "")],
             [OptionSpec("delimiter", .string, "d"), OptionSpec("types", .pairs, "t")],
             binding: .named { _ in "data" }),
        spec("filter", [.table("table", help: ""), .keyword("where"), .condition("condition", help: "")],
             [OptionSpec("onerror", .choice(["skip", "fail"]), "")], binding: .replacesSubject),
        spec("select", [.table("table", help: ""), .columns("columns", help: "")], binding: .replacesSubject),
        spec("sort", [.table("table", help: ""), .keyword("by"), .sortKeys("keys", help: "")],
             [OptionSpec("limit", .int(nil), ""), OptionSpec("nulls", .choice(["first", "last"]), "")],
             binding: .replacesSubject),
        spec("show", [.table("table", help: ""), .choice("end", choices: ["head", "tail"], help: ""),
                      .optional([.keyword("rows"), .number("n", help: "")])]),
        spec("derive", [.table("table", help: ""), .assignments("assignments", help: "")], binding: .replacesSubject),
        spec("plot", [.table("table", help: "")],
             [OptionSpec("x", .column, ""), OptionSpec("y", .columns, ""), OptionSpec("kind", .choice(["bar", "line"]), "")]),
        spec("export", [.table("table", help: ""), .keyword("to"), .path("file", help: "")],
             [OptionSpec("header", .bool, ""), OptionSpec("log", .path, "")]),
        spec("drop table", [.tables("names", help: "")]),
        spec("drop", [.name("name", help: "")]),
        spec("quit", []),
    ])
}()

private func stringColumn(_ name: String, _ values: [String]) -> Column {
    Column(name: name, data: .string(codes: values.indices.map { Int32($0) }, dictionary: values))
}

private let workspace: Workspace = {
    var ws = Workspace()
    let tx = Table(uncheckedColumns: [
        Column(name: "amount", data: .float([1, 2])),
        stringColumn("country", ["FR", "DE"]),
        stringColumn("customer", ["a", "b"]),
        Column(name: "größe", data: .int([1, 2])),
        Column(name: "day", data: .date([0, 1])),
    ], rowCount: 2)
    let users = Table(uncheckedColumns: [stringColumn("name", ["x"]), Column(name: "age", data: .int([30]))], rowCount: 1)
    ws.bind("tx", table: tx)
    ws.bind("users", table: users)
    ws.bind("tx_small", table: tx)
    return ws
}()

private let files = DirectoryLister { path in
    switch path {
    case ".":
        return [PathEntry(name: "datasets", isDirectory: true), PathEntry(name: "data.csv", isDirectory: false),
                PathEntry(name: "docs", isDirectory: true), PathEntry(name: ".hidden", isDirectory: false),
                PathEntry(name: "notes.txt", isDirectory: false)]
    case "datasets/":
        return [PathEntry(name: "transactions.csv", isDirectory: false), PathEntry(name: "users.csv", isDirectory: false),
                PathEntry(name: "archive", isDirectory: true)]
    default:
        return []
    }
}

private let completer = Completer(registry: registry, workspace: workspace, directories: files)

/// Completes with the cursor at the `|` marker, or at the end.
private func complete(_ marked: String) -> CompletionResult {
    let cursor = marked.firstIndex(of: "|").map { marked.distance(from: marked.startIndex, to: $0) } ?? marked.count
    return completer.complete(line: marked.replacingOccurrences(of: "|", with: ""), cursor: cursor)
}

private func texts(_ marked: String) -> [String] { complete(marked).candidates.map(\.text) }

extension String {
    fileprivate func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

@Suite struct CompletionVerbTests {
    @Test func emptyLineListsAllVerbsSorted() {
        #expect(texts("") == ["derive", "drop", "export", "filter", "load", "plot", "quit", "select", "show", "sort"])
    }

    @Test func uniqueVerbCompletesWithSpace() {
        let r = complete("fi")
        #expect(r.range == 0..<2)
        #expect(r.replacement == "filter ")
    }

    @Test func ambiguousVerbsOfferCommonPrefix() {
        let r = complete("s")
        #expect(r.candidates.map(\.text) == ["select", "show", "sort"])
        #expect(r.replacement == nil)
        #expect(complete("se").replacement == "select ")
    }

    @Test func leadingSpacesAreFine() {
        let r = complete("   qu")
        #expect(r.range == 3..<5)
        #expect(r.replacement == "quit ")
    }

    @Test func upperCaseFallsBackToCaseInsensitive() {
        #expect(complete("QU").replacement == "quit ")
    }

    @Test func multiWordCommandOffersItsNextWord() {
        #expect(texts("drop ") == ["table"])
        #expect(complete("drop t").replacement == "table ")
        #expect(texts("drop table ") == ["tx", "users", "tx_small"])
    }

    @Test func unknownCommandCompletesNothing() {
        #expect(texts("frobnicate ").isEmpty)
    }

    @Test func commandWithoutArgumentsCompletesNothingAfter() {
        #expect(texts("quit ").isEmpty)
    }
}

@Suite struct CompletionSlotTests {
    @Test func tableSlotOffersTablesButNoOptionsYet() {
        #expect(texts("filter ") == ["tx", "users", "tx_small"])
        #expect(texts("filter tx") == ["tx", "tx_small"])
        #expect(texts("filter u") == ["users"])
    }

    @Test func keywordAndOptionsAfterTheSubject() {
        #expect(texts("filter tx ") == ["where", "onerror"])
        let option = complete("filter tx on")
        #expect(option.replacement == "onerror=")
        #expect(option.candidates.first?.display == "onerror=")
    }

    @Test func conditionOffersSubjectColumns() {
        #expect(texts("filter tx where ") == ["amount", "country", "customer", "größe", "day"])
        #expect(texts("filter tx where amount > 0 and c") == ["country", "customer"])
        // `=` right after the first column is equality, not an option.
        #expect(texts("filter tx where amount = 1 and c") == ["country", "customer"])
        #expect(texts("filter tx where amount = c") == ["country", "customer"])
        #expect(texts("filter users where a") == ["age"])
        #expect(texts("filter tx where (amo") == ["amount"])
    }

    @Test func conditionOnUnknownTableOffersNothing() {
        #expect(texts("filter nope where a").isEmpty)
    }

    @Test func nothingAfterAs() {
        #expect(texts("filter tx where amount > 0 as ").isEmpty)
        #expect(texts("filter tx where amount > 0 as big ").isEmpty)
        #expect(texts("load \"a.csv\" as ").isEmpty)
    }

    @Test func columnsSlotExcludesColumnsAlreadyListed() {
        #expect(texts("select tx amount, c") == ["country", "customer"])
        #expect(texts("select tx amount,") == ["country", "customer", "größe", "day"])
        #expect(texts("select tx amount, country, ").contains("amount") == false)
    }

    @Test func afterAllSlotsOptionsAndAs() {
        #expect(texts("select tx amount ") == ["as"])
        #expect(texts("sort tx by amount ") == ["asc", "desc", "limit", "nulls", "as"])
        #expect(texts("sort tx by amount desc ") == ["limit", "nulls", "as"])
    }

    @Test func sortKeysAfterComma() {
        #expect(texts("sort tx by amount desc, c") == ["country", "customer"])
    }

    @Test func choiceSlotAndOptionalGroup() {
        #expect(texts("show tx ") == ["head", "tail"])
        #expect(complete("show tx t").replacement == "tail ")
        #expect(texts("show tx head ") == ["rows"])
        #expect(texts("show tx head rows ").isEmpty)
    }

    @Test func assignmentsOfferColumnsAndDoNotMistakeThemForOptions() {
        #expect(texts("derive tx total = amo") == ["amount"])
        #expect(texts("derive tx total = amount * 2, c = cou") == ["country"])
    }

    @Test func tablesSlotOffersAllValuesAfterComma() {
        #expect(texts("drop table tx, u") == ["users"])
    }

    @Test func qualifiedNamesAreOneFragment() {
        var ws = workspace
        if let t = ws.table("tx") { ws.bind("parts.train", table: t) }
        let c = Completer(registry: registry, workspace: ws, directories: files)
        let r = c.complete(line: "filter parts.tr", cursor: 15)
        #expect(r.range == 7..<15)
        #expect(r.replacement == "parts.train ")
    }

    @Test func unicodeColumnsUseCharacterOffsets() {
        let r = complete("filter tx where grö")
        #expect(r.range == 16..<19)
        #expect(r.replacement == "größe ")
    }

    @Test func cursorInTheMiddleCompletesTheWordBeforeIt() {
        let r = complete("filter us| where age > 3")
        #expect(r.range == 7..<9)
        #expect(r.replacement == "users ")
    }

    @Test func commentsCompleteNothing() {
        #expect(texts("filter tx # am").isEmpty)
        #expect(texts("# fi").isEmpty)
    }

    @Test func lexErrorsCompleteNothing() {
        #expect(texts("filter tx where @ a").isEmpty)
    }
}

@Suite struct CompletionOptionTests {
    @Test func optionsNotYetGiven() {
        #expect(texts("sort tx by amount nulls=first ") == ["limit", "as"])
        #expect(texts("sort tx limit=3 by amount ") == ["asc", "desc", "nulls", "as"])
    }

    @Test func optionKeysOnceTheFirstArgumentIsTyped() {
        #expect(texts("plot tx ") == ["x", "y", "kind"])
        #expect(texts("load \"a.csv\" ") == ["delimiter", "types", "as"])
        #expect(texts("filter tx where ").contains("onerror") == false)
    }

    @Test func choiceOptionValues() {
        #expect(texts("sort tx by amount nulls=") == ["first", "last"])
        #expect(complete("plot tx kind=b").replacement == "bar ")
    }

    @Test func boolOptionValues() {
        #expect(texts("export tx to \"a.csv\" header=") == ["yes", "no"])
    }

    @Test func columnOptionValues() {
        #expect(texts("plot tx x=") == ["amount", "country", "customer", "größe", "day"])
        #expect(texts("plot tx x=da") == ["day"])
        #expect(texts("plot tx y=amount,c") == ["country", "customer"])
        #expect(texts("plot tx y=amount,day,") == ["country", "customer", "größe"])
    }

    @Test func valuesOfFreeTextOptionsAreNotCompleted() {
        #expect(texts("load \"a.csv\" delimiter=").isEmpty)
    }

    @Test func afterACompleteOptionTheSlotContinues() {
        #expect(texts("plot tx x=amount ") == ["y", "kind"])
    }
}

@Suite struct CompletionPathTests {
    @Test func unquotedPathSlotOpensTheQuote() {
        let r = complete("load ")
        #expect(r.candidates.map(\.text) == ["\"data.csv", "\"datasets", "\"docs", "\"notes.txt"])
        #expect(complete("load da").candidates.map(\.text) == ["\"data.csv", "\"datasets"])
        #expect(complete("load da").replacement == "\"data")
        #expect(complete("load n").replacement == "\"notes.txt\" ")
    }

    @Test func insideQuotesDirectoriesGetASlash() {
        let r = complete("load \"datas")
        #expect(r.range == 6..<11)
        #expect(r.replacement == "datasets/")
        #expect(r.candidates.first?.display == "datasets/")
    }

    @Test func filesInsideADirectoryCloseTheQuote() {
        let r = complete("load \"datasets/tr")
        #expect(r.replacement == "datasets/transactions.csv\" ")
        #expect(r.candidates.first?.display == "transactions.csv")
    }

    @Test func listingShowsNamesWithoutDirectory() {
        let r = complete("load \"datasets/")
        #expect(r.candidates.map(\.display) == ["archive/", "transactions.csv", "users.csv"])
        #expect(r.replacement == nil)
    }

    @Test func existingClosingQuoteIsNotDoubled() {
        let r = complete("load \"datasets/tr|\" as tx")
        #expect(r.replacement == "datasets/transactions.csv")
    }

    @Test func hiddenFilesOnlyWhenAsked() {
        #expect(complete("load \"").candidates.contains { $0.text == ".hidden" } == false)
        #expect(complete("load \".h").replacement == ".hidden\" ")
    }

    @Test func pathAfterKeywordAndAsPathOption() {
        #expect(complete("export tx to \"do").replacement == "docs/")
        #expect(complete("export tx to \"a.csv\" log=\"no").replacement == "notes.txt\" ")
    }

    @Test func quotedStringsInConditionsAreNotPaths() {
        #expect(texts("filter tx where country == \"da").isEmpty)
    }

    @Test func quotedStringAfterUnknownCommandIsAPath() {
        #expect(complete("frobnicate \"datas").replacement == "datasets/")
    }

    @Test func singleQuotesWork() {
        #expect(complete("load 'datasets/u").replacement == "datasets/users.csv' ")
    }

    @Test func realFileSystem() throws {
        // The package's own layout is stable: Sources/ holds the targets.
        let c = Completer(registry: registry, workspace: workspace)
        var dir = #filePath
        for _ in 0..<3 { if let slash = dir.lastIndex(of: "/") { dir = String(dir[..<slash]) } }
        let r = c.complete(line: "load \"\(dir)/Sources/StrataSess", cursor: 6 + dir.count + 20)
        #expect(r.replacement == "\(dir)/Sources/StrataSession/")
        let missing = c.complete(line: "load \"/no/such/dir/x", cursor: 20)
        #expect(missing.candidates.isEmpty)
    }
}

@Suite struct CompletionResultTests {
    @Test func commonPrefix() {
        let r = CompletionResult(range: 0..<1, fragment: "c", candidates: [
            CompletionCandidate(text: "country", terminator: " ", display: "country"),
            CompletionCandidate(text: "coupon", terminator: " ", display: "coupon"),
        ])
        #expect(r.commonPrefix == "cou")
        #expect(r.replacement == "cou")
    }

    @Test func noCandidates() {
        let r = CompletionResult.none(at: 4)
        #expect(r.replacement == nil)
        #expect(r.range == 4..<4)
    }
}
