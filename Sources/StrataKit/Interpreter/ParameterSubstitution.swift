/// Replaces `$name` tokens by the tokens of the parameter's value before a command is parsed, so a
/// parameter can stand for anything a literal can: a number, a string, a word, a list or a range.
package enum ParameterSubstitution {
    package static func apply(_ tokens: [Token], parameters: [String: ParameterValue]) throws -> [Token] {
        guard tokens.contains(where: \.isVariable) else { return tokens }
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        for token in tokens {
            guard case .variable(let name) = token.kind else {
                out.append(token)
                continue
            }
            guard let value = parameters[name] else {
                let known = parameters.keys.sorted()
                throw SyntaxError("unknown parameter $\(name)", at: token.span,
                                  suggestion: Suggestions.closest(to: name, among: known).map { "did you mean '$\($0)'?" }
                                    ?? "declare it first: param \(name) = …")
            }
            // Carets for errors in a substituted value point at the `$name` the user wrote.
            out += value.tokens.map { Token($0.kind, token.span, backquoted: $0.isBackquoted) }
        }
        return out
    }
}
