import CasusCore

/// Every word the facilitator's pages show, in Dutch and English.
enum PageText {
    static let room = LocalizedText(nl: "Zaal", en: "Room")
    static let overview = LocalizedText(nl: "Overzicht", en: "Overview")
    static let plenary = LocalizedText(nl: "Plenair", en: "Plenary")
    static let report = LocalizedText(nl: "Verslag", en: "Report")
    static let joinCode = LocalizedText(nl: "Code voor de groepen", en: "Code for the groups")
    static let address = LocalizedText(nl: "Adres voor de groepen", en: "Address for the groups")
    static let joinHow = LocalizedText(nl: "Groepen doen mee met", en: "Groups join with")
    static let callBack = LocalizedText(nl: "Terug naar de zaal", en: "Back to the room")
    static let messagePlaceholder = LocalizedText(nl: "Over 2 minuten plenair", en: "Plenary in 2 minutes")
    static let messageHelp = LocalizedText(
        nl: "Elke groep ziet dit bericht bij de volgende vraag.", en: "Every group sees this message at its next question.")
    static let sent = LocalizedText(nl: "Verstuurd", en: "Sent")
    static let noGroups = LocalizedText(
        nl: "Nog geen groepen. Een groep doet mee zodra ze casus play start met het adres en de code.",
        en: "No groups yet. A group joins once it starts casus play with the address and the code.")
    static let group = LocalizedText(nl: "Groep", en: "Group")
    static let scenario = LocalizedText(nl: "Scenario", en: "Scenario")
    static let step = LocalizedText(nl: "Stap", en: "Step")
    static let timeLeft = LocalizedText(nl: "Tijd over", en: "Time left")
    static let answers = LocalizedText(nl: "Antwoorden", en: "Answers")
    static let lastActivity = LocalizedText(nl: "Laatste activiteit", en: "Last activity")
    static let finished = LocalizedText(nl: "Klaar", en: "Finished")
    static let topic = LocalizedText(nl: "Onderwerp", en: "Topic")
    static let yes = LocalizedText(nl: "ja", en: "yes")
    static let no = LocalizedText(nl: "nee", en: "no")
    static let notStarted = LocalizedText(nl: "nog niet begonnen", en: "not started yet")
    static let noSetup = LocalizedText(nl: "(nog geen naam)", en: "(no name yet)")
    /// `{t}` is replaced by how long.
    static let quiet = LocalizedText(nl: "al {t} niet gehoord", en: "not heard from for {t}")
    static let over = LocalizedText(nl: "over de tijd", en: "over time")
    static let secondsAgo = LocalizedText(nl: "{t} s geleden", en: "{t} s ago")
    static let minutesAgo = LocalizedText(nl: "{t} min geleden", en: "{t} min ago")
    static let seconds = LocalizedText(nl: "{t} s", en: "{t} s")
    static let minutes = LocalizedText(nl: "{t} min", en: "{t} min")
    static let live = LocalizedText(nl: "live", en: "live")
    static let offline = LocalizedText(nl: "verbinding met de zaal weg — probeert opnieuw", en: "connection to the room lost — retrying")
    static let previous = LocalizedText(nl: "Vorige groep", en: "Previous group")
    static let next = LocalizedText(nl: "Volgende groep", en: "Next group")
    static let clockStart = LocalizedText(nl: "Start", en: "Start")
    static let clockPause = LocalizedText(nl: "Pauze", en: "Pause")
    static let clockReset = LocalizedText(nl: "Opnieuw", en: "Reset")
    static let presentation = LocalizedText(nl: "Presentatie", en: "Presentation")
    static let downloadMarkdown = LocalizedText(nl: "Download Markdown", en: "Download Markdown")
    static let downloadHTML = LocalizedText(nl: "Download HTML", en: "Download HTML")
    static let reportHelp = LocalizedText(
        nl: "Het verslag van alle groepen samen (hetzelfde als casus report); het werkt zich bij zodra er antwoorden binnenkomen.",
        en: "The report of all groups together (the same as casus report); it updates as answers come in.")
    static let forbidden = LocalizedText(
        nl: "Deze link is niet (meer) geldig. Gebruik de link die casus room liet zien.",
        en: "This link is not valid. Use the link casus room printed.")
    static let notFound = LocalizedText(
        nl: "Deze pagina bestaat niet. Gebruik de hele link die casus room liet zien (…/f/ en 32 tekens).",
        en: "This page does not exist. Use the whole link casus room printed (…/f/ and 32 characters).")
    static let home = LocalizedText(
        nl: "Dit is een zaal van casus. Groepen doen mee met casus play --room en de code; de begeleider gebruikt de eigen link.",
        en: "This is a casus room. Groups join with casus play --room and the code; the facilitator uses their own link.")
    static let changeTopic = LocalizedText(nl: "Onderwerp wijzigen voor", en: "Change topic for")
}
