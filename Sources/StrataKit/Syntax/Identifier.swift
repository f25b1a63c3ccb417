/// How a name is written in command text. A plain word (`amount`, `customer_id`) is written as
/// it is; anything else, a name with spaces (`Age Group`), punctuation, a leading digit or one
/// of the expression keywords, is written in backquotes, with a backquote inside doubled as in
/// SQL: `` `Age Group` ``, `` `a``b` ``. The lexer reads both forms back to the same name, so
/// errors, suggestions, completions and saved sessions can print names the user can type.
public enum Identifier {
    public static func isPlain(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || first.isLetter else { return false }
        guard name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }) else { return false }
        return !ExprKeywords.reserved.contains(name.lowercased())
    }

    /// `name` as command text: bare when plain, else backquoted.
    public static func written(_ name: String) -> String {
        isPlain(name) ? name : backquoted(name)
    }

    /// `name` in backquotes, inner backquotes doubled.
    public static func backquoted(_ name: String) -> String {
        "`" + name.replacingAll("`", with: "``") + "`"
    }
}

extension Suggestions {
    /// "did you mean 'amount'?", or for a name that must be backquoted "did you mean `Age Group`?",
    /// so the suggestion can be typed as shown.
    package static func didYouMeanColumn(_ name: String, among columns: [String]) -> String? {
        closest(to: name, among: columns).map {
            Identifier.isPlain($0) ? "did you mean '\($0)'?" : "did you mean \(Identifier.backquoted($0))?"
        }
    }
}
