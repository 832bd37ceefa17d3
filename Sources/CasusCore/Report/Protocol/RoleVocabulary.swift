/// The school roles a step plan's "wie" answers name ("De mentor, met de teamleider"), for
/// the "wie doet wat" table: known roles in Dutch and English, found as words in the answer
/// (longest first, so "zorgcoördinator" is not also a "coördinator"); an answer naming none
/// of them is a role of its own, as written.
enum RoleVocabulary {
    /// Folded spellings (lowercase, no diacritics) with the name the table shows.
    static let roles: [(spelling: String, name: String)] = [
        ("anti-pestcoordinator", "anti-pestcoördinator"), ("antipestcoordinator", "anti-pestcoördinator"),
        ("pestcoordinator", "anti-pestcoördinator"), ("anti-bullying coordinator", "anti-bullying coordinator"),
        ("zorgcoordinator", "zorgcoördinator"), ("care coordinator", "care coordinator"),
        ("ict-coordinator", "ICT-coördinator"), ("vertrouwenspersoon", "vertrouwenspersoon"),
        ("confidential adviser", "confidential adviser"), ("teamleider", "teamleider"), ("team leader", "team leader"),
        ("mentoren", "mentor"), ("mentor", "mentor"), ("leerkrachten", "leerkracht"), ("leerkracht", "leerkracht"),
        ("docenten", "docent"), ("docent", "docent"), ("vakdocenten", "vakdocent"), ("vakdocent", "vakdocent"),
        ("coordinator", "coördinator"), ("receptie", "receptie"), ("wie de melding ontvangt", "wie de melding ontvangt"), ("teacher", "teacher"), ("collega", "collega"),
        ("directie", "directie"), ("schoolleiding", "schoolleiding"), ("directeur", "directeur"), ("principal", "principal"),
        ("conciërge", "conciërge"), ("concierge", "conciërge"), ("ouders", "ouders"), ("parents", "parents"),
        ("leerlingen", "leerlingen"), ("leerling", "leerlingen"), ("pupils", "pupils"), ("pupil", "pupils"),
        ("slachtoffer", "slachtoffer"), ("victim", "victim"), ("pester", "pester"), ("bully", "bully"),
        ("wijkagent", "wijkagent"), ("politie", "politie"), ("police", "police"), ("jeugdarts", "jeugdarts"),
        ("schoolmaatschappelijk werk", "schoolmaatschappelijk werk"), ("medezeggenschapsraad", "medezeggenschapsraad"),
        ("leerlingenraad", "leerlingenraad"), ("team", "team"),
    ].sorted { $0.0.count > $1.0.count }

    /// Lowercased, with é, ë, ö … as their plain letters.
    static func fold(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.map { scalar in
            switch scalar {
            case "á", "à", "ä", "â": "a"
            case "é", "è", "ë", "ê": "e"
            case "í", "ì", "ï", "î": "i"
            case "ó", "ò", "ö", "ô": "o"
            case "ú", "ù", "ü", "û": "u"
            default: scalar
            }
        }))
    }

    /// The roles `who` names, in the order written.
    static func named(in who: String) -> [String] {
        var text = Array(fold(who).unicodeScalars)
        var found: [(at: Int, name: String)] = []
        for (spelling, name) in roles {
            let s = Array(spelling.unicodeScalars)
            var i = 0
            while i + s.count <= text.count {
                let startsWord = i == 0 || !isLetter(text[i - 1])
                let endsWord = i + s.count == text.count || !isLetter(text[i + s.count])
                if startsWord, endsWord, Array(text[i..<(i + s.count)]) == s {
                    found.append((i, name))
                    // Taken: a shorter spelling inside it is not found again.
                    for k in i..<(i + s.count) { text[k] = " " }
                    i += s.count
                } else {
                    i += 1
                }
            }
        }
        let names = found.sorted { $0.at < $1.at }.map(\.name).uniqued()
        return names.isEmpty ? [ProtocolDocument.oneLine(who)] : names
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || c == "-" }

    /// Every role named in the step plan's details, with the steps it has.
    static func table(_ steps: [ProtocolDocument.Point]) -> [ProtocolDocument.RoleRow] {
        var rows: [ProtocolDocument.RoleRow] = []
        for step in steps {
            for mention in step.mentions {
                guard let detail = mention.detail else { continue }
                for role in named(in: detail) {
                    let task = ProtocolDocument.Mention(group: mention.group, detail: nil)
                    let r = rows.firstIndex { Report.normalized($0.role) == Report.normalized(role) } ?? {
                        rows.append(ProtocolDocument.RoleRow(role: role, tasks: []))
                        return rows.count - 1
                    }()
                    if let t = rows[r].tasks.firstIndex(where: { $0.text == step.text }) {
                        if !rows[r].tasks[t].groups.contains(mention.group) { rows[r].tasks[t].mentions.append(task) }
                    } else {
                        rows[r].tasks.append(ProtocolDocument.Point(text: step.text, mentions: [task]))
                    }
                }
            }
        }
        return rows
    }
}
