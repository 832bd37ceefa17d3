/// The checker's diagnostic messages, in both languages.
enum CheckerMessages {
    static func readAsWindows1252(_ c: Character) -> LocalizedText {
        LocalizedText(
            nl: "dit bestand is niet als UTF-8 opgeslagen maar in de oude Windows-codering (Windows-1252); casus leest het zo, dus `\(c)` staat er zoals bedoeld",
            en: "this file is not saved as UTF-8 but in the old Windows encoding (Windows-1252); casus reads it as that, so `\(c)` reads as meant")
    }
    static let readAsUTF16 = LocalizedText(
        nl: "dit bestand is als UTF-16 (\"Unicode\") opgeslagen; casus leest het zo, maar verwacht UTF-8",
        en: "this file is saved as UTF-16 (\"Unicode\"); casus reads it as that, but expects UTF-8")
    static let saveAsUTF8 = LocalizedText(
        nl: "sla het op als UTF-8, dan verdwijnt deze waarschuwing: in Kladblok met Opslaan als → Codering: UTF-8; in Word met Opslaan als → Tekst zonder opmaak → Unicode (UTF-8); in LibreOffice met Opslaan als → Tekstcodering bewerken → UTF-8; of laat `casus fmt --write BESTAND` het doen",
        en: "save it as UTF-8 and this warning goes: in Notepad with Save As → Encoding: UTF-8; in Word with Save As → Plain Text → Unicode (UTF-8); in LibreOffice with Save As → Edit filter settings → UTF-8; or let `casus fmt --write FILE` do it")
    static func unreadable(_ reason: SourceReadError) -> LocalizedText {
        switch reason {
        case .notFound: LocalizedText(nl: "bestand niet gevonden", en: "file not found")
        case .isDirectory: LocalizedText(nl: "dit is een map, geen scenario", en: "this is a folder, not a scenario")
        case .notRegularFile:
            LocalizedText(
                nl: "dit is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat); casus leest alleen gewone bestanden",
                en: "this is not a regular file (but e.g. a pipe or a device); casus reads regular files only")
        case .unreadable(let why): LocalizedText(nl: "bestand niet te lezen: \(why)", en: "cannot read file: \(why)")
        }
    }
    static let metadataInInclude = LocalizedText(
        nl: "een ingevoegd bestand heeft geen gegevens zoals `titel:`; zet die in het hoofdbestand",
        en: "an included file has no metadata such as `title:`; put it in the main file")
    static func includedTwice(_ p: String) -> LocalizedText {
        LocalizedText(
            nl: "`\(p)` is al eerder ingevoegd; alles erin zou er dan twee keer staan",
            en: "`\(p)` is already included; everything in it would be there twice")
    }
    static let firstIncludedHere = LocalizedText(nl: "hier is het al ingevoegd", en: "it is included here")
    static let removeSecondInclude = LocalizedText(nl: "haal deze `invoegen`-regel weg", en: "remove this `include` line")
    static func moreMetadataLines(_ lines: [Int]) -> LocalizedText {
        let list = lines.map(String.init).joined(separator: ", ")
        return LocalizedText(nl: "ook op regel \(list)", en: "also on line \(list)")
    }
    static let moveMetadata = LocalizedText(
        nl: "zet gegevens als `titel:` en `taal:` alleen in het hoofdbestand, en haal ze hier weg",
        en: "put metadata such as `title:` and `language:` in the main file only, and remove it here")
    static func includeOutside(_ p: String) -> LocalizedText {
        LocalizedText(nl: "`\(p)` ligt buiten de map van het scenario", en: "`\(p)` lies outside the scenario's folder")
    }
    static func includeCycle(_ p: String, direct: Bool) -> LocalizedText {
        direct
            ? LocalizedText(
                nl: "`\(p)` voegt zichzelf in; haal deze regel weg", en: "`\(p)` includes itself; remove this line")
            : LocalizedText(
                nl: "`\(p)` voegt, via de bestanden die het invoegt, zichzelf weer in; haal één van die `invoegen`-regels weg",
                en: "`\(p)` includes itself through the files it includes; remove one of those `include` lines")
    }
    static func cycleChain(_ chain: String) -> LocalizedText {
        LocalizedText(nl: "kring: \(chain)", en: "cycle: \(chain)")
    }
    static func includeTooDeep(_ n: Int) -> LocalizedText {
        LocalizedText(nl: "invoegingen zijn meer dan \(n) lagen diep", en: "includes nest more than \(n) levels deep")
    }
    static func tooManyIncludes(_ n: Int) -> LocalizedText {
        LocalizedText(nl: "meer dan \(n) ingevoegde bestanden", en: "more than \(n) included files")
    }
    static func includeUnreadable(_ p: String, _ r: SourceReadError) -> LocalizedText {
        let why = unreadable(r)
        return LocalizedText(nl: "kan `\(p)` niet invoegen: \(why.nl)", en: "cannot include `\(p)`: \(why.en)")
    }
    static func duplicateMetadata(_ k: String) -> LocalizedText {
        LocalizedText(nl: "`\(k)` staat er twee keer", en: "`\(k)` is given twice")
    }
    static let firstHere = LocalizedText(nl: "de eerste staat hier", en: "the first is here")
    static let missingTitle = LocalizedText(nl: "het scenario heeft geen `titel:`", en: "the scenario has no `title:`")
    static let addTitle = LocalizedText(nl: "zet bovenaan bijvoorbeeld `titel: Afpersing via sociale media`",
                                        en: "add at the top, for example `title: Extortion on social media`")
    static func badLanguage(_ v: String) -> LocalizedText {
        LocalizedText(nl: "onbekende taal `\(v)`; kies `nl` of `en`", en: "unknown language `\(v)`; choose `nl` or `en`")
    }
    static func badAudience(_ v: String) -> LocalizedText {
        LocalizedText(nl: "doelgroep `\(v)` begint niet met `vo` of `po`", en: "audience `\(v)` does not start with `vo` or `po`")
    }
    static let audienceHint = LocalizedText(nl: "bijvoorbeeld `doelgroep: vo, havo 4` of `doelgroep: po, groep 8`",
                                            en: "for example `audience: vo, havo 4` or `audience: po, groep 8`")
    static func badDuration(_ v: String) -> LocalizedText {
        LocalizedText(nl: "`\(v)` is geen duur; schrijf bijvoorbeeld `50 min`", en: "`\(v)` is not a duration; write for example `50 min`")
    }
    static func badMembers(_ v: String) -> LocalizedText {
        LocalizedText(nl: "`\(v)` is geen aantal leden; schrijf bijvoorbeeld `2-6` (tussen 1 en 12)",
                      en: "`\(v)` is not a number of members; write for example `2-6` (between 1 and 12)")
    }
    static func unknownJob(_ v: String) -> LocalizedText {
        LocalizedText(nl: "onbekende taak `\(v)`; taken zijn notulist, presentator en tijdbewaker",
                      en: "unknown job `\(v)`; jobs are scribe, presenter and timekeeper")
    }
    static func didYouMean(_ w: String) -> LocalizedText { ParserMessages.didYouMean(w) }
    static func duplicate(_ kind: LocalizedText, _ name: String) -> LocalizedText {
        LocalizedText(nl: "\(kind.nl) `\(name)` bestaat al", en: "\(kind.en) `\(name)` already exists")
    }
    static let aRole = LocalizedText(nl: "rol", en: "role")
    static let anInfo = LocalizedText(nl: "info", en: "info")
    static let aQuestion = LocalizedText(nl: "vraag", en: "question")
    static func reserved(_ name: String) -> LocalizedText {
        LocalizedText(nl: "`\(name)` is al een vaste naam in casus; kies een andere", en: "`\(name)` is a built-in name in casus; choose another")
    }
    static func clashesWithRole(_ name: String) -> LocalizedText {
        LocalizedText(nl: "`\(name)` is al de naam van een rol", en: "`\(name)` is already the name of a role")
    }
    static let noSolutionsQuestion = LocalizedText(
        nl: "er zijn hier nog geen oplossingen: de `oplossingen`-vraag ontbreekt", en: "there are no solutions here yet: the `solutions` question is missing")
    static let askSolutionsFirst = LocalizedText(
        nl: "vraag ze eerder in het scenario, bijvoorbeeld `oplossingen (max 5): Welke oplossingen bedenken jullie?`",
        en: "ask for them earlier in the scenario, for example `solutions (max 5): Which solutions can you think of?`")
    static func undefined(_ name: String) -> LocalizedText {
        LocalizedText(nl: "`\(name)` is niet bekend", en: "`\(name)` is not defined")
    }
    static func usedBeforeAsked(_ name: String) -> LocalizedText {
        LocalizedText(nl: "`\(name)` wordt gebruikt voordat de vraag gesteld is", en: "`\(name)` is used before its question is asked")
    }
    static let askedHere = LocalizedText(nl: "de vraag wordt pas hier gesteld", en: "the question is only asked here")
    static func unknownRole(_ name: String) -> LocalizedText {
        LocalizedText(nl: "onbekende rol `\(name)`", en: "unknown role `\(name)`")
    }
    static func perLoop(_ name: String, _ loop: LocalizedText) -> LocalizedText {
        LocalizedText(nl: "`\(name)` heeft een antwoord per \(loop.nl); gebruik het binnen die lus",
                      en: "`\(name)` has one answer per \(loop.en); use it inside that loop")
    }
    static func loopName(_ source: LoopSource) -> LocalizedText {
        switch source {
        case .roles: LocalizedText(nl: "rol", en: "role")
        case .members: LocalizedText(nl: "lid", en: "member")
        case .solutions: LocalizedText(nl: "oplossing", en: "solution")
        case .items(_, let list): LocalizedText(nl: "punt van `\(list.name)`", en: "item of `\(list.name)`")
        }
    }
    static let effectOutsideLoops = LocalizedText(
        nl: "`effect` hoort binnen `voor elke oplossing` én `voor elke rol`",
        en: "`effect` belongs inside both `for each solution` and `for each role`")
    /// How to put an `effect` inside the loops it lacks (`missing`: solutions, roles or both).
    static func wrapEffect(missing: [LoopSource]) -> LocalizedText {
        let nl = missing.map { "`voor elke \(loopName($0).nl)`" }
        let en = missing.map { "`for each \(loopName($0).en)`" }
        if nl.count == 2 {
            return LocalizedText(
                nl: "zet er \(nl[0]) en daaronder \(nl[1]) boven, en twee keer `einde` onder",
                en: "put \(en[0]) and below it \(en[1]) above it, and `end` twice below it")
        }
        return LocalizedText(
            nl: "zet er \(nl.first ?? "") boven en `einde` onder", en: "put \(en.first ?? "") above it and `end` below it")
    }
    static let voteWithoutOptions = LocalizedText(
        nl: "`stem` heeft geen keuzes: vraag eerst de `oplossingen` of zet `- keuzes` eronder",
        en: "`vote` has nothing to vote on: ask the `solutions` first or list `- options` below it")
    static let choiceWithoutOptions = LocalizedText(
        nl: "een `keuze` heeft keuzemogelijkheden nodig: zet `- …`-regels eronder",
        en: "a `choice` needs options: put `- …` lines below it")
    static let secondSolutions = LocalizedText(
        nl: "er mag maar één `oplossingen`-vraag zijn", en: "there can be only one `solutions` question")
    static func notAList(_ name: String) -> LocalizedText {
        LocalizedText(nl: "`\(name)` is geen lijst; `voor elk … in` werkt alleen met een `lijst`-vraag",
                      en: "`\(name)` is not a list; `for each … in` only works with a `list` question")
    }
    static func sameLoopNested(_ loop: LocalizedText) -> LocalizedText {
        LocalizedText(nl: "een lus over elke \(loop.nl) binnen een lus over elke \(loop.nl)",
                      en: "a loop over each \(loop.en) inside a loop over each \(loop.en)")
    }
    static func loopVariableClash(_ name: String) -> LocalizedText {
        LocalizedText(nl: "lusnaam `\(name)` is al in gebruik", en: "loop name `\(name)` is already in use")
    }
    static let noRoles = LocalizedText(nl: "er zijn geen rollen om langs te gaan; voeg `rol …:` toe",
                                       en: "there are no roles to loop over; add `role …:`")
    static func notACondition(_ name: String, _ type: LocalizedText) -> LocalizedText {
        LocalizedText(nl: "`\(name)` is een \(type.nl) en geen ja/nee-antwoord; een voorwaarde moet waar of onwaar zijn",
                      en: "`\(name)` is \(article(type.en)) \(type.en), not a yes/no answer; a condition must be true or false")
    }
    /// "a" or "an" before an English type name.
    static func article(_ word: String) -> String {
        "aeiou".contains(word.first ?? "x") ? "an" : "a"
    }
    static func unknownEffect(_ v: String) -> LocalizedText {
        LocalizedText(nl: "\"\(v)\" is geen effect; een effect is `++`, `+`, `0`, `-` of `--`",
                      en: "\"\(v)\" is not an effect; an effect is `++`, `+`, `0`, `-` or `--`")
    }
    static let yesNoHint = LocalizedText(
        nl: "vergelijk een ja/nee-antwoord met `ja` of `nee`, of gebruik het los: `als groepsdruk`",
        en: "compare a yes/no answer with `yes` or `no`, or use it on its own: `if pressure`")
    static let caseTwice = LocalizedText(
        nl: "er staat al een `casus:`; een scenario heeft één casustekst", en: "there is already a `case:`; a scenario has one case text")
    static let compareHint = LocalizedText(nl: "vergelijk het, bijvoorbeeld `x = \"…\"` of `aantal x > 0`",
                                           en: "compare it, for example `x = \"…\"` or `count x > 0`")
    static func typeMismatch(_ left: LocalizedText, _ right: LocalizedText) -> LocalizedText {
        LocalizedText(nl: "kan een \(left.nl) niet vergelijken met een \(right.nl)",
                      en: "cannot compare \(article(left.en)) \(left.en) with \(article(right.en)) \(right.en)")
    }
    static func unknownOption(_ v: String, _ q: String) -> LocalizedText {
        LocalizedText(nl: "\"\(v)\" is geen keuze van `\(q)`", en: "\"\(v)\" is not an option of `\(q)`")
    }
    static func orderNeedsNumbers(_ op: String) -> LocalizedText {
        LocalizedText(nl: "`\(op)` werkt alleen met getallen", en: "`\(op)` only works with numbers")
    }
    static func countOfNonList(_ name: String) -> LocalizedText {
        LocalizedText(nl: "`aantal` werkt met een lijst, `oplossingen` of `leden`, niet met `\(name)`",
                      en: "`count` works with a list, `solutions` or `members`, not with `\(name)`")
    }
    static let noSteps = LocalizedText(nl: "het scenario heeft geen enkele `stap`", en: "the scenario has no `step`")
    static let stepWithoutQuestions = LocalizedText(nl: "deze stap stelt geen vragen", en: "this step asks no questions")
    static func budgetsExceedDuration(_ sum: Int, _ duration: Int) -> LocalizedText {
        LocalizedText(nl: "de stappen duren samen \(sum) min, meer dan `duur` (\(duration) min)",
                      en: "the steps take \(sum) min together, more than `duration` (\(duration) min)")
    }
    static func neverShown(_ name: String) -> LocalizedText {
        LocalizedText(nl: "het antwoord `\(name)` wordt nergens gebruikt en staat niet op het blad",
                      en: "the answer `\(name)` is never used and not shown on the sheet")
    }
    static let addToSheet = LocalizedText(nl: "zet het in `blad` met `toon`", en: "add it to `sheet` with `show`")
    static let emptyPrompt = LocalizedText(nl: "deze vraag heeft geen vraagtekst", en: "this question has no text")
    static func scaleRange(_ a: Int, _ b: Int) -> LocalizedText {
        LocalizedText(nl: "schaal \(a)-\(b): het eerste getal moet kleiner zijn", en: "scale \(a)-\(b): the first number must be smaller")
    }
    static let listRange = LocalizedText(nl: "`min` is groter dan `max`", en: "`min` is larger than `max`")
    static func zeroBudget(_ title: String) -> LocalizedText {
        LocalizedText(nl: "stap \"\(title)\" heeft 0 minuten", en: "step \"\(title)\" has 0 minutes")
    }
    static let emptyCase = LocalizedText(nl: "het scenario heeft geen `casus:`-tekst", en: "the scenario has no `case:` text")
}
