/// The commented starter scenario written by `casus new`, in Dutch or English. It checks
/// clean and shows every common construct.
public enum StarterScenario {
    public static func text(_ language: Language) -> String {
        language == .nl ? dutch : english
    }

    static let dutch = """
        # Een nieuw scenario. Regels met # zijn commentaar; casus leest ze niet.
        # Controleer het bestand met: casus check BESTAND   Test het met: casus test BESTAND
        titel: Mijn casus
        doelgroep: vo, havo 3
        taal: nl
        duur: 30 min
        leden: 2-6

        # De casus: de tekst die ingesprongen onder `casus:` staat.
        casus:
            Beschrijf hier de situatie, zonder echte namen.

        # Rollen: een id (voor in de code en {slachtoffer}) en een naam.
        rol slachtoffer: de leerling die gepest wordt
        rol pester: de leerling die pest
            Een omschrijving mag eronder, ingesprongen.
        rol omstanders: de klasgenoten

        # Een notitie is alleen voor de begeleider.
        notitie:
            Maak groepjes van vier.

        stap "Verkennen" (10 min)
            zeg: Lees de casus samen. Typ :casus om hem nog eens te zien.
            vraag wat_gebeurde (lang): Wat gebeurde er precies?
            vraag ernst (schaal 1-5): Hoe ernstig is het?
            vraag groepsdruk (ja/nee): Was er groepsdruk?
            # Een voorwaarde: alleen bij ja.
            als groepsdruk
                vraag hoe_druk (tekst): Hoe werd er druk uitgeoefend?
            anders
                zeg: Kijk nog eens naar wie meedoet of zwijgt.
            einde
            vraag aanpak (keuze): Wie neemt de leiding?
                - de mentor
                - de teamleider
            # Voor elke rol: de vraag wordt per rol gesteld.
            voor elke rol
                vraag beleving (tekst): Hoe beleeft {rol} dit?
            einde
        einde

        stap "Oplossingen" (15 min)
            oplossingen (min 2): Welke oplossingen bedenken jullie? Eén per regel.
            voor elke oplossing
                voor elke rol
                    effect: Wat doet "{oplossing}" met {rol}?
                einde
            einde
            # Iedereen stemt; bij gelijke stand kiest de groep.
            stem gekozen: Welke oplossing kiezen jullie?
            # Ieder lid komt om de beurt aan het woord.
            voor elk lid
                vraag bijdrage (tekst): {lid}, wat doe jij morgen anders?
            einde
            vraag pitch (lang, max 3 min): Jullie presentatie van ten hoogste drie minuten.
        einde

        # Het blad: wat de presentatie laat zien, in deze volgorde.
        blad
            kop: Onze casus
            toon groep, casus, rollen
            kop: Wat we zagen
            toon wat_gebeurde, ernst, groepsdruk, hoe_druk, aanpak, beleving
            kop: Onze oplossing
            toon oplossingen, effecten, stemming, bijdrage, pitch, tijden
        einde

        """

    static let english = """
        # A new scenario. Lines starting with # are comments; casus does not read them.
        # Check the file with: casus check FILE   Test it with: casus test FILE
        title: My case
        audience: vo, havo 3
        language: en
        duration: 30 min
        members: 2-6

        # The case: the text indented under `case:`.
        case:
            Describe the situation here, without real names.

        # Roles: an id (used in code and as {victim}) and a name.
        role victim: the pupil who is bullied
        role bully: the pupil who bullies
            A description may follow, indented.
        role bystanders: the classmates

        # A note is for the facilitator only.
        note:
            Make groups of four.

        step "Explore" (10 min)
            say: Read the case together. Type :case to see it again.
            ask what_happened (long): What exactly happened?
            ask severity (scale 1-5): How serious is it?
            ask peer_pressure (yes/no): Was there peer pressure?
            # A condition: only when the answer is yes.
            if peer_pressure
                ask how_pressure (text): How was pressure applied?
            else
                say: Look again at who joins in or stays silent.
            end
            ask lead (choice): Who takes the lead?
                - the mentor
                - the team leader
            # For each role: the question is asked once per role.
            for each role
                ask experience (text): How does {role} experience this?
            end
        end

        step "Solutions" (15 min)
            solutions (min 2): Which solutions can you think of? One per line.
            for each solution
                for each role
                    effect: What does "{solution}" do to {role}?
                end
            end
            # Everyone votes; on a tie the group decides.
            vote chosen: Which solution do you choose?
            # Each member has the word in turn.
            for each member
                ask contribution (text): {member}, what will you do differently tomorrow?
            end
            ask pitch (long, max 3 min): Your presentation of at most three minutes.
        end

        # The sheet: what the presentation shows, in this order.
        sheet
            heading: Our case
            show group, case, roles
            heading: What we saw
            show what_happened, severity, peer_pressure, how_pressure, lead, experience
            heading: Our solution
            show solutions, effects, votes, contribution, pitch, times
        end

        """
}
