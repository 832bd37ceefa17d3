/// Limits for untrusted scenarios, which facilitators write and share between schools, and for
/// the answers typed during play. Past a limit there is a diagnostic (with a code and a place)
/// or a friendly message, never a crash or a hang. Documented in docs/language.md, "Limits".
///
/// The parser's own limits live with it: `Parser.maxFileBytes` (C020), `Parser.maxLineLength`
/// (C020) and `Parser.maxNesting` (C014, blocks and parentheses/`niet` in a condition); the
/// include limits (C104) with `IncludeResolver`.
public enum Limits {
    /// Roles one scenario may declare (C160).
    public static let maxRoles = 50
    /// Items in one list answer, `oplossingen` included: `min`/`max` above it are an error
    /// (C161) and `AnswerParser` refuses a longer answer.
    public static let maxListItems = 50
    /// Statements one step may play out to, every loop iteration counted with the largest
    /// possible number of roles, members, solutions and list items (C162).
    public static let maxPlayedPerStep = 10_000
    /// Characters of one rendered text or prompt; `Interpolator` cuts a longer one off with "…".
    public static let maxRenderedCharacters = 20_000
}
