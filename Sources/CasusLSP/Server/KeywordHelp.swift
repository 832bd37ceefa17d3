import CasusCore

/// One line per keyword for hover, as docs/language.md explains it.
enum KeywordHelp {
    static func text(_ name: String) -> LocalizedText? {
        switch name {
        case "caseText": LocalizedText(nl: "Het verhaal van de casus; getoond bij de start en met :casus.", en: "The story of the case; shown at the start and with :case.")
        case "role": LocalizedText(nl: "Een rol: id, naam na de dubbele punt, eventueel een ingesprongen beschrijving; :rollen toont ze.", en: "A role: id, name after the colon, optionally an indented description; :roles shows them.")
        case "info": LocalizedText(nl: "Achtergrondtekst die de groep opvraagt met :info naam.", en: "Background text the group asks for with :info name.")
        case "note": LocalizedText(nl: "Notitie voor de begeleider; nooit getoond tijdens het spel (casus check --notes).", en: "A note for the facilitator; never shown during play (casus check --notes).")
        case "include": LocalizedText(nl: "Voegt een ander .casus-bestand uit dezelfde map (of eronder) hier in.", en: "Splices another .casus file from the same folder (or below) in here.")
        case "step": LocalizedText(nl: "Een stap met titel en tijdsbudget, bijvoorbeeld stap \"Verkennen\" (10 min) … einde.", en: "A step with a title and a time budget, e.g. step \"Explore\" (10 min) … end.")
        case "sheet": LocalizedText(nl: "Welke delen het presentatieblad toont, in welke volgorde (kop:, toon …).", en: "Which parts the presentation sheet shows, in which order (heading:, show …).")
        case "say": LocalizedText(nl: "Tekst voor de groep; {naam} wordt ingevuld tijdens het spel.", en: "Text for the group; {name} is filled in during play.")
        case "ask": LocalizedText(nl: "Een vraag met een vaste id en een antwoordtype: vraag id (type): vraagtekst.", en: "A question with a stable id and an answer type: ask id (type): prompt.")
        case "solutions": LocalizedText(nl: "De lijst oplossingen die de groep bedenkt; daarna te gebruiken in voor elke oplossing.", en: "The list of solutions the group comes up with; then usable in for each solution.")
        case "effect": LocalizedText(nl: "Het effect van een oplossing op een rol (++ + 0 - --), binnen voor elke oplossing en voor elke rol.", en: "The effect of a solution on a role (++ + 0 - --), inside for each solution and for each role.")
        case "vote": LocalizedText(nl: "Elk lid stemt; de opties zijn de oplossingen tenzij er opties onder staan.", en: "Every member votes; the options are the solutions unless listed below.")
        case "if": LocalizedText(nl: "Alleen als de voorwaarde klopt: als groepsdruk … anders … einde.", en: "Only when the condition holds: if peer_pressure … else … end.")
        case "else": LocalizedText(nl: "De andere tak van een als-blok (anders als voorwaarde, of anders).", en: "The other branch of an if block (else if condition, or else).")
        case "end": LocalizedText(nl: "Sluit stap, als, voor elke en blad af.", en: "Closes step, if, for each and sheet.")
        case "forEach": LocalizedText(nl: "Herhaalt voor elke rol, elk lid, elke oplossing of elk punt in een lijst.", en: "Repeats for each role, member, solution, or item in a list answer.")
        case "heading": LocalizedText(nl: "Een kop op het presentatieblad.", en: "A heading on the presentation sheet.")
        case "show": LocalizedText(nl: "Toont antwoorden of vaste delen (casus, rollen, effecten, stemming, tijden, groep) op het blad.", en: "Shows answers or built-in parts (case, roles, effects, votes, times, group) on the sheet.")
        default: nil
        }
    }

    /// How an answer type is written in `language`.
    static func typeName(_ type: AnswerType, _ language: Language) -> String {
        let nl = language == .nl
        switch type {
        case .text: return nl ? "tekst" : "text"
        case .longText: return nl ? "lang" : "long"
        case .list: return nl ? "lijst" : "list"
        case .yesNo: return nl ? "ja/nee" : "yes/no"
        case .choice: return nl ? "keuze" : "choice"
        case .scale(let min, let max): return (nl ? "schaal" : "scale") + " \(min)-\(max)"
        case .member: return nl ? "lid" : "member"
        case .role: return nl ? "rol" : "role"
        case .effect: return "effect"
        case .vote: return nl ? "stem" : "vote"
        }
    }
}
