/// The parser's diagnostic messages, in both languages, kept apart from the parsing code.
enum ParserMessages {
    static func invalidUTF8() -> LocalizedText {
        LocalizedText(
            nl: "dit bestand is geen leesbare tekst (ongeldige UTF-8-bytes)",
            en: "this file is not readable text (invalid UTF-8 bytes)")
    }
    static func nulByte() -> LocalizedText {
        LocalizedText(
            nl: "dit bestand bevat een nul-byte; is het wel een scenario?",
            en: "this file contains a NUL byte; is it really a scenario?")
    }
    static func emptyFile() -> LocalizedText {
        LocalizedText(nl: "dit bestand is leeg", en: "this file is empty")
    }
    static func emptyFileHint() -> LocalizedText {
        LocalizedText(
            nl: "begin met `titel: …`; `casus new BESTAND` maakt een voorbeeld",
            en: "start with `title: …`; `casus new FILE` writes an example")
    }
    static func unknownWord(_ word: String) -> LocalizedText {
        LocalizedText(nl: "onbekend woord `\(word)` aan het begin van de regel",
                      en: "unknown word `\(word)` at the start of the line")
    }
    static func didYouMean(_ word: String) -> LocalizedText {
        LocalizedText(nl: "bedoelde je `\(word)`?", en: "did you mean `\(word)`?")
    }
    static func proseHint() -> LocalizedText {
        LocalizedText(
            nl: "is dit tekst? Zet tekst ingesprongen onder `zeg:`, `casus:` of een vraag",
            en: "is this text? Indent text under `say:`, `case:` or a question")
    }
    static func notHere(_ keyword: String, _ place: LocalizedText) -> LocalizedText {
        LocalizedText(nl: "`\(keyword)` hoort hier niet: \(place.nl)",
                      en: "`\(keyword)` does not belong here: \(place.en)")
    }
    static let onlyInStep = LocalizedText(
        nl: "dit kan alleen binnen een `stap`", en: "this is only allowed inside a `step`")
    static let onlyTopLevel = LocalizedText(
        nl: "dit hoort bovenaan het bestand, buiten een `stap`",
        en: "this belongs at the top level of the file, outside a `step`")
    static let onlyInSheet = LocalizedText(
        nl: "dit kan alleen binnen `blad`", en: "this is only allowed inside `sheet`")
    /// The closing word in the language the block was opened in (`als` → `einde`, `if` → `end`).
    static func endWord(for keyword: String) -> String {
        ["if", "step", "for", "sheet"].contains(keyword.lowercased()) ? "end" : "einde"
    }
    static func unclosed(_ keyword: String) -> LocalizedText {
        let end = endWord(for: keyword)
        return LocalizedText(nl: "`\(keyword)` wordt nergens afgesloten met `\(end)`",
                             en: "`\(keyword)` is never closed with `\(end)`")
    }
    static func unclosedNote(_ line: Int) -> LocalizedText {
        LocalizedText(nl: "het blok loopt door tot regel \(line)",
                      en: "the block runs on until line \(line)")
    }
    static func addEnd(_ keyword: String) -> LocalizedText {
        let end = endWord(for: keyword)
        return LocalizedText(nl: "zet `\(end)` onder de laatste regel van dit `\(keyword)`-blok",
                             en: "put `\(end)` below the last line of this `\(keyword)` block")
    }
    static let endWithoutBlock = LocalizedText(
        nl: "`einde` zonder blok om af te sluiten", en: "`end` without a block to close")
    static let elseWithoutIf = LocalizedText(
        nl: "`anders` zonder `als` ervoor", en: "`else` without an `if` before it")
    static let elseAfterElse = LocalizedText(
        nl: "na `anders` mag geen tweede `anders` komen", en: "a second `else` after `else`")
    static func expected(_ what: LocalizedText, after: String) -> LocalizedText {
        LocalizedText(nl: "verwacht \(what.nl) na `\(after)`", en: "expected \(what.en) after `\(after)`")
    }
    static let aName = LocalizedText(nl: "een naam (bijvoorbeeld `groepsdruk`)", en: "a name (for example `pressure`)")
    static let aTitle = LocalizedText(nl: "een titel tussen aanhalingstekens", en: "a title in quotes")
    static let aPath = LocalizedText(nl: "een bestandsnaam tussen aanhalingstekens", en: "a file name in quotes")
    static let aColon = LocalizedText(nl: "een dubbele punt `:` met daarna de vraag", en: "a colon `:` followed by the question")
    static let aCondition = LocalizedText(nl: "een voorwaarde", en: "a condition")
    static let aLoop = LocalizedText(
        nl: "`elke rol`, `elk lid`, `elke oplossing` of `elk punt in zorgen` (elk punt van het antwoord op de lijstvraag `zorgen`)",
        en: "`each role`, `each member`, `each solution` or `each item in worries` (each item of the answer to the list question `worries`)")
    static let aBudget = LocalizedText(nl: "een tijd zoals `(10 min)`", en: "a time such as `(10 min)`")
    static func unexpected(_ token: String) -> LocalizedText {
        LocalizedText(nl: "onverwacht `\(token)`", en: "unexpected `\(token)`")
    }
    /// `unexpected` with what to write instead, so the message alone is enough to fix the line.
    static func unexpected(_ token: String, _ instead: LocalizedText) -> LocalizedText {
        LocalizedText(nl: "onverwacht `\(token)`: \(instead.nl)", en: "unexpected `\(token)`: \(instead.en)")
    }
    static func nothingAfter(_ what: String, _ token: String) -> LocalizedText {
        nothingAfter(LocalizedText(nl: what, en: what), token)
    }
    static func nothingAfter(_ what: LocalizedText, _ token: String) -> LocalizedText {
        LocalizedText(
            nl: "na \(what.nl) komt niets meer op deze regel; haal `\(token)` weg",
            en: "nothing follows \(what.en) on this line; remove `\(token)`")
    }
    static let theFileName = LocalizedText(nl: "de bestandsnaam", en: "the file name")
    static let joinConditions = LocalizedText(
        nl: "zet `en` of `of` tussen twee voorwaarden, zoals `als druk en niet hulp`",
        en: "put `and` or `or` between two conditions, as in `if pressure and not help`")
    static let slashInCondition = LocalizedText(
        nl: "een `/` kan niet in een voorwaarde; schrijf `en` (allebei) of `of` (één van beide)",
        en: "a `/` cannot stand in a condition; write `and` (both) or `or` (either)")
    static let conditionStart = LocalizedText(
        nl: "een voorwaarde begint met de naam van een vraag, `niet`, `aantal` of `(`, zoals `als groepsdruk`",
        en: "a condition starts with a question's name, `not`, `count` or `(`, as in `if pressure`")
    static let namesNeedCommas = LocalizedText(
        nl: "zet een komma tussen de namen, zoals `toon wat_gebeurde, groepsdruk`",
        en: "put a comma between the names, as in `show what_happened, pressure`")
    static let slashesAreNoComment = LocalizedText(
        nl: "een opmerking begint met `#`, niet met `//`", en: "a comment starts with `#`, not with `//`")
    static func unknownType(_ word: String) -> LocalizedText {
        LocalizedText(nl: "onbekend antwoordtype `\(word)`", en: "unknown answer type `\(word)`")
    }
    static let typeList = LocalizedText(
        nl: "typen: tekst, lang, lijst, ja/nee, keuze, schaal, lid, rol",
        en: "types: text, long, list, yes/no, choice, scale, member, role")
    static func unknownModifier(_ word: String) -> LocalizedText {
        LocalizedText(nl: "`\(word)` past niet bij dit antwoordtype", en: "`\(word)` does not fit this answer type")
    }
    static let modifierHint = LocalizedText(
        nl: "voorbeelden: `(lijst, min 2, max 5)`, `(lang, max 3 min)`, `(schaal 1-10)`",
        en: "examples: `(list, min 2, max 5)`, `(long, max 3 min)`, `(scale 1-10)`")
    static let unclosedParen = LocalizedText(nl: "haakje `(` wordt niet gesloten", en: "`(` is never closed")
    static let unterminatedString = LocalizedText(
        nl: "aanhalingsteken wordt niet gesloten", en: "quote is never closed")
    static func invalidCharacter(_ c: String) -> LocalizedText {
        LocalizedText(nl: "onverwacht teken `\(c)`", en: "unexpected character `\(c)`")
    }
    static let unclosedBrace = LocalizedText(
        nl: "`{` wordt niet gesloten met `}`", en: "`{` is never closed with `}`")
    static let braceHint = LocalizedText(
        nl: "schrijf `{{` voor een losse accolade", en: "write `{{` for a literal brace")
    static let emptyInterpolation = LocalizedText(
        nl: "lege `{}`: zet er een naam tussen", en: "empty `{}`: put a name between the braces")
    static func badInterpolation(_ s: String) -> LocalizedText {
        LocalizedText(nl: "`{\(s)}` is geen naam", en: "`{\(s)}` is not a name")
    }
    static func optionsNotIndented(_ count: Int) -> LocalizedText {
        count == 1
            ? LocalizedText(
                nl: "deze `-` keuze staat niet ingesprongen onder de vraag",
                en: "this `-` option is not indented under its question")
            : LocalizedText(
                nl: "deze \(count) `-` keuzes staan niet ingesprongen onder de vraag",
                en: "these \(count) `-` options are not indented under their question")
    }
    static func optionsWithoutQuestion(_ count: Int) -> LocalizedText {
        count == 1
            ? LocalizedText(
                nl: "deze `-` regel hoort bij geen vraag met keuzes",
                en: "this `-` line belongs to no question with options")
            : LocalizedText(
                nl: "deze \(count) `-` regels horen bij geen vraag met keuzes",
                en: "these \(count) `-` lines belong to no question with options")
    }
    static let optionsHint = LocalizedText(
        nl: "`- …` regels zijn keuzes: zet ze ingesprongen onder een `(keuze)`-vraag of een `stem`; tekst hoort ingesprongen onder `zeg:`",
        en: "`- …` lines are options: indent them under a `(choice)` question or a `vote`; text belongs indented under `say:`")
    static let indentedWithTab = LocalizedText(
        nl: "deze regel springt in met een tab; casus telt een tab tot de volgende kolom van 4 (4, 8, …), je editor misschien anders: gebruik spaties",
        en: "this line is indented with a tab; casus counts a tab up to the next column of 4 (4, 8, …), your editor may differ: use spaces")
    static func textNotIndented(_ owner: String, _ count: Int) -> LocalizedText {
        count == 1
            ? LocalizedText(
                nl: "de tekst onder `\(owner):` staat niet ingesprongen",
                en: "the text under `\(owner):` is not indented")
            : LocalizedText(
                nl: "de \(count) regels tekst onder `\(owner):` staan niet ingesprongen",
                en: "the \(count) lines of text under `\(owner):` are not indented")
    }
    static func indentText(_ owner: String) -> LocalizedText {
        LocalizedText(
            nl: "zet voor elke regel van de tekst vier spaties meer dan voor `\(owner):`",
            en: "put four more spaces before each line of the text than before `\(owner):`")
    }
    static func solutionsAreAList(_ keyword: String, _ type: String) -> LocalizedText {
        LocalizedText(
            nl: "`\(keyword)` is altijd een lijst: laat `\(type)` weg",
            en: "`\(keyword)` is always a list: leave out `\(type)`")
    }
    static func leaveOut(_ written: String) -> LocalizedText {
        LocalizedText(nl: "haal `\(written)` weg", en: "remove `\(written)`")
    }
    static let indentOptions = LocalizedText(
        nl: "zet voor elke `-` regel vier spaties meer dan voor de vraag",
        en: "put four more spaces before each `-` line than before the question")
    static func elseAfterEnd(_ line: Int) -> LocalizedText {
        LocalizedText(
            nl: "`anders` hoort bij de `als` erboven, maar die is al afgesloten met `einde` op regel \(line)",
            en: "`else` belongs to the `if` above, but that was already closed with `end` on line \(line)")
    }
    static let earlyEndHere = LocalizedText(nl: "deze `einde` komt te vroeg", en: "this `end` comes too early")
    static func removeEarlyEnd(_ line: Int) -> LocalizedText {
        LocalizedText(nl: "haal de `einde` op regel \(line) weg", en: "remove the `end` on line \(line)")
    }
    static func rangeInWords(_ written: String, _ range: String) -> LocalizedText {
        LocalizedText(
            nl: "een bereik schrijf je met een streepje: `\(range)`, niet `\(written)`",
            en: "a range is written with a dash: `\(range)`, not `\(written)`")
    }
    static func idWithSpaces(_ written: String) -> LocalizedText {
        LocalizedText(
            nl: "de naam van een vraag is één woord; `\(written)` zijn er meer",
            en: "a question's name is one word; `\(written)` is more than one")
    }
    static func metadataWithoutColon(_ key: String) -> LocalizedText {
        LocalizedText(nl: "na `\(key)` hoort een dubbele punt `:`", en: "`\(key)` needs a colon `:` after it")
    }
    static func eachInOtherWords(_ keyword: String, _ written: String, _ meant: String) -> LocalizedText {
        LocalizedText(
            nl: "na `\(keyword)` schrijf je `\(meant)`, niet `\(written)`", en: "after `\(keyword)`, write `\(meant)`, not `\(written)`")
    }
    static func loopPlural(_ written: String, _ singular: String) -> LocalizedText {
        LocalizedText(
            nl: "een lus noemt er één tegelijk: schrijf `\(singular)`, niet `\(written)`",
            en: "a loop names one at a time: write `\(singular)`, not `\(written)`")
    }
    static func modifierInWords(_ written: String, _ meant: String) -> LocalizedText {
        LocalizedText(
            nl: "tussen de haakjes schrijf je `\(meant)`, niet `\(written)`",
            en: "between the parentheses, write `\(meant)`, not `\(written)`")
    }
    static func loopWithoutIn(_ variable: String, _ list: String) -> LocalizedText {
        LocalizedText(nl: "tussen `\(variable)` en `\(list)` hoort `in`", en: "`in` belongs between `\(variable)` and `\(list)`")
    }
    static func everydayCondition(_ written: String, _ replacement: String) -> LocalizedText {
        LocalizedText(
            nl: "een voorwaarde kent `\(written)` niet; schrijf `\(replacement)`",
            en: "a condition has no `\(written)`; write `\(replacement)`")
    }
    static func notComesFirst(_ replacement: String) -> LocalizedText {
        LocalizedText(
            nl: "`niet` komt vóór wat het omdraait; schrijf `\(replacement)`",
            en: "`not` comes before what it turns round; write `\(replacement)`")
    }
    static let tooDeep = LocalizedText(
        nl: "te diep genest (meer dan \(Parser.maxNesting) blokken in elkaar)",
        en: "nested too deeply (more than \(Parser.maxNesting) blocks)")
    static let lineTooLong = LocalizedText(
        nl: "regel te lang (meer dan \(LimitMessages.number(Parser.maxLineLength, .nl)) tekens)",
        en: "line too long (more than \(LimitMessages.number(Parser.maxLineLength, .en)) characters)")
    static let fileTooLarge = LocalizedText(
        nl: "bestand te groot (meer dan \(Parser.maxFileBytes >> 20) MB)",
        en: "file too large (more than \(Parser.maxFileBytes >> 20) MB)")
    static let loopVariableHint = LocalizedText(
        nl: "bijvoorbeeld `voor elk punt in aanbevelingen`", en: "for example `for each item in recommendations`")
    static let missingValue = LocalizedText(nl: "hier ontbreekt de waarde", en: "the value is missing here")
    static let emptyOption = LocalizedText(nl: "lege keuzemogelijkheid", en: "empty option")
    static let optionsNotAllowed = LocalizedText(
        nl: "keuzemogelijkheden (`- …`) horen alleen onder `keuze` of `stem`",
        en: "options (`- …`) belong only under `choice` or `vote`")
    static let stepInsideBlock = LocalizedText(
        nl: "een `stap` kan niet binnen een ander blok staan", en: "a `step` cannot stand inside another block")
}
