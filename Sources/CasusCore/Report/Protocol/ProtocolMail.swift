/// The mail to the team after the session ("Iedereen ontvangt dan een mail met de
/// uitwerking"): the follow-up moment (the groups' proposals, and the latest day within the
/// two weeks the guide advises), what was agreed per section, what is still open. casus only
/// writes the text; the facilitator sends it.
public enum ProtocolMail {
    /// `session` is the day of the session; the follow-up is due within 14 days of it.
    public static func render(_ doc: ProtocolDocument, session: CivilDay, language: Language) -> String {
        let l = ProtocolLabels(language)
        let t = l.t
        let due = session.adding(days: 14)
        var out: [String] = []
        out.append(t("Onderwerp: Terugkoppeling teamsessie (online) pesten: ons concept-antipestprotocol",
                     "Subject: Follow-up of the team session on (online) bullying: our draft anti-bullying protocol"))
        out.append("")
        out.append(t("Beste collega's,", "Dear colleagues,"))
        out.append("")
        out.append(t("Dank voor jullie inbreng in de teamsessie over (online) pesten van \(session.text(language)). Zoals afgesproken koppelen we binnen twee weken terug, uiterlijk \(due.text(language)).",
                     "Thank you for your input in the team session on (online) bullying on \(session.text(language)). As agreed, we will follow up within two weeks, by \(due.text(language)) at the latest."))
        if !doc.followUp.isEmpty {
            out.append("")
            out.append(t("Voorgesteld moment van terugkoppeling:", "Proposed moment for the follow-up:"))
            for p in doc.followUp { out.append("- \(p.text) (\(p.groups.joined(separator: ", ")))") }
        }
        out.append("")
        out.append(t("Wat we hebben afgesproken:", "What we agreed:"))
        for s in doc.sections where !s.isOpen && s.section != .adoption {
            out.append("")
            out.append("\(s.section.rawValue). \(s.section.title.text(language))")
            // Not numbered: merged step plans of several groups are no single sequence.
            for p in s.points {
                let who = p.mentions.compactMap(\.detail).uniqued()
                out.append("   - \(p.text) (\(p.groups.joined(separator: ", "))" + (who.isEmpty ? "" : "; \(l.role.lowercased()): \(who.joined(separator: " "))") + ")")
            }
        }
        if !doc.roles.isEmpty {
            out.append("")
            out.append(l.whoDoesWhat + ":")
            for row in doc.roles { out.append("- \(row.role): \(row.tasks.map(\.text).joined(separator: "; "))") }
        }
        let openRequirements = doc.checklist.filter { !$0.isMet }
        if !doc.openSections.isEmpty || !openRequirements.isEmpty {
            out.append("")
            out.append(t("Nog open, daar komen we op terug:", "Still open, we will come back to these:"))
            for s in doc.openSections { out.append("- \(s.title.text(language))") }
            for r in openRequirements { out.append("- \(l.requirement(r.requirement))") }
        }
        out.append("")
        out.append(t("In de bijlage staat het concept-antipestprotocol. Het wordt uitgewerkt in samenwerking met de schoolleiding en daarna in een teambijeenkomst gepresenteerd en doorgenomen, zodat iedereen weet wat hij of zij kan doen en iedereen op dezelfde wijze handelt. We denken ook aan een leerlingenbijeenkomst en een ouderavond over het protocol.",
                     "The draft anti-bullying protocol is attached. It is worked out together with the school leadership and then presented and discussed in a team meeting, so that everyone knows what to do and everyone acts the same way. We are also thinking of a pupils' meeting and a parents' evening about the protocol."))
        out.append("")
        out.append(t("Met vriendelijke groet,", "Kind regards,"))
        out.append("")
        out.append(t("[naam]", "[name]"))
        return TextSafety.sanitize(out.joined(separator: "\n") + "\n")
    }
}
