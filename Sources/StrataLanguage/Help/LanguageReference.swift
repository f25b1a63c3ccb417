extension HelpFormatter {
    /// `docs/language.md`, generated: the shape of a command line and the expression reference.
    public static func languageMarkdown() -> String {
        """
        # The Strata command language

        Generated from the parser's own tables (`swift test` checks it is current). Inside Strata,
        `help expressions` shows the expression part; `docs/commands.md` lists every command.

        ## A command line

        ```
        verb [subject] [words…] [key=value …] [as NAME]
        ```

        - One command per line. A trailing `\\` continues it on the next line; `#` starts a comment.
        - Values: numbers (`42`, `3.5`, `1e-3`), `"strings"` (or `'strings'`), bare words, lists `a,b,c`,
          ranges `2..10`, `yes`/`no`, ISO dates `2011-12-09`.
        - Options are `key=value`. They come before an expression (`filter … where`, `derive`,
          `group … agg`), which runs to the end of the line.
        - `as NAME` at the end names the result. Without it, commands that transform a table (`filter`,
          `derive`, `sort`, `select`, `drop`, `rename`) change it in place; commands that make something
          new (`load`, `group`, `join`, `sample`) give it a predictable name, which they print.
        - A failed command changes nothing. Errors show the line with a caret under the problem and, where
          one is close, the name you probably meant.
        - An expression nests at most \(ExpressionParser.maxDepth) levels (parentheses, calls, `not`, or a chain of
          operators such as `a + b + …`); split a deeper one into several `derive` steps.
        - Anything random takes `seed=`; the default is the session seed (`set seed N`, initially 42).

        ## Expressions

        Used by `filter … where`, `derive` and `group … agg`.

        ```
        \(ExpressionHelp.reference)
        ```

        """
    }
}
