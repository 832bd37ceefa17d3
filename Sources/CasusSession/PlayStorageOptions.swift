import CasusCore
import CasusTerminal

/// How `casus play` wants its session stored.
public struct PlayStorageOptions {
    /// `--dir`; nil uses `CASUS_DIR`, then the XDG data folder.
    public var dir: String?
    /// `--resume`: continue the newest unfinished session of this scenario without asking.
    public var resume: Bool
    /// The language of notices, questions and sheets.
    public var language: Language
    /// `--lang` was given: it wins over the language a resumed session was started in.
    public var languageIsExplicit = false
    /// Picks the session to continue from the unfinished ones (newest first), or a new one.
    public var choose: ([PlayStorage.Candidate]) -> ResumeDecision
    /// Shows notices gathered so far right away, before a question is asked; nil returns
    /// them all with the result instead.
    public var showNotice: ((String) -> Void)? = nil

    public init(
        dir: String?, resume: Bool, language: Language, languageIsExplicit: Bool = false,
        choose: @escaping ([PlayStorage.Candidate]) -> ResumeDecision, showNotice: ((String) -> Void)? = nil
    ) {
        self.dir = dir
        self.resume = resume
        self.language = language
        self.languageIsExplicit = languageIsExplicit
        self.choose = choose
        self.showNotice = showNotice
    }
}
