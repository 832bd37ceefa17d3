/// The stable code of every diagnostic, one meaning per code, like swift-syntax's
/// `MessageID`. The raw value (`C014`) is what people and editors see; the severity belongs to
/// the code, so one code is never an error here and a warning there. docs/language.md and
/// docs/answer-scripts.md list every code (`DiagnosticCodeTableTests` holds them to this enum).
public enum DiagnosticCode: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {

    // Syntax: what the parser finds in one file.
    /// The file is not text (invalid UTF-8, a NUL byte).
    case notText = "C001"
    /// The file is empty.
    case emptyFile = "C002"
    /// An unknown word starts a line; usually a misspelt keyword (`vrag` → `vraag`).
    case unknownWord = "C003"
    /// A line in the wrong place (a question outside a `stap`, a `rol` inside one).
    case misplacedLine = "C004"
    /// A block (`stap`, `als`, `voor elke`, `blad`) is never closed with `einde`; points at the keyword that opened it.
    case unclosedBlock = "C005"
    /// `einde` without a block to close.
    case endWithoutBlock = "C006"
    /// Something missing or unexpected on a line (a name, a title, a value).
    case malformedLine = "C007"
    /// An unknown answer type (`(tekts)` → `(tekst)`).
    case unknownAnswerType = "C008"
    /// A broken `{name}` in text.
    case brokenInterpolation = "C009"
    /// A quote that is never closed.
    case unclosedQuote = "C010"
    /// A character that cannot stand in code.
    case invalidCharacter = "C011"
    /// A question without `:` before its text.
    case missingColon = "C013"
    /// Blocks, or parentheses and `niet` in a condition, nested too deeply.
    case nestedTooDeep = "C014"
    /// `anders` without `als`, or a second `anders`.
    case misplacedElse = "C015"
    /// A step's time not written like `(10 min)`.
    case malformedBudget = "C017"
    /// A loop not written like `voor elke rol` / `voor elk punt in zorgen`.
    case malformedLoop = "C018"
    /// A bad type detail (`(lijst, min 2)`, `(schaal 1-5)`) or an unclosed `(`.
    case malformedTypeDetail = "C019"
    /// A file or a line that is too large.
    case tooLarge = "C020"
    /// A condition that cannot be read.
    case unreadableCondition = "C021"
    /// A condition with too many `en`/`of`.
    case conditionTooLong = "C022"
    /// A file not saved as UTF-8 (Windows-1252, UTF-16), read as meant.
    case notUTF8 = "C023"

    // Check: names, references, includes, metadata and limits.
    /// The file cannot be read (missing, a folder).
    case unreadableFile = "C100"
    /// Metadata in an included file.
    case metadataInInclude = "C101"
    /// An include outside the scenario's folder.
    case includeOutsideFolder = "C102"
    /// An include that includes itself, directly or through other files.
    case includeCycle = "C103"
    /// Includes nested too deep, or too many included files.
    case includeLimit = "C104"
    /// An included file that cannot be read.
    case includeUnreadable = "C105"
    /// Metadata given twice.
    case duplicateMetadata = "C106"
    /// An unknown language.
    case unknownLanguage = "C107"
    /// An unknown audience.
    case unknownAudience = "C108"
    /// A duration, member count or job that cannot be read.
    case badMetadataValue = "C109"
    /// A role defined twice.
    case duplicateRole = "C110"
    /// An info block defined twice.
    case duplicateInfo = "C111"
    /// No `titel:`.
    case missingTitle = "C112"
    /// An id that is a built-in name or a role's id.
    case reservedId = "C113"
    /// A second `casus:` or `blad`.
    case duplicateSection = "C114"
    /// A question id defined twice.
    case duplicateQuestion = "C115"
    /// A file included a second time.
    case includedTwice = "C116"
    /// An answer used before its question is asked.
    case usedBeforeAsked = "C120"
    /// A name that is not defined (with the nearest defined name).
    case undefinedName = "C121"
    /// `effect` outside a solution loop and a role loop.
    case effectOutsideLoops = "C130"
    /// `stem` with nothing to vote on.
    case voteWithoutOptions = "C131"
    /// `keuze` without `- options`.
    case choiceWithoutOptions = "C132"
    /// A second `oplossingen`.
    case secondSolutions = "C133"
    /// `voor elk … in` over an answer that is not a list.
    case loopOverNonList = "C134"
    /// A loop or question name already in use.
    case nameInUse = "C135"
    /// A loop inside a loop of the same kind.
    case sameLoopNested = "C136"
    /// An answer that has one value per role, member, solution or item, used outside that loop.
    case answerOutsideItsLoop = "C137"
    /// A scale or list range the wrong way round.
    case rangeReversed = "C138"
    /// A comparison that mixes types (a yes/no answer with a number), or a non-yes/no condition.
    case typeMismatch = "C140"
    /// A text that is not one of a choice's options (with the nearest option).
    case unknownOption = "C141"
    /// `aantal` of something that is not a list.
    case countOfNonList = "C143"
    /// A step that asks no questions.
    case stepWithoutQuestions = "C150"
    /// Step budgets that add up to more than `duur`.
    case budgetsExceedDuration = "C151"
    /// With a `blad`, an answer that is neither used nor shown.
    case answerNeverShown = "C152"
    /// No steps at all.
    case noSteps = "C153"
    /// `voor elke rol` without roles.
    case noRoles = "C154"
    /// A step of 0 minutes.
    case zeroBudget = "C155"
    /// A question without text.
    case emptyPrompt = "C156"
    /// More roles than the limit.
    case tooManyRoles = "C160"
    /// A list `min` or `max` above the limit.
    case listTooLarge = "C161"
    /// A step that plays out to more than the limit.
    case stepTooLarge = "C162"
    /// An unknown section after `protocol`.
    case unknownProtocolSection = "C170"
    /// `protocol onderwerp` without a choice question tagged with it.
    case topicWithoutChoice = "C171"

    // `casus test`: what playing every branch finds.
    /// A generated answer refused.
    case answerRefused = "T001"
    /// A question that keeps coming back.
    case noProgress = "T002"
    /// A run that never ends.
    case runNeverEnds = "T003"
    /// A step never reached.
    case stepNeverReached = "T010"
    /// A line never reached.
    case lineNeverReached = "T011"
    /// A branch never taken.
    case branchNeverTaken = "T020"
    /// The case where no condition holds never happens.
    case otherwiseNeverTaken = "T021"
    /// An option never chosen.
    case optionNeverChosen = "T030"
    /// The script's group does not fit the scenario.
    case scriptDoesNotFit = "T040"
    /// The script has no answer for a question that is asked.
    case scriptMissingAnswer = "T041"
    /// An answer in the script is refused.
    case scriptAnswerRefused = "T042"
    /// An answer in the script that is never asked for.
    case scriptKeyUnused = "T043"

    // Answer scripts (`casus test --answers`, `casus play --answers`).
    /// A line that is not `KEY: VALUE`.
    case scriptBadLine = "A001"
    /// A key that is not written like `id` or `id[value]`.
    case scriptBadKey = "A002"
    /// The same key twice.
    case scriptDuplicateKey = "A003"
    /// A key without a value.
    case scriptMissingValue = "A004"
    /// A question id the scenario does not have.
    case scriptUnknownQuestion = "A010"
    /// The wrong number of `[…]` values for that question's loops.
    case scriptWrongArity = "A011"
    /// A role the scenario does not have.
    case scriptUnknownRole = "A012"
    /// A member who is not in the group.
    case scriptUnknownMember = "A013"
    /// A solution or item number that is not a number.
    case scriptNotANumber = "A014"

    /// Errors make `casus check` (and `casus test`) fail; warnings do not.
    public var severity: Severity {
        switch self {
        case .notUTF8, .stepWithoutQuestions, .budgetsExceedDuration, .answerNeverShown, .zeroBudget, .emptyPrompt,
            .branchNeverTaken, .otherwiseNeverTaken, .optionNeverChosen, .scriptKeyUnused:
            .warning
        case .notText, .emptyFile, .unknownWord, .misplacedLine, .unclosedBlock, .endWithoutBlock,
            .malformedLine, .unknownAnswerType, .brokenInterpolation, .unclosedQuote, .invalidCharacter,
            .missingColon, .nestedTooDeep, .misplacedElse, .malformedBudget, .malformedLoop,
            .malformedTypeDetail, .tooLarge, .unreadableCondition, .conditionTooLong, .unreadableFile,
            .metadataInInclude, .includeOutsideFolder, .includeCycle, .includeLimit, .includeUnreadable, .includedTwice,
            .duplicateMetadata, .unknownLanguage, .unknownAudience, .badMetadataValue, .duplicateRole,
            .duplicateInfo, .missingTitle, .reservedId, .duplicateSection, .duplicateQuestion,
            .usedBeforeAsked, .undefinedName, .effectOutsideLoops, .voteWithoutOptions,
            .choiceWithoutOptions, .secondSolutions, .loopOverNonList, .nameInUse, .sameLoopNested,
            .answerOutsideItsLoop, .rangeReversed, .typeMismatch, .unknownOption, .countOfNonList, .noSteps,
            .noRoles, .tooManyRoles, .listTooLarge, .stepTooLarge, .unknownProtocolSection, .topicWithoutChoice, .answerRefused, .noProgress,
            .runNeverEnds, .stepNeverReached, .lineNeverReached, .scriptDoesNotFit, .scriptMissingAnswer,
            .scriptAnswerRefused, .scriptBadLine, .scriptBadKey, .scriptDuplicateKey, .scriptMissingValue,
            .scriptUnknownQuestion, .scriptWrongArity, .scriptUnknownRole, .scriptUnknownMember,
            .scriptNotANumber:
            .error
        }
    }

    public var description: String { rawValue }
}
