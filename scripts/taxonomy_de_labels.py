# ruff: noqa: E501
"""Curated German skill and occupation labels for the built-in taxonomy.

ESCO v1.1.1 has German labels for only about 2,400 of its ~13,900 skills, and
where it has them they read like ESCO ("Verwaltungsaufgaben wahrnehmen"), not
like a German public-sector job ad or CV ("Sachbearbeitung", "Haushaltsrecht",
"TVöD"). These labels are written the way German job ads and CVs write them:
nouns and compounds, common synonyms, established abbreviations (DSGVO, BauGB,
SGB VIII), the names of the tools people list (MS Office, AutoCAD, GIS).

Used by ``scripts/build_taxonomy.py``; the build appends these labels after
ESCO's own German labels (the ESCO preferred label, where there is one, stays
first) and fails if a key is not a skill of the space. Rules for editors:

* keys are ESCO skill URIs of the built-in skill space, never invented ones;
* labels are real German, no word-for-word translation of the ESCO label;
  a skill keeps only English labels if German has no natural term for it;
* a label names one skill: do not repeat a label under a second skill;
* no label that describes a person rather than a competence (age, origin,
  religion, disability, family status ...).

Entries are grouped by the occupational field that first uses the skill; the
trailing comment is the ESCO English preferred label.
"""

from __future__ import annotations

ESCO_SKILL = "http://data.europa.eu/esco/skill/"

DE_LABELS: dict[str, list[str]] = {
    # --- administration (Verwaltung, Bürgerservice, Standesamt, Vergabe, Sozialleistungen) ---
    ESCO_SKILL + "880c54f9-866e-4f37-b5fa-25ef8a7d49b6": ["Buchungstechniken", "Kontierung", "Buchhaltungsmethoden", "Verbuchung"],  # accounting techniques
    ESCO_SKILL + "88f2ee42-01c8-4390-a108-e733cecaaa77": ["Diskretion", "Verschwiegenheit", "diskretes Auftreten"],  # act discreetly
    ESCO_SKILL + "5592ab32-4e7a-4cda-8e64-ca36d5de8a10": ["Anpassungsfähigkeit", "Flexibilität", "Umgang mit Veränderungen"],  # adapt to changing situations
    ESCO_SKILL + "933e7ccf-5d56-46ba-aca4-857f826a6b3a": ["Terminvergabe", "Terminmanagement", "Terminplanung", "Terminkoordination", "Terminverwaltung"],  # administer appointments
    ESCO_SKILL + "384ed14c-bf1f-4a65-aef6-6e711f43c4ce": ["Wirtschaftsförderung", "Beratung zur wirtschaftlichen Entwicklung", "Standortentwicklung"],  # advise on economic development
    ESCO_SKILL + "dbdd03ec-f64f-4916-8a86-cc71d765cc20": ["Beratung zu Gesetzesvorhaben", "Gesetzesfolgenabschätzung", "Stellungnahmen zu Gesetzentwürfen"],  # advise on legislative acts
    ESCO_SKILL + "df2433cc-b53e-42ad-b40a-952c83b8e60b": ["Beratung zu Genehmigungsverfahren", "Antragsberatung", "Beratung von Antragstellern"],  # advise on licencing procedures
    ESCO_SKILL + "f28c3e9b-8666-48d4-a5e4-542ac193879b": ["Beratung zu Sozialleistungen", "Leistungsberatung", "Sozialleistungsberatung", "Rentenberatung"],  # advise on social security benefits
    ESCO_SKILL + "4806e6cf-24b0-4828-b9c4-866d9b8a2ca6": ["Abstimmung von Inhalt und Form", "formgerechte Textgestaltung", "Textgestaltung"],  # align content with form
    ESCO_SKILL + "fbe6232a-e2b2-4830-a5e6-ed6415f01e85": ["Bedarfsanalyse im Gemeinwesen", "Sozialraumanalyse", "Analyse von Bürgerbedürfnissen"],  # analyse community needs
    ESCO_SKILL + "000709ed-2be5-4193-b056-45a97698d828": ["antidiskriminierende Praxis", "diskriminierungssensible Soziale Arbeit", "machtkritische Soziale Arbeit"],  # apply anti-oppressive practices
    ESCO_SKILL + "2ffc7a73-7e1d-434a-b498-2b0c056ced1d": ["Case Management", "Fallmanagement", "Fallsteuerung", "Fallbearbeitung"],  # apply case management
    ESCO_SKILL + "3757c242-0042-4940-aedb-2af63e080dba": ["Krisenintervention", "Krisenmanagement in der Sozialen Arbeit", "Krisenberatung"],  # apply crisis intervention
    ESCO_SKILL + "96ae5ab6-d696-4d4f-be1c-d02e722c6f55": ["Rechtschreibung und Grammatik", "sichere Rechtschreibung", "Rechtschreibsicherheit", "sicherer schriftlicher Ausdruck"],  # apply grammar and spelling rules
    ESCO_SKILL + "30d49832-84bd-4d97-9441-aef97a76a8d0": ["Problemlösung in der Sozialen Arbeit", "lösungsorientiertes Arbeiten in sozialen Diensten"],  # apply problem solving in social service
    ESCO_SKILL + "2f8a2712-d20c-4e5f-b34a-738f55486aa0": ["Qualitätsstandards in der sozialen Arbeit", "Qualitätssicherung in sozialen Diensten", "Qualitätsstandards der Sozialen Arbeit anwenden"],  # apply quality standards in social services
    ESCO_SKILL + "c32ad607-0c4d-4e34-b73f-668298f7bf13": ["technische Kommunikation", "verständliche Vermittlung technischer Sachverhalte", "Fachkommunikation"],  # apply technical communication skills
    ESCO_SKILL + "6451e645-67b5-4cc7-aafd-fab19629fa82": ["Archivierung von Arbeitsunterlagen", "Aktenarchivierung", "Archivierung"],  # archive documentation related to work
    ESCO_SKILL + "3ddd316c-43c5-4e77-8ef9-1564851a4618": ["Prüfung von Verstößen gegen Auflagen", "Auflagenkontrolle", "Verstöße gegen Genehmigungsauflagen"],  # assess breaches of licence agreements
    ESCO_SKILL + "1d910f84-7952-4f41-8a14-823657c556e0": ["Prüfung von Genehmigungsanträgen", "Antragsprüfung", "Genehmigungsverfahren", "Erlaubnisverfahren"],  # assess licence applications
    ESCO_SKILL + "6dd4ce8c-1813-429d-9f06-3382c4833ca3": ["Bedarfsermittlung", "Bedarfsanalyse", "Ermittlung des Beschaffungsbedarfs"],  # assess procurement needs
    ESCO_SKILL + "28b461d2-4a53-4629-9e61-77f31998c9c8": ["Asylrecht", "Asylverfahren", "Flüchtlingsschutz", "Aufenthaltsrecht"],  # asylum systems
    ESCO_SKILL + "6a536b36-c5c7-4d10-bf67-a4fb0f8549b2": ["Prüftechniken", "Prüfmethoden", "Revisionstechniken", "Audittechniken"],  # audit techniques
    ESCO_SKILL + "2ff405ec-f59c-4a7b-84b6-9776a49582c4": ["Buchführungsvorschriften", "Grundsätze ordnungsmäßiger Buchführung", "GoB", "Rechnungslegungsvorschriften"],  # bookkeeping regulations
    ESCO_SKILL + "74688c5d-2af1-4f7a-9d1c-00e808eaa1e6": ["Haushaltsgrundsätze", "Haushaltsrecht", "kommunales Haushaltsrecht", "Grundsätze der Haushaltsführung", "Budgetierung", "Doppik", "doppische Haushaltsführung (Doppik)", "kommunale Doppik", "Kameralistik"],  # budgetary principles
    ESCO_SKILL + "28f98c7e-b89c-4b4d-ae0a-0c5a6328992e": ["Aufbau von Beziehungen zur Bürgerschaft", "Bürgerbeteiligung", "Community Relations"],  # build community relations
    ESCO_SKILL + "0aa02c52-077d-45f8-8c2d-7132c11ac16e": ["strategische Recherche", "strategische Analyse", "Grundlagenrecherche"],  # carry out strategic research
    ESCO_SKILL + "d9a9cb71-a62e-4800-a518-cfb61f8b15cd": ["Warengruppenkenntnisse", "Produktkenntnisse im Einkauf", "Warengruppenmanagement"],  # category specific expertise
    ESCO_SKILL + "a1efea8f-62a8-4f9e-bd07-7d0c193f725e": ["Prüfung amtlicher Dokumente", "Urkundenprüfung", "Dokumentenprüfung", "Prüfung von Ausweisdokumenten"],  # check official documents
    ESCO_SKILL + "22c45bf7-e52b-475f-847b-c32a87f65a5d": ["Kreislaufwirtschaftsgesetz", "Recycling", "Kreislaufwirtschaftskonzepte"],  # circular economy
    ESCO_SKILL + "c33dd5ae-ae72-49d7-8dcf-8bc72e59fe78": ["Zivilrecht", "bürgerliches Recht", "BGB", "Privatrecht"],  # civil law
    ESCO_SKILL + "0da516ee-e70e-4384-be13-f5ff80be8127": ["Kundenkommunikation", "Kundenkontakt", "Bürgerkontakt", "Kundenorientierung", "Kundenberatung", "Publikumsverkehr"],  # communicate with customers
    ESCO_SKILL + "fe30a4b0-1a99-4fc7-afff-b162b8c834ba": ["Kommunikationsgrundsätze", "Grundlagen der Kommunikation", "Kommunikationsmodelle"],  # communication principles
    ESCO_SKILL + "26b96ef5-2f4f-4695-a293-f619e6336f07": ["Kommunikationspolitik", "Medienpolitik", "Telekommunikationspolitik"],  # communications sector policies
    ESCO_SKILL + "f75b740c-b36c-495e-bc67-efe347bbc6b5": ["Unternehmensrichtlinien", "Dienstanweisungen", "interne Richtlinien", "Dienstvorschriften"],  # company policies
    ESCO_SKILL + "3d3ee5c3-4286-457f-9f76-1704011f7e11": ["Einhaltung gesetzlicher Vorschriften", "Rechtskonformität", "Compliance", "rechtssicheres Handeln"],  # comply with legal regulations
    ESCO_SKILL + "fd446407-b08e-49da-b8e3-7e7c79618c3f": ["öffentliche Präsentationen", "Vorträge halten", "Präsentationen vor Publikum", "Bürgerversammlungen"],  # conduct public presentations
    ESCO_SKILL + "896563fc-6255-4419-89c2-ffed30159ad6": ["Durchführung von Befragungen", "Interviewführung", "Anhörungen durchführen"],  # conduct research interview
    ESCO_SKILL + "3dbf27e5-bb92-4b31-b242-d6b02d933184": ["Schutz vor Gefährdungen", "Gefährdungen erkennen und melden", "Gewaltschutz"],  # contribute to protecting individuals from harm
    ESCO_SKILL + "082967d4-b94c-4305-aa13-35a6aa8c5c7c": ["Zusammenarbeit mit Kollegen", "kollegiale Zusammenarbeit", "Kooperationsfähigkeit"],  # cooperate with colleagues
    ESCO_SKILL + "2111dff8-f830-46ad-80ce-7885893b3134": ["Veranstaltungsorganisation", "Eventmanagement", "Organisation von Veranstaltungen", "Veranstaltungsmanagement"],  # coordinate events
    ESCO_SKILL + "f34dddee-e64b-45de-b1f8-9bef375689dc": ["Korrespondenz mit Antragstellern", "Schriftverkehr mit Antragstellern", "Anhörungsschreiben"],  # correspond with licence applicants
    ESCO_SKILL + "0959a14b-9743-4d71-93ba-a1fefa56e5ae": ["Zolldokumente", "Import-Export-Dokumentation", "Ausfuhrpapiere"],  # create import-export commercial documentation
    ESCO_SKILL + "03b9b491-fc9b-4868-914a-bf7cd47b5041": ["Problemlösungskompetenz", "Problemlösungsfähigkeit", "lösungsorientiertes Arbeiten", "Lösungsorientierung"],  # create solutions to problems
    ESCO_SKILL + "24554d47-70d2-4153-bb27-84e338e76792": ["Kulturprojekte", "Kulturförderung", "Kulturarbeit"],  # cultural projects
    ESCO_SKILL + "305dc408-68a6-4f63-9ee6-d0b26c8abad0": ["Leistungsorientierung in der öffentlichen Verwaltung", "Verwaltungsmodernisierung", "Neues Steuerungsmodell"],  # develop performance orientation in public administration
    ESCO_SKILL + "29cd7e7b-215c-483a-b67a-6bdad0647de9": ["Beschaffungsstrategie", "Einkaufsstrategie", "strategische Beschaffung"],  # develop procurement strategy
    ESCO_SKILL + "4211283b-617e-4ded-8636-4eed896c33b0": ["professionelles Selbstverständnis in der Sozialen Arbeit", "berufliche Identität als Sozialarbeiter"],  # develop professional identity in social work
    ESCO_SKILL + "7a8fb784-67fa-41e9-a75c-6b491d91f800": ["Strategieentwicklung", "Zielsetzung", "strategisches Denken"],  # develop strategy to solve problems
    ESCO_SKILL + "5436f06d-4cc0-42a6-8e5b-63b842cce03b": ["Verbreitung allgemeiner Informationen", "Informationsweitergabe an Mitarbeitende", "Intranetpflege"],  # disseminate general corporate information
    ESCO_SKILL + "1f6eac42-e5aa-4fa7-a75d-a4eea12c618e": ["interne Kommunikation", "Mitarbeiterinformation", "Verteilung interner Mitteilungen"],  # disseminate internal communications
    ESCO_SKILL + "81dc035c-921b-4fea-a453-94538e86097c": ["Weiterleitung von Nachrichten", "Telefonnotizen", "Informationsweitergabe"],  # disseminate messages to people
    ESCO_SKILL + "b4548845-dc4c-43fb-a55c-b9b7c6c1defd": ["Dokumentenablage-Richtlinien", "Aktenordnung", "Aktenplan", "Registraturrichtlinien"],  # document sharing procedures
    ESCO_SKILL + "ec0bbf39-0edd-4015-a2c3-82ad563ce3a8": ["E-Mail-Korrespondenz", "geschäftliche E-Mails", "E-Mail-Kommunikation"],  # draft corporate emails
    ESCO_SKILL + "31599ac3-e03c-42f8-8f08-b549af8234f2": ["Leistungsbeschreibung", "Erstellung von Leistungsverzeichnissen", "Leistungsverzeichnis", "technische Spezifikationen für Ausschreibungen"],  # draft procurement technical specifications
    ESCO_SKILL + "6789d5a3-34ca-4417-bb93-331319b01da3": ["Erstellung von Vergabeunterlagen", "Ausschreibungsunterlagen", "Vergabeunterlagen", "Ausschreibungen erstellen", "Ausschreibungen"],  # draft tender documentation
    ESCO_SKILL + "2a82241a-216e-44d8-bb50-6b9a0ef82084": ["Führerschein Klasse B", "Fahrerlaubnis", "Führen von Dienstfahrzeugen", "Führerschein"],  # drive vehicles
    ESCO_SKILL + "378caeec-10a0-4162-b75c-ab374a42e93d": ["E-Vergabe", "elektronische Vergabe", "E-Procurement", "elektronische Beschaffung"],  # e-procurement
    ESCO_SKILL + "97b713f0-b9e8-4903-8dee-7e0b4019a1c0": ["Arbeitsrecht", "Individualarbeitsrecht", "kollektives Arbeitsrecht", "Tarifrecht", "TVöD", "TV-L", "Tarifvertrag für den öffentlichen Dienst", "Beamtenrecht", "Dienstrecht"],  # employment law
    ESCO_SKILL + "2e62b29d-3aa8-4e58-8aca-f3b48c8deefd": ["Empowerment", "Hilfe zur Selbsthilfe", "Förderung der Selbstbestimmung", "Ressourcenorientierung"],  # empower social service users
    ESCO_SKILL + "bda0d115-f315-453e-99dc-f8b0e5862db3": ["Einhaltung von Richtlinien", "Richtlinienkonformität", "Einhaltung interner Vorgaben"],  # ensure compliance with policies
    ESCO_SKILL + "b216d9a2-7d4e-4312-8d05-e375f4ab44d8": ["abteilungsübergreifende Zusammenarbeit", "ämterübergreifende Zusammenarbeit", "Schnittstellenarbeit", "bereichsübergreifende Zusammenarbeit"],  # ensure cross-department cooperation
    ESCO_SKILL + "3a876d1c-3dd5-45ed-9a27-47cdbee46ce7": ["Informationstransparenz", "Transparenz", "Informationsfreiheit", "Informationsfreiheitsgesetz"],  # ensure information transparency
    ESCO_SKILL + "c241f5a5-e23f-47bf-ad24-d83ea0010166": ["Dokumentenmanagement", "Aktenverwaltung", "DMS", "E-Akte"],  # ensure proper document management
    ESCO_SKILL + "499c05a2-6f36-4407-83c1-dc3448d35818": ["öffentliche Sicherheit und Ordnung", "Gefahrenabwehr", "Sicherheit der Bevölkerung"],  # ensure public safety and security
    ESCO_SKILL + "e207163b-7963-4c3e-9494-7a4bb000211b": ["Aufwandsschätzung", "Zeitplanung", "Schätzung des Arbeitsaufwands"],  # estimate duration of work
    ESCO_SKILL + "1bb3a4b7-c0e4-434a-850d-0d2874a9c251": ["Geduld", "Gelassenheit", "Ruhe und Geduld"],  # exercise patience
    ESCO_SKILL + "0fc0cb61-f44d-4fd0-afd1-18506380b55e": ["zielorientierte Führung", "Führen mit Zielen", "Führungskompetenz", "Führungsstärke"],  # exert a goal-oriented leadership role towards colleagues
    ESCO_SKILL + "3d427a49-4f85-42cd-8a92-62d4a34f41a1": ["Ablage von Dokumenten", "Dokumentenablage", "Ablagesysteme"],  # file documents
    ESCO_SKILL + "8d49f760-3765-4612-8d40-a2bdd50738fe": ["Formulare ausfüllen", "Formularbearbeitung", "Dateneingabe"],  # fill out forms
    ESCO_SKILL + "266ea734-31b2-4e44-9d00-0a3fd03fa454": ["Außenpolitik", "auswärtige Angelegenheiten", "internationale Beziehungen"],  # foreign affairs
    ESCO_SKILL + "541cdc23-1eec-4520-81fc-3392eaf538ed": ["Betrugserkennung", "Betrugsbekämpfung", "Aufdeckung von Leistungsmissbrauch", "Missbrauchsbekämpfung"],  # fraud detection
    ESCO_SKILL + "2be699a7-416a-4f32-967c-4edc65027b71": ["Umsetzung politischer Vorgaben", "Politikumsetzung", "Umsetzung von Regierungsprogrammen", "Verwaltungsvollzug"],  # government policy implementation
    ESCO_SKILL + "4a92d8ce-ffd6-4da5-a50e-ef1bff5cc219": ["staatliche Sozialleistungen", "Sozialleistungssysteme", "soziale Sicherungssysteme", "Sozialversicherungssystem"],  # government social security programmes
    ESCO_SKILL + "1ccf5bda-d904-4d00-9c71-9b8f0196e9f9": ["Erteilung von Konzessionen", "Konzessionserteilung", "Sondernutzungserlaubnis"],  # grant concessions
    ESCO_SKILL + "76f22707-8d30-453f-9eb7-3376e2960311": ["Postbearbeitung", "Posteingang", "Postausgang", "Poststelle"],  # handle mail
    ESCO_SKILL + "3c5b51d9-52c4-4f38-9c1b-3cdebe38120f": ["Risikomanagement in der Beschaffung", "Risikomanagement im Vergabeverfahren"],  # implement risk management in procurement
    ESCO_SKILL + "6962058d-9808-4820-a6bc-d7cabce60cde": ["nachhaltige Beschaffung", "umweltfreundliche Beschaffung", "sozial verantwortliche Beschaffung"],  # implement sustainable procurement
    ESCO_SKILL + "a56dec32-05ef-45de-a256-ee6741f356db": ["Vertraulichkeit", "Informationsschutz", "Geheimhaltung"],  # information confidentiality
    ESCO_SKILL + "1951e126-6c66-46cf-9345-d4941c85bc2a": ["Prüfung öffentlicher Ausgaben", "Rechnungsprüfung", "Haushaltsprüfung", "Prüfung der Haushaltsführung"],  # inspect government expenditures
    ESCO_SKILL + "2ad081e6-0a3f-4612-ac15-7ace75d39e26": ["Recht des geistigen Eigentums", "gewerblicher Rechtsschutz", "Markenrecht", "Patentrecht"],  # intellectual property law
    ESCO_SKILL + "6e07db2d-a346-4388-af3f-6132d6be5536": ["Prüfung von Sozialleistungsanträgen", "Leistungsprüfung", "Antragsbearbeitung Sozialleistungen"],  # investigate social security applications
    ESCO_SKILL + "2806b5cb-964b-4148-84aa-7efdbeffe9e3": ["Einbeziehung von Angehörigen in die Hilfeplanung", "partizipative Hilfeplanung", "Hilfeplanung mit Klienten und Angehörigen"],  # involve service users and carers in care planning
    ESCO_SKILL + "404b3fcd-306a-4d18-b5db-d90c517ff72f": ["Erteilung von Genehmigungen", "Ausstellung von Erlaubnissen", "Genehmigungserteilung", "Ausstellung von Bescheiden"],  # issue licences
    ESCO_SKILL + "54f7875e-ca4c-4ff7-992d-10ce9ef8abfe": ["Führung des Passregisters", "Pass- und Ausweisregister", "Passregister"],  # keep records of passports
    ESCO_SKILL + "43b13058-68d0-40c6-8031-caf5a7b7d20c": ["Aufgabendokumentation", "Dokumentation", "Vorgangsdokumentation", "Aktenführung"],  # keep task records
    ESCO_SKILL + "d5145a9a-602e-40bf-b3e1-f04cf9c3ef86": ["Führungsgrundsätze", "Führungsleitlinien", "Führungsmethoden", "Managementgrundsätze"],  # leadership principles
    ESCO_SKILL + "39dd50ae-814c-4a15-99e9-39afcc36bf9f": ["Sozialrecht", "rechtliche Grundlagen der Sozialen Arbeit", "Sozialgesetzbuch (SGB)", "SGB"],  # legal requirements in the social sector
    ESCO_SKILL + "a8585efe-4011-47b2-9aed-cd01bd3652c0": ["juristische Recherche", "Rechtsrecherche", "Rechtsprechungsrecherche", "juris"],  # legal research
    ESCO_SKILL + "33406020-ae9d-495f-a635-0b97e5346d8c": ["Gesetzgebungsverfahren", "Rechtsetzung", "Gesetzgebung", "Normsetzung"],  # legislation procedure
    ESCO_SKILL + "9d5521f9-44d7-4db4-b7ac-0ba7d389f44d": ["Abstimmung mit Kollegen", "Kommunikation im Team", "interne Abstimmung"],  # liaise with colleagues
    ESCO_SKILL + "2839f191-cd94-49a9-ac16-46018066b8b2": ["Zusammenarbeit mit Kommunalbehörden", "Behördenkontakte", "Abstimmung mit Kommunen", "Zusammenarbeit mit Kommunen"],  # liaise with local authorities
    ESCO_SKILL + "cd74c564-57af-4aa2-b775-13e7609ffca1": ["Zusammenarbeit mit politischen Gremien", "Gremienarbeit", "Zusammenarbeit mit Mandatsträgern", "Ratsarbeit"],  # liaise with politicians
    ESCO_SKILL + "ab944aef-09dc-4047-a4ac-0048d8405fb3": ["Genehmigungsrecht", "Erlaubnisrecht", "Gewerberecht", "Lizenzrecht"],  # licences regulation
    ESCO_SKILL + "ab821cc3-a0cb-4fcc-b4c0-bf7c96352cbf": ["Korrespondenzablage", "Führung von Schriftverkehrsakten", "Schriftgutablage"],  # maintain correspondence records
    ESCO_SKILL + "31c7add0-0150-4029-bf33-47872c23fcf1": ["Büromaterialverwaltung", "Lagerhaltung von Büromaterial", "Materialverwaltung"],  # maintain inventory of office supplies
    ESCO_SKILL + "1ad823ab-5eb5-4377-a24a-d3deca1f7bfd": ["Kontaktpflege zu kommunalen Mandatsträgern", "Zusammenarbeit mit Ortsvorstehern", "Kontakte zu lokalen Vertretern"],  # maintain relations with local representatives
    ESCO_SKILL + "5e9de344-2bea-40dc-8410-f940121330e4": ["Zusammenarbeit mit Behörden", "Behördenkommunikation", "Netzwerkarbeit mit Behörden", "Kontaktpflege zu Ministerien"],  # maintain relationships with government agencies
    ESCO_SKILL + "047fcf0a-2936-49fb-b4eb-97cdd8d09d0b": ["Führung gesetzlich vorgeschriebener Register", "Registerführung", "Führung von Pflichtbüchern"],  # maintain statutory books
    ESCO_SKILL + "77e7cb08-2c6f-42ab-881b-b34b2318acbe": ["Verwaltungsorganisation", "Verwaltungsabläufe", "Verwaltungsprozesse", "Organisation von Verwaltungssystemen"],  # manage administrative systems
    ESCO_SKILL + "21c5790c-0930-4d74-b3b0-84caf5af12ea": ["Budgetverwaltung", "Budgetverantwortung", "Mittelbewirtschaftung", "Bewirtschaftung von Haushaltsmitteln", "Budgetplanung"],  # manage budgets
    ESCO_SKILL + "b769f524-0f25-44d7-8538-5c46710a040e": ["digitale Aktenführung", "elektronische Aktenführung", "Dokumentenmanagementsystem"],  # manage digital documents
    ESCO_SKILL + "f78d5c04-a440-4068-90c2-fab03409a911": ["Steuerung der Umsetzung politischer Programme", "Programmsteuerung", "Umsetzungscontrolling"],  # manage government policy implementation
    ESCO_SKILL + "7c02513e-c23b-4686-8bdd-1ad99de5a8eb": ["Import- und Exportgenehmigungen", "Ein- und Ausfuhrgenehmigungen", "Außenwirtschaftsrecht"],  # manage import export licenses
    ESCO_SKILL + "6e3b0762-4e5e-41dc-8f71-9a5dbd6d2076": ["Verwaltung von Gebühren", "Gebührenerhebung", "Verwaltungsgebühren", "Gebührenrecht"],  # manage licensing fees
    ESCO_SKILL + "1af2db15-2af9-44dd-9639-bf1fc69d4c34": ["Stakeholdermanagement", "Stakeholder-Management", "Beziehungsmanagement"],  # manage relationships with stakeholders
    ESCO_SKILL + "339ac029-066a-4985-9f9d-b3d7c8fea0bb": ["Personalführung", "Mitarbeiterführung", "Führungsverantwortung", "Teamleitung", "Führungserfahrung"],  # manage staff
    ESCO_SKILL + "56a2fa94-a66d-40c6-a444-35888cdefa60": ["Arbeitsorganisation", "Organisation von Arbeitsabläufen", "Steuerung von Arbeitsabläufen"],  # manage work
    ESCO_SKILL + "2b8386c1-eed6-42ff-bd99-349eca9ea46e": ["fachliche Standards der Sozialen Arbeit", "Einhaltung fachlicher Standards in sozialen Diensten"],  # meet standards of practice in social services
    ESCO_SKILL + "6ecf7113-c7bb-4747-85a4-9606c74dbe5e": ["Überwachung von Genehmigungsauflagen", "Kontrolle der Einhaltung von Lizenzvereinbarungen"],  # monitor compliance with licensing agreements
    ESCO_SKILL + "ee1d5734-89b8-4519-81f1-733a6b4f8df8": ["Überwachung der Servicequalität", "Servicequalität", "Qualitätssicherung im Bürgerservice"],  # monitor customer service
    ESCO_SKILL + "7cf2762d-32e1-4b21-8ef8-574e40310c18": ["Integrität", "Ethik", "Moral", "Berufsethik"],  # morality
    ESCO_SKILL + "5f2efbdf-08a2-49cd-9c06-bd284e4f0fbf": ["Verhandlungen mit Lieferanten", "Lieferantenverhandlungen", "Preisverhandlungen", "Konditionsverhandlungen"],  # negotiate terms with suppliers
    ESCO_SKILL + "15c57a2c-b5be-4187-89cf-1b9e02af4822": ["Unterstützung von Bürgern", "Bürgerservice", "Bürgerberatung", "Bürgerbüro"],  # offer assistance to national citizens
    ESCO_SKILL + "cf310cff-0d28-4dbc-9dbb-cc500a3196c2": ["MS Office", "MS-Office-Kenntnisse", "Office-Anwendungen", "Office-Programme"],  # office software
    ESCO_SKILL + "3ad2b6ee-15e7-4fcb-a8c0-167a1eee90ef": ["Begründung von Lebenspartnerschaften", "Lebenspartnerschaften beurkunden"],  # officiate civil partnerships
    ESCO_SKILL + "f3227dab-52a8-4628-a5e3-2cc283d77eaf": ["Trauungen durchführen", "Eheschließungen", "Trauungen", "standesamtliche Trauungen"],  # officiate weddings
    ESCO_SKILL + "210827e3-3129-45a2-8683-70399f3f561f": ["Materialbestellung", "Bestellwesen", "Büromaterialbeschaffung"],  # order supplies
    ESCO_SKILL + "c4272323-cce6-4535-ac71-4f6841f4f89a": ["Organisationsstruktur", "Aufbauorganisation", "Organigramm", "Geschäftsverteilungsplan"],  # organisational structure
    ESCO_SKILL + "3e04e39d-9eb6-4167-ad2d-e3413f647e4e": ["Ablage", "Aktenablage", "Ordnen von Geschäftsunterlagen"],  # organise business documents
    ESCO_SKILL + "c58050e1-0774-4097-93d2-07dd7ba6a27a": ["Raumbuchung", "Organisation von Besprechungsräumen", "Reiseorganisation"],  # organise facilities for office personnel
    ESCO_SKILL + "0839eea4-c57b-4c14-b19b-923fbedb5d88": ["Wirtschaftsrecherche", "Internetrecherche", "Recherche"],  # perform business research
    ESCO_SKILL + "1368c06f-202d-4776-8153-93aed512cc64": ["Vertragscontrolling", "Vertragsberichtswesen", "Vertragsauswertung"],  # perform contract reporting and evaluation
    ESCO_SKILL + "7c3865d1-e5a9-4043-a7a4-2e9e30468c0b": ["Büroorganisation", "Bürotätigkeiten", "allgemeine Büroarbeiten", "Sekretariatsaufgaben"],  # perform office routine activities
    ESCO_SKILL + "6c97d04d-7239-4dc7-90ef-3e812ba2b124": ["Markterkundung", "Beschaffungsmarktanalyse", "Marktanalyse für Beschaffungen"],  # perform procurement market analysis
    ESCO_SKILL + "f5dd06b8-5d17-4932-9d03-957d0c4f5051": ["Ressourcenplanung", "Kapazitätsplanung", "Personal- und Ressourcenplanung"],  # perform resource planning
    ESCO_SKILL + "cc3b901c-4d66-48f8-90b9-41883be1e1ed": ["mittel- und langfristige Planung", "strategische Planung", "Zielplanung", "Zielvereinbarungen"],  # plan medium to long term objectives
    ESCO_SKILL + "75e48971-3242-4ea5-a1ba-4deec48ad41c": ["Teamplanung", "Einsatzplanung", "Dienstplanung", "Arbeitsplanung im Team"],  # plan teamwork
    ESCO_SKILL + "c5449667-9b40-4114-8d74-f51177669984": ["Politikanalyse", "Politikfeldanalyse", "Policy-Analyse"],  # policy analysis
    ESCO_SKILL + "8dd2806f-6dcf-477c-a5bf-66b5d6e02637": ["Kundenkorrespondenz", "Schriftverkehr", "Korrespondenz", "Geschäftskorrespondenz"],  # prepare correspondence for customers
    ESCO_SKILL + "0d4471ae-3820-4c23-8566-f44a7bd159b2": ["Lizenzverträge ausarbeiten", "Lizenzverträge", "Erstellung von Genehmigungsunterlagen"],  # prepare licence agreements
    ESCO_SKILL + "1ba59ce0-7fec-434b-8d5c-9b275250a26c": ["Erstellung von Präsentationen", "Präsentationsunterlagen", "PowerPoint-Präsentationen"],  # prepare presentation material
    ESCO_SKILL + "91d06ad9-245e-4ecb-bd18-624eed884108": ["Antragsbearbeitung", "Bearbeitung von Anträgen", "Sachbearbeitung", "Vorgangsbearbeitung"],  # process applications
    ESCO_SKILL + "48391ec6-42ba-4093-acf4-c7673b0c07f4": ["Bearbeitung von Arbeitsaufträgen", "Auftragsbearbeitung", "Bearbeitung von Weisungen"],  # process commissioned instructions
    ESCO_SKILL + "9b862976-aa05-4bde-8ed6-8f39790edd0f": ["Vergaberecht", "Vergabeverordnung", "VgV", "UVgO", "GWB-Vergaberecht", "Beschaffungsrecht"],  # procurement legislation
    ESCO_SKILL + "3bc08c26-2f98-4730-bbb6-ec4a8566e3cf": ["Beschaffungsprozess", "Vergabeprozess", "Beschaffungszyklus"],  # procurement lifecycle
    ESCO_SKILL + "237db40b-4600-47c0-837f-4a2c4f3014ab": ["Projektmanagementmethoden", "Grundsätze des Projektmanagements", "Projektplanung", "Projektsteuerung"],  # project management principles
    ESCO_SKILL + "144aba2f-dddd-41bc-b519-0ea6d51bcd6b": ["Information über Sozialleistungen", "Öffentlichkeitsarbeit für Sozialleistungen"],  # promote social security programmes
    ESCO_SKILL + "25a7fc25-f2fc-4bfd-9999-943c03d53372": ["Interessenvertretung von Klienten", "Mandanteninteressen wahren", "Wahrung von Mandanteninteressen"],  # protect client interests
    ESCO_SKILL + "3aa7e88e-bebd-48b1-94ba-6efddeecf08f": ["Schutz vulnerabler Personen", "Schutz schutzbedürftiger Klienten", "Gefährdungsschutz"],  # protect vulnerable social service users
    ESCO_SKILL + "d4cc5022-7801-4885-bcff-166552788d35": ["Entwicklung von Verbesserungsstrategien", "Verbesserungsvorschläge", "kontinuierliche Verbesserung", "Prozessoptimierung"],  # provide improvement strategies
    ESCO_SKILL + "486a5886-5cac-4975-9716-288c3820a8c7": ["Bereitstellung erforderlicher Unterlagen", "Unterlagenanforderung", "Nachweise anfordern"],  # provide necessary documents
    ESCO_SKILL + "09d6ed43-95a1-4492-8bd7-d01039285afa": ["Sozialberatung", "soziale Beratung", "psychosoziale Beratung", "Beratung von Hilfesuchenden"],  # provide social counselling
    ESCO_SKILL + "387ee646-0aaa-4161-ab3b-cde87ec09fdf": ["öffentliche Finanzen", "Finanzwissenschaft", "öffentliche Haushalte", "Staatsfinanzen", "Kommunalfinanzen"],  # public finance
    ESCO_SKILL + "f5f72523-3e48-47ae-825b-fa49a33cd94b": ["Wohnungsrecht", "sozialer Wohnungsbau", "Wohnraumförderung", "Wohngeldrecht"],  # public housing legislation
    ESCO_SKILL + "efb523d0-c998-440d-8639-cd14ba841c4c": ["öffentliches Recht", "Verwaltungsrecht", "Staatsrecht", "Verwaltungsverfahrensgesetz", "VwVfG"],  # public law
    ESCO_SKILL + "09121179-fd6e-4796-91e7-afd9f64315cc": ["Dienstleistungskonzession", "Konzessionsvergabe", "Konzessionsrecht"],  # public service concession
    ESCO_SKILL + "29bd4e41-98f7-4525-8b6a-4687b5c9bece": ["Beurkundung von Geburten", "Geburtenbeurkundung", "Geburtsanzeigen bearbeiten", "Geburtenregister"],  # register birth
    ESCO_SKILL + "7e44b647-e1ca-402e-a990-c75362e45ebc": ["Beurkundung von Sterbefällen", "Sterbefallbeurkundung", "Sterberegister"],  # register death
    ESCO_SKILL + "097c6a36-f031-4d3e-b5c1-62d6ffcb430b": ["Einhaltung des Datenschutzes", "Datenschutzgrundsätze", "datenschutzkonformes Arbeiten", "Datenschutzbestimmungen einhalten"],  # respect data protection principles
    ESCO_SKILL + "87cadd76-4e3a-47e5-b66d-559fbc1e8993": ["Beantwortung von Anfragen", "Bearbeitung von Anfragen", "Bürgeranfragen beantworten", "Auskunftserteilung"],  # respond to enquiries
    ESCO_SKILL + "87a765a4-1039-462a-833d-e1807cac5d45": ["Prüfung von Personenstandsurkunden", "Prüfung von Urkunden", "Personenstandsurkunden"],  # review civil documentation
    ESCO_SKILL + "e97c0d89-2f81-4840-8602-e668a949482f": ["soziale Gerechtigkeit", "Menschenrechte", "Menschenrechtsbildung"],  # social justice
    ESCO_SKILL + "4e097377-7950-4993-9e22-a61b067b5c00": ["Sozialwissenschaften", "Sozialwissenschaft"],  # social sciences
    ESCO_SKILL + "ba9260ba-1c8d-495e-94f1-f7cab7e73cea": ["Sozialversicherungsrecht", "SGB II", "SGB XII", "Sozialleistungsrecht"],  # social security law
    ESCO_SKILL + "0d9c959a-cdd4-41f7-aa82-5e2e25b27e3f": ["Theorien der Sozialen Arbeit", "Sozialarbeitswissenschaft", "Theorie der Sozialen Arbeit"],  # social work theory
    ESCO_SKILL + "9013b46e-5a9b-4929-8918-fcadfdfd37ce": ["Steuerung des Informationsbetriebs", "Leitung der Informationsstelle", "Informationsmanagement"],  # supervise daily information operations
    ESCO_SKILL + "9601b2a8-68e4-4906-9306-a23679b8f0b0": ["Personalverantwortung", "Mitarbeiterauswahl", "Anleitung von Mitarbeitenden", "Personalentwicklung im Team"],  # supervise staff
    ESCO_SKILL + "fe1ec582-d63b-466c-9149-e7fc4fe93e22": ["Lieferantenmanagement", "Lieferantenbewertung", "Lieferantenpflege"],  # supplier management
    ESCO_SKILL + "eab3bafa-eebb-47bf-85ce-e336c5019108": ["Teambildung", "Teamentwicklung", "Teambuilding"],  # team building
    ESCO_SKILL + "a5b0cd5c-e13a-4ab3-8d93-4d242adcfb01": ["Teamarbeit", "Teamfähigkeit", "Zusammenarbeit im Team", "Teamgeist"],  # teamwork principles
    ESCO_SKILL + "73aeff8a-28d9-46ca-9920-a9f37ce074fe": ["Transkription", "Diktate schreiben", "Phonotypie"],  # transcription methods
    ESCO_SKILL + "06e347f2-2504-4ee8-b7f7-8d9542f56207": ["Texterstellung nach Stichworten", "Schreiben nach Stichpunkten", "Korrespondenz nach Vorgaben"],  # translate keywords into full texts
    ESCO_SKILL + "36e9c099-614e-44f1-ab0a-5e6fda4a0763": ["Durchführung von Kontrollen", "Begehungen", "Sicherheitsbegehungen", "Inspektionen"],  # undertake inspections
    ESCO_SKILL + "04fe962b-4017-4eb7-9139-7d69b6922bc9": ["Fachanwendungen", "Fachverfahren", "anwendungsspezifische Software", "Fachsoftware"],  # use an application-specific interface
    ESCO_SKILL + "7ff2c668-0e86-418a-a962-4958262ee337": ["Kommunikationstechniken", "Gesprächsführung", "Kommunikationsfähigkeit", "Kommunikationsstärke"],  # use communication techniques
    ESCO_SKILL + "415abd43-e8e5-4643-b5da-5f11307af57a": ["Nutzung verschiedener Kommunikationskanäle", "Multikanal-Kommunikation", "Kommunikation per Telefon, E-Mail und Brief"],  # use different communication channels
    ESCO_SKILL + "f683ae1d-cb7c-4aa1-b9fe-205e1bd23535": ["Microsoft Office", "Microsoft-Office-Anwendungen", "Outlook", "MS Outlook"],  # use microsoft office
    ESCO_SKILL + "71dde84c-0058-4c52-a556-523369333db8": ["Bürosysteme", "Bürokommunikation", "Telefonzentrale", "Telefonvermittlung"],  # use office systems
    ESCO_SKILL + "1973c966-f236-40c9-b2d4-5d71a89019be": ["Tabellenkalkulation", "Excel", "MS Excel", "Microsoft Excel"],  # use spreadsheets software
    ESCO_SKILL + "19ae47ed-6368-448a-b237-4fd270fc6d4c": ["Inklusion", "soziale Inklusion", "Arbeit mit benachteiligten Gruppen", "Teilhabe fördern"],  # work for public inclusion
    ESCO_SKILL + "28ca2f0b-9fb2-487a-9f10-9688e5191ec4": ["Gemeinwesenarbeit", "sozialraumorientierte Arbeit", "Quartiersarbeit"],  # work within communities
    ESCO_SKILL + "5fa6cd2f-9bab-4afa-a184-2d2f1401b770": ["Protokollführung", "Sitzungsprotokolle", "Besprechungsprotokolle", "Niederschriften"],  # write meeting reports
    # --- IT (Systemadministration, Netzwerke, Softwareentwicklung, Informationssicherheit, Daten) ---
    ESCO_SKILL + "0868eef3-2213-4572-9343-74931345a7d3": ["Systemadministration", "Administration von IT-Systemen", "Serveradministration", "IT-Administration", "Windows Server", "Linux-Administration", "Netzwerkadministration"],  # administer ICT system
    ESCO_SKILL + "0a9acb6b-1139-4be9-b431-3a80a959f2f4": ["Scrum", "Kanban", "agile Methoden"],  # Agile project management
    ESCO_SKILL + "5a0bffcf-4ff6-49cf-a7db-4142e63f5f04": ["Telefondienst", "Annahme von Anrufen", "Telefonannahme", "Hotline"],  # answer incoming calls
    ESCO_SKILL + "0fb753a1-2ef2-4429-84d2-ecb2b24daf7a": ["Tomcat"],  # Apache Tomcat
    ESCO_SKILL + "0a43729f-2a79-4dae-9faa-95520daae79f": ["Anwendung interner Richtlinien", "Umsetzung von Dienstanweisungen"],  # apply company policies
    ESCO_SKILL + "0ee94af1-b445-4973-9c3f-459fab250342": ["Konfliktmanagement", "Konfliktlösung", "Konfliktfähigkeit", "Konfliktmoderation"],  # apply conflict management
    ESCO_SKILL + "9707091a-323b-4240-877a-5999a19286f0": ["IT-Nutzungsrichtlinien anwenden", "Nutzungsrichtlinien"],  # apply ICT system usage policies
    ESCO_SKILL + "382c11ed-20d5-4ae7-b60e-15fec527fa6c": ["statistische Auswertung", "statistische Analyse", "Datenanalyse mit statistischen Methoden"],  # apply statistical analysis techniques
    ESCO_SKILL + "07e47d58-dd0e-4302-9e68-70a188e89065": ["IT-Richtlinien anwenden", "Systemrichtlinien"],  # apply system organisational policies
    ESCO_SKILL + "61970f8b-099c-4e7e-82e0-9ccdced0baf3": ["Kundenbetreuung", "Unterstützung von Kunden", "Kundenhilfe"],  # assist customers
    ESCO_SKILL + "7f0b1a66-ebaf-4c8a-b606-4c1844eb692e": ["IT-Qualitätssicherung", "Systemqualität"],  # attend to ICT systems quality
    ESCO_SKILL + "dc72ad0a-c5dc-4abd-bc0d-ca43e82162e1": ["Aufbau von Geschäftsbeziehungen", "Netzwerkaufbau", "Partnerschaften aufbauen"],  # build business relationships
    ESCO_SKILL + "143769cb-b61e-47d8-a61e-eedfbec1016c": ["Business Intelligence", "Reporting", "Power BI"],  # business intelligence
    ESCO_SKILL + "4c016b68-4116-468c-9dc6-42710c239e4a": ["C Sharp", ".NET-Entwicklung"],  # C#
    ESCO_SKILL + "1585fc98-bfe4-461f-97fc-734055a2c3ce": ["Produkteigenschaften", "Produktmerkmale"],  # characteristics of products
    ESCO_SKILL + "fb3bc9b5-2297-4bba-85b1-60f696a92db8": ["Serviceeigenschaften", "Leistungsmerkmale von Dienstleistungen"],  # characteristics of services
    ESCO_SKILL + "bd14968e-e409-45af-b362-3495ed7b10e0": ["Cloud-Dienste", "Microsoft Azure", "AWS"],  # cloud technologies
    ESCO_SKILL + "0cc9c234-f817-4f4c-908a-4d28fe3b0f4a": ["Mitarbeitercoaching", "Coaching", "Mitarbeiterentwicklung", "Coaching von Mitarbeitenden"],  # coach employees
    ESCO_SKILL + "118a9b27-1c5a-4214-b685-1a4d9e6365ea": ["Computerforensik", "digitale Forensik"],  # computer forensics
    ESCO_SKILL + "21d2f96d-35f7-4e3f-9745-c533d2dd6e97": ["Programmierung", "Softwareentwicklung", "Programmierkenntnisse", "Programmiersprachen"],  # computer programming
    ESCO_SKILL + "21fecc8a-392e-49ce-ac26-fb0696ccfead": ["Projektspezifikation", "Lastenheft", "Pflichtenheft", "Projektauftrag"],  # create project specifications
    ESCO_SKILL + "5898d99a-62a4-4e10-a2e3-0d815ce44248": ["Cybersicherheit", "Cyberabwehr", "Cyber Security", "Schutz vor Cyberangriffen"],  # cyber attack counter-measures
    ESCO_SKILL + "25f0ea33-b4a2-4f31-b7b4-7d20e827b180": ["Data Mining"],  # data mining
    ESCO_SKILL + "fecf8a0d-62c4-4e71-9b03-0f4fc2ad7bf5": ["Datenmodellierung", "ER-Modellierung"],  # data models
    ESCO_SKILL + "cc7370dd-69fa-4c67-a96f-d4d135d38700": ["Datenqualität", "Datenqualitätsmanagement", "Datenqualitätsprüfung"],  # data quality assessment
    ESCO_SKILL + "a7f0fbe0-c546-4f30-8e41-34a58c64567e": ["Speichersysteme", "Storage", "SAN", "NAS"],  # data storage
    ESCO_SKILL + "43ae58b9-5e56-4524-b45a-b422777a0576": ["Datenbanktypen", "Datenbankarten"],  # database
    ESCO_SKILL + "9ef0f3a0-9ce2-4ef1-a987-0366b5cb2dbe": ["Datenbankentwicklung", "Datenbankwerkzeuge"],  # database development tools
    ESCO_SKILL + "3cee858e-79e8-4a4b-b99f-93c7f735d58b": ["IBM DB2"],  # DB2
    ESCO_SKILL + "2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1": ["Debugging", "Fehlersuche in Software", "Softwarefehler beheben"],  # debug software
    ESCO_SKILL + "022dc430-872a-473a-9cf4-fed4895e58ad": ["physisches Datenbankdesign", "Speicherstruktur von Datenbanken"],  # define database physical structure
    ESCO_SKILL + "054f26ab-cfdc-4077-883c-1c4c9e9b310a": ["Firewall-Konfiguration", "Firewall-Regeln", "Firewalls"],  # define firewall rules
    ESCO_SKILL + "2164e860-7f20-48bc-b98c-5d9f8a561550": ["Netzwerkplanung", "Netzwerkdesign", "Netzwerkkonzeption"],  # design computer network
    ESCO_SKILL + "6c08403c-a5bb-4868-b8c2-b7d039c0e511": ["Datenbankschema", "Datenbankentwurf", "Datenbankdesign"],  # design database scheme
    ESCO_SKILL + "0b0335f3-0aa1-491e-895e-81fc8774a300": ["automatisierte Datenmigration", "Migrationsskripte"],  # develop automated migration methods
    ESCO_SKILL + "797a4416-0b8d-44f3-8fcd-eb10bd0be6b4": ["Prototyping", "Prototypenentwicklung", "Mock-ups"],  # develop software prototype
    ESCO_SKILL + "897b393f-e7e0-4248-a40d-d77119694e83": ["verteilte Systeme"],  # distributed computing
    ESCO_SKILL + "327d15c8-29ff-4ad4-a4fe-6536d777a45f": ["Dokumentationsarten", "Dokumentationsstandards"],  # documentation types
    ESCO_SKILL + "209a5498-3449-4689-8ed9-bd08cab4fd78": ["ingenieurwissenschaftliche Grundlagen", "Ingenieurwissenschaften", "technische Grundlagen"],  # engineering principles
    ESCO_SKILL + "72a74f69-5cf1-43c5-99b9-62a444578919": ["ingenieurtechnische Prozesse", "Engineering-Prozesse", "Systems Engineering"],  # engineering processes
    ESCO_SKILL + "2daec0e6-f0c1-43e8-8178-aedba99130ec": ["Datenprozesse", "ETL-Prozesse", "Datenpipelines"],  # establish data processes
    ESCO_SKILL + "31c69100-b612-4a61-8db5-fd314318854c": ["mathematische Berechnungen", "analytische Berechnungen", "mathematisch-analytisches Denken"],  # execute analytical mathematical calculations
    ESCO_SKILL + "00e53a0a-c0ba-4c9f-a2ed-4706d5832a00": ["Kundenzufriedenheit", "Sicherstellung der Kundenzufriedenheit", "Serviceorientierung"],  # guarantee customer satisfaction
    ESCO_SKILL + "118efbcd-8fc5-4668-81d1-c383a0d16070": ["Bearbeitung von Helpdesk-Tickets", "Ticketbearbeitung", "Störungsbearbeitung", "Incident Management"],  # handle helpdesk problems
    ESCO_SKILL + "4b51e76e-9e8a-455f-a289-5b48246345c4": ["Hardware", "Hardwarekenntnisse", "PC-Hardware", "Hardware-Komponenten"],  # hardware components
    ESCO_SKILL + "3e23db60-0c3d-498a-a6ac-ffbed0ecb033": ["digitale Barrierefreiheit", "barrierefreie IT", "BITV 2.0", "BITV"],  # ICT accessibility standards
    ESCO_SKILL + "6014921e-1d25-4039-adc2-04852d61880e": ["Debugging-Werkzeuge", "Debugger"],  # ICT debugging tools
    ESCO_SKILL + "778ca7ad-6c5d-4868-9b96-a7777dca799c": ["Hilfeplattformen", "Wissensdatenbank", "Self-Service-Portal"],  # ICT help platforms
    ESCO_SKILL + "d0c6d77e-cb25-4770-bf77-2073fc5f7523": ["IT-Infrastruktur", "Rechenzentrumsbetrieb", "IT-Infrastrukturen"],  # ICT infrastructure
    ESCO_SKILL + "0da6cab1-0ee9-4391-a299-f71fbf21db56": ["Routing", "Netzwerk-Routing", "Routing-Protokolle", "Switching"],  # ICT network routing
    ESCO_SKILL + "2ddb1226-1117-4eb4-ae65-3a2f5a5a3c80": ["Netzwerksicherheit", "Netzwerksicherheitsrisiken", "Netzwerkbedrohungen"],  # ICT network security risks
    ESCO_SKILL + "ed39edd3-44d0-4a16-9796-bfb99f92baf3": ["Leistungsanalyse", "Performanceanalyse", "Lasttests"],  # ICT performance analysis methods
    ESCO_SKILL + "94dd823c-148e-4614-a6e8-99249b16357d": ["IT-Projektmanagement-Kenntnisse", "Projektmanagement in der IT"],  # ICT project management
    ESCO_SKILL + "bec4359e-cb92-468f-a997-8fb28e32fba9": ["PRINCE2", "V-Modell XT"],  # ICT project management methodologies
    ESCO_SKILL + "7814e88f-c133-4c3b-b27f-857afa145d42": ["IT-Sicherheitsrecht", "BSI-Gesetz", "NIS2", "IT-Sicherheitsgesetz"],  # ICT security legislation
    ESCO_SKILL + "3ff589b7-68df-4ea5-ae41-b395bdb2378f": ["ISO/IEC 27001", "BSI-Standards"],  # ICT security standards
    ESCO_SKILL + "b105ec9b-0857-41d6-8d07-a83e58b73d90": ["Skriptprogrammierung", "PowerShell", "Bash", "Shell-Skripte", "Skripting"],  # ICT system programming
    ESCO_SKILL + "ca73ac82-867a-4afa-9732-834aebe896ff": ["Anwenderanforderungen", "Nutzeranforderungen", "Benutzeranforderungen"],  # ICT system user requirements
    ESCO_SKILL + "0e0c9c11-b39e-43cf-ba95-2fe646f5de64": ["Anforderungsanalyse", "Anforderungsmanagement", "Requirements Engineering", "Requirements Management"],  # identify customer requirements
    ESCO_SKILL + "68698869-c13c-4563-adc7-118b7644f45d": ["Bedarfsermittlung beim Kunden", "Kundenbedarfsanalyse", "Erfassung von Kundenanforderungen"],  # identify customer's needs
    ESCO_SKILL + "dad7e408-162f-46a4-8567-db560e19e2fc": ["Schwachstellenanalyse", "Penetrationstests", "Schwachstellenmanagement", "Sicherheitslücken erkennen"],  # identify ICT system weaknesses
    ESCO_SKILL + "b9bf9e17-ae47-417b-bbb1-e8b7c263ccac": ["Ermittlung rechtlicher Anforderungen", "rechtliche Rahmenbedingungen", "Normen und Standards ermitteln"],  # identify legal requirements
    ESCO_SKILL + "acf0a78c-f4e3-4bd9-a5cc-9cf4791b3b95": ["VPN", "VPN-Einrichtung", "Virtual Private Network"],  # implement a virtual private network
    ESCO_SKILL + "c13fb093-5ffb-491a-b8b7-fa2d42a57e2e": ["Cloud-Compliance umsetzen"],  # implement cloud security and compliance
    ESCO_SKILL + "14d1e367-3efe-4ec5-86ae-eca48710ee4e": ["IT-Sicherheitsrichtlinien", "IT-Sicherheit", "IT-Sicherheitskonzepte", "Informationssicherheit", "IT-Sicherheitskonzept umsetzen"],  # implement ICT safety policies
    ESCO_SKILL + "00c04e40-35ea-4ed1-824c-82f936c8f876": ["inkrementelles Vorgehen"],  # Incremental development
    ESCO_SKILL + "93aaf65c-5aad-4e6f-a7ba-ce9bf7c0e6e6": ["Informationsklassifizierung", "Kategorisierung von Informationen"],  # information categorisation
    ESCO_SKILL + "696e3b5b-8b61-45af-ae4c-3ab700f197ec": ["Textmining"],  # information extraction
    ESCO_SKILL + "11eebd42-44ab-401d-8a2c-bdb9fc9beb50": ["Informationssicherheitsstrategie", "Informationssicherheitsmanagement", "ISMS", "IT-Grundschutz", "BSI IT-Grundschutz"],  # information security strategy
    ESCO_SKILL + "03ff0d53-573a-47a0-a0ad-1995815a4339": ["Informationsstrukturen", "Datenstrukturen"],  # information structure
    ESCO_SKILL + "861cc783-6d4c-442e-9081-3a6e389be454": ["Installation von Telekommunikationsanlagen", "Telefonanlagen", "Netzwerkverkabelung"],  # install electronic communication equipment
    ESCO_SKILL + "925463a7-d51f-4d5b-9f79-4d28cf30acde": ["Entwicklungsumgebungen", "IDE", "Visual Studio", "Eclipse", "IntelliJ"],  # integrated development environment software
    ESCO_SKILL + "23b45aa6-a479-486d-9e6f-062cbab7c68a": ["Schnittstellen", "Schnittstellentechnik", "Schnittstellenentwicklung"],  # interfacing techniques
    ESCO_SKILL + "0daaf096-1639-461c-bf1a-bbeea77e6b67": ["internes Risikomanagement", "Risikomanagement", "internes Kontrollsystem", "IKS"],  # internal risk management policy
    ESCO_SKILL + "5063a99f-975b-4a7c-85e3-69ecb375b4d3": ["Internet-Governance", "DNS-Verwaltung", "Domainverwaltung"],  # internet governance
    ESCO_SKILL + "f049d050-12da-4e40-813a-2b5eb6df6b51": ["Smart Devices"],  # Internet of Things
    ESCO_SKILL + "1e77e42a-181f-4b48-8e74-201ce50ffc29": ["Interpretation aktueller Daten", "Datenauswertung", "Auswertung aktueller Daten"],  # interpret current data
    ESCO_SKILL + "85c11255-469f-41bd-a6d1-382bc4a87783": ["Verständnis technischer Texte", "technische Dokumentationen lesen", "Lesen von Handbüchern"],  # interpret technical texts
    ESCO_SKILL + "33d49d4f-31ec-473f-9b8a-b555aa5116bb": ["iterative Vorgehensmodelle"],  # Iterative development
    ESCO_SKILL + "19a8293b-8e95-4de3-983f-77484079c389": ["Java", "Java-Entwicklung"],  # Java (computer programming)
    ESCO_SKILL + "3cd569a2-4f88-4c1e-9995-8dce8c5e51a7": ["JavaScript-Entwicklung"],  # JavaScript
    ESCO_SKILL + "01e7dee7-3ff1-4807-acad-058dbed91aba": ["Produktkenntnisse aktuell halten", "Weiterbildung zu Produkten", "Produktschulungen"],  # keep up to date on product knowledge
    ESCO_SKILL + "ab49f767-296b-47d5-af56-0b4a69515b03": ["Identitätsmanagement", "Identity and Access Management", "Berechtigungsmanagement", "Active Directory", "Benutzerverwaltung"],  # maintain ICT identity management
    ESCO_SKILL + "f5ac9226-0ace-4d34-a1c3-7b3845834a98": ["Serverbetreuung", "Serverwartung", "Serverbetrieb"],  # maintain ICT server
    ESCO_SKILL + "1e7ed56a-6d6b-422f-962e-38543d150755": ["IT-Systemumstellung", "Systemumstellung", "Systemaktualisierung", "Update-Management"],  # manage changes in ICT system
    ESCO_SKILL + "29fb0fb5-dfc4-4098-ac9b-3a712000f48f": ["Datenbankadministration", "Datenbankverwaltung", "Datenbankpflege", "Datenbankbetreuung"],  # manage database
    ESCO_SKILL + "6a899482-8bcf-40ca-ae67-579a1cc467ab": ["Leitung technischer Projekte", "technisches Projektmanagement", "Ingenieurprojekte"],  # manage engineering project
    ESCO_SKILL + "4d85b881-e490-4b4c-897a-2faa4ef53956": ["Datenarchitektur", "Data Governance"],  # manage ICT data architecture
    ESCO_SKILL + "3c76296d-4bbd-44ba-8eaa-95bf275f79b7": ["IT-Projektmanagement", "IT-Projektleitung", "Leitung von IT-Projekten", "Digitalisierungsprojekte"],  # manage ICT project
    ESCO_SKILL + "ae4f0cc6-e0b9-47f5-bdca-2fc2e6316dce": ["Virtualisierung", "VMware", "Hyper-V", "Docker", "Containerisierung"],  # manage ICT virtualisation environments
    ESCO_SKILL + "06358891-8424-43c5-891e-d40f226bef40": ["IT-Sicherheits-Compliance", "IT-Compliance", "ISO 27001"],  # manage IT security compliances
    ESCO_SKILL + "4df7a57a-9405-4995-8e02-4ca404832247": ["Änderungsmanagement in Projekten", "Change Management", "Change Requests"],  # manage project changes
    ESCO_SKILL + "22902bf9-cc3f-495b-811a-c441e28e23f6": ["Projektinformationsmanagement", "Projektdokumentation", "Projektkommunikation"],  # manage project information
    ESCO_SKILL + "0e1fe34b-f4e7-4642-8c8b-5a05ac3438e5": ["Aufgabenplanung", "Zeitmanagement", "Priorisierung von Aufgaben", "Selbstorganisation"],  # manage schedule of tasks
    ESCO_SKILL + "2a3a96a3-709e-4d60-81f6-d247d6933f13": ["Systemsicherheit", "Informationssicherheitsmanagement betreiben", "IT-Sicherheitsmanagement"],  # manage system security
    ESCO_SKILL + "1b7c716e-af95-4cda-a42f-6479c8b139f5": ["MultiDimensional eXpressions"],  # MDX
    ESCO_SKILL + "3d03c40c-1b83-4793-8902-2523f40af59e": ["MS Access", "Access-Datenbanken"],  # Microsoft Access
    ESCO_SKILL + "020918ef-4b55-47c1-8430-ab7b8f6a7377": ["Datenmigration", "Migration von Altdaten", "Datenübernahme"],  # migrate existing data
    ESCO_SKILL + "9190d87f-9792-42e0-bb7f-64294a656bcd": ["Systemmonitoring", "Monitoring", "Performance-Überwachung", "Logging"],  # monitor system performance
    ESCO_SKILL + "0ab03c6c-281b-48f4-83e0-10eeb27a1bae": ["Netzwerkmanagement-Tools", "Netzwerkmonitoring", "Netzwerküberwachung"],  # network management system tools
    ESCO_SKILL + "07889c08-7220-47c8-96f7-6068fbea00dc": ["Datenaufbereitung", "Datenbereinigung", "Datennormalisierung"],  # normalise data
    ESCO_SKILL + "43ec6db6-33f7-449b-a566-5779a7e8997a": ["OpenEdge", "Progress OpenEdge"],  # OpenEdge Database
    ESCO_SKILL + "7369f779-4b71-4aab-8836-48b69c676eec": ["relationale Datenbanken", "Oracle", "MySQL", "PostgreSQL", "MS SQL Server"],  # operate relational database management system
    ESCO_SKILL + "f9a6f35b-01a7-40c9-8b61-b6ee46f97272": ["Windows", "Linux", "Unix", "macOS"],  # operating systems
    ESCO_SKILL + "3a5231a0-8c30-48ee-b671-08e2debd4441": ["Organisationsrichtlinien", "IT-Richtlinien", "IT-Nutzungsrichtlinien"],  # organisational policies
    ESCO_SKILL + "79f24a62-7718-46e1-9b41-37be0560a5ca": ["organisatorische Resilienz", "Business Continuity Management", "BCM"],  # organisational resilience
    ESCO_SKILL + "2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f": ["Analyse von Daten"],  # perform data analysis
    ESCO_SKILL + "744442ac-c157-4350-8be0-ce454df4f5c5": ["IT-Troubleshooting", "Fehlerbehebung", "Problembehebung", "Troubleshooting"],  # perform ICT troubleshooting
    ESCO_SKILL + "cd5efa8c-e44d-4cbc-91c6-796018dbed68": ["Projektleitung", "Projekte leiten", "Projektverantwortung", "Projektkoordination"],  # perform project management
    ESCO_SKILL + "1dd23dba-dd00-45ab-abf4-642902538317": ["Risikoanalyse", "Risikobewertung", "Gefährdungsanalyse"],  # perform risk analysis
    ESCO_SKILL + "4fabca9a-7435-4f33-b1da-3cdb00340fdc": ["wissenschaftliches Arbeiten", "Forschung", "Forschungstätigkeit"],  # perform scientific research
    ESCO_SKILL + "f642d7ed-e8d7-4355-a747-b85094d4e2e3": ["Priorisierung von Anfragen", "Ticket-Priorisierung", "Priorisierung"],  # prioritise requests
    ESCO_SKILL + "32428b21-514b-42c2-81b5-244a7804ea74": ["Beschaffung von Netzwerkkomponenten", "Netzwerkhardware"],  # procurement of ICT network equipment
    ESCO_SKILL + "d6d3fee7-47e2-47f4-a0ec-6c75f28c6abd": ["Produktkenntnisse", "Produktwissen", "Produktverständnis"],  # product comprehension
    ESCO_SKILL + "7111b95d-0ce3-441a-9d92-4c75d05c4388": ["Projektmanagement", "Programmmanagement", "Multiprojektmanagement"],  # project management
    ESCO_SKILL + "48b68726-0fd6-4e03-a5eb-82236516ee7a": ["Kosten-Nutzen-Analyse", "Wirtschaftlichkeitsberechnung", "Wirtschaftlichkeitsuntersuchung", "Wirtschaftlichkeitsbetrachtung"],  # provide cost benefit analysis reports
    ESCO_SKILL + "debb8d81-ed7f-447d-853a-5d107fda6fcf": ["Kundennachbetreuung", "Nachbetreuung", "Follow-up"],  # provide customer follow-up services
    ESCO_SKILL + "c2296e2e-5fef-4f24-a24f-e5b3792268be": ["IT-Support", "IT-Service", "First-Level-Support", "Second-Level-Support", "technischer Support"],  # provide ICT support
    ESCO_SKILL + "04dfd9fb-e0cf-40f6-96c6-9d2280c4347e": ["technische Dokumentation", "Systemdokumentation", "IT-Dokumentation"],  # provide technical documentation
    ESCO_SKILL + "ccd0a1d9-afda-43d9-b901-96344886e14d": ["Python", "Python-Programmierung"],  # Python (computer programming)
    ESCO_SKILL + "c7cc6dc5-d56b-4323-8e5c-47c4022f615f": ["Qualitätssicherung", "QS-Methoden", "Qualitätssicherungsverfahren", "Qualitätsmanagementmethoden"],  # quality assurance methodologies
    ESCO_SKILL + "8d4271ca-c9fd-40b3-875f-15f78332a49e": ["Qualitätsstandards", "Qualitätsnormen", "ISO 9001"],  # quality standards
    ESCO_SKILL + "9cf681c7-89ec-470c-b651-7fe03786f586": ["Datenbankabfragen"],  # query languages
    ESCO_SKILL + "496932f1-0b6b-4f73-9432-d95c7ddcd43b": ["Personalgewinnung", "Rekrutierung", "Recruiting", "Personalauswahl", "Stellenbesetzung"],  # recruit employees
    ESCO_SKILL + "99207709-d076-4cce-ba38-e90d3bb28806": ["RDF", "RDF-Abfragen"],  # resource description framework query language
    ESCO_SKILL + "0ccdfe98-f845-4598-84a1-3dca66e9d9a3": ["Ruby", "Ruby on Rails"],  # Ruby (computer programming)
    ESCO_SKILL + "04f1b938-d4d4-4cb1-a863-982af76b9d93": ["SAS", "SAS-Programmierung"],  # SAS language
    ESCO_SKILL + "2450c3b3-e78e-435b-b84d-e05d984e71dc": ["Softwarearchitektur", "Architekturmodelle"],  # software architecture models
    ESCO_SKILL + "484df271-bb52-49f1-8f50-f19624bf4df2": ["Softwarebibliotheken", "Komponentenbibliotheken"],  # software components libraries
    ESCO_SKILL + "1d86f05e-e9cc-40ce-99d8-2b21cc71b16b": ["Softwareverteilung", "Deployment", "Rollout"],  # solution deployment
    ESCO_SKILL + "9e06bac6-6b91-48ca-8b7d-c1f48cdecd7c": ["IT-Fehleranalyse", "Fehleranalyse", "Störungsbeseitigung", "Systemstörungen beheben"],  # solve ICT system problems
    ESCO_SKILL + "598de5b0-5b58-4ea7-8058-a4bc4d18c742": ["SQL-Kenntnisse", "SQL-Abfragen"],  # SQL
    ESCO_SKILL + "7ee4c2ea-b349-4bd2-81a3-ec31475d4833": ["Statistik", "statistische Methoden", "Statistikkenntnisse"],  # statistics
    ESCO_SKILL + "db36f7f1-5900-45bd-9ffb-f2b19c4362ac": ["Anwenderbetreuung", "Benutzerbetreuung", "Anwenderunterstützung", "User Support"],  # support ICT system users
    ESCO_SKILL + "47ca0da1-cae5-4395-ae6b-fd97b9ff48d3": ["Datensicherung", "Backup", "Backupkonzepte", "Disaster Recovery", "Wiederherstellungskonzepte"],  # system backup best practice
    ESCO_SKILL + "09f2f811-a3fb-4de3-a70f-6420a6935575": ["Software-Lebenszyklus", "SDLC", "Softwareentwicklungsprozess"],  # systems development life-cycle
    ESCO_SKILL + "59ea80e1-463a-4dba-82c6-d0b6d577d532": ["Lesen technischer Zeichnungen", "Bauzeichnungen", "technische Zeichnungen verstehen"],  # technical drawings
    ESCO_SKILL + "9d2e926f-53d9-41f5-98f3-19dfaa687f3f": ["Versionsverwaltung", "Versionskontrolle", "GitLab", "Subversion"],  # tools for software configuration management
    ESCO_SKILL + "e54ff029-1ce9-447d-a5b2-eb7283a23e6e": ["Mitarbeiterschulung", "Schulung von Mitarbeitenden", "Anwenderschulungen"],  # train employees
    ESCO_SKILL + "c5e8abde-d2ba-4e8e-a65e-720b71180666": ["Big Data"],  # unstructured data
    ESCO_SKILL + "82de2df7-0d6c-42b1-94ac-b3e9a029e917": ["Backup-Software", "Datensicherungssoftware", "Veeam", "Datenwiederherstellung"],  # use back-up and recovery tools
    ESCO_SKILL + "9889b795-d755-41b2-8afd-2e3c87a65a38": ["CRM-Software", "CRM", "Customer Relationship Management"],  # use customer relationship management software
    ESCO_SKILL + "1b70a55d-b8a4-49fc-96c6-15ab4cff2522": ["Datenverarbeitung", "Datenverarbeitungstechniken", "Datenerhebung und -auswertung"],  # use data processing techniques
    ESCO_SKILL + "4463a721-69f3-413d-8321-43e3af13a4f1": ["Datenbankkenntnisse", "Datenbanken", "Arbeit mit Datenbanken"],  # use databases
    ESCO_SKILL + "6430eb0d-c6de-46b7-a7fc-3dd2e8e62a69": ["Ticketsystem", "OTRS", "Jira Service Management", "Ticketing-System"],  # use ICT ticketing system
    ESCO_SKILL + "5ef0c719-5bcb-49f8-b8eb-824388225333": ["Skriptsprachen", "Python-Skripte", "Automatisierung mit Skripten"],  # use scripting programming
    ESCO_SKILL + "2b7a79e5-84d8-4880-be66-3d9bb05bea17": ["Entwurfsmuster", "Design Patterns"],  # use software design patterns
    ESCO_SKILL + "8b94aa1e-89c9-459d-b3b4-1dfab8dec2df": ["Frameworks", "Programmbibliotheken"],  # use software libraries
    ESCO_SKILL + "541561bc-510c-4a99-881c-2d8bf5a85462": ["CAD", "AutoCAD", "technisches Zeichnen am Computer", "CAD-Kenntnisse"],  # use technical drawing software
    ESCO_SKILL + "172020d1-e151-445b-8173-e2a5fb16fe51": ["CASE-Tools", "computergestützte Softwareentwicklung"],  # utilise computer-aided software engineering tools
    ESCO_SKILL + "348b74cd-49ce-4844-8bdf-ec188b497213": ["Datenvisualisierung", "Visualisierung", "Dashboards"],  # visual presentation techniques
    ESCO_SKILL + "1605025e-a179-421f-8f35-5b07d182a6b2": ["Webanalyse", "Web-Analytics", "Matomo"],  # web analytics
    # --- civil and structural engineering (Tiefbau, Hochbau, Bauaufsicht, Straßenunterhaltung, Wasserwirtschaft) ---
    ESCO_SKILL + "42b23922-1c40-4dbe-9e0c-7a568dfdf06b": ["Anpassung von Entwürfen", "Planänderungen", "Überarbeitung von Planungen"],  # adjust engineering designs
    ESCO_SKILL + "172112b9-1cf8-4b7c-818b-06f0205e52b3": ["Brückenprüfung", "Bauwerksprüfung", "DIN 1076", "Brückeninspektion"],  # advise on bridge inspection
    ESCO_SKILL + "3b64ab47-a874-403a-b781-7b23c2fc3c6c": ["Bauberatung", "Beratung in Bauangelegenheiten", "Bauherrenberatung"],  # advise on building matters
    ESCO_SKILL + "5b8d63ff-a58b-4331-a53b-b1925acae4dc": ["Bewässerungsprojekte", "Beratung zu Bewässerung"],  # advise on irrigation projects
    ESCO_SKILL + "589f0d24-0846-4971-bc6c-a42bb274f69a": ["Luftdichtheit", "luftdichte Bauweise", "Blower-Door-Test"],  # airtight construction
    ESCO_SKILL + "f54c10e4-630d-4e50-95e9-4e9e268e8f12": ["Freigabe von Planungen", "Planprüfung", "Ausführungsplanung"],  # approve engineering design
    ESCO_SKILL + "80c042de-bc1a-4d78-b266-35bc80ba3093": ["Entwurfsplanung", "architektonischer Entwurf", "Gebäudeentwurf", "Objektplanung"],  # architectural design
    ESCO_SKILL + "9f5e899e-a53f-4b7a-a137-aade7fb18b86": ["Architekturtheorie", "Baugeschichte"],  # architectural theory
    ESCO_SKILL + "88680a21-57f9-46b6-8268-7d8e42aef849": ["Bauordnungsrecht", "Landesbauordnung", "Bauordnung", "Architektenrecht"],  # architecture regulations
    ESCO_SKILL + "f91ad7eb-f4dd-400f-b69e-6a4e23024741": ["Asphaltmischgut", "Asphaltmischungen", "Asphalttechnologie"],  # asphalt mixes
    ESCO_SKILL + "615cfc39-797f-4229-8e92-159fcf8f3030": ["DIN-Normen", "technische Baubestimmungen", "bautechnische Vorschriften"],  # building codes
    ESCO_SKILL + "fae7e545-5114-43cc-8e83-178e2549ecb9": ["Building Information Modeling", "BIM-Methode", "Revit"],  # building information modelling
    ESCO_SKILL + "1ea17ca5-3550-408c-8500-7d18dfffee93": ["Winterdienst", "Streudienst", "Schneeräumung"],  # carry out de-icing activities
    ESCO_SKILL + "2c4b6914-4b97-4e35-85cb-e6602a8bb04a": ["Ausschreibung und Vergabe von Bauleistungen", "AVA", "VOB/A", "Vergabe von Bauleistungen"],  # carry out tendering
    ESCO_SKILL + "2dfa5bd5-c87c-461c-bce9-69b2c58732bd": ["Kartografie", "Kartographie", "Kartenkunde"],  # cartography
    ESCO_SKILL + "1b71f0d0-8e57-44dc-aaa0-3ee6fbb59991": ["Bauaufsicht", "Bauabnahme", "Bauzustandsbesichtigung"],  # check construction compliance
    ESCO_SKILL + "82887396-e5bf-4306-af51-3fe8d82790b2": ["Bauingenieurwesen", "Ingenieurbau", "Tiefbau", "Hochbau", "Bauingenieurwissenschaften", "Baustatik", "Statik", "Tragwerksplanung"],  # civil engineering
    ESCO_SKILL + "91be6910-bd67-4e1f-95b0-32513b399b24": ["Eskalation an Vorgesetzte", "Meldung von Mängeln", "Mängelmeldung"],  # communicate problems to senior colleagues
    ESCO_SKILL + "fe77f9ca-7bd2-4a68-98f4-8463a4fb8301": ["Bauwirtschaft", "Baubranche", "Bauindustrie"],  # construction industry
    ESCO_SKILL + "204713d1-a658-435b-b495-765866715755": ["öffentliches Baurecht", "Baurecht", "Baugesetzbuch", "BauGB"],  # construction legal systems
    ESCO_SKILL + "cc173f61-3386-44c5-a048-3889e1ec9114": ["Bauverfahren", "Bauweisen", "Bautechnik", "Baukonstruktion"],  # construction methods
    ESCO_SKILL + "5518db9d-4a2f-4b53-9068-4d0d61465bf4": ["Bauproduktenverordnung", "Bauprodukterecht"],  # construction product regulation
    ESCO_SKILL + "023faef3-0633-436d-8b91-389c45c1421c": ["Altlasten", "Schadstoffschutz", "Gefahrstoffverordnung"],  # contamination exposure regulations
    ESCO_SKILL + "7d35602d-bc94-4975-aa7c-f4e8e05ce8e0": ["Kostenmanagement", "Kostensteuerung", "Kostenplanung", "Kosten- und Leistungsrechnung", "KLR"],  # cost management
    ESCO_SKILL + "76415d7f-0fde-4364-b45f-5c044580d2aa": ["AutoCAD-Zeichnungen", "Zeichnen mit AutoCAD"],  # create AutoCAD drawings
    ESCO_SKILL + "981f770c-24f1-4711-afc0-13a6fa1a33ab": ["Leitungsplanung", "Rohrleitungsplanung", "Kanalplanung"],  # create designs for pipeline engineering
    ESCO_SKILL + "4134622c-c3fb-4a41-beb6-6d58ba5107db": ["Fachkompetenz", "Fachwissen", "fachliche Expertise"],  # demonstrate disciplinary expertise
    ESCO_SKILL + "4c58528e-bdaa-43ad-8f5a-8ad0b8cd4bbb": ["Gestaltungsgrundsätze", "Gestaltungslehre", "Designprinzipien"],  # design principles
    ESCO_SKILL + "16d61c6a-30e8-49e2-abbb-d20879eb8afd": ["Freiraumplanung", "Außenanlagenplanung", "Gestaltung von Außenanlagen", "Freiflächenplanung"],  # design spatial layout of outdoor areas
    ESCO_SKILL + "414bfea8-a6bd-44e1-8820-80b1238a39cc": ["Leitungsinspektion", "Kanalinspektion", "Schadensfeststellung an Leitungen", "Kanal-TV-Untersuchung"],  # detect flaws in pipeline infrastructure
    ESCO_SKILL + "6b5d032a-b85a-44ea-9dad-5201048d2dd2": ["Hochwasserschutz", "Hochwasserschutzkonzepte", "Starkregenvorsorge", "Hochwasserrisikomanagement"],  # develop flood remediation strategies
    ESCO_SKILL + "ddbf25f1-b91a-4083-9ef1-cc113a46e4c0": ["Biotope"],  # ecosystems
    ESCO_SKILL + "3e40c7d0-0e36-4b33-bc33-0aa87eda0561": ["Elektrotechnik", "Elektroingenieurwesen"],  # electrical engineering
    ESCO_SKILL + "c8ac1986-38fa-43b2-89dc-50a4beeb420e": ["Elektrizität", "Elektrotechnik-Grundlagen", "Elektrik"],  # electricity
    ESCO_SKILL + "071c7f1d-f659-4b96-a222-b21012297f3b": ["Energiemarkt", "Energiewirtschaft", "Energiehandel"],  # energy market
    ESCO_SKILL + "4e09e2d2-e317-47d2-bf5e-1d6c66be3efc": ["Energieeffizienz", "Gebäudeenergiegesetz", "GEG", "energetische Sanierung", "Energieausweis"],  # energy performance of buildings
    ESCO_SKILL + "089ee650-297e-4716-87d1-440743b70a0d": ["Einhaltung des Umweltrechts", "Umweltschutzauflagen", "Umwelt-Compliance"],  # ensure compliance with environmental legislation
    ESCO_SKILL + "233be639-bdb5-4099-ab40-96d537d6c1f3": ["Arbeitssicherheit", "Einhaltung der Arbeitsschutzvorschriften", "Arbeitsschutz auf Baustellen", "Arbeitsschutzgesetz"],  # ensure compliance with safety legislation
    ESCO_SKILL + "0332f526-6dc0-4f09-8a7c-2b9473c50736": ["Barrierefreiheit", "barrierefreies Bauen", "Barrierefreiheit im öffentlichen Raum", "DIN 18040"],  # ensure infrastructure accessibility
    ESCO_SKILL + "63f9a5bc-f070-46a6-bea7-c6b9e9dbacc3": ["Gebäudehülle", "Fassadentechnik", "Wärmedämmung"],  # envelope systems for buildings
    ESCO_SKILL + "b1b118c4-3291-484e-b64d-6d51fd5da8b3": ["Umweltingenieurwesen", "Umweltschutztechnik"],  # environmental engineering
    ESCO_SKILL + "081d7679-5070-4777-bece-a28c49f15636": ["Umweltschutz", "kommunale Umweltpolitik"],  # environmental policy
    ESCO_SKILL + "17996b4f-1302-4bd7-a4c7-912b74feccf0": ["bildende Kunst", "Kunst", "Kunstgeschichte"],  # fine arts
    ESCO_SKILL + "61268e22-9367-4c3b-91d9-b651e4c142e2": ["Brandschutzvorschriften", "Brandschutzrecht", "Brandschutzordnung", "Brandschutzverordnung"],  # fire safety regulations
    ESCO_SKILL + "9c5dbb72-563f-449d-ab89-56b8dfc271b6": ["Hochwasserschutzausrüstung", "mobiler Hochwasserschutz"],  # flood remediation equipment
    ESCO_SKILL + "86df7af2-f9f3-4c06-a500-7f1fba9e78fe": ["Arbeitsschutz im Bauwesen", "Baustellensicherheit", "SiGeKo", "Sicherheits- und Gesundheitsschutz auf Baustellen"],  # follow health and safety procedures in construction
    ESCO_SKILL + "2c71ffc8-dae9-4584-ae7f-5b3a78c8cc69": ["Möbeltrends", "Inneneinrichtung"],  # furniture trends
    ESCO_SKILL + "023f4870-b417-4bd2-b0ae-78e61587c79f": ["Geomatik", "Geoinformatik"],  # geomatics
    ESCO_SKILL + "25b973c6-68ea-4ff7-bd26-aa76bd08b62a": ["Hydraulikflüssigkeiten", "Hydrauliköle"],  # hydraulic fluid
    ESCO_SKILL + "68e66ed6-a171-4350-8ec1-2cfc4cae50e4": ["Hydraulik", "Hydromechanik", "hydraulische Berechnungen"],  # hydraulics
    ESCO_SKILL + "aba33944-7bc3-42ea-9b37-03d7482231c7": ["Asphaltprüfung", "Fahrbahnkontrolle", "Straßenzustandserfassung"],  # inspect asphalt
    ESCO_SKILL + "887a5c70-5524-4c7d-96cc-6cdcf1c5309f": ["Prüfung der Gebäudetechnik", "technische Gebäudeprüfung", "Prüfung haustechnischer Anlagen"],  # inspect building systems
    ESCO_SKILL + "4f9f0410-5db0-4b3b-8de3-1ded1600c719": ["Baustellenkontrolle", "Baustellenbegehung", "Baustellenüberwachung"],  # inspect construction sites
    ESCO_SKILL + "50f2d23c-b3fb-48a5-967b-14fd0a6dd205": ["Prüfung von Baumaterialien", "Baustoffprüfung", "Materialprüfung", "Wareneingangskontrolle Baustoffe"],  # inspect construction supplies
    ESCO_SKILL + "872ad4df-5576-4322-8ebf-36b9d448965a": ["Prüfung von Anstrichen", "Fahrbahnmarkierungen prüfen", "Markierungsarbeiten"],  # inspect paintwork
    ESCO_SKILL + "f21c872c-68ae-49bb-a84f-bf3097c65443": ["Kontrolle von Verkehrszeichen", "Beschilderungskontrolle", "Streckenkontrolle"],  # inspect road signs
    ESCO_SKILL + "f03a3387-c4a7-41e3-a5d4-dd4577147940": ["integrale Planung", "integriertes Planen"],  # integrated design
    ESCO_SKILL + "20a8fe89-d4eb-4698-8521-8881c13377e0": ["professionelles Auftreten", "professioneller Umgang im beruflichen Umfeld", "Kollegialität"],  # interact professionally in research and professional environments
    ESCO_SKILL + "07ec6866-d283-46a6-991c-e8ce0c6fc159": ["Wasserqualität", "Gewässergüte", "Auswertung von Wasserproben"],  # interpret scientific data to assess water quality
    ESCO_SKILL + "be0afbfa-2d39-47d0-8d5c-81df2a27d250": ["Verkehrszeichen und Lichtsignale beachten", "Ampelregelungen", "Verkehrssignale"],  # interpret traffic signals
    ESCO_SKILL + "700ea222-8139-4c48-95cf-014855565530": ["Bewässerungssysteme", "Bewässerungstechnik"],  # irrigation systems
    ESCO_SKILL + "ccfbdaad-b91d-4bfe-bd0e-d30b33587f19": ["Baudokumentation", "Bautagebuch", "Dokumentation des Arbeitsfortschritts", "Bautagesberichte"],  # keep records of work progress
    ESCO_SKILL + "6055a4be-3f41-47e3-acd1-0535fa17e04c": ["Landschaftsgestaltung", "Landschaftsplanung", "Landschaftsdesign"],  # landscape design
    ESCO_SKILL + "f874149a-1d76-43ba-a3b9-338c6d83da30": ["Nutztiere", "Tierhaltung"],  # livestock
    ESCO_SKILL + "44e2c4c4-9fd2-42d4-a133-d81360ded4bc": ["Arbeitsschutzmanagement", "Gesundheits- und Arbeitsschutz", "Arbeits- und Gesundheitsschutz", "Sicherheitsstandards"],  # manage health and safety standards
    ESCO_SKILL + "a8d24a95-47b3-4f88-92e7-06600bcd3612": ["Weiterbildungsbereitschaft", "berufliche Weiterentwicklung", "lebenslanges Lernen", "Fortbildungsbereitschaft"],  # manage personal professional development
    ESCO_SKILL + "08b04e53-ed25-41a2-9f90-0b9cd939ba3d": ["Forschungsdatenmanagement", "Datenmanagement"],  # manage research data
    ESCO_SKILL + "142f3f7f-f15f-412e-a5fe-f75755b5dbe0": ["Werkstoffkunde", "Materialwissenschaft", "Baustoffkunde"],  # materials science
    ESCO_SKILL + "4339176e-3acd-4f7f-a5d9-445bee3d23f2": ["Mathematik", "mathematische Kenntnisse"],  # mathematics
    ESCO_SKILL + "4ccf7d02-764c-4129-a1df-fa1dd2e12647": ["Einhaltung der Bauvorschriften", "baurechtliche Anforderungen erfüllen", "Genehmigungsplanung"],  # meet building regulations
    ESCO_SKILL + "ce4990a4-bf69-4f5f-becb-e4fd96da3a74": ["Baumaschinen", "Baugeräte", "Tiefbaumaschinen"],  # mining, construction and civil engineering machinery products
    ESCO_SKILL + "f3a313b1-315b-490c-8f4c-35e8d2d07e3e": ["Straßennetz", "Bundesfernstraßen", "Straßeninfrastruktur"],  # national road network
    ESCO_SKILL + "254d5358-8e20-450c-9fed-28ceff0479ef": ["Drohneneinsatz", "Drohnenbefliegung", "UAV-Vermessung"],  # operate drones in civil engineering
    ESCO_SKILL + "2b34764d-637c-48f5-aa70-31e15c965db6": ["Open-Source-Software", "Open Source", "QGIS"],  # operate open source software
    ESCO_SKILL + "1de548e0-9535-4d2e-9d20-d4474c1ea813": ["Bauleitung", "Bauüberwachung", "Objektüberwachung", "Projektsteuerung Bau"],  # oversee construction project
    ESCO_SKILL + "b10c9a92-d6ff-40bc-ac64-4705949a2ac7": ["Feldforschung", "Erhebungen vor Ort", "Bestandsaufnahme vor Ort"],  # perform field research
    ESCO_SKILL + "59607bec-a5c3-42a8-90ee-ded24c6f2247": ["Verkehrszeichenunterhaltung", "Beschilderung aufstellen", "Aufstellen von Verkehrszeichen"],  # perform traffic sign maintenance
    ESCO_SKILL + "0435fe96-523f-4888-a76f-22df1e92d9c4": ["Photogrammetrie", "Luftbildauswertung", "Fotogrammetrie"],  # photogrammetry
    ESCO_SKILL + "62e109fe-b619-460a-9f77-4396a6118fcf": ["Verkehrssicherung", "Baustellenabsicherung", "Verkehrssicherung an Arbeitsstellen", "MVAS"],  # place temporary road signage
    ESCO_SKILL + "75f312e1-622b-4751-8d93-815b32feaf8d": ["Immissionsschutz", "Vermeidung von Umweltverschmutzung", "Gewässerschutz"],  # pollution prevention
    ESCO_SKILL + "63395522-32f0-46c4-851d-69c2d3800a8a": ["Leitungsschutz", "Schutz von Versorgungsleitungen", "Leitungsauskunft"],  # prevent damage to utility infrastructure
    ESCO_SKILL + "1177c6f5-09c5-4c35-873c-afd22d170ad3": ["Qualitätskontrolle", "Qualitätsprüfung", "Qualitätskontrollverfahren"],  # quality assurance procedures
    ESCO_SKILL + "68b6ef08-d823-489d-a95c-752ae6f6e6a7": ["Lesen von Bauplänen", "Planlesen", "Bauzeichnungen lesen"],  # read standard blueprints
    ESCO_SKILL + "c5afeb33-4291-44c9-a89a-373185d0bfef": ["Gebäude und Umwelt", "nutzerorientierte Planung"],  # relationship between buildings, people and the environment
    ESCO_SKILL + "26509eec-d102-44f4-9c45-2137bc510db4": ["Beschilderungsvorschriften", "Richtlinien für Verkehrszeichen", "Verkehrszeichenkatalog"],  # road signage standards
    ESCO_SKILL + "48f480aa-c9a8-4552-b1c5-e94330912257": ["Straßenverkehrsrecht", "Straßenverkehrsordnung", "StVO", "Straßenverkehrsgesetz"],  # road traffic laws
    ESCO_SKILL + "3a0d4d83-6392-4a81-87f1-5b57b08110b5": ["gestalterische Anforderungen", "Baukultur", "Gestaltungsqualität"],  # satisfy aesthetic requirements
    ESCO_SKILL + "54660948-b811-49a9-874c-bf2be5f280a2": ["technische Anforderungen erfüllen", "Einhaltung technischer Vorgaben"],  # satisfy technical requirements
    ESCO_SKILL + "6ed2fb8d-3580-497f-8a21-30a0ada5caae": ["Absicherung von Arbeitsstellen", "Arbeitsstellensicherung", "Sicherung des Arbeitsbereichs"],  # secure working area
    ESCO_SKILL + "05e5e14f-ffa6-4106-b311-c6335ccc2bd2": ["Photovoltaik", "Solarthermie"],  # solar energy
    ESCO_SKILL + "1cca610d-2afc-44a7-97fc-f2262fb5fc75": ["Vermessung", "Vermessungswesen", "Liegenschaftsvermessung", "Landvermessung"],  # surveying
    ESCO_SKILL + "67785eab-0818-41f9-9756-a8e0a215b95b": ["Vermessungsmethoden", "Vermessungsverfahren", "Vermessungstechnik", "GNSS-Vermessung", "Tachymetrie"],  # surveying methods
    ESCO_SKILL + "dada8e80-2a53-41bf-9eac-f8c1f9971bed": ["ökologisches Bauen", "nachhaltiges Bauen"],  # sustainable building materials
    ESCO_SKILL + "f715be1d-5fc4-49d3-82a5-0b8090d12849": ["Zusammenfassungen erstellen", "Synthese"],  # synthesise information
    ESCO_SKILL + "9a58cd26-58eb-4a1c-b1b6-64037fe9cfa1": ["abstraktes Denken", "Abstraktionsvermögen", "analytisches Denkvermögen"],  # think abstractly
    ESCO_SKILL + "790a335b-2005-4b8a-b6fe-47ff7701ebb7": ["Topografie", "Topographie", "Geländeaufnahme"],  # topography
    ESCO_SKILL + "dda26251-7331-41fd-871f-1106ca468189": ["Verkehrsingenieurwesen", "Lichtsignalanlagen", "Verkehrssteuerung"],  # traffic engineering
    ESCO_SKILL + "267a2f67-f526-4432-8723-7d8bbd3ab1e6": ["Verkehrszeichen", "Verkehrsbeschilderung", "Beschilderung"],  # traffic signs
    ESCO_SKILL + "3ba70459-7849-423f-a51e-e2290724b75b": ["Asphaltbeläge", "Fahrbahnbeläge", "Deckschichten"],  # types of asphalt coverings
    ESCO_SKILL + "c1d7a6df-92e8-4b2f-9259-e04dd7242be3": ["Rohrleitungsarten", "Leitungssysteme", "Rohrleitungsbau"],  # types of pipelines
    ESCO_SKILL + "7f18039d-dfae-471b-9daa-507f6b2d2842": ["Stadtplanung", "Bauleitplanung", "Städtebau", "Stadtentwicklung", "Flächennutzungsplanung"],  # urban planning
    ESCO_SKILL + "1f632076-fd9b-4b18-a9a2-b59a59181d3e": ["Bauplanungsrecht", "Planungsrecht", "Städtebaurecht", "Baunutzungsverordnung", "BauNVO"],  # urban planning law
    ESCO_SKILL + "b92758d4-4591-4df1-9ceb-f907aa71ebd9": ["Messgeräte", "Umgang mit Messinstrumenten", "Messungen durchführen"],  # use measurement instruments
    ESCO_SKILL + "c643e59b-d74c-4f44-b76e-6e1d96c05ec4": ["persönliche Schutzausrüstung", "PSA", "Tragen von Schutzausrüstung"],  # use safety equipment in construction
    ESCO_SKILL + "1697d506-a82b-45aa-9a2f-2b71d71e1789": ["Wasserchemie", "Wasseranalytik", "Wasserchemische Analyse"],  # water chemistry analysis
    ESCO_SKILL + "4ee4ed1d-dc38-48e0-a9e6-a6b64f316ea6": ["Wasserrecht", "Wasserhaushaltsgesetz", "WHG", "Wasserwirtschaft"],  # water policies
    ESCO_SKILL + "b970e437-2f8b-42e3-ae49-6718a0cca44f": ["Grauwassernutzung", "Regenwassernutzung"],  # water reuse
    ESCO_SKILL + "156f8c5b-894a-4ccc-a70e-37a2726f3f00": ["ergonomisches Arbeiten", "Ergonomie", "rückenschonendes Arbeiten"],  # work ergonomically
    ESCO_SKILL + "cdd2b6cc-b4a9-42a0-824b-766f52176fd3": ["Prüfberichte", "Kontrollberichte", "Inspektionsberichte", "Prüfprotokolle"],  # write inspection reports
    ESCO_SKILL + "76654176-5cc8-4cb3-b307-4ef1b6c2543c": ["Bebauungsplan", "Flächennutzungsplan", "Bebauungspläne", "Baugebiete", "Zoneneinteilung"],  # zoning codes
    # --- urban planning (Stadtplanung, Bauleitplanung, Verkehrsplanung, Landschaftsarchitektur) ---
    ESCO_SKILL + "13f7cd7c-6ec5-4186-8744-de3c780b973d": ["landschaftsplanerische Beratung", "Beratung zur Landschaftsgestaltung"],  # advise on landscapes
    ESCO_SKILL + "8b46636e-e201-4086-a8d5-049b65eaf40e": ["Flächennutzungsberatung", "Landnutzung", "Flächennutzung"],  # advise on use of land
    ESCO_SKILL + "6db3ac8e-8636-4ced-965b-75e35c3193c3": ["Ästhetik", "ästhetisches Empfinden"],  # aesthetics
    ESCO_SKILL + "34330a42-eeb0-44c3-a41e-670e9b20c7c7": ["Flugverkehrsmanagement", "Luftverkehr"],  # air traffic management
    ESCO_SKILL + "77f109c4-3107-4d2a-a512-5160ac103933": ["Umweltdatenanalyse", "Auswertung von Umweltdaten", "Umweltmonitoring"],  # analyse environmental data
    ESCO_SKILL + "95f4631e-fcde-467f-8277-01e824b40a06": ["Verkehrsanalyse", "Verkehrszählung", "Verkehrserhebungen"],  # analyse road traffic patterns
    ESCO_SKILL + "81a2db2c-7e55-44d0-9cd9-74c25147d7cd": ["Auswertung von Messdaten", "Testdatenanalyse", "Messdatenauswertung"],  # analyse test data
    ESCO_SKILL + "620b7a6a-2231-4fea-b175-fd7ff16cce0a": ["Verkehrskostenanalyse", "Analyse von Transportkosten"],  # analyse transportation costs
    ESCO_SKILL + "6f30181d-65b5-4527-b36e-a686d47fed84": ["Bikesharing"],  # bicycle sharing systems
    ESCO_SKILL + "96835f47-da71-415b-8cbf-d37386dc98d4": ["Umwelterhebungen", "Kartierungen", "Umweltprüfung"],  # conduct environmental surveys
    ESCO_SKILL + "c94dd931-f568-48e2-9a1c-922f1ce21f67": ["Demografie", "Bevölkerungsentwicklung", "demografischer Wandel"],  # demography
    ESCO_SKILL + "1f51e46a-4588-4c1d-b507-3f9ea480dde2": ["Landschaftsplanung entwerfen", "landschaftsplanerische Entwürfe", "Grünordnungsplanung"],  # design landscape schemes
    ESCO_SKILL + "921f52c7-d977-4e84-8b62-adf64fed999f": ["Erstellung von Bauplänen", "Planerstellung", "Entwurfspläne erstellen"],  # develop architectural plans
    ESCO_SKILL + "0a71a150-17fd-448e-a5b8-19fbea76d569": ["Verkehrsuntersuchungen", "Mobilitätsstudien", "Verkehrsgutachten", "Verkehrsentwicklungsplanung"],  # develop urban transport studies
    ESCO_SKILL + "2b1e2927-3542-48da-9063-02925e7562c1": ["Veröffentlichung von Forschungsergebnissen", "Publikationen", "Fachvorträge"],  # disseminate results to the scientific community
    ESCO_SKILL + "00b9a3aa-7070-4bb5-8020-f228a97cf42f": ["wissenschaftliches Schreiben", "Fachpublikationen", "Gutachten verfassen"],  # draft scientific or academic papers and technical documentation
    ESCO_SKILL + "a8429098-ddac-481b-91e7-688d021c092e": ["ökologische Zusammenhänge"],  # ecology
    ESCO_SKILL + "6f5850ea-5785-4e2c-b062-743066fd5bdb": ["Umweltgesetzgebung", "Bundesimmissionsschutzgesetz", "BImSchG", "Naturschutzrecht"],  # environmental legislation
    ESCO_SKILL + "39f67488-cfd3-4370-8d7e-da98163102d9": ["Bewertung von Forschungsvorhaben", "Evaluation", "Evaluierung"],  # evaluate research activities
    ESCO_SKILL + "7bf0c60a-9303-414b-a43c-21c28a98d4ff": ["Routenplanung", "Verkehrswege", "geografische Routen"],  # geographical routes
    ESCO_SKILL + "5368a46a-54b5-4874-a06f-964d557c1cfb": ["Grünflächenplanung", "Grünflächenmanagement", "Grünflächenkonzepte", "Stadtgrün"],  # green space strategies
    ESCO_SKILL + "77a9c736-154e-4a19-8476-4246ed25fd54": ["Architekturgeschichte", "historische Bausubstanz", "Denkmalschutz"],  # historic architecture
    ESCO_SKILL + "06670261-ea6b-4b52-a915-c7d4ff837f74": ["statistische Muster erkennen", "Mustererkennung", "Trendanalyse"],  # identify statistical patterns
    ESCO_SKILL + "4d39b27a-b34f-4c89-8d46-df844d42f728": ["Politikberatung", "Wissenstransfer", "wissenschaftliche Politikberatung"],  # increase the impact of science on policy and society
    ESCO_SKILL + "8981d38b-fbc1-4ebe-9300-2357fb71913a": ["Integration von Maßnahmen in Entwürfe", "Ausgleichsmaßnahmen planen"],  # integrate measures in architectural designs
    ESCO_SKILL + "1f403e44-7a79-4b91-b86a-e406208be161": ["visuelle Kompetenz", "Lesen von Plänen und Grafiken", "Visualisierungskompetenz"],  # interpret visual literacy
    ESCO_SKILL + "fdeabe51-1d92-4770-acfe-eff9769b3d4f": ["Landschaftsanalyse", "Landschaftsbewertung", "Eingriffs-Ausgleichs-Bilanzierung"],  # landscape analysis
    ESCO_SKILL + "4c598891-db23-4b7c-9b39-233ba8eaf848": ["Freiraumgestaltung"],  # landscape architecture
    ESCO_SKILL + "b4b28d82-0a26-4b1c-a932-38d4378c189e": ["Ortskenntnisse", "Ortskunde", "regionale Geografie"],  # local geography
    ESCO_SKILL + "4f5c1208-62fd-4e5a-a51e-306c06947e11": ["FAIR-Datenmanagement", "Open Data", "offene Daten"],  # manage findable accessible interoperable and reusable data
    ESCO_SKILL + "d96e25fe-18f2-47bc-9939-bad113934204": ["Projektleitung Landschaftsbau", "Leitung von Freianlagenprojekten"],  # manage landscape design projects
    ESCO_SKILL + "a06a0d41-10fa-4ba7-a988-e8b5eba966fb": ["Mobility as a Service", "MaaS", "Mobilitätsplattformen"],  # mobility as a service
    ESCO_SKILL + "656ae836-2075-459f-8967-03706d4ac2bb": ["Parkraumbewirtschaftung", "Parkvorschriften", "Parkraumüberwachung"],  # parking regulations
    ESCO_SKILL + "73997f48-cd9d-4724-872d-86ecbb2ed9a2": ["Pflanzenkenntnisse", "Pflanzenarten", "Pflanzenkunde"],  # plant species
    ESCO_SKILL + "3edfa33c-c644-4a9a-acd1-e82039daa663": ["Förderung nachhaltiger Mobilität", "Radverkehrsförderung", "Mobilitätsmanagement", "Verkehrswende"],  # promote the use of sustainable transport
    ESCO_SKILL + "87454307-a3ad-40ce-8024-1aeb7c94f1e3": ["Verkehrsregelung", "Verkehrslenkung", "Verkehrsregelung durch Handzeichen"],  # regulate traffic
    ESCO_SKILL + "6c1143b7-1a4c-49ba-849a-ae328673e566": ["Bodenstruktur", "Bodenkunde", "Bodenbeschaffenheit"],  # soil structure
    ESCO_SKILL + "2de4572a-4724-4f76-afc2-72a568a264ac": ["Fremdsprachenkenntnisse", "Mehrsprachigkeit", "Fremdsprachen"],  # speak different languages
    ESCO_SKILL + "68e8e227-b843-4f2b-8572-9cbe63aada3a": ["Festlegung von Ausstattungselementen", "Pflanzplanung", "Ausschreibung von Landschaftsbauleistungen"],  # specify landscape design components
    ESCO_SKILL + "ad59afe4-6f8a-4bc4-acfd-0f228277508a": ["Statistiksoftware", "SPSS", "SAS-Software"],  # statistical analysis system software
    ESCO_SKILL + "969caeb0-cfc5-42aa-9c44-0ca3c09305fe": ["Verkehrsflussanalyse", "Verkehrsflussuntersuchung", "Verkehrsmodellierung"],  # study traffic flow
    ESCO_SKILL + "440f64e5-e66c-45ee-bc29-53c14a2ad720": ["GIS", "ArcGIS", "QGIS-Anwendung", "GIS-Kenntnisse"],  # use geographic information systems
    ESCO_SKILL + "46454506-fb7c-4ad7-84e0-d4a6a5589ea1": ["Nullenergiegebäude", "Passivhaus", "Passivhausplanung"],  # zero-energy building design
    # --- surveying and geodata (Vermessung, Kataster, GIS) ---
    ESCO_SKILL + "0e0b8991-4b24-4bb8-9113-df3ce43c1ff9": ["Bergbau und Umwelt", "Beratung zu Umweltfragen im Bergbau"],  # advise on mining environmental issues
    ESCO_SKILL + "9295d1c5-8d7d-423e-a6ce-dfbc1d991f88": ["digitale Kartierung", "digitale Kartografie", "Kartenerstellung am Computer"],  # apply digital mapping
    ESCO_SKILL + "a2b5dcf3-5b6a-453d-876c-cff540c0faf1": ["CAD-Programme", "computergestütztes Konstruieren", "CAD-Systeme"],  # CAD software
    ESCO_SKILL + "2b834a98-14ff-47e1-8aef-cf8ffae912fa": ["Erhebung von Geodaten", "Geodatenerfassung", "Kartierdaten"],  # collect mapping data
    ESCO_SKILL + "49320ec7-65f9-4f90-bed2-2d41784f1836": ["GIS-Datenerfassung", "Geodatenaufbereitung", "Geodatenmanagement", "Geodaten"],  # compile GIS-data
    ESCO_SKILL + "39e71107-3aa9-41a0-809c-edea477c968f": ["Geländevermessung", "Grundstücksvermessung", "Katastervermessung", "Vermessungsarbeiten im Außendienst"],  # conduct land surveys
    ESCO_SKILL + "bad66a63-4e3f-41f9-9e5d-a4d5f12f8d36": ["GIS-Auswertungen", "GIS-Analysen", "Erstellung von GIS-Berichten"],  # create GIS reports
    ESCO_SKILL + "9e14c1d8-72f2-45ba-815d-0d12e12d19fa": ["thematische Karten", "Kartenerstellung", "Thematische Kartografie"],  # create thematic maps
    ESCO_SKILL + "65f375e1-6724-4539-8f8d-b35f4ba11af0": ["Dokumentation von Vermessungsarbeiten", "Vermessungsdokumentation"],  # document survey operations
    ESCO_SKILL + "7d4e4636-f136-46f6-ae23-2a7639d6b861": ["Geodäsie", "Geodätische Grundlagen", "Landesvermessung"],  # geodesy
    ESCO_SKILL + "377861af-f966-4c87-a2db-7e99904312b9": ["Geoinformationssysteme", "Geodateninfrastruktur", "GPS"],  # geographic information systems
    ESCO_SKILL + "cf9c8e73-105d-419e-86dd-4304cc6cd718": ["Geografie", "Geographie", "Erdkunde"],  # geography
    ESCO_SKILL + "032b0bed-22b1-456b-8009-91e6b838fe45": ["geologische Kartierung", "geologische Karten"],  # geological mapping
    ESCO_SKILL + "8bdd25f8-4b6e-40fe-a2cf-c1badc594114": ["Geowissenschaften"],  # geology
    ESCO_SKILL + "af1df253-5103-46d7-a757-b17bf5a4e581": ["Vermessungsinstrumente", "Tachymeter", "Nivelliergerät", "GNSS-Empfänger", "Bedienung von Vermessungsgeräten"],  # operate surveying instruments
    ESCO_SKILL + "86945516-619a-456e-b0d0-2fb31d927992": ["vermessungstechnische Berechnungen", "Koordinatenberechnung", "Flächenberechnung"],  # perform surveying calculations
    ESCO_SKILL + "222137dc-9021-4be8-bb7a-29833e02616a": ["Vermessungsbericht", "Vermessungsschriften", "Fortführungsnachweis"],  # prepare surveying report
    ESCO_SKILL + "6b30644d-bdc5-4bca-b1af-edbf5c6b15ee": ["Verarbeitung von Messdaten", "Auswertung von Vermessungsdaten", "Messdatenverarbeitung"],  # process collected survey data
    ESCO_SKILL + "120b9b87-3aad-4a42-b5e7-1b146a672038": ["Erfassung von Vermessungsdaten", "Messdatenerfassung", "Feldbuch"],  # record survey data
    # --- social work (Soziale Arbeit, Jugendhilfe, Eingliederungshilfe, Arbeitsvermittlung, Bewährungshilfe) ---
    ESCO_SKILL + "9ccecb58-e720-4465-b309-46e362ca6f75": ["Entwicklungspsychologie des Jugendalters", "Jugendpsychologie", "psychische Entwicklung Jugendlicher"],  # adolescent psychological development
    ESCO_SKILL + "aba1f05b-f312-47d8-be71-7c574134de8f": ["Werbetechniken", "Stellenanzeigen", "Personalmarketing"],  # advertising techniques
    ESCO_SKILL + "9bb92e10-a5a9-437e-8101-8be2d7f631ff": ["Stellungnahmen für Gerichte", "Berichte an das Gericht", "gerichtliche Stellungnahmen"],  # advise on legal decisions
    ESCO_SKILL + "2c9f2122-093d-4660-908e-dac8fbdc33fa": ["ganzheitliche Betreuung", "ganzheitliche Pflege", "ganzheitlicher Ansatz"],  # apply a holistic approach in care
    ESCO_SKILL + "a0e23745-6ba4-45e2-9510-df6e71ed1230": ["Menschenkenntnis", "Verhaltenspsychologie", "Einfühlungsvermögen"],  # apply knowledge of human behaviour
    ESCO_SKILL + "64e09849-a7db-4d6b-a932-66264420eb97": ["Social-Media-Marketing", "Social Media", "Öffentlichkeitsarbeit in sozialen Medien"],  # apply social media marketing
    ESCO_SKILL + "9f0e78ef-bbe4-4d25-a5a9-f0e98ee99da2": ["Risikoeinschätzung", "Gefährlichkeitsprognose", "Rückfallprognose"],  # assess offenders' risk behaviour
    ESCO_SKILL + "8d927aab-9202-4c02-9f39-5d478458f25c": ["Fallanalyse", "soziale Diagnostik", "Anamnese in der Sozialen Arbeit", "Situationsanalyse"],  # assess social service users' situation
    ESCO_SKILL + "28ca596e-5e2f-4149-a28d-42d2c4c20227": ["Entwicklungsbeurteilung bei Kindern und Jugendlichen", "Entwicklungsförderung", "Entwicklungsdiagnostik", "Einschätzung des Entwicklungsstands"],  # assess the development of youth
    ESCO_SKILL + "550e2d00-bd89-4614-8e15-330ae5277af3": ["Bewerberauswahl", "Eignungsdiagnostik", "Kandidatenbewertung", "Assessment Center"],  # assess candidates
    ESCO_SKILL + "0f298334-ae4a-4ab7-96c2-0d90d2883768": ["Teilhabe von Menschen mit Behinderung", "Freizeitbegleitung", "Teilhabeassistenz"],  # assist individuals with disabilities in community activities
    ESCO_SKILL + "74a5e8b1-dc44-4a03-b4f2-ad06966128c6": ["Unterstützung bei Behördenangelegenheiten", "Hilfe bei Anträgen", "Unterstützung bei Formularen"],  # assist with personal administration issues
    ESCO_SKILL + "5915e97d-ecca-4713-941e-ad7c8c00720b": ["Unterstützung bei der Medikamenteneinnahme", "Medikamentengabe", "Medikamentenmanagement"],  # assist with self-medication
    ESCO_SKILL + "3ff9d956-3e26-40d1-ae0e-f5f247943042": ["körperliche Entwicklung von Kindern", "kindliche Entwicklung", "motorische Entwicklung"],  # children's physical development
    ESCO_SKILL + "334cd662-0415-44ac-bc8a-e24b320b4284": ["Kommunikation über das Kindeswohl", "Austausch mit Eltern und Schule"],  # communicate about youth's well-being
    ESCO_SKILL + "de2f0ce8-f8d6-48c5-a213-4d065251cecf": ["telefonische Kommunikation", "Telefonberatung", "telefonische Auskunft", "Telefonate führen"],  # communicate by telephone
    ESCO_SKILL + "574bf430-50a1-4734-9719-a823e7d80b10": ["interprofessionelle Zusammenarbeit", "multiprofessionelle Zusammenarbeit", "interdisziplinäre Zusammenarbeit"],  # communicate professionally with colleagues in other fields
    ESCO_SKILL + "b5af495b-61f1-4330-9891-dca56d97d714": ["Kommunikation mit Jugendlichen", "jugendgerechte Kommunikation", "Kommunikation mit Kindern und Jugendlichen"],  # communicate with youth
    ESCO_SKILL + "15d76317-c71a-4fa2-aadc-2ecc34e627b7": ["Kommunikation", "Kommunikationskompetenz", "Kommunikationsverhalten"],  # communication
    ESCO_SKILL + "4a752bd2-9fe9-4539-ab5a-8edc0dec6ef0": ["Erwachsenenbildung", "Gemeinwesenbildung", "außerschulische Bildung"],  # community education
    ESCO_SKILL + "1448431a-4fe5-4ca3-83db-665e0df3f130": ["Reinigungsarbeiten", "Reinigungstätigkeiten", "Hauswirtschaft"],  # conduct cleaning tasks
    ESCO_SKILL + "0ffed47f-d320-48cf-988d-40449825085c": ["Beratungsmethoden", "Gesprächstechniken", "systemische Beratung", "klientenzentrierte Gesprächsführung"],  # counselling methods
    ESCO_SKILL + "db10b60e-efd2-4ba9-a873-d1e2ec37620f": ["Gerichtsverfahren", "Prozessrecht", "Verfahrensrecht", "Zivilprozessordnung"],  # court procedures
    ESCO_SKILL + "181621db-002a-4d8d-b9e8-21451e76115f": ["Opferrechte", "Opferschutz", "Opferentschädigungsrecht"],  # crime victims' rights
    ESCO_SKILL + "8836a5a5-e2ff-4baf-aae3-bfb78a4cca7f": ["Strafrecht", "Strafgesetzbuch", "StGB", "Strafprozessrecht"],  # criminal law
    ESCO_SKILL + "03f922b0-d518-457d-8f2c-80252a714be1": ["Kriminologie", "Kriminalprävention"],  # criminology
    ESCO_SKILL + "15a33d76-4640-438d-ae64-fdc0c1d3eebc": ["Kundenservice", "Kundendienst", "Servicebereitschaft", "Dienstleistungsorientierung"],  # customer service
    ESCO_SKILL + "0d7f2cce-245a-4d02-9b8d-2e9946cc4c5d": ["Online-Schulungen", "E-Learning", "Webinare", "digitale Lehre"],  # deliver online training
    ESCO_SKILL + "4b5d4fe3-4280-47c0-b1d2-ab08ace85557": ["interkulturelle Kompetenz", "interkulturelle Soziale Arbeit", "kultursensible Beratung", "Diversitätskompetenz"],  # deliver social services in diverse cultural communities
    ESCO_SKILL + "524c4331-5090-4565-a0bc-0a9ae874938d": ["Fallverantwortung", "Fallführung", "Federführung im Einzelfall"],  # demonstrate leadership in social service cases
    ESCO_SKILL + "f0699875-51da-48d2-bc92-54b0749baef1": ["Kurskonzeption", "Seminarkonzeption", "Entwicklung von Schulungskonzepten", "Curriculumentwicklung"],  # develop course outline
    ESCO_SKILL + "695c3249-18e7-4435-bdb8-54a16011159d": ["rechtssichere Dokumentation", "Aktenführung nach rechtlichen Vorgaben"],  # develop documentation in accordance with legal requirements
    ESCO_SKILL + "bf5d77ad-e18c-48d8-83f0-bc79c011c74a": ["Netzwerkarbeit", "berufliches Netzwerk", "Kooperationsnetzwerke", "Netzwerkpflege"],  # develop professional network
    ESCO_SKILL + "54411e8e-d62f-46d8-b87b-fce23f8e3bc8": ["Behindertenhilfe", "Eingliederungshilfe", "Assistenz für Menschen mit Behinderung", "Behindertenbetreuung"],  # disability care
    ESCO_SKILL + "6b28bb69-a6ef-42d4-84df-46e498f09297": ["Kenntnisse über Behinderungsformen", "Behinderungsarten", "Förderbedarfe"],  # disability types
    ESCO_SKILL + "b5a8ce01-a4ae-43c1-b4e4-c44be6804691": ["Essensausgabe", "Verpflegung", "Mahlzeitenversorgung"],  # distribute meals to patients
    ESCO_SKILL + "e1f09038-b493-4771-ae29-a2d3e7ea013a": ["Gesprächsprotokolle", "Dokumentation von Gesprächen", "Protokollierung von Interviews"],  # document interviews
    ESCO_SKILL + "441707bb-9ad3-406c-9975-a6bec96f537b": ["Stärkung von Familien", "Familienförderung", "Ressourcenaktivierung"],  # empower individuals, families and groups
    ESCO_SKILL + "41cfce6d-5c0d-4af8-8ddc-32f7fbc07842": ["Zugang zu Hilfen ermöglichen", "Vermittlung von Hilfen", "Lotsenfunktion"],  # enable access to services
    ESCO_SKILL + "50b032eb-1b54-4a30-9298-11f1cd5b03e8": ["Strafvollstreckung", "Vollstreckung von Urteilen", "Überwachung von Bewährungsauflagen"],  # ensure sentence execution
    ESCO_SKILL + "71057622-0cc1-4cce-b36c-b32a7071b017": ["Arbeitsvermittlung", "berufliche Integration", "Integration in den Arbeitsmarkt", "Vermittlungscoaching"],  # facilitate job market access
    ESCO_SKILL + "3cb348a4-e49e-4fe2-a403-d558dce1b38d": ["Familienrecht", "Kindschaftsrecht", "Sorgerecht", "Unterhaltsrecht"],  # family law
    ESCO_SKILL + "5e5d8826-92c4-4274-a6f9-3db6fca9eadc": ["Hygiene und Arbeitsschutz in der Betreuung", "Hygienevorschriften in sozialen Einrichtungen", "Hygienemaßnahmen"],  # follow health and safety precautions in social care practices
    ESCO_SKILL + "2245cba7-fa4f-47b8-a0cb-3a6b60d703ee": ["persönliche Beratung", "Lebensberatung", "Beratung in persönlichen Angelegenheiten"],  # give advice on personal matters
    ESCO_SKILL + "d15ce60f-ddab-41ce-ba56-398451b77b60": ["EDV-Kenntnisse", "PC-Kenntnisse", "Computerkenntnisse", "IT-Kenntnisse", "sicherer Umgang mit dem PC"],  # have computer literacy
    ESCO_SKILL + "99c90174-eb03-4221-b1b6-1ad8b7035e15": ["Gesundheitserziehung", "Gesundheitsförderung", "Gesundheitsbildung"],  # health education
    ESCO_SKILL + "00090cc1-1f27-439e-a4e0-19a87a501bfc": ["Kenntnis von Hilfsangeboten", "Hilfenetzwerke", "Vermittlung in Hilfsangebote"],  # identify available services
    ESCO_SKILL + "7da0b396-34d7-4714-ada4-78d222e515a0": ["Ausländerrecht", "Aufenthaltsgesetz", "AufenthG", "Migrationsrecht", "Zuwanderungsrecht"],  # immigration law
    ESCO_SKILL + "50181a4b-1cfd-4fbd-ac9a-c1a494b9c5d0": ["Nachsorge", "Verbleibskontrolle", "Nachbetreuung von Teilnehmenden"],  # implement customer follow-up
    ESCO_SKILL + "66d47084-9437-48b2-819b-c4c8214ed650": ["Gesprächsführung in Interviews", "Interviews führen", "Bewerbergespräche", "Vorstellungsgespräche führen"],  # interview people
    ESCO_SKILL + "38a5c459-c591-4f76-a358-37de342bb11d": ["Arbeitsmarktkenntnisse", "Stellenangebote", "regionaler Arbeitsmarkt", "Arbeitsmarkt"],  # job market offers
    ESCO_SKILL + "08fe5910-8c4c-4679-a988-eb2ded3c4909": ["Arbeitsgesetzgebung", "Arbeitsschutzrecht", "Arbeitszeitgesetz", "Kündigungsschutz"],  # labour legislation
    ESCO_SKILL + "415f816c-07ae-4ac1-9ddb-ecaa9957a249": ["Vollzugsrecht", "Rechtsdurchsetzung", "Ordnungsrecht"],  # law enforcement
    ESCO_SKILL + "135192cb-84e4-4b70-8946-fbe5041b26cd": ["Lernstandsdiagnostik", "Förderdiagnostik", "Bildungsbedarfsanalyse"],  # learning needs analysis
    ESCO_SKILL + "a17286c5-238d-4f0b-bc24-29e9121345de": ["aktives Zuhören", "Zuhören", "Zuhörkompetenz"],  # listen actively
    ESCO_SKILL + "73e7e2f4-7e5f-4e6c-86c2-3b5fbd191172": ["Wahrung der Privatsphäre", "Sozialdatenschutz", "Schutz der Privatsphäre"],  # maintain privacy of service users
    ESCO_SKILL + "bd17a64e-a9bd-439d-9b87-01c6bb1b7e09": ["Falldokumentation", "Dokumentation in der Sozialen Arbeit", "Aktenführung in der Sozialen Arbeit"],  # maintain records of work with service users
    ESCO_SKILL + "3cd35f5d-ce6d-4f14-9a09-53d7a28d834c": ["Zusammenarbeit mit Trägern", "Kooperation mit freien Trägern", "Trägerkontakte"],  # maintain relationship with suppliers
    ESCO_SKILL + "b011c8b4-76e1-4bbc-8bb9-1d205e7b618a": ["Marktanalyse", "Marktforschung", "Arbeitsmarktanalyse"],  # market analysis
    ESCO_SKILL + "a584a638-a2c0-4b3c-bdf3-a64f87225be9": ["Mentoring", "Einzelbegleitung"],  # mentor individuals
    ESCO_SKILL + "b483124c-180c-4d3a-8b7c-72e4e7a5b49b": ["Migration", "Flucht und Migration", "Migrationsforschung"],  # migration
    ESCO_SKILL + "453b6898-de72-4ff9-b217-4a3cd377e155": ["Gesundheitsbeobachtung", "Beobachtung des Gesundheitszustands", "Vitalzeichenkontrolle"],  # monitor service users' health
    ESCO_SKILL + "8d202e22-85e9-47b1-a1e0-3296d17244cd": ["Schweigepflicht", "Verschwiegenheitspflicht", "Wahrung der Vertraulichkeit"],  # observe confidentiality
    ESCO_SKILL + "6345d3a4-7d1a-40a9-9a82-6ed06beffe7b": ["Jobbörsen", "Jobportale"],  # online job platforms
    ESCO_SKILL + "a117f32c-662b-4dd9-b739-1230dd04cb60": ["Pädagogik", "Didaktik", "Erziehungswissenschaft", "pädagogische Kenntnisse"],  # pedagogy
    ESCO_SKILL + "004017c9-0337-4f5a-8077-798de9ef12e3": ["Streetwork", "aufsuchende Jugendarbeit", "aufsuchende Sozialarbeit", "mobile Jugendarbeit"],  # perform street interventions in social work
    ESCO_SKILL + "5f343989-4871-419a-9dca-52fc653dc54e": ["Hilfeplanung", "Hilfeplanverfahren", "Hilfeplan nach § 36 SGB VIII", "Planung sozialer Hilfen"],  # plan social service process
    ESCO_SKILL + "929e89f9-ac69-4bcb-9eea-37257aa5aff9": ["Bewerbungstraining", "Vorbereitung auf Vorstellungsgespräche", "Bewerbungscoaching"],  # prepare for job interview
    ESCO_SKILL + "e49c4d19-dea6-42a1-bde2-30d69dc0ca24": ["Profiling", "Kompetenzfeststellung", "Potenzialanalyse", "Eignungsfeststellung"],  # profile people
    ESCO_SKILL + "bcd2ce08-ba12-4d66-865f-f4ba36419707": ["Inklusion fördern", "Vielfalt und Chancengleichheit", "Diversity"],  # promote inclusion
    ESCO_SKILL + "98a0c718-40b1-4a4f-a366-b8155f238d9b": ["Jugendschutz", "Schutz von Kindern und Jugendlichen", "Kindeswohl sichern"],  # promote the safeguarding of young people
    ESCO_SKILL + "1d21f6ad-340f-45da-a0a3-4e83867f47a6": ["Erste Hilfe", "Ersthelfer", "Erste-Hilfe-Kurs"],  # provide first aid
    ESCO_SKILL + "1e0ed685-0696-405d-bfa3-dd6ab3751baf": ["ambulante Betreuung", "aufsuchende Hilfe", "ambulant betreutes Wohnen", "Assistenz im häuslichen Umfeld"],  # provide in-home support for disabled individuals
    ESCO_SKILL + "486df8bc-3498-43ad-83b6-dc8a4a3b16c6": ["Unterstützung von Klienten", "Klientenarbeit", "Begleitung von Klienten", "Einzelfallhilfe"],  # provide support to social services users
    ESCO_SKILL + "50b631f8-1ed7-46f5-9b47-96169d06c726": ["psychologische Beratungsmethoden", "psychologische Gesprächsführung", "Motivational Interviewing"],  # psychological counselling methods
    ESCO_SKILL + "27451cd6-67eb-4ed4-b27f-08c8d1ba60a5": ["Kriegstraumata", "Traumapädagogik", "psychische Folgen von Krieg und Flucht"],  # psychological effects of war
    ESCO_SKILL + "eda8a126-08bf-4fb1-8442-fa9febabb75f": ["psychologische Theorien", "Lerntheorien", "Entwicklungspsychologie"],  # psychological theories
    ESCO_SKILL + "bfe4f330-d595-48c7-ab3c-f309471d6953": ["Psychologie", "psychologische Kenntnisse"],  # psychology
    ESCO_SKILL + "e23c32a2-eff1-4d77-b2b0-724a3a600a95": ["Weitervermittlung an Fachdienste", "Vermittlung an andere Hilfsdienste", "Überweisung an Fachstellen"],  # refer social service users
    ESCO_SKILL + "e83d8e27-542c-41d2-859e-bea412a217f4": ["Verstärkung positiven Verhaltens", "positive Verstärkung", "Verhaltensmodifikation"],  # reinforce positive behaviour
    ESCO_SKILL + "27d54d7c-68cd-4c04-9e05-538b01c6a80b": ["Täter-Opfer-Ausgleich", "restorative Justice", "Wiedergutmachung"],  # restorative justice
    ESCO_SKILL + "2b3ac8b9-a5bd-4ec1-bb9a-f499fb3aa8d3": ["soziale Mediation", "Mediation", "Konfliktschlichtung"],  # social mediation
    ESCO_SKILL + "58bae6b3-baf1-4ce2-9daf-197ede8c510a": ["Sozialpädagogik", "sozialpädagogische Arbeit", "Sozialpädagogische Methoden"],  # social pedagogy
    ESCO_SKILL + "47ac9325-b072-4e37-8e40-e6ffed03e851": ["Aufsichtspflicht", "Beaufsichtigung", "Anleitung und Aufsicht"],  # supervision of persons
    ESCO_SKILL + "04e84553-2795-4098-b0ad-e7921628b32c": ["Opferunterstützung", "Unterstützung von Betroffenen", "Traumasensible Begleitung"],  # support harmed social service users
    ESCO_SKILL + "2d407c34-5699-42dc-ab58-373652d69aef": ["Kompetenzförderung", "Alltagskompetenzen fördern", "Förderung lebenspraktischer Fähigkeiten"],  # support social service users in skills management
    ESCO_SKILL + "941438bd-cc03-4326-91bf-677157dca170": ["Unterstützung im häuslichen Umfeld", "ambulante Hilfen", "Alltagsbegleitung"],  # support social service users to live at home
    ESCO_SKILL + "4a874516-eb34-4dc1-833d-864c5a448db2": ["Stärkung des Selbstwertgefühls Jugendlicher", "Resilienzförderung", "ressourcenorientierte Jugendarbeit"],  # support the positiveness of youths
    ESCO_SKILL + "6caaeece-8a4a-44b3-bc78-d9687676c015": ["Traumapädagogik mit Kindern", "Begleitung traumatisierter Kinder", "traumasensible Arbeit"],  # support traumatised children
    ESCO_SKILL + "1b957e3d-0017-42b0-9bfe-49a1cdd31de7": ["Schreibförderung", "Alphabetisierung", "Schreibunterricht"],  # teach writing
    ESCO_SKILL + "3c1284d3-2602-4c68-9bd0-4f50ea4d092e": ["Theaterpädagogik", "Theater- und Spielpädagogik"],  # theatre pedagogy
    ESCO_SKILL + "1c7ac9a3-5385-4443-bd7f-64f86451c0c1": ["Kreativitätsförderung", "kreative Angebote", "musisch-kreative Bildung"],  # use pedagogic strategies for creativity
    # --- early education (Kita, Kindertagespflege) ---
    ESCO_SKILL + "573d3f91-c81c-407e-a56d-0f3a63272b43": ["Binnendifferenzierung", "individuelle Förderung", "differenzierter Unterricht"],  # adapt teaching to student's capabilities
    ESCO_SKILL + "3c03ee71-4a23-448f-b79e-81fd75d27dca": ["Veränderungsmanagement", "Change-Management", "Organisationsentwicklung"],  # apply change management
    ESCO_SKILL + "59eb177a-2f30-4943-8b30-5f87dd51a80d": ["Unterrichtsmethoden", "Lehrmethoden", "didaktische Methoden"],  # apply teaching strategies
    ESCO_SKILL + "31b67516-af16-4b97-8430-a8a8e0f84190": ["Beurteilungsverfahren", "Leistungsbeurteilung", "Bewertungsverfahren"],  # assessment processes
    ESCO_SKILL + "8e09fe66-2649-4179-81ef-91fefa3ceee8": ["Förderung der Selbstständigkeit", "Alltagskompetenzen von Kindern", "Förderung lebenspraktischer Kompetenzen bei Kindern"],  # assist children in developing personal skills
    ESCO_SKILL + "bcb02777-45be-4166-9448-74a15b6f8136": ["Inklusionsassistenz", "Schulbegleitung", "Integrationshilfe", "Förderung von Kindern mit besonderem Förderbedarf"],  # assist children with special needs in education settings
    ESCO_SKILL + "d5e1e30e-44ab-4aba-abab-b8263e801b7a": ["Lernbegleitung", "Lernunterstützung", "Nachhilfe", "Hausaufgabenbetreuung"],  # assist students in their learning
    ESCO_SKILL + "7530bc44-f09d-4dd2-8911-92b98333e442": ["Unterstützung bei der Nutzung von Lernmaterialien", "Materialeinsatz im Unterricht"],  # assist students with equipment
    ESCO_SKILL + "beb952e4-8a9c-47af-8a60-c6eb5c5f25bc": ["Grundversorgung von Kindern", "Wickeln", "Körperpflege bei Kindern", "Essensbegleitung"],  # attend to children's basic physical needs
    ESCO_SKILL + "0a48d064-dd04-47fb-a00d-85e9b4874033": ["Betriebswirtschaft", "betriebswirtschaftliche Kenntnisse", "Betriebsführung"],  # business management principles
    ESCO_SKILL + "f2d63656-169c-4110-99fe-33914f902466": ["Kinderschutz", "Kindeswohlgefährdung", "Schutzauftrag § 8a SGB VIII", "Kinderschutzkonzept", "insoweit erfahrene Fachkraft"],  # child protection
    ESCO_SKILL + "7b34134b-eb4c-40da-98a0-98b6190aa93b": ["Kinderkrankheiten", "häufige Kinderkrankheiten"],  # common children's diseases
    ESCO_SKILL + "66db424f-2abe-420d-8e5b-186607266b61": ["Corporate Social Responsibility", "CSR", "Nachhaltigkeitsmanagement"],  # corporate social responsibility
    ESCO_SKILL + "edff6d20-660d-4d33-b412-9a5b664a14be": ["Bildungsplan", "Lehrplan", "Rahmenlehrplan", "Bildungsziele", "Orientierungsplan"],  # curriculum objectives
    ESCO_SKILL + "f5dc20ae-8b2f-4c9b-b4fa-e9e8c81dbcf4": ["Lob und Anerkennung", "Stärkung des Selbstvertrauens", "Motivationsförderung"],  # encourage students to acknowledge their achievements
    ESCO_SKILL + "33f39236-ab8c-4554-b80c-ca506cafde45": ["Wirkungsevaluation", "Evaluation sozialer Programme", "Wirkungsanalyse"],  # evaluate social work program's impact
    ESCO_SKILL + "229b10cf-6f3a-490c-9706-01c107df0562": ["Förderung der Teamarbeit", "Gruppenarbeit", "kooperatives Lernen"],  # facilitate teamwork between students
    ESCO_SKILL + "f7464f30-662b-4177-85a0-3df9693e9e58": ["Erste-Hilfe-Kenntnisse", "Erste Hilfe am Kind", "Notfallversorgung"],  # first aid
    ESCO_SKILL + "b9bb1f03-15e2-4079-943e-7e483b21725b": ["konstruktives Feedback", "Feedbackkultur", "Feedbackgespräche"],  # give constructive feedback
    ESCO_SKILL + "11f536f5-b0e2-46a6-95c1-bd765946604c": ["Aufsichtspflicht in der Kita", "Sicherheit der Kinder gewährleisten", "Unfallverhütung in Kindertageseinrichtungen"],  # guarantee students' safety
    ESCO_SKILL + "07090471-265a-48ec-b744-72b357e801ed": ["Umgang mit Verhaltensauffälligkeiten", "Verhaltensauffälligkeiten bei Kindern", "Unterstützung von Kindern mit Problemen"],  # handle children's problems
    ESCO_SKILL + "6b58a6d2-89cf-4ab5-bb62-eb29ae968934": ["Betreuung von Kindern", "Kinderbetreuung", "Tagesbetreuung", "Pflege und Betreuung von Kindern", "frühkindliche Bildung", "Elementarpädagogik", "Bildung, Erziehung und Betreuung"],  # implement care programmes for children
    ESCO_SKILL + "13e2378e-0d10-450d-843a-b3592575826e": ["Marketingstrategien", "Marketing", "Öffentlichkeitsarbeit"],  # implement marketing strategies
    ESCO_SKILL + "eeb3e7ea-56f4-422f-8a85-0438b25ff0ce": ["Kita-Abläufe", "Kindergartenorganisation", "Abläufe in Kindertageseinrichtungen"],  # kindergarten school procedures
    ESCO_SKILL + "89a1fa04-5a83-4c56-9b25-48ef48cdbc69": ["Sprachdidaktik", "Sprachförderung", "Fremdsprachendidaktik"],  # language teaching methods
    ESCO_SKILL + "731101d9-94bc-4805-bff4-9578d1bf03b5": ["Lernschwierigkeiten", "Lernstörungen", "Legasthenie", "Dyskalkulie", "Teilleistungsstörungen"],  # learning difficulties
    ESCO_SKILL + "efe801a5-8704-4def-8a96-c32f7a6cb9fb": ["Elternarbeit", "Erziehungspartnerschaft", "Zusammenarbeit mit Eltern", "Elterngespräche"],  # maintain relations with children's parents
    ESCO_SKILL + "5a42eaf5-93bb-4bca-8ebd-4d78e96e4929": ["Disziplin im Unterricht", "Regeln durchsetzen", "Grenzen setzen"],  # maintain students' discipline
    ESCO_SKILL + "234d1c8f-c921-483e-9a6e-4fbfc14946dc": ["Fördermittelmanagement", "Fördermittel", "Zuwendungsrecht", "Fördermittelakquise", "Verwendungsnachweis"],  # manage government funding
    ESCO_SKILL + "44da96fe-26a3-4a32-9a0f-c49614bb7298": ["Beziehungsarbeit", "Bindungsarbeit", "pädagogische Beziehungsgestaltung"],  # manage student relationships
    ESCO_SKILL + "1b7d5366-516a-4e3a-8ff0-e3f7973c00a7": ["Beobachtung rechtlicher Entwicklungen im Sozialbereich", "Rechtsänderungen verfolgen"],  # monitor regulations in social services
    ESCO_SKILL + "3377f3b2-4ba2-457f-b29d-8df59e8cfba8": ["Entwicklungsbeobachtung", "Beobachtung und Dokumentation", "Bildungsdokumentation", "Portfolioarbeit"],  # observe student's progress
    ESCO_SKILL + "b1d75e36-64d3-4000-bd9c-14899bea87e2": ["Pausenaufsicht", "Aufsicht auf dem Spielplatz", "Hofaufsicht"],  # perform playground surveillance
    ESCO_SKILL + "114f2179-b625-4333-b9f9-fe6a846a7c36": ["Planung von Jugendaktivitäten", "Freizeitpädagogik", "Ferienprogramme", "Freizeitangebote"],  # plan youth activities
    ESCO_SKILL + "20f57a7f-b90e-4403-8c77-5ddd89b5835b": ["Unterrichtsvorbereitung", "Vorbereitung pädagogischer Angebote", "Angebotsplanung"],  # prepare lesson content
    ESCO_SKILL + "d39a5880-7d0a-4573-9f70-a75ff875bf83": ["Bereitstellung von Lernmaterialien", "Vorbereitung von Materialien"],  # provide lesson materials
    ESCO_SKILL + "a13566a2-4461-4dcc-82b2-8280fb5bb993": ["Unterstützung von Lehrkräften", "Unterrichtsassistenz"],  # provide teacher support
    ESCO_SKILL + "ef1e63c9-f8c1-46ad-8c74-3cea311c9377": ["Sonderpädagogik", "Förderpädagogik", "Heilpädagogik", "Inklusionspädagogik", "sonderpädagogische Förderung"],  # special needs education
    ESCO_SKILL + "f8d4a24c-fb62-444e-9525-7aa5662f440d": ["Beaufsichtigung von Kindern", "Kinderbeaufsichtigung", "Aufsicht über Kinder"],  # supervise children
    ESCO_SKILL + "a65fb963-6faf-47b2-a3d9-c4e5e4d833c5": ["Förderung des kindlichen Wohlbefindens", "sozial-emotionale Förderung", "Resilienzförderung bei Kindern"],  # support children's wellbeing
    ESCO_SKILL + "06bd47bc-d9f3-4517-8e34-c55c2e81f8c2": ["Hygiene am Arbeitsplatz", "Hygieneplan", "Hygienestandards"],  # workplace sanitation
    # --- nursing and public health (Pflege, Gesundheitsamt, Lebensmittelüberwachung) ---
    ESCO_SKILL + "1cebfd4f-2ab3-480a-a3c8-8065a303717d": ["öffentliche Gesundheitsfragen", "Gesundheitsschutz der Bevölkerung", "Bevölkerungsschutz im Gesundheitsbereich"],  # address public health issues
    ESCO_SKILL + "aa238394-8126-4ada-be2f-9dfe065cf314": ["Einhaltung von Dienstvorschriften", "Einhaltung organisatorischer Vorgaben", "Verfahrensanweisungen", "Standard Operating Procedures"],  # adhere to organisational guidelines
    ESCO_SKILL + "52047630-b880-4939-bb19-6700187af031": ["Jugendmedizin", "Adoleszenzmedizin"],  # adolescence medicine
    ESCO_SKILL + "8232979d-6aa4-40c9-a12b-5152a52a76b8": ["Patientenaufklärung", "Einwilligung nach Aufklärung", "informierte Einwilligung"],  # advise on healthcare users' informed consent
    ESCO_SKILL + "5ba1d5b9-3f8d-46ca-bf9f-2e9ca65d1350": ["HACCP", "HACCP-Konzept", "Eigenkontrollsystem"],  # apply HACCP
    ESCO_SKILL + "1d4b74b0-1a48-48ec-a3cd-26cca0c212a3": ["Biochemie", "biologische Chemie"],  # biological chemistry
    ESCO_SKILL + "9433da85-70fa-4a25-8f96-71fa59dd1989": ["Biologie", "biologische Grundlagen"],  # biology
    ESCO_SKILL + "60d2cd1f-e1ab-436a-8909-24cb5366b767": ["Verpackungskontrolle", "Prüfung von Verpackungen", "Flaschenkontrolle"],  # check bottles for packaging
    ESCO_SKILL + "1ff53c92-370d-414b-b758-b0a1b8026853": ["Kontrollmethoden", "Prüfverfahren", "Kontrollverfahren"],  # check methods
    ESCO_SKILL + "267399ec-f364-4892-9265-906b413583ce": ["Wareneingangsprüfung", "Rohstoffprüfung", "Eingangskontrolle"],  # check the quality of raw materials at reception
    ESCO_SKILL + "572c3e87-61ed-4271-9c95-148837deae5e": ["Bürgerbeteiligung im Gesundheitswesen", "Patientenbeteiligung", "Selbsthilfe"],  # citizen involvement in healthcare
    ESCO_SKILL + "7032c696-4cd3-41f7-84ae-1d9c5c18baaa": ["Infektionskrankheiten", "übertragbare Krankheiten", "Infektiologie", "Infektionsschutz nach IfSG"],  # communicable diseases
    ESCO_SKILL + "6bc57b80-37c8-4c9a-be7b-960d2e44fb77": ["Fremdsprachen im Beruf", "Fachkommunikation in Fremdsprachen", "fremdsprachliche Korrespondenz"],  # communicate commercial and technical issues in foreign languages
    ESCO_SKILL + "268f3f0d-252e-4f61-9d96-1a87f4389ca9": ["Fachkommunikation in der Pflege", "Patientengespräche", "Fachgespräche in der Pflege"],  # communicate in specialised nursing care
    ESCO_SKILL + "68088afb-3afd-4538-8e25-377a63f09666": ["Kommunikation mit dem Pflegeteam", "Übergabe", "Dienstübergabe", "Pflegeübergabe"],  # communicate with nursing staff
    ESCO_SKILL + "9fcf9918-fdef-49c3-aedc-518eb1e7e1f5": ["Einhaltung gesundheitsrechtlicher Vorschriften", "Rechtssicherheit in der Pflege", "Pflegeberufegesetz"],  # comply with legislation related to health care
    ESCO_SKILL + "98eb1f3b-3480-416b-bd4b-811946f7e347": ["Qualitätsmanagement in der Pflege", "Expertenstandards", "Pflegestandards", "Qualitätsstandards im Gesundheitswesen"],  # comply with quality standards related to healthcare practice
    ESCO_SKILL + "7ae62140-fe02-4ee3-a0c5-fb5668a2870d": ["Verbraucherschutz", "Verbraucherrecht"],  # consumer protection
    ESCO_SKILL + "13724e7d-b946-4773-915e-9621340237bc": ["Überleitungsmanagement", "Entlassmanagement", "Pflegeüberleitung", "Versorgungskontinuität"],  # contribute to continuity of health care
    ESCO_SKILL + "51e79cb4-fab3-404c-88f3-cd4a1bd5879e": ["Notfallsituationen", "Notfallmanagement in der Pflege", "Notfallversorgung in der Pflege"],  # deal with emergency care situations
    ESCO_SKILL + "46003629-a579-4d0a-b3ea-80ef890699d6": ["Pflegediagnostik", "Pflegediagnosen", "Pflegeanamnese"],  # diagnose nursing care
    ESCO_SKILL + "097098fc-6d89-44e9-9305-98ac5c0a78ac": ["Gesundheitsprävention", "Prävention", "Präventionsarbeit", "Aufklärung zur Krankheitsvorbeugung"],  # educate on the prevention of illness
    ESCO_SKILL + "2475cd27-8d6c-4318-a364-21395b23acba": ["Empathie", "Einfühlungsvermögen in der Pflege", "Patientenorientierung"],  # empathise with the healthcare user
    ESCO_SKILL + "b1c7c4c6-f3cb-4fb2-958c-236385b2782a": ["EU-Lebensmittelrecht", "europäische Lebensmittelsicherheitspolitik", "Basisverordnung (EG) 178/2002"],  # european food safety policy
    ESCO_SKILL + "76395873-7fe2-4f9a-b4b6-9932f8cbd0b4": ["Einhaltung klinischer Leitlinien", "Arbeiten nach Pflegestandards", "Behandlungsleitlinien"],  # follow clinical guidelines
    ESCO_SKILL + "dc57f705-75b6-4232-b531-1f020afa0364": ["Lebensmittelindustrie", "Lebensmittelwirtschaft", "Gastronomie"],  # food and beverage industry
    ESCO_SKILL + "d59012cb-1362-41db-b431-f0cc5bf44bc4": ["Homogenisierung von Lebensmitteln"],  # food homogenisation
    ESCO_SKILL + "713f1ba8-c7a8-43e5-a5cc-0b869474efe7": ["Lebensmittelrecht", "Lebensmittel- und Futtermittelgesetzbuch", "LFGB", "Lebensmittelkennzeichnung"],  # food legislation
    ESCO_SKILL + "e591f458-93c4-4cc7-a441-2340545c33f3": ["Ernährungspolitik", "Lebensmittelpolitik"],  # food policy
    ESCO_SKILL + "3f4e4eab-a8e0-4aed-b8bb-79afe7c890e3": ["Lebensmittelsicherheit", "Lebensmittelhygiene", "Lebensmittelschutz"],  # food safety principles
    ESCO_SKILL + "fa46ff13-5ad7-4a11-85d6-4b0614e411de": ["Lebensmittelsicherheitsstandards", "IFS", "Lebensmittelhygienestandards"],  # food safety standards
    ESCO_SKILL + "4e081e0a-e25f-4f6e-9c75-e9043ba08aad": ["Lebensmitteltoxikologie", "Lebensmittelverderb", "Lebensmittelvergiftung vermeiden"],  # food toxicity
    ESCO_SKILL + "2465763d-2bc8-4d76-8705-4755a2a120ce": ["lebensmittelbedingte Erkrankungen", "Lebensmittelinfektionen", "Lebensmittelvergiftungen"],  # foodborne diseases
    ESCO_SKILL + "4f7b14d8-f09c-49f7-abae-231e8c210e07": ["Innere Medizin", "Allgemeinmedizin"],  # general medicine
    ESCO_SKILL + "52c19dc8-651f-4095-98fe-dcb2799d702e": ["Geriatrie", "Altenpflege", "geriatrische Pflege", "Gerontologie"],  # geriatrics
    ESCO_SKILL + "1dea2f3a-857c-4fc3-b1f8-d5f2015c46a9": ["Arbeitsanweisungen erteilen", "Anleitung von Personal", "Unterweisung von Mitarbeitenden"],  # give instructions to staff
    ESCO_SKILL + "1709f408-9965-489b-9805-8e1e5d9e483b": ["Gesundheitsrecht", "Medizinrecht", "Patientenrechte", "Infektionsschutzgesetz"],  # health care legislation
    ESCO_SKILL + "2dbdd054-896a-4167-8f11-e9b9ebcf199d": ["Hygienerecht", "Lebensmittelhygiene-Verordnung", "Arbeitsschutz- und Hygienevorschriften"],  # health, safety and hygiene legislation
    ESCO_SKILL + "51e53aff-6f8a-42ca-9cb9-47335130f4d7": ["Physiologie", "Anatomie und Physiologie", "Humanphysiologie"],  # human physiology
    ESCO_SKILL + "0450eaee-1a00-4622-8f4e-5356fce816d2": ["Krankenhaushygiene", "Hygiene im Gesundheitswesen", "Händehygiene", "Hygienerichtlinien"],  # hygiene in a health care setting
    ESCO_SKILL + "2e90ef65-646a-4b1d-8597-26ca88aa1c6b": ["Erkennen von Auffälligkeiten", "Krankenbeobachtung", "Erkennen von Veränderungen des Gesundheitszustands"],  # identify abnormalities
    ESCO_SKILL + "5f97fac8-2001-4b81-ae8b-22f9062d921a": ["Gefährdungsbeurteilung", "Gefährdungsermittlung am Arbeitsplatz", "Gefahrenerkennung"],  # identify hazards in the workplace
    ESCO_SKILL + "27a638bc-6362-45f8-afce-5596a606269b": ["soziale Determinanten der Gesundheit", "Gesundheit und soziale Lage"],  # impact of social contexts on health
    ESCO_SKILL + "516e324b-03fc-4d3b-9986-e46e9834cd43": ["Grundlagen der Pflege", "pflegerische Grundversorgung", "Pflegegrundlagen"],  # implement fundamentals of nursing
    ESCO_SKILL + "f98e06f5-a09a-4356-b6a8-d55a7d3c5356": ["Durchführung der Pflege", "Pflegemaßnahmen durchführen", "Pflegeprozess umsetzen"],  # implement nursing care
    ESCO_SKILL + "6d13053b-ee35-492c-8976-8178420df398": ["Infektionsschutz", "Infektionsprävention", "Asepsis", "Hygienemanagement", "MRSA"],  # infection control
    ESCO_SKILL + "0b5aaee4-c948-4853-bf8d-b9cd6c4917ee": ["gesundheitspolitische Beratung", "Gesundheitspolitik"],  # inform policy makers on health-related challenges
    ESCO_SKILL + "5cc97a45-69fc-4f37-a973-402d5ac561ac": ["lebensrettende Sofortmaßnahmen", "Basic Life Support", "BLS"],  # initiate life preserving measures
    ESCO_SKILL + "de134835-030e-4f79-9873-e87c34c1a0db": ["Laborkenntnisse", "Laborarbeit", "Labortätigkeit", "Laboranalytik"],  # laboratory-based sciences
    ESCO_SKILL + "1289bd81-8daf-4e7c-bb46-6bbfe9141c49": ["Lebensmittelrecht tierischer Erzeugnisse", "Tierische Lebensmittel-Hygieneverordnung", "Fleischhygienerecht"],  # legislation about animal origin products
    ESCO_SKILL + "202d6f30-e630-4b27-a437-ce4e2b8a5d75": ["Arbeiten unter erschwerten Bedingungen", "Belastbarkeit in der Lebensmittelproduktion"],  # manage challenging work conditions during food processing operations
    ESCO_SKILL + "5838d780-c9fd-4b97-b9e2-2ccc64b4ce3c": ["Kommunikation mit Lebensmittelbehörden", "Zusammenarbeit mit Veterinär- und Lebensmittelüberwachung"],  # manage communications with food industry governmental bodies
    ESCO_SKILL + "4d614c92-0c48-4a11-a5ed-416b34fd50d2": ["Pflegedokumentation", "Patientendokumentation", "Führung von Patientenakten"],  # manage healthcare users' data
    ESCO_SKILL + "6338e1e5-1cce-47ab-9e55-8914d8adc2f0": ["Lebensmittelzusatzstoffe", "Zusatzstoffrecht", "Zusatzstoffe"],  # manage the use of additives in food manufacturing
    ESCO_SKILL + "8bdc520c-6293-4e99-bf6f-a44d5da3ebcb": ["Beobachtung der Rechtsentwicklung", "Gesetzesänderungen verfolgen", "Rechtsmonitoring"],  # monitor legislation developments
    ESCO_SKILL + "5ff6f551-f2a4-4cef-a72d-e81116155a43": ["Neugeborenenpflege", "Säuglingspflege"],  # newborn care
    ESCO_SKILL + "8b3aefd2-5021-418f-b069-828fb7abc598": ["Pflegewissenschaft", "Pflegetheorien", "Pflegemodelle", "Pflegeethik"],  # nursing principles
    ESCO_SKILL + "634865e0-2ec2-4b7f-bb7f-c196637f0f7b": ["Bedürfnisse älterer Menschen", "Seniorenarbeit", "Altenhilfe"],  # older adults' needs
    ESCO_SKILL + "8671290a-ab17-42c2-9114-adcb741e7257": ["Pädiatrie", "Kinderheilkunde", "Kinderkrankenpflege"],  # paediatrics
    ESCO_SKILL + "c5a80bb0-31e6-4de0-868c-00a0f9b88b47": ["Palliativpflege", "Palliativversorgung", "Sterbebegleitung", "Hospizarbeit"],  # palliative care
    ESCO_SKILL + "4be3c34e-47ba-4881-ac74-8bd244e0b04c": ["Praxisanleitung", "Ausbildung von Pflegepersonal", "Mitwirkung an der Pflegeausbildung"],  # participate in health personnel training
    ESCO_SKILL + "2b1ce548-4e16-45fb-bfb2-f3141c8efe8d": ["Patientenautonomie", "Selbstbestimmung von Patienten", "Patientenverfügung"],  # patient autonomy
    ESCO_SKILL + "79fc83a3-9c76-4e21-b766-2e9c0f8d31eb": ["Patientensicherheit", "Risikomanagement im Krankenhaus", "CIRS"],  # patient safety theories
    ESCO_SKILL + "3f82a026-8a37-4b54-9ebb-7702b66eeb24": ["Umweltuntersuchungen", "Umweltermittlungen", "Vor-Ort-Ermittlungen"],  # perform environmental investigations
    ESCO_SKILL + "5e13af88-67d3-46ed-af58-8a7b8ebe7b1f": ["Legen von Venenzugängen", "Venenverweilkanüle", "Blutentnahme"],  # perform venous cannulation
    ESCO_SKILL + "8168333b-8257-48f6-82c5-6b5128c21ecc": ["personenzentrierte Pflege", "Bezugspflege", "patientenorientierte Pflege", "Primary Nursing"],  # person centred care
    ESCO_SKILL + "5fb523ab-25e9-43a7-a853-c785db50f6cc": ["Schädlinge und Pflanzenkrankheiten", "Schädlingsbekämpfung", "Pflanzenschutz"],  # pests and diseases
    ESCO_SKILL + "60c544c9-0815-479c-bcec-93c7891815ea": ["Pharmakologie", "Arzneimittellehre", "Arzneimittelkunde"],  # pharmacology
    ESCO_SKILL + "6acf652c-33b2-4e28-8f79-1e553f255229": ["Pflegeplanung", "Pflegeprozessplanung", "Maßnahmenplanung in der Pflege"],  # plan nursing care
    ESCO_SKILL + "8eab4e4f-03f8-4a66-a830-ec4e5db43253": ["Verordnung von Medikamenten", "Medikamentenverordnung"],  # prescribe medication
    ESCO_SKILL + "d0f2f8a7-d935-4a6d-8e54-dcc3e5e2cbeb": ["Präsentation von Berichten", "Berichterstattung", "Ergebnispräsentation"],  # present reports
    ESCO_SKILL + "1b3370df-c280-470c-ac35-951f42ca8b19": ["Imagepflege des Pflegeberufs", "Berufsstolz in der Pflege"],  # promote a positive image of nursing
    ESCO_SKILL + "93a68dcb-3dc6-4dbe-b196-f6d212228a50": ["Förderung von Gesundheit und Sicherheit", "Arbeitsschutzunterweisung", "Sicherheitskultur"],  # promote health and safety
    ESCO_SKILL + "646d871b-4503-4dc8-a076-06d7085e4cde": ["Menschenrechte fördern", "Menschenwürde", "Wahrung der Menschenwürde"],  # promote human rights
    ESCO_SKILL + "24f980ba-b44f-4739-b563-205104c3190d": ["Grundpflege", "Unterstützung von Patienten", "Patientenbetreuung", "Körperpflege"],  # provide basic support to patients
    ESCO_SKILL + "60b2dd49-c677-4f47-816e-aff3b577e113": ["Gesundheitsberatung", "Patientenschulung", "Patientenedukation", "Gesundheitsaufklärung"],  # provide health education
    ESCO_SKILL + "6063652e-22c4-472e-bb96-6e5ec1e7c5de": ["Pflegeberatung", "Beratung pflegender Angehöriger", "Pflegeberatung nach § 7a SGB XI"],  # provide nursing advice on healthcare
    ESCO_SKILL + "0bb3792c-0a17-4e48-a8b3-5603bb12a660": ["ambulante Pflege", "Gemeindepflege", "häusliche Krankenpflege", "Community Health Nursing"],  # provide nursing care in community settings
    ESCO_SKILL + "1023ac61-250f-4eef-b7a9-238cf071685f": ["professionelle Pflege", "Fachpflege", "Grund- und Behandlungspflege", "Krankenpflege", "Wundversorgung", "Wundmanagement"],  # provide professional care in nursing
    ESCO_SKILL + "9570e84e-6699-4c9f-9a12-7bc82d53a231": ["öffentliches Gesundheitswesen", "Öffentlicher Gesundheitsdienst", "ÖGD", "Gesundheitsamt", "Public Health"],  # public health
    ESCO_SKILL + "049c8caf-dd12-45fc-9bfa-b64051f32a19": ["Flexibilität in der Pflege", "Reaktion auf veränderte Pflegesituationen"],  # respond to changing situations in health care
    ESCO_SKILL + "8bd49d04-ab2f-4333-b5d9-12d716e4e2f6": ["Reanimation", "Wiederbelebung", "Herz-Lungen-Wiederbelebung", "CPR"],  # resuscitation
    ESCO_SKILL + "bacbf3d2-c151-4911-b376-e664faa313e3": ["Gefahren in Lebensmitteln", "Risikobewertung von Lebensmitteln", "mikrobiologische Risiken"],  # risks associated to physical, chemical, biological hazards in food and beverages
    ESCO_SKILL + "2d6904db-9e16-42a5-bc12-c5acb8bfab18": ["Medikamentenmanagement in der Pflege", "Arzneimittelsicherheit", "Medikamentenlagerung", "Stellen von Medikamenten"],  # safe management of medicines
    ESCO_SKILL + "22b8039c-c890-4610-9228-5527e3b98f12": ["Qualitätsziele festlegen", "Qualitätssicherungskonzept", "Qualitätsmanagementsystem"],  # set quality assurance objectives
    ESCO_SKILL + "436b8f31-1a12-408a-be5f-a951942fbf92": ["Simulationstraining", "Skills-Lab", "simulationsbasiertes Lernen"],  # simulation-based clinical education
    ESCO_SKILL + "8881a9c2-bd07-4954-bf27-c1f8acca9af0": ["Soziologie", "soziologische Kenntnisse"],  # sociology
    ESCO_SKILL + "99a09006-31f4-41d3-b3aa-feb2aeff730b": ["Fachkrankenpflege", "Intensivpflege", "Anästhesiepflege", "spezialisierte Pflege"],  # specialist nursing care
    ESCO_SKILL + "6f46a3bb-eb18-4c3e-b05b-8b073fceb4fb": ["Sterilisation", "Sterilgutaufbereitung", "Desinfektion", "Aufbereitung von Medizinprodukten"],  # sterilization techniques
    ESCO_SKILL + "62268d9a-42f9-4c65-9ed3-d7ba69249896": ["Unterstützung von Pflegekräften", "Pflegeassistenz", "Pflegehilfe"],  # support nurses
    ESCO_SKILL + "508f3b4c-799a-4742-b3ae-75f2ff11153d": ["Chirurgie", "chirurgische Pflege", "OP-Pflege"],  # surgery
    ESCO_SKILL + "87a708d8-a14d-42ce-8f03-c8a199f999d5": ["klinisches Denken", "Clinical Reasoning", "Pflegeprozess"],  # use clinical reasoning
    ESCO_SKILL + "414332e4-8347-4771-b947-65bd3801a620": ["Beratungstechniken", "Beratungskompetenz", "Beratung"],  # use consulting techniques
    ESCO_SKILL + "16636767-c215-4cf0-b126-e144fea20926": ["E-Health", "Telemedizin", "digitale Gesundheitsanwendungen", "elektronische Patientenakte"],  # use e-health and mobile health technologies
    ESCO_SKILL + "a46743b7-ff8c-49b6-99f7-7fa5bc241771": ["elektronische Pflegedokumentation", "digitale Pflegedokumentation"],  # use electronic health records in nursing
    ESCO_SKILL + "65a1c226-5d93-4fec-8a15-cb1b2ec4379f": ["Arbeiten unter Anleitung", "Arbeit nach Anweisung", "Mitarbeit unter Aufsicht"],  # work under supervision in care
    # --- fire and rescue services (Feuerwehr, Rettungsdienst, Leitstelle) ---
    ESCO_SKILL + "3b6834bd-b781-4dc6-b8c3-3fa74b865120": ["Notrufannahme", "Notrufabfrage", "Annahme von Notrufen", "Notruf 112"],  # answer emergency calls
    ESCO_SKILL + "0dcea846-04b4-4ffc-8c75-a35c991454b1": ["Erstmaßnahmen am Einsatzort", "Erstversorgung leisten", "Sofortmaßnahmen"],  # apply first response
    ESCO_SKILL + "587f6825-0ef1-4fb0-8425-71a50d786a37": ["Organisation von Reparaturen", "Instandsetzung veranlassen", "Reparaturaufträge"],  # arrange equipment repairs
    ESCO_SKILL + "269b8734-fa1d-4c6f-a843-523fa3bbae6e": ["Verhaltenswissenschaften", "Verhaltenspsychologie in Notfällen"],  # behavioural science
    ESCO_SKILL + "ad05c2bf-3905-4e4c-bd56-6fcfdebc994c": ["klinische Wissenschaft", "Medizintechnik", "klinische Forschung"],  # clinical science
    ESCO_SKILL + "0cfc7eb9-2891-4153-b335-6331f381ff05": ["Sicherheitsunterweisungen", "Unterweisung im Arbeitsschutz", "Brandschutzunterweisung"],  # communicate health and safety measures
    ESCO_SKILL + "c6c0ceda-a2b6-4f8f-8d31-e259933300dc": ["Fremdsprachen im Gesundheitswesen", "fremdsprachliche Kommunikation mit Patienten"],  # communicate in foreign languages with health service providers
    ESCO_SKILL + "0f46a403-9606-465f-8247-8ae975ff4f35": ["mündliche Anweisungen geben", "klare Kommunikation", "Telefonreanimation"],  # communicate verbal instructions
    ESCO_SKILL + "6074be26-466d-4df7-b845-4c44157a2529": ["Brandverhütungsschau", "Brandschau", "Brandschutzbegehungen", "Feuerbeschau"],  # conduct fire safety inspections
    ESCO_SKILL + "83aedfbe-5a70-4188-a40f-47c3492105f6": ["Desinfektion von Rettungsfahrzeugen", "Fahrzeugdesinfektion", "Hygiene im Rettungsdienst"],  # decontaminate ambulance interior
    ESCO_SKILL + "b7ff512a-8bce-4918-b11b-7c388892472c": ["Defibrillation", "AED", "Defibrillator"],  # defibrillation
    ESCO_SKILL + "f190355a-cea5-4cd0-b6cd-a5c3d9a14985": ["Ernährungslehre", "Diätetik", "Ernährungswissenschaft"],  # dietetics
    ESCO_SKILL + "6b7ec709-9635-4197-82eb-dc1525b2eb8b": ["Störungen der Vitalfunktionen", "Vitalfunktionen", "Vitalparameter"],  # disorders of vital functions
    ESCO_SKILL + "24d3dc49-4238-490a-9802-96b146e271fe": ["Disposition von Rettungsmitteln", "Alarmierung", "Einsatzdisposition", "Rettungsmittel alarmieren"],  # dispatch ambulance
    ESCO_SKILL + "367165b1-fb00-4e55-a8ba-99b2510718b6": ["Hafenbetrieb", "Hafenlogistik"],  # dock operations
    ESCO_SKILL + "862a7f5f-aea5-4e7a-9783-48af5b52d50e": ["Einsatzfahrten", "Fahren mit Sonderrechten", "Maschinist"],  # drive firetruck under emergency conditions
    ESCO_SKILL + "e2649956-6e7c-4ac6-92ee-fab9c61badf2": ["Brandschutzerziehung", "Brandschutzaufklärung", "Brandschutzaufklärung für die Bevölkerung"],  # educate public on fire safety
    ESCO_SKILL + "e9d74b8e-04a5-4743-b17b-bd8a4f09bc3b": ["Notfallbilder", "Notfallmedizinische Krankheitsbilder", "Notfälle"],  # emergency cases
    ESCO_SKILL + "fbb8f1a7-c8b5-4722-92c4-814836b86934": ["Notfallmedizin", "Akutmedizin", "Rettungsmedizin"],  # emergency medicine
    ESCO_SKILL + "c6543651-d743-4e12-be72-c81d1eaf4541": ["Schadensschätzung", "Schadensbewertung", "Sturmschäden begutachten"],  # estimate damage
    ESCO_SKILL + "992b79df-dc2b-4c64-ab1c-c43e610e62f8": ["Evakuierung", "Gebäuderäumung", "Räumung von Gebäuden", "Menschenrettung"],  # evacuate people from buildings
    ESCO_SKILL + "349ba297-53b3-4bb6-9952-5c5e65f7e047": ["Evaluationsmethoden im Rettungsdienst", "Qualitätssicherung im Rettungsdienst"],  # evaluation methodologies in paramedic practice
    ESCO_SKILL + "0ea0b260-617b-4d04-bf00-988dd0b122e5": ["Fahrzeugwartung", "Fahrzeugpflege", "Fahrzeugunterhaltung"],  # execute vehicle maintenance
    ESCO_SKILL + "301a6581-e983-4bb6-8b31-b3ee2cbc2392": ["Brandbekämpfung", "Löschangriff", "Löschen von Bränden"],  # extinguish fires
    ESCO_SKILL + "861009ea-4d15-4e80-a8dc-7db41ecaf49b": ["Brandverhütung", "Brandschutzmaßnahmen", "Brandschutzkonzepte", "vorbeugender Brandschutz", "Brandschutz"],  # fire prevention procedures
    ESCO_SKILL + "ccde26f3-e822-4b6a-94a1-39af4ae41fed": ["Löschanlagen", "Brandbekämpfungssysteme", "Sprinkleranlagen", "Feuerlöschtechnik"],  # fire-fighting systems
    ESCO_SKILL + "eaa4cdc0-43e0-4388-9b8a-e2779218d10e": ["Erstversorgung", "Sanitätsdienst", "First Responder"],  # first response
    ESCO_SKILL + "e3b4b533-cc4d-4c70-adb6-128120f40c88": ["Gefahrgut", "Gefahrstoffe", "ADR", "Gefahrgutbeauftragter"],  # handling of dangerous goods
    ESCO_SKILL + "f2f463e5-2382-49cb-8199-e7e043d868df": ["Arbeitsschutzvorschriften", "Unfallverhütungsvorschriften", "DGUV-Vorschriften", "Arbeitssicherheitsvorschriften"],  # health and safety regulations
    ESCO_SKILL + "9b63d92b-5a3a-46b0-b2ba-c98b39ea5aaf": ["Gesundheitssystem", "Gesundheitswesen", "Rettungsdienststrukturen"],  # health care system
    ESCO_SKILL + "9ec4252d-cbe8-4134-88fa-549dee1883f3": ["Anatomie", "menschliche Anatomie"],  # human anatomy
    ESCO_SKILL + "52819593-af43-4c5e-b143-ce9f71ef2aac": ["Prüfung von Feuerwehrgeräten", "Gerätewartung", "Gerätewart", "Prüfung von Feuerlöschern"],  # inspect fire equipment
    ESCO_SKILL + "d09584de-57ff-450a-8e06-0d0f614f11f8": ["Infusionstherapie", "intravenöser Zugang", "Infusionen"],  # intravenous infusion
    ESCO_SKILL + "e585d690-ebfc-4b27-9dbc-7d655ce1176c": ["Intubation", "Atemwegsmanagement"],  # intubation
    ESCO_SKILL + "1f1d2ff8-c4c1-45cc-9812-6a7ee84a73cb": ["Teamführung", "Gruppenführung", "Zugführung", "Teamleitung im Einsatz"],  # lead a team
    ESCO_SKILL + "d1455e46-2d0d-4661-86ab-3cb7a0c46d02": ["elektronische Einsatzdokumentation", "Notrufprotokollierung", "Einsatzerfassung"],  # log emergency call information electronically
    ESCO_SKILL + "0b41f1ca-73b1-470e-a425-ba3e9c1b6e0b": ["Wartung von Sicherheitssystemen", "Brandmeldeanlagen", "Wartung von Brandmeldeanlagen", "Sicherheitstechnik"],  # maintain safety systems
    ESCO_SKILL + "8ee39fb7-8b46-490e-ae21-6e8b32854dd6": ["Einsatzleitsoftware", "Leitstellensoftware", "Einsatzleitrechner"],  # manage dispatch software systems
    ESCO_SKILL + "ecf7869e-7d87-478d-9d80-edfdcd39ec52": ["medizinische Notfälle", "Notfallmanagement"],  # manage emergency care situations
    ESCO_SKILL + "c1b0bfc2-4932-4e03-9077-92bc56042511": ["Evakuierungspläne", "Flucht- und Rettungspläne", "Räumungsübungen", "Notfallplanung"],  # manage emergency evacuation plans
    ESCO_SKILL + "8071881c-d652-46e7-9cf4-e06a7f1e57c7": ["Großschadenslagen", "Einsatzleitung", "Katastrophenschutz", "Führung im Einsatz"],  # manage major incidents
    ESCO_SKILL + "865ccba0-e1a2-402c-9641-d23a4acac6ea": ["Verwaltung von Sicherheitsausrüstung", "Ausrüstungsverwaltung", "Kleiderkammer"],  # manage security equipment
    ESCO_SKILL + "2ee670aa-c687-4ff7-92eb-0abc9b57e5f2": ["Bootstechnik", "Schiffsmechanik", "Rettungsboote"],  # mechanics of vessels
    ESCO_SKILL + "df958b10-9e1c-4a80-9170-5572a5366e84": ["Medizinprodukte", "Medizingeräte", "Medizinproduktegesetz"],  # medical devices
    ESCO_SKILL + "f9246b8b-d8c4-4c28-ba6c-b50680dd0c79": ["Leitstellendisposition", "Rettungsleitstelle", "Integrierte Leitstelle", "Einsatzleitsystem"],  # medical dispatch
    ESCO_SKILL + "2806260f-6399-4add-8f11-070141423f9d": ["medizinische Fachbegriffe", "medizinische Terminologie", "Fachterminologie"],  # medical terminology
    ESCO_SKILL + "60f826be-0c1b-413b-aad5-4f7546622e16": ["Vitalzeichenüberwachung", "Überwachung der Vitalparameter", "Monitoring von Vitalwerten"],  # monitor patient's vital signs
    ESCO_SKILL + "09b7de14-3aa8-493c-87f4-4eeb76daf800": ["Marineeinsätze", "Seefahrt"],  # navy operations
    ESCO_SKILL + "f39336a8-8bf3-4a36-ac40-2f88836f5112": ["Digitalfunk", "BOS-Funk", "Funkkommunikation", "Notrufsysteme"],  # operate an emergency communication system
    ESCO_SKILL + "fb1203d0-7a3e-44f9-bed0-a3652bfbc6f8": ["Bedienung von Feuerlöschern", "Löschübungen"],  # operate fire extinguishers
    ESCO_SKILL + "4e5687e3-3d3a-4f5e-b76a-93da0124d453": ["Einsatztaktik", "Einsatztaktik im Rettungsdienst", "MANV"],  # operational tactics for emergency responses
    ESCO_SKILL + "8d1dc94c-d8e1-4ce6-92d5-a17ec0543dc9": ["Beschaffung von Ausrüstung", "Gerätebeschaffung", "Ausrüstungsbestellung"],  # order equipment
    ESCO_SKILL + "78d5f0a2-53ac-421e-b415-573a88557a21": ["Krankheitserreger", "pathogene Mikroorganismen", "Erreger"],  # pathogenic microorganisms
    ESCO_SKILL + "c0fc7d2d-d013-40d7-bc58-75cf3771153f": ["kleinere Reparaturen", "Instandhaltung von Geräten", "Wartungsarbeiten"],  # perform minor repairs to equipment
    ESCO_SKILL + "cfd19a2a-e311-46fe-a0f0-6b984408372a": ["Wartung von Feuerwehrfahrzeugen", "Fahrzeugwartung Feuerwehr", "vorbeugende Instandhaltung"],  # perform preventive maintenance on fire fighting vehicles
    ESCO_SKILL + "a7774bdc-de0f-423e-b527-ef1409fbee6a": ["Suche und Rettung", "Rettungseinsätze", "technische Hilfeleistung", "Personenrettung"],  # perform search and rescue missions
    ESCO_SKILL + "4bc32339-2e0c-43bb-b6f1-9cd7c250ddc6": ["Personalplanung im Rettungsdienst", "Dienstplanung Rettungsdienst"],  # personnel planning in emergency response
    ESCO_SKILL + "85c13cba-d555-429f-88cf-589b409fe978": ["physikalische Grundlagen im Rettungsdienst", "Physik für Notfallsanitäter"],  # physical science applied to paramedical practice
    ESCO_SKILL + "bb663409-5c88-4e3a-bc16-01aa1c8ce171": ["Planung von Arbeitsschutzmaßnahmen", "Sicherheitskonzepte", "Brandschutzordnung erstellen"],  # plan health and safety procedures
    ESCO_SKILL + "5641a2af-9eb2-4209-9fc6-856f78f2d2f2": ["Immissionsschutzrecht", "Umweltschutzvorschriften", "Emissionsschutz"],  # pollution legislation
    ESCO_SKILL + "d85a0e92-8b31-4d7e-9cae-9e62d44cc273": ["Grundlagen der Notfallsanitäterpraxis", "präklinische Notfallversorgung", "Rettungsdienst"],  # principles of paramedic practice
    ESCO_SKILL + "f3c38c0f-eef5-443f-be68-14d74eaa695b": ["Priorisierung von Notfällen", "Notfallpriorisierung", "Triage"],  # prioritise emergencies
    ESCO_SKILL + "9a7cc3c2-b529-44a4-ab8e-f04fc91362e2": ["Einsatzdokumentation", "Dokumentation im Gesundheitswesen", "Einsatzprotokoll"],  # professional documentation in health care
    ESCO_SKILL + "9f6946f7-60aa-409a-b33d-152f244299d8": ["Beratung bei Mängeln", "Mängelbeseitigung anordnen", "Beratung bei Verstößen"],  # provide advice on breaches of regulation
    ESCO_SKILL + "9d56d8d6-f542-4f69-a817-3fb92794a44c": ["Anleitung zu Erste-Hilfe-Maßnahmen am Telefon", "Beratung von Notrufenden", "telefonische Anleitung zur Reanimation"],  # provide advice to emergency callers
    ESCO_SKILL + "038256f5-7b18-4e6f-8314-2401be1b601b": ["präklinische Traumaversorgung", "PHTLS", "Traumaversorgung"],  # provide pre-hospital emergency care of trauma
    ESCO_SKILL + "5ed83764-c32f-402d-b5b3-168cddfbe4c5": ["Sprengstoffrecht", "Pyrotechnik-Recht", "Feuerwerksrecht"],  # pyrotechnic articles legislation
    ESCO_SKILL + "75de3aa9-6208-4563-a31a-be0b680e5786": ["Funkverkehr", "Sprechfunk", "Funk- und Telefonkommunikation"],  # relay messages through radio and telephone systems
    ESCO_SKILL + "12dbf11f-c212-4fc3-8254-069f860bfa5c": ["technische Hilfeleistung bei Verkehrsunfällen", "Verkehrsunfallrettung", "Rettung aus Unfallfahrzeugen"],  # rescue in road accidents
    ESCO_SKILL + "6dc4bab9-1982-4d5a-b8b6-14c3cfd32c31": ["Sanitätstechnik", "medizinische Ausrüstung", "Rettungsmittel-Ausstattung"],  # sanitary technology
    ESCO_SKILL + "2399e65b-cf2b-4f5b-9002-607e790fcf2a": ["Gefahrenabwehrmaßnahmen", "Schutzmaßnahmen auswählen", "Gefahrenbeurteilung an der Einsatzstelle"],  # select hazard control
    ESCO_SKILL + "7d23c508-c007-4221-bb84-0c9a479b8ea6": ["interkulturelle Sensibilität", "kulturelle Sensibilität"],  # show intercultural awareness
    ESCO_SKILL + "82068fe6-183e-4396-9996-27d0152d713a": ["Soziologie für den Rettungsdienst", "soziale Aspekte der Notfallversorgung"],  # sociology applied to paramedical science
    ESCO_SKILL + "bbff1ad2-cdb9-4def-9c16-1d36af146a30": ["Entwicklungsstufen", "Entwicklungsphasen des Menschen"],  # stages of normal development
    ESCO_SKILL + "378969fd-c740-4f96-9648-481a0590900e": ["Betreuung von Anrufern in Notsituationen", "Beruhigung von Anrufern", "psychische Erste Hilfe am Telefon"],  # support distressed emergency callers
    ESCO_SKILL + "d15f8745-28f8-4abf-a7b6-6cb8a304efd2": ["Belastbarkeit", "Stressresistenz", "Stressbewältigung", "Stresstoleranz"],  # tolerate stress
    ESCO_SKILL + "73de691d-d112-444b-a99f-606888fa9414": ["Patiententransport", "Transportmethoden", "Krankentransport"],  # transportation methods
    ESCO_SKILL + "ab27ebf6-3738-4785-b030-02d81e8808ee": ["Handhabung von Feuerlöschern", "Feuerlöscher", "Brandschutzhelfer"],  # use different types of fire extinguishers
    ESCO_SKILL + "cc69175e-c35d-4494-8844-e71385ccce4a": ["fremdsprachige Fachliteratur", "Recherche in Fremdsprachen"],  # use foreign languages for health-related research
    ESCO_SKILL + "51826e07-64c9-4d2c-9964-88cfbf131ad2": ["Teamarbeit unter Gefahrenbedingungen", "Einsatzerfahrung", "Arbeiten unter Atemschutz", "Atemschutz", "Atemschutzgeräteträger"],  # work as a team in a hazardous environment
    ESCO_SKILL + "19bf4dd0-db65-4484-aa9d-0dcbc2e5dd13": ["interdisziplinäre Zusammenarbeit im Rettungsdienst", "Zusammenarbeit mit Notarzt und Polizei"],  # work in multidisciplinary teams related to emergency care
    # --- public order and courts (Ordnungsamt, Vollstreckung, Justiz) ---
    ESCO_SKILL + "2adc2a4a-bb29-4a7f-aab7-d1a21bf08b9e": ["Unterstützung von Polizei und Rettungsdiensten", "Amtshilfe", "Zusammenarbeit mit Polizei"],  # assist emergency services
    ESCO_SKILL + "8dc71fcf-2f4e-4877-92da-73d58547f2c0": ["Unterstützung von Richtern", "Geschäftsstellenarbeit", "Serviceeinheit am Gericht"],  # assist judge
    ESCO_SKILL + "2f55c7ff-7f64-4f67-ae49-8ab7c75c3864": ["Information von Gerichtspersonen", "Vorlage an Richter", "Aktenvorlage"],  # brief court officials
    ESCO_SKILL + "f85bb847-febe-4853-9dbf-7d25424e5921": ["Zivilprozessrecht", "ZPO", "Zivilverfahrensrecht"],  # civil process order
    ESCO_SKILL + "53386714-0e24-4df5-a460-b884e2d6c4c4": ["Einziehung von Forderungen", "Beitreibung", "Vollstreckung von Geldforderungen"],  # collect damages
    ESCO_SKILL + "1d7234e4-1c76-4d67-9487-71d8c529cdc9": ["Erstellung juristischer Dokumente", "Schriftsätze", "Zusammenstellung von Rechtsdokumenten"],  # compile legal documents
    ESCO_SKILL + "2fd26ae6-bd98-46c7-b1ba-8a0b52734fac": ["Forderungsmanagement", "Inkasso", "Mahnwesen", "Forderungseinzug"],  # debt collection techniques
    ESCO_SKILL + "f0153530-9ff3-4fe6-8f9e-012d06ac5b89": ["Rechtsanwendung", "Vollzug von Rechtsvorschriften", "Durchsetzung von Satzungen", "kommunaler Ordnungsdienst"],  # ensure law application
    ESCO_SKILL + "a33b3fcb-6644-4d43-966f-6acd28b44d0f": ["Schulwegsicherung", "Verkehrshelfer", "Begleitung von Fußgängern"],  # escort pedestrians across streets
    ESCO_SKILL + "194c05ed-253c-485a-8bf0-0c8de1aaafda": ["Einhaltung des Dienstplans", "Pünktlichkeit", "Zuverlässigkeit"],  # follow work schedule
    ESCO_SKILL + "34f2f1d5-fbd3-4800-8749-4ad237c2f838": ["Mitteilung von Urteilen", "Bekanntgabe gerichtlicher Entscheidungen"],  # inform of court sentence
    ESCO_SKILL + "91003b4a-f2aa-4472-a9c1-4597abb518f2": ["Insolvenzrecht", "Insolvenzordnung", "InsO"],  # insolvency law
    ESCO_SKILL + "ceb13e3a-835e-47e3-a1c9-34dfa21de0fd": ["Anweisungen an die Öffentlichkeit", "Platzverweise", "Ansprache von Bürgern"],  # instruct public
    ESCO_SKILL + "ad7dbf6b-7c37-42c0-8566-328249a3d21d": ["Ermittlungsmethoden", "Ermittlungsarbeit", "Recherchemethoden"],  # investigation research methods
    ESCO_SKILL + "eb31bbe9-f6ab-446d-ac6c-fdec0494f2f9": ["Verwarnungsgelder", "Bußgelder", "Ordnungswidrigkeitenverfahren", "Verwarngelder erheben", "OWiG"],  # issue fines
    ESCO_SKILL + "66aad490-1c20-4e25-b189-634a218ee53e": ["Fallbearbeitung in Rechtssachen", "Verfahrensmanagement", "Aktenführung in Rechtssachen"],  # legal case management
    ESCO_SKILL + "c7e686a1-d03e-4641-a229-68247fdc5887": ["juristische Fachsprache", "Rechtsterminologie", "Fachbegriffe des Rechts"],  # legal terminology
    ESCO_SKILL + "42645b84-0699-4072-b9cf-335512434b67": ["unmittelbarer Zwang", "Eigensicherung", "Einsatz von Zwangsmitteln"],  # legal use-of-force
    ESCO_SKILL + "d22f2f23-9dd5-4854-bada-0514ff6c51a9": ["Verkehrsüberwachung", "Verkehrsbeobachtung", "Überwachung des Verkehrsflusses"],  # monitor traffic flow
    ESCO_SKILL + "e95dc989-ae49-49c6-bfc4-9aef35e92f35": ["Streifendienst", "Streifengänge", "Außendienst", "Kontrollgänge"],  # patrol areas
    ESCO_SKILL + "c7b26d6a-f1f3-45e9-ab8d-959c9ad16720": ["Versteigerung", "öffentliche Versteigerung", "Zwangsversteigerung"],  # public auction procedures
    ESCO_SKILL + "8b4e63f6-0194-4e3b-8dcc-e9636e6276b8": ["Protokollführung bei Gericht", "Protokollierung von Verhandlungen", "Verhandlungsprotokolle"],  # record court procedures
    ESCO_SKILL + "e653427b-310e-49cf-9817-bf71ccfec2ed": ["Wegnahme von Gegenständen", "Herausgabevollstreckung", "Sicherstellung"],  # repossess goods
    ESCO_SKILL + "e6e7061f-8211-455a-9a65-adaab3f1f6a1": ["Rücknahme von Sachen", "Inbesitznahme", "Sachherausgabe"],  # repossession
    ESCO_SKILL + "a554781e-d8d6-4777-bcf4-6d34fcc06ac3": ["Pfändung", "Auswahl pfändbarer Gegenstände", "Sachpfändung"],  # select items for auction
    ESCO_SKILL + "0a9244d7-00a9-46d6-8ea9-77a63567522b": ["Zustellungen", "Zustellung von Schriftstücken", "Ladungen zustellen"],  # send summons
    # --- finance and tax (Kämmerei, Haushalt, Steuern, Entgeltabrechnung, Controlling) ---
    ESCO_SKILL + "ecc18804-a466-40d9-98b4-fba5cd67dd4b": ["Buchhaltung", "Buchführung", "Rechnungswesen", "Finanzbuchhaltung"],  # accounting
    ESCO_SKILL + "08371fe9-c658-4f6a-966f-71dbb0ab683d": ["Buchhaltungsprozesse", "Prozesse im Rechnungswesen", "Kreditorenbuchhaltung", "Debitorenbuchhaltung"],  # accounting department processes
    ESCO_SKILL + "a9640376-8d72-4a70-a4a3-7a18e2e8f3c0": ["Finanzberatung im öffentlichen Sektor", "Beratung in Fragen der öffentlichen Finanzen"],  # advise on public finance
    ESCO_SKILL + "161a6c5a-593a-4977-b7b7-49c6a2a2f2a3": ["Steuerplanung", "Steuergestaltung", "Steuerberatung"],  # advise on tax planning
    ESCO_SKILL + "8a43795b-bb38-4f29-91df-a6c92ad4643c": ["Analyse der Finanzlage", "Wirtschaftlichkeitsanalyse", "Finanzanalyse"],  # analyse financial performance of a company
    ESCO_SKILL + "e95058a6-e139-42e7-a470-72038a606649": ["Wirtschaftlichkeitsprüfung", "Prüfung der finanziellen Tragfähigkeit", "Finanzierbarkeit"],  # assess financial viability
    ESCO_SKILL + "77e1563f-84fb-48dd-98f2-59a4e33908ca": ["Grundsteuer", "Grundbesitzabgaben", "Einheitsbewertung"],  # cadastral taxation
    ESCO_SKILL + "6fbb7540-30f7-45dc-980a-fa004463a92b": ["Zinsberechnung", "Kreditkostenberechnung", "Schuldendienst"],  # calculate debt costs
    ESCO_SKILL + "2ecf90f1-c511-464b-b26f-598d69182c70": ["Steuerberechnung", "Steuerfestsetzung", "Berechnung von Steuern", "Veranlagung"],  # calculate tax
    ESCO_SKILL + "207f87c4-ac68-4987-990c-636ca19c2626": ["Lohnberechnung", "Gehaltsberechnung", "Berechnung von Bezügen"],  # calculate wages
    ESCO_SKILL + "4e756773-ae14-4981-838b-9fe27e81c0af": ["Zahlungsverkehr", "Überweisungen", "Durchführung von Zahlungen"],  # carry out financial transactions
    ESCO_SKILL + "734187e4-650e-4a0a-a7f8-826cd4757229": ["Lohnprüfung", "Prüfung der Entgeltabrechnung", "Kontrolle von Lohnabrechnungen"],  # check payrolls
    ESCO_SKILL + "7c86c1b1-4a06-4804-afbc-7e857145b6a5": ["Steuererhebung", "Steuerbeitreibung", "Vollstreckung von Steuerforderungen", "Kasse und Vollstreckung"],  # collect tax
    ESCO_SKILL + "89ff28d6-342c-435d-83aa-83e71dbbbc96": ["Finanzprüfung", "Rechnungsprüfung durchführen", "Prüfung von Jahresrechnungen", "Prüfung der Jahresrechnung"],  # conduct financial audits
    ESCO_SKILL + "2d008d5a-b7bd-46f7-bbb1-5d70a0af9c84": ["Bewirtschaftung von Finanzmitteln", "Finanzmittelsteuerung", "Haushaltsmittelüberwachung"],  # control financial resources
    ESCO_SKILL + "d77d7685-04fb-43a4-a1ac-09a10811f646": ["Gesellschaftsrecht", "Handelsrecht", "HGB"],  # corporate law
    ESCO_SKILL + "56ff27ef-2565-45bf-a70c-f06d78d2a480": ["Finanzplan", "Wirtschaftsplan", "Finanzplanerstellung"],  # create a financial plan
    ESCO_SKILL + "dd7c9dfd-6e2c-46fd-aefc-369402d0200c": ["Finanzbericht", "Erstellung von Finanzberichten", "Rechenschaftsbericht", "Jahresrechnung"],  # create a financial report
    ESCO_SKILL + "5c2a951c-9eb3-45a7-af45-39f3bf3a095d": ["Schuldenklassifizierung", "Forderungsarten", "Schuldenarten"],  # debt classification
    ESCO_SKILL + "b497a163-daf4-4f1b-a6ba-8c640d803979": ["Schuldenmanagement", "Kreditmanagement", "Schuldenverwaltung"],  # debt systems
    ESCO_SKILL + "b0b453d0-c5d2-4799-ab26-8d90b17d0e67": ["Kontenstrategie", "Kontenrahmen", "Kontenplan"],  # develop account strategy
    ESCO_SKILL + "4f060129-8b75-4d58-a8dd-515bd8fef349": ["Finanzstatistik", "Finanzberichte", "Finanzberichterstattung"],  # develop financial statistics reports
    ESCO_SKILL + "2313b15d-a9a7-4830-9bcc-fd7df79d842b": ["Durchsetzung von Finanzrichtlinien", "Einhaltung von Finanzvorschriften"],  # enforce financial policies
    ESCO_SKILL + "d6e78d9a-deca-4bcb-b08d-011b2616758d": ["Einhaltung von Rechnungslegungsstandards", "ordnungsgemäße Buchführung", "Bilanzierungsrichtlinien"],  # ensure compliance with accounting conventions
    ESCO_SKILL + "6556cbf1-d5c0-4f53-89a9-8707066069a6": ["Budgetanalyse", "Haushaltsanalyse", "Haushaltsüberwachung", "Bewertung von Haushalten"],  # evaluate budgets
    ESCO_SKILL + "16f61a5b-23ba-4268-8517-82c77c4041a1": ["Prüfung von Zeitnachweisen", "Zeiterfassung", "Arbeitszeitnachweise"],  # examine budgets
    ESCO_SKILL + "b08ec8ff-1a3e-4cc3-8016-9520b21666a6": ["Ausgabenkontrolle", "Kostenkontrolle", "Haushaltsvollzug", "Haushaltsüberwachung im Vollzug"],  # exert expenditure control
    ESCO_SKILL + "cb059032-dd34-4761-a786-98cfb9d0efe3": ["Erläuterung von Buchungen", "Erläuterungen zum Jahresabschluss", "Buchhaltungsauskünfte"],  # explain accounting records
    ESCO_SKILL + "39e43f7c-a95e-4583-be76-bb134ccce1ae": ["Finanzprozesse", "Finanzwesen", "Kassenwesen"],  # financial department processes
    ESCO_SKILL + "4b2db903-cd8e-48ce-97fb-a92db4def54e": ["Finanzplanung", "Finanzprognosen", "mittelfristige Finanzplanung", "Liquiditätsplanung"],  # financial forecasting
    ESCO_SKILL + "4a460161-eaea-4fe2-bd0e-164ccc635be1": ["Jahresabschlüsse", "Bilanz und GuV", "Finanzberichte lesen"],  # financial statements
    ESCO_SKILL + "83e97138-899a-4af8-9187-47823e875841": ["Einhaltung gesetzlicher Pflichten", "Erfüllung gesetzlicher Meldepflichten"],  # follow the statutory obligations
    ESCO_SKILL + "3556c075-eee0-4549-b730-48ae70cb5af9": ["Finanzierungsformen", "Finanzierungsmethoden", "Förderprogramme"],  # funding methods
    ESCO_SKILL + "f7e7ccb6-fadc-4c35-935d-e1040be40dfe": ["Bearbeitung von Finanztransaktionen", "Kassengeschäfte", "Zahlungsabwicklung", "Kassenführung"],  # handle financial transactions
    ESCO_SKILL + "14464b13-19b5-4403-8c2c-09eb98e28f2f": ["Steuerauskünfte", "Beratung zu steuerlichen Pflichten", "steuerliche Auskunft"],  # inform on fiscal duties
    ESCO_SKILL + "61c25570-ca90-45ed-ac1c-f7d0fc21b32d": ["Prüfung öffentlicher Einnahmen", "Einnahmenkontrolle", "Ertragsprüfung"],  # inspect government incomes
    ESCO_SKILL + "1883a1f5-f190-4ef3-8521-36d8cc6dbb47": ["Prüfung von Steuererklärungen", "Veranlagung von Steuererklärungen", "Steuerprüfung"],  # inspect tax returns
    ESCO_SKILL + "b9efc4b5-0266-43e3-a7e3-064d09bcf90a": ["Prüfung von Steuerunterlagen", "Belegprüfung", "Außenprüfung", "Betriebsprüfung"],  # inspect taxation documents
    ESCO_SKILL + "5f1d1319-7954-4a9b-90c7-57668e3a0d4b": ["Bilanzanalyse", "Jahresabschlussanalyse", "Lesen von Bilanzen"],  # interpret financial statements
    ESCO_SKILL + "3e4776e7-dd79-4a18-b334-6e8f9e989a49": ["Zusammenarbeit mit Gewerkschaften", "Zusammenarbeit mit Personalvertretung", "Personalrat"],  # liaise with union officials
    ESCO_SKILL + "15e6992d-0b78-4693-a0d0-87d7f30b5fd7": ["Liegenschaftskataster", "Katasterverwaltung", "Kataster", "ALKIS"],  # manage cadastre
    ESCO_SKILL + "9d916d7c-89b3-4084-a6d9-e2b0b3091404": ["Entgeltabrechnung", "Lohnabrechnung", "Gehaltsabrechnung", "Lohn- und Gehaltsabrechnung", "Bezügeabrechnung"],  # manage payroll
    ESCO_SKILL + "3ee090a1-9d1c-44ed-bd93-f6b7c9b68a97": ["Lohnauswertungen", "Lohnjournale", "Entgeltmeldungen", "Personalkostenberichte"],  # manage payroll reports
    ESCO_SKILL + "2ada2f9d-77f7-4ba0-9096-89ae285a65c5": ["Kontenüberwachung", "Kontenabstimmung", "Kontenklärung"],  # monitor financial accounts
    ESCO_SKILL + "ab986bc4-df92-4351-9ac1-aa75af943cf7": ["Verwaltungstätigkeiten", "Bürotätigkeit", "Sachbearbeitungsaufgaben", "allgemeine Verwaltungsaufgaben"],  # perform clerical duties
    ESCO_SKILL + "60f51172-37c0-4933-a27a-cbf55dcd7580": ["Jahresabschluss", "Erstellung des Jahresabschlusses", "Bilanzierung", "Bilanzerstellung"],  # prepare financial statements
    ESCO_SKILL + "af0f7625-b9fc-4f97-a71d-d7c7648bfc35": ["Gehaltsabrechnungen erstellen", "Lohnzettel", "Entgeltbescheinigungen"],  # prepare paychecks
    ESCO_SKILL + "22a173f5-868c-4d82-87e6-beed500ce070": ["Erstellung von Steuererklärungen", "Steuererklärungen", "Steuervoranmeldungen"],  # prepare tax returns forms
    ESCO_SKILL + "ff5e9b54-d141-4f5a-ad04-ddefd7d8843f": ["Freigabe von Stundenzetteln", "Genehmigung von Arbeitszeitnachweisen"],  # procure time sheet approval
    ESCO_SKILL + "3379edec-4d25-4135-83c1-2bf47b2fb52e": ["steuerliche Recherche", "Recherche im Steuerrecht"],  # research taxation procedures
    ESCO_SKILL + "56426cfa-6e92-4ed9-a632-f08849864588": ["Anlagenportfolio", "Prüfung von Geldanlagen", "Vermögensverwaltung"],  # review investment portfolios
    ESCO_SKILL + "147170ba-0141-4337-89af-b4513d745afe": ["Haushaltsaufstellung", "Mitwirkung bei der Haushaltsplanung", "Haushaltsplanung", "Aufstellung des Haushaltsplans", "Jahreshaushalt"],  # support development of annual budget
    ESCO_SKILL + "5c99d21a-9d02-4638-9b52-a6ba840dcb0a": ["Aufbereitung von Finanzinformationen", "Finanzanalysen", "Zusammenführung von Finanzdaten"],  # synthesise financial information
    ESCO_SKILL + "d669af41-756c-48d9-a286-1443253f54b1": ["Steuerrecht", "Abgabenordnung", "Steuergesetze", "Einkommensteuerrecht"],  # tax legislation
    ESCO_SKILL + "0295b2a4-fb86-495f-9547-d479532fc4c2": ["Nachverfolgung von Finanztransaktionen", "Zahlungsverfolgung", "Zahlungsabgleich"],  # trace financial transactions
    ESCO_SKILL + "8dcbcabe-09f7-4d11-940d-125af57bbc40": ["Kennzahlen", "KPI", "Kennzahlensteuerung", "Kennzahlencontrolling"],  # track key performance indicators
    ESCO_SKILL + "3dfa5c1e-a2cc-4c09-9e60-d21b28072c37": ["Gewerkschaftsrecht", "Koalitionsrecht", "Tarifvertragsrecht"],  # trade union regulations
    ESCO_SKILL + "931d3046-8e66-4aca-bbf1-1dca032c8b15": ["Feilenarten", "Feilen"],  # type of file
    # --- human resources (Personalamt, Personalsachbearbeitung) ---
    ESCO_SKILL + "786a74d6-7ecd-44d5-ae4f-87ff02fe3dbf": ["Persönlichkeitseinschätzung", "Menschenkenntnis in der Personalauswahl", "Beurteilung von Bewerbenden"],  # assess character
    ESCO_SKILL + "afdb41dd-5dd5-4fbb-bf9e-e041422698b4": ["Koordination operativer Abläufe", "operative Steuerung", "Ablaufkoordination"],  # coordinate operational activities
    ESCO_SKILL + "517f678e-001b-4985-acb4-9edc3500d74c": ["Entwicklung von Schulungsprogrammen", "Fortbildungsplanung", "Qualifizierungskonzepte", "Personalentwicklungskonzepte"],  # develop training programmes
    ESCO_SKILL + "728ad40d-4a79-4b4d-b77b-a48d094d73fa": ["Evaluation von Fortbildungen", "Schulungsevaluation", "Bildungscontrolling"],  # evaluate training
    ESCO_SKILL + "0bd4c62a-c309-467e-be76-8403b3f3a1a8": ["Finanzprodukte", "Finanzinstrumente"],  # financial products
    ESCO_SKILL + "906c9e66-bdee-4f8e-93d7-88d9fcf39a0a": ["Terminorganisation", "Besprechungsorganisation", "Sitzungsorganisation", "Meetings organisieren"],  # fix meetings
    ESCO_SKILL + "e437eba1-3e22-41f2-8703-741e94785cba": ["Personalmanagement", "Personalwesen", "Human Resources", "HR-Management"],  # human resource management
    ESCO_SKILL + "c6e308b4-8799-4461-a9bd-560bdecb0dbb": ["Personalverwaltung", "Personalsachbearbeitung", "Personalaktenführung", "Prozesse im Personalwesen"],  # human resources department processes
    ESCO_SKILL + "b22e46d7-1c5f-4837-943f-7f75531acc26": ["Personalbedarfsplanung", "Personalbedarfsermittlung", "Stellenplan", "Stellenbemessung"],  # identify necessary human resources
    ESCO_SKILL + "fc54bd7f-0c03-4fdd-af8c-5eb4021e716d": ["Identifikation mit den Zielen des Arbeitgebers", "Loyalität", "Identifikation mit dem öffentlichen Auftrag"],  # identify with the company's goals
    ESCO_SKILL + "15d6d4e9-9b4b-4a93-aea5-a29a67b6d9e7": ["Versicherungsrecht", "Versicherungsvertragsrecht"],  # insurance law
    ESCO_SKILL + "9d9ba780-4aa2-43d2-888c-95a41a713fb9": ["Einarbeitung neuer Mitarbeitender", "Onboarding", "Einführung neuer Beschäftigter"],  # introduce new employees
    ESCO_SKILL + "8ebb2c0a-0baa-43bf-95cf-094047c57427": ["Personalakten", "Führung von Personalakten", "Personalverwaltung administrieren"],  # maintain professional administration
    ESCO_SKILL + "cc0b95b8-5fae-4ee2-851e-9b1e9fa178be": ["Bearbeitung von Mitarbeiterbeschwerden", "Beschwerdemanagement für Beschäftigte"],  # manage employee complaints
    ESCO_SKILL + "6fce8d3f-a15f-4f26-943a-d200b32f6949": ["Überwachung von Dienstvereinbarungen", "Einhaltung von Personalrichtlinien"],  # monitor company policy
    ESCO_SKILL + "811acf0c-4dd7-4dda-a4fa-7ca498a95204": ["Vertragsverhandlungen", "Arbeitsvertragsverhandlungen", "Gehaltsverhandlungen", "Eingruppierung"],  # negotiate employment agreements
    ESCO_SKILL + "d96bfb0f-e771-4fec-abca-c38f48e02318": ["Zusammenarbeit mit Personaldienstleistern", "Arbeitnehmerüberlassung", "Zeitarbeitsfirmen"],  # negotiate with employment agencies
    ESCO_SKILL + "2ae4ae1a-367e-47e0-a0cc-6777be3e58d0": ["Mitarbeiterbeurteilung", "dienstliche Beurteilung", "Leistungsbeurteilung von Mitarbeitenden", "Beurteilungswesen"],  # organise staff assessment
    ESCO_SKILL + "90e8f54b-064f-4721-8ccc-b5f61968b227": ["Organisation von Fortbildungen", "Schulungsorganisation", "Seminarorganisation"],  # organise training
    ESCO_SKILL + "57c3021c-defc-4a39-b60b-95db8af25c3a": ["Outplacement", "Vermittlung in neue Beschäftigung"],  # outplacement
    ESCO_SKILL + "b01444aa-6f62-4b7d-ab30-4385a9148580": ["Selbstreflexion", "Reflexionsfähigkeit", "Kritikfähigkeit"],  # personal reflection techniques based on feedback
    ESCO_SKILL + "19bf58ed-23b8-4763-b231-d4a1e98a225d": ["Gleichstellung", "Chancengleichheit", "Gleichstellungsarbeit", "Gleichstellungsplan"],  # promote gender equality in business contexts
    ESCO_SKILL + "4bd6e2ad-bf69-4198-b3ac-3baabd9da46e": ["Unterstützung von Führungskräften", "Assistenz der Leitung", "Vorzimmer"],  # support managers
    ESCO_SKILL + "918f5211-b99f-4b29-9a34-6e475583ef55": ["Berichtswesen", "Erstellung von Berichten", "Berichte schreiben", "Vermerke schreiben"],  # write work-related reports
    # --- legal and data protection (Rechtsamt, Datenschutz) ---
    ESCO_SKILL + "303a54a3-ff8a-4f29-b598-e54ce54c2b48": ["Beweiswürdigung", "Analyse von Beweismitteln", "Sachverhaltsermittlung"],  # analyse legal evidence
    ESCO_SKILL + "86d2e2ea-1ba2-4aa6-b465-8a1f9abc81b8": ["Umsetzung von Informationssicherheitsrichtlinien", "Datensicherheit", "Datenschutzkonformität"],  # apply information security policies
    ESCO_SKILL + "3a7c95ef-0adc-4dff-a1a3-1e56f1e9ea03": ["Prozessbegleitung", "Unterstützung bei Rechtsstreitigkeiten", "Prozessführung"],  # assist with litigation matters
    ESCO_SKILL + "17c9a790-5664-4673-8237-c4cf3c5a8da5": ["Folgenabschätzung", "Datenschutz-Folgenabschätzung", "DSFA", "Wirkungsanalyse von IT-Prozessen"],  # conduct impact evaluation of ICT processes on business
    ESCO_SKILL + "5c606d18-6404-4047-b235-350f18e11827": ["Vertragsrecht", "Vertragsgestaltung", "Schuldrecht"],  # contract law
    ESCO_SKILL + "a4346013-a967-4a58-a533-6b32ad1364c5": ["Datenschutzrecht", "Bundesdatenschutzgesetz", "BDSG", "Landesdatenschutzgesetz"],  # data protection
    ESCO_SKILL + "3579208e-49b3-4ce4-98e7-20e41b1ce8d4": ["Entwicklung einer Informationssicherheitsstrategie", "Sicherheitskonzept erstellen", "Informationssicherheitsleitlinie"],  # develop information security strategy
    ESCO_SKILL + "3254275d-a1b5-4640-9481-02f38780ac35": ["Richtlinienentwicklung", "Erstellung von Dienstanweisungen", "Erarbeitung von Leitlinien"],  # develop organisational policies
    ESCO_SKILL + "1dae8445-12e5-423a-bb26-824010e299b9": ["Sicherstellung der Rechtskonformität", "Rechtmäßigkeitskontrolle", "Compliance-Management"],  # ensure compliance with legal requirements
    ESCO_SKILL + "71717c33-dd63-4acf-b052-a5fd5d9fc490": ["Wahrung der Privatsphäre von Daten", "Datenschutzmaßnahmen", "technische und organisatorische Maßnahmen"],  # ensure information privacy
    ESCO_SKILL + "e3211ab2-18b5-49b4-90de-d395f3be2378": ["Ausführung von Arbeitsanweisungen", "Arbeitsaufträge umsetzen", "weisungsgebundenes Arbeiten"],  # execute working instructions
    ESCO_SKILL + "d3e9b00a-0891-4fa8-836d-8240ec3d2758": ["Datenschutz-Grundverordnung", "EU-DSGVO", "GDPR"],  # GDPR
    ESCO_SKILL + "2242a42b-f810-4007-bd9c-e761f863cfd9": ["Umgang mit Beweismitteln", "Beweismittelverwaltung", "Asservatenverwaltung"],  # handle case evidence
    ESCO_SKILL + "2f1a7c08-e148-45e8-a258-44174a7becc5": ["Anhörung", "rechtliches Gehör", "Anhörung der Beteiligten"],  # hear legal arguments
    ESCO_SKILL + "9a0d0abc-010d-440b-8242-7e31510471ba": ["Governance, Risk und Compliance", "Informations-Compliance", "GRC"],  # information governance compliance
    ESCO_SKILL + "8804d963-5a31-4609-b5df-f741b7199fb7": ["Innenrevision", "interne Revision", "interne Audits", "Revision"],  # internal auditing
    ESCO_SKILL + "11cbcf7f-8dc3-4c9a-9ec1-37f51b5cbc19": ["internationaler Handel", "Außenhandel", "Außenwirtschaft"],  # international trade
    ESCO_SKILL + "5b71cb01-0f37-47e0-a617-abcf08c8aa64": ["Gesetzesauslegung", "Rechtsauslegung", "Subsumtion", "juristische Methodik", "Rechtsanwendung im Einzelfall"],  # interpret law
    ESCO_SKILL + "83af38e4-2f70-4ad8-96d2-b4c4830d09eb": ["Jugendstrafvollzug", "Jugendarrest", "Jugendstrafrecht"],  # juvenile detention
    ESCO_SKILL + "c68e4cc4-b842-4660-a84c-48f11c70f657": ["Abläufe in der Rechtsabteilung", "Kanzleiorganisation", "Rechtsamt"],  # legal department processes
    ESCO_SKILL + "21039101-4706-4fe0-a423-e63077cf36d9": ["Sitzungspolizei", "Ordnung im Gerichtssaal"],  # maintain court order
    ESCO_SKILL + "3838a64c-78dc-4f3f-a0c0-9f604e33eefd": ["interne Kommunikationssysteme", "Intranet", "Mitarbeiterkommunikation"],  # maintain internal communication systems
    ESCO_SKILL + "e2e15494-65b9-4af5-8b86-53fb51e7e022": ["Kontenführung", "Buchhaltung in der Kanzlei", "Kontenverwaltung"],  # manage accounts
    ESCO_SKILL + "623c75fa-f9f8-460c-b199-e17480687139": ["Fristenmanagement", "Fristenkontrolle", "Fristwahrung", "Termin- und Fristenkalender"],  # meet deadlines for preparing legal cases
    ESCO_SKILL + "075c68d7-efe4-4466-be4a-9acc726504df": ["Fusionen und Übernahmen", "Mergers & Acquisitions", "Unternehmenskäufe"],  # mergers and acquisitions
    ESCO_SKILL + "23b97a3e-dfde-4627-9d97-114a9f3e4cd0": ["Vergleichsverhandlungen", "außergerichtliche Einigung", "Verhandlungen in Rechtsstreitigkeiten"],  # negotiate in legal cases
    ESCO_SKILL + "e50189e9-ec1a-4155-b187-8d99620f42fa": ["Gebührenrecht der Anwälte", "RVG", "Honorarverhandlungen", "Rechtsanwaltsvergütung"],  # negotiate lawyer's fee
    ESCO_SKILL + "0aa38c07-644b-4f81-8014-924ea3cc8dc5": ["Arzneimittelrecht", "Arzneimittelgesetz", "Pharmarecht"],  # pharmaceutical legislation
    ESCO_SKILL + "8c4b7305-4b83-4586-9d42-2817f96c60ea": ["Rückfragen zu Unterlagen", "Klärung von Sachverhalten", "Nachfragen zu Dokumenten"],  # pose questions referring to documents
    ESCO_SKILL + "39e7d2a3-8d01-497c-8c5f-d51ab53a4a22": ["Überzeugungskraft", "Argumentationsstärke", "Verhandlungsgeschick", "Durchsetzungsvermögen"],  # present arguments persuasively
    ESCO_SKILL + "56ab5131-93a0-4ce3-b840-6413e687c307": ["juristische Argumentation", "Plädoyers", "Rechtsausführungen"],  # present legal arguments
    ESCO_SKILL + "637ca2e2-0624-48b1-be6e-9ff4580344ac": ["Korrekturlesen", "Lektorat", "Textkorrektur"],  # proofread text
    ESCO_SKILL + "33a82b83-c838-4889-ae62-fae1317481eb": ["Schutz personenbezogener Daten", "Privatsphäre schützen", "Datenschutz im Alltag"],  # protect personal data and privacy
    ESCO_SKILL + "1a080b07-406e-4a2e-b316-fc766f2e6e2d": ["Eisenbahnrecht", "Allgemeines Eisenbahngesetz"],  # railway law
    ESCO_SKILL + "7726fc5e-a972-4f0a-abbe-6be3043422f9": ["Prozessvertretung", "Vertretung vor Gericht", "forensische Tätigkeit"],  # represent clients in courts
    ESCO_SKILL + "82ae17ef-a422-4803-923e-d62da42476a9": ["Überarbeitung von Rechtsdokumenten", "Prüfung von Verträgen", "Vertragsprüfung"],  # revise legal documents
    ESCO_SKILL + "6eff134b-e34f-4d6e-a6e8-5e47cf2228d0": ["Risikomanagementsysteme", "Risikosteuerung", "Risikomanagement-Kenntnisse"],  # risk management
    ESCO_SKILL + "2058f70f-af29-460d-b319-9048c6db0d18": ["Unparteilichkeit", "Neutralität", "Objektivität"],  # show impartiality
    ESCO_SKILL + "64c074bf-1d14-4520-b561-e2fa05b7681c": ["Auswertung von Verhandlungsprotokollen", "Aktenstudium"],  # study court hearings
    ESCO_SKILL + "196e6fb8-cc19-4045-92d8-02d52c60e328": ["Verhandlungsleitung", "Leitung mündlicher Verhandlungen", "Sitzungsleitung"],  # supervise court hearings
    ESCO_SKILL + "81633a44-f1db-4a01-a940-804c6905e330": ["Textverarbeitung", "MS Word", "Microsoft Word", "Textverarbeitungsprogramme"],  # use word processing software
    # --- facility management (Gebäudemanagement, Hausmeisterei, Elektrotechnik, Grünpflege) ---
    ESCO_SKILL + "afdcb380-ef9f-4785-b877-cc551f035034": ["Agrarwissenschaften"],  # agronomy
    ESCO_SKILL + "829d1376-41bf-4c41-9bc3-62dce647677c": ["Beleuchtungstechnik", "Lichttechnik", "Beleuchtungsanlagen"],  # artificial lighting systems
    ESCO_SKILL + "f4a6e9f7-5cff-46c0-894c-59c20bb78694": ["Steuerungstechnik", "SPS"],  # automation technology
    ESCO_SKILL + "6709e92c-7546-46a4-aa57-5e951bd4cb0f": ["Gebäudeautomatisierung", "Smart Building", "KNX"],  # building automation
    ESCO_SKILL + "0e8d16c9-e2db-4862-ac06-1567f01ef806": ["Gebäudeleittechnik", "GLT", "Gebäudeüberwachung", "MSR-Technik"],  # building systems monitoring technology
    ESCO_SKILL + "885808f7-f42b-406e-95f2-28efcd45ddda": ["Energiemanagement", "Energiecontrolling", "Energieaudit", "Energieverbrauchsoptimierung"],  # carry out energy management of facilities
    ESCO_SKILL + "7bb01a18-4637-4535-ba18-258f48f705b8": ["Raumreinigung", "Reinigung von Räumen"],  # clean rooms
    ESCO_SKILL + "6ff01827-907d-43d8-b6e4-7162c1cf0aca": ["Oberflächenreinigung", "Unterhaltsreinigung"],  # clean surfaces
    ESCO_SKILL + "09dea77e-870c-49eb-9a97-1398bee57bd0": ["Arbeitsschutz in der Reinigung", "Sicherheit bei Reinigungsarbeiten"],  # cleaning industry health and safety measures
    ESCO_SKILL + "4ca83b9d-afa0-49f8-b7af-e4e6a42ad299": ["Pflanzenbau", "Pflanzenproduktion"],  # crop production principles
    ESCO_SKILL + "6360d655-3494-45f6-bfc6-d5f63afc355b": ["Elektrosicherheit", "VDE-Vorschriften", "Sicherheitsvorschriften für elektrische Anlagen", "Elektrofachkraft"],  # electrical power safety regulations
    ESCO_SKILL + "d15e92c4-c8dc-48cd-a1f6-94fe13347f87": ["Schaltpläne", "Elektropläne", "Stromlaufpläne", "Installationspläne"],  # electrical wiring plans
    ESCO_SKILL + "2bbdea06-a265-42b5-bb4f-7241b661f069": ["Elektromechanik", "Mechatronik"],  # electromechanics
    ESCO_SKILL + "95c35c3a-035f-47c2-90cf-7e934d20fc08": ["elektronische Schaltungen"],  # electronics
    ESCO_SKILL + "351cd749-498c-4ed3-9e38-58fc9bbf8f0e": ["Lärmschutz", "Lärmschutzvorschriften", "TA Lärm"],  # ensure compliance with noise standards
    ESCO_SKILL + "69f23426-9279-4fe6-a283-24c2aa4c855d": ["Geräteverfügbarkeit", "Bereitstellung von Arbeitsmitteln"],  # ensure equipment availability
    ESCO_SKILL + "3419fac9-575d-4492-a018-edff6f4dae26": ["Umweltrecht in der Land- und Forstwirtschaft", "Pflanzenschutzgesetz"],  # environmental legislation in agriculture and forestry
    ESCO_SKILL + "65ca5e3c-940c-46b2-b277-aff394cfdd4c": ["Tagesplanung", "Festlegung von Tagesprioritäten", "Arbeitsverteilung"],  # establish daily priorities
    ESCO_SKILL + "98119761-07b9-4e27-ae16-23586ab4becb": ["Gebäudezustandskontrolle", "Gebäudebegehung", "Zustandsprüfung von Gebäuden", "Mängelerfassung"],  # examine the conditions of buildings
    ESCO_SKILL + "f13bcfba-84b9-44a0-974f-a3d5b470ea9a": ["Kontrollrundgang", "Objektkontrolle", "Rundgänge", "Hausmeisterrundgang"],  # execute inspection walkway
    ESCO_SKILL + "50f5e41d-7ce3-481b-aed7-ee9484545bc4": ["Facility Management", "Gebäudemanagement", "Liegenschaftsmanagement", "Gebäudebewirtschaftung", "infrastrukturelles Gebäudemanagement"],  # facilities management in the organisation
    ESCO_SKILL + "f5f5b244-6cea-4fbc-8a50-8f712791bc09": ["Einhaltung betrieblicher Standards", "Einhaltung von Hausordnungen"],  # follow company standards
    ESCO_SKILL + "28d715e3-3e5b-4fb6-8dd2-4be4919c8587": ["Beschwerdemanagement", "Umgang mit Beschwerden", "Reklamationsbearbeitung"],  # handle customer complaints
    ESCO_SKILL + "7ca80382-13c4-4ccf-ab89-4b1bdb2d6a13": ["Pflanzenschutzspritzen", "Herbizidsprühgeräte"],  # herbicides sprayers
    ESCO_SKILL + "dcb01a4f-720a-480f-b61a-11a1286d56f3": ["Gartenbau", "Gartenbaukunde", "Zierpflanzenbau"],  # horticulture principles
    ESCO_SKILL + "2179e0fd-7431-41a3-bbf4-76451c615ce2": ["Prüfung von Elektromaterial", "Kontrolle elektrischer Betriebsmittel"],  # inspect electrical supplies
    ESCO_SKILL + "c3d1ada5-1d97-4a23-be2a-9ff39296775b": ["Installation von Schaltern", "Verdrahtung"],  # install electric switches
    ESCO_SKILL + "52797dce-911c-4e6d-b0cb-491f6469014f": ["Installation elektrischer Anlagen", "Elektroinstallation", "Installation elektronischer Geräte"],  # install electrical and electronic equipment
    ESCO_SKILL + "52d6eb67-56c0-4ad7-b5c2-71e7c2362ece": ["Installation von Steckdosen", "Elektroinstallationsarbeiten"],  # install electricity sockets
    ESCO_SKILL + "bf056c12-eaba-4f00-b5a9-c4add7f841f3": ["Baustoffe im Landschaftsbau", "Pflastermaterialien", "Landschaftsbaumaterialien"],  # landscaping materials
    ESCO_SKILL + "f14ff4b7-be1e-4b55-b39b-520005f8a97e": ["Abstimmung mit Vorgesetzten", "Rücksprache mit der Leitung"],  # liaise with managers
    ESCO_SKILL + "75dfe1ee-5935-42ce-b820-697f827825c3": ["Servicequalität sicherstellen", "Dienstleistungsqualität"],  # maintain customer service
    ESCO_SKILL + "5125b132-d1a9-41a4-95c3-91b0984e86b5": ["Grünflächenunterhaltung", "Grundstückspflege", "Geländepflege"],  # maintain ground
    ESCO_SKILL + "2239694b-771a-4586-8b54-2794e361a9ae": ["Kundenbeziehungspflege", "Kundenbindung", "Mieterbetreuung"],  # maintain relationship with customers
    ESCO_SKILL + "a97353c8-f2a3-47be-86e1-f7c301fca630": ["Reinigungsmanagement", "Koordination von Reinigungsdiensten", "Überwachung von Reinigungsfirmen"],  # manage cleaning activities
    ESCO_SKILL + "d085f57a-db05-4db7-aab5-9d9a29e8b949": ["Koordination der Außenanlagenpflege", "Organisation der Grünflächenpflege"],  # manage ground maintenance
    ESCO_SKILL + "8c5d6b8a-55c9-4f5d-8d47-bf23e15ecb71": ["Flächenmanagement", "Raumbelegungsplanung", "Flächenbewirtschaftung"],  # manage space utilisation
    ESCO_SKILL + "020b3c27-bae1-4b85-9d6f-eccee0f5ed99": ["Materialwirtschaft", "Bestandsmanagement", "Lagerverwaltung", "Materialbeschaffung"],  # manage supplies
    ESCO_SKILL + "00fc7575-0cee-4b12-ade5-795cb2a4479a": ["Zeitmanagement im Landschaftsbau", "Arbeitsplanung im Garten- und Landschaftsbau"],  # manage time in landscaping
    ESCO_SKILL + "7b3717e4-e963-44e0-b94f-1088a7242da0": ["Pflanzenpflege", "Pflege von Pflanzen"],  # nurse plants
    ESCO_SKILL + "69c865d1-39d6-48ae-b33f-75a7e9cc1811": ["Bedienung von Gartengeräten", "Motorsäge", "Freischneider", "Kleingeräte im Landschaftsbau"],  # operate landscaping equipment
    ESCO_SKILL + "186da517-9a3e-41cd-9158-4001e3694459": ["Ökolandbau", "biologische Landwirtschaft"],  # organic farming
    ESCO_SKILL + "3aef9d43-157e-4339-9b26-ef1108b12dc4": ["Budgetverantwortung im Facility Management", "Bewirtschaftungskosten", "Betriebskostenbudget"],  # oversee the facilities services budget
    ESCO_SKILL + "41be6ab9-1cf9-43af-8c63-b6664b921dd5": ["Grünpflege", "Außenanlagenpflege", "Gartenarbeiten", "Rasenpflege"],  # perform ground maintenance activities
    ESCO_SKILL + "08881cb7-5331-4b11-9442-4d7c9fce749e": ["Schädlingsbekämpfung durchführen", "Pflanzenschutzmaßnahmen", "Pflanzenschutz-Sachkunde"],  # perform pest control
    ESCO_SKILL + "9d75efb9-0c77-4f86-b5e7-99100808564a": ["Pflanzenschädlinge", "Schädlingsbekämpfung bei Pflanzen"],  # pest control in plants
    ESCO_SKILL + "746d4d58-7e6b-417c-a0b3-3f0c44564a2e": ["Facility-Management-Konzepte", "Bewirtschaftungskonzepte", "Betreiberverantwortung"],  # plan facilities management policies
    ESCO_SKILL + "f8460277-3c9a-4be4-b203-600a2a295f47": ["Pflanzenkrankheiten", "Pflanzengesundheit"],  # plant disease control
    ESCO_SKILL + "17fa5b53-fd59-49eb-8763-29255a185d26": ["Bodenvorbereitung", "Bodenbearbeitung", "Rasenbau"],  # prepare the ground
    ESCO_SKILL + "fd61cec0-cfab-4a4a-9157-e8f21e612116": ["Landschaftsbau", "Garten- und Landschaftsbau", "GaLaBau", "Wegebau"],  # principles of landscape construction
    ESCO_SKILL + "844e9480-7aef-49f6-9260-d88c27249241": ["Pflanzenvermehrung", "Anzucht", "Pflanzenanzucht"],  # propagate plants
    ESCO_SKILL + "51097602-8e4e-4830-8f35-d77afc713fc0": ["Gehölzschnitt", "Heckenschnitt", "Baumschnitt", "Baumpflege"],  # prune hedges and trees
    ESCO_SKILL + "a8f1c3cf-bd8b-4c85-80d3-c69955f6bd00": ["Schnitttechniken", "Rückschnitt"],  # pruning techniques
    ESCO_SKILL + "fe82195e-af26-4156-b554-c724b28fb2fb": ["Schnittarten", "Formschnitt", "Erziehungsschnitt"],  # pruning types
    ESCO_SKILL + "f7626ae8-eecf-41f4-bc4f-de9e57ed30a6": ["Versickerung", "Entwässerung", "Regenrückhaltung"],  # rainwater management
    ESCO_SKILL + "be7c80ee-0b7a-455c-8928-055cfa65076c": ["schnelles Reagieren", "Reaktionsfähigkeit in zeitkritischen Situationen", "Handeln unter Zeitdruck"],  # react to events in time-critical environments
    ESCO_SKILL + "d1ba2b40-8811-4b60-8fc9-0e82b369c887": ["Besucherregistrierung", "Pfortendienst", "Empfangsdienst", "Besucherverwaltung"],  # register information on arrivals and departures
    ESCO_SKILL + "1de6b87b-2c7d-49aa-bcc0-3b2ef75f064f": ["Störungsbeseitigung an Geräten", "Fehlersuche an Anlagen", "Reparatur von Geräten"],  # resolve equipment malfunctions
    ESCO_SKILL + "9f719da2-5ba8-46b8-b20b-3d5f59208f49": ["Montage von Solaranlagen", "PV-Montagesysteme"],  # solar panel mounting systems
    ESCO_SKILL + "4a30802f-827c-4706-9099-de85beee6cb5": ["Kabelverbindungen", "Spleißen", "Kabelmontage"],  # splice cable
    ESCO_SKILL + "2a2fa8e8-aaf3-4abf-a60b-af6415f1c6d4": ["Unternehmerisches Denken", "Engagement für die Organisation", "Eigeninitiative"],  # strive for company growth
    ESCO_SKILL + "baf501a8-f0fe-4ad7-9b69-8e920fa1a87b": ["Prüfung elektronischer Baugruppen", "Funktionsprüfung elektronischer Geräte"],  # test electronic units
    ESCO_SKILL + "0dc8813a-cebd-4a42-acc8-9a7c4e6e3663": ["Prüfverfahren in der Elektrotechnik", "Prüfung elektrischer Anlagen", "DGUV V3", "E-Check"],  # test procedures in electricity transmission
    ESCO_SKILL + "142415cb-503f-4721-b4d8-cac47de18cc6": ["Materialtransport", "Transport von Material auf der Baustelle"],  # transport physical resources within the work area
    ESCO_SKILL + "a99c6783-50c0-4f7a-99df-bf93429ef6dc": ["Präzisionswerkzeuge", "Feinwerkzeuge", "Umgang mit Präzisionswerkzeugen"],  # use precision tools
    ESCO_SKILL + "0e355580-bd4a-465a-8058-92984623070e": ["Arbeiten im Freien", "Wetterfestigkeit", "Arbeit bei jeder Witterung"],  # work in outdoor conditions
    # --- libraries and archives (Bibliothek, Archiv) ---
    ESCO_SKILL + "08a2ff87-09e7-4899-a47c-8ab81702d08d": ["Beratung von Archivbenutzern", "Archivauskunft", "Benutzerbetreuung im Archiv"],  # aid archive users with their enquiries
    ESCO_SKILL + "7dc3d869-2a60-425f-8557-ad40eaaefc80": ["Bearbeitung von Benutzeranfragen", "Auskunftsdienst", "Recherchehilfe für Nutzer"],  # analyse library users' queries
    ESCO_SKILL + "fac4775a-39d0-4bc4-a014-26ea1461bd8a": ["Bewertung historischer Dokumente", "Archivbewertung", "Bewertung von Archivgut"],  # appraise historical documents
    ESCO_SKILL + "4bf37ee3-2c8b-44cc-9f91-3eeda46e8c5b": ["Ermittlung des Informationsbedarfs", "Informationsbedarfsanalyse", "Auskunftsinterview"],  # assess informational needs
    ESCO_SKILL + "ffe9b8ef-f32a-42a9-a256-38e7967fbe23": ["Erwerbung", "Medienerwerbung", "Bestandserwerbung"],  # buy new library items
    ESCO_SKILL + "bcdfc41b-1fca-43ee-b07b-2b574dae763d": ["Klassifikation von Medien", "Katalogisierung", "Formalerschließung", "Sacherschließung", "RDA"],  # classify library materials
    ESCO_SKILL + "6c8ed0d1-4fc9-41a6-9587-6dbc82cabfc3": ["Bestandsmanagement in Bibliotheken", "Bestandsaufbau", "Bestandspflege", "Medienbestand"],  # collection management
    ESCO_SKILL + "0c97c78e-53bb-4d4f-9aaa-2c64507e13ca": ["Erstellung von Medienlisten", "Literaturlisten", "Bibliografien erstellen"],  # compile library lists
    ESCO_SKILL + "485cdafb-3c7f-4104-ab1c-773e6131a39a": ["wissenschaftliche Recherche", "Literaturrecherche", "Quellenrecherche"],  # conduct scholarly research
    ESCO_SKILL + "397c14d5-42e0-4c85-8376-4c70b5a90bcf": ["Bestandserhaltung", "Konservierung", "Restaurierung", "Archivierungstechniken"],  # conservation techniques
    ESCO_SKILL + "4d9a5cf4-8858-4ed4-afb6-9263612cd61e": ["Erschließung von Archivgut", "Verzeichnung", "archivische Erschließung"],  # contextualise records collection
    ESCO_SKILL + "e2103a1d-4a84-47a9-b4f7-774787573449": ["Urheberrecht", "Urheberrechtsgesetz", "UrhG", "Nutzungsrechte"],  # copyright legislation
    ESCO_SKILL + "cb89a5c0-b5cb-4c62-8e7e-7714631b66b5": ["Thesaurus", "Taxonomien", "semantische Erschließung", "Schlagwortnormdatei"],  # create semantic trees
    ESCO_SKILL + "49812c2d-3a36-4be8-bd41-8c0be3db7c6d": ["Entwicklung von Klassifikationssystemen", "Aktenplanerstellung", "Ordnungssysteme"],  # develop classification systems
    ESCO_SKILL + "4539aeca-b56f-4d03-ba86-8f675a7f2536": ["Lösungen für Informationsprobleme", "Informationsmanagement-Lösungen"],  # develop solutions to information issues
    ESCO_SKILL + "367c240d-5f34-423a-86b1-866ad27206ea": ["Digitalisierung", "Scannen", "Digitalisierung von Dokumenten", "Scandienst"],  # digitise documents
    ESCO_SKILL + "f645997b-e5a3-47e4-b715-65bbfb3e69f5": ["Medienpräsentation", "Präsentation von Bibliotheksmedien", "Ausstellungen in Bibliotheken"],  # display library material
    ESCO_SKILL + "82312096-4df8-49ce-9cdd-a6e08af56b45": ["Bibliotheksstatistik", "Evaluation von Informationsdiensten", "Leistungskennzahlen für Bibliotheken"],  # evaluate information services using metrics
    ESCO_SKILL + "f2fdd2db-8755-4540-8af8-b46f2c0de95f": ["Informationszugang ermöglichen", "Bereitstellung von Archivgut", "Zugang zu Informationen"],  # facilitate access to information
    ESCO_SKILL + "f0f2da78-ef60-4653-b2c8-ff0a7a9ea2f8": ["Vermittlung von Informationskompetenz", "Medienkompetenz vermitteln", "digitale Kompetenz vermitteln", "Schulungen für Bibliotheksnutzer"],  # instruct library users in digital literacy
    ESCO_SKILL + "0ab9d433-10e5-4683-ae54-4687179a5259": ["Literatur", "Literaturkenntnisse", "Sachliteratur", "Belletristik"],  # literature
    ESCO_SKILL + "293bf73e-9070-411b-af96-2278eeb37bcd": ["Wartung der Bibliothekstechnik", "Betreuung von Selbstverbuchungsgeräten"],  # maintain library equipment
    ESCO_SKILL + "704c0b98-7083-4b23-b6e5-18f5a6342324": ["Inventur im Bibliotheksbestand", "Revision des Medienbestands", "Bestandsrevision"],  # maintain library inventory
    ESCO_SKILL + "b997afc1-19a7-4208-8010-fa0ffef15799": ["Benutzungsordnung", "Archivbenutzungsordnung", "Leitlinien für Archivnutzer"],  # manage archive users guidelines
    ESCO_SKILL + "fa3e5cec-703e-4d46-b3bb-e8a89540ab54": ["digitale Archive", "elektronische Archivierung", "digitales Archiv", "Archivsoftware"],  # manage digital archives
    ESCO_SKILL + "14525f24-afb4-4a4e-80a7-facf27080cdd": ["digitale Bibliothek", "E-Medien", "Onleihe", "Digitalisierung in Bibliotheken"],  # manage digital libraries
    ESCO_SKILL + "279a4b1d-21df-4d78-9f4d-324c73fd7536": ["Personalmanagement als Führungsaufgabe", "Personalführung und -entwicklung"],  # manage human resources
    ESCO_SKILL + "34982b79-842f-4835-8598-d27793731d26": ["Benutzeranfragen bearbeiten", "Ausleihe und Rückgabe", "Ausleihtheke", "Bibliotheksauskunft am Schalter"],  # manage library users queries
    ESCO_SKILL + "23df3447-f59e-45a4-86da-78e38d07c808": ["Musik- und Filmbranche", "audiovisuelle Medien"],  # music and video industry
    ESCO_SKILL + "52eb7ab6-269f-4f44-a21d-b0c705eaf857": ["Musikgenres", "Musikstile"],  # musical genres
    ESCO_SKILL + "2c624a83-22ee-4d11-beed-4718cd307bbd": ["Lizenzverhandlungen für Bibliotheken", "Erwerbungsverträge", "Verhandlung mit Verlagen"],  # negotiate library contracts
    ESCO_SKILL + "bf05da8d-772a-4423-adb2-df79672f46f7": ["Informationsorganisation", "Ordnen von Informationen", "Strukturieren von Informationen"],  # organise information
    ESCO_SKILL + "b661befa-db9b-46d7-b89d-95a8c394f82f": ["Einstellen von Medien", "Ordnung des Bibliotheksbestands", "Medienbearbeitung"],  # organise library material
    ESCO_SKILL + "91306a20-9b81-4f3d-97eb-f5368b607da7": ["Nutzerbetreuung", "Benutzerservice", "Kundenmanagement in Bibliotheken"],  # perform customer management
    ESCO_SKILL + "12428071-1ec8-4d52-a0ce-3eee78e1e1be": ["Schriftgutverwaltung", "Records Management", "Registraturführung", "Aktenmanagement"],  # perform records management
    ESCO_SKILL + "9cdec88a-fe17-4f9a-9247-1f1802ab7408": ["Hochschulorganisation", "Abläufe an Hochschulen"],  # post-secondary school procedures
    ESCO_SKILL + "74bb0643-a15f-48ea-b12c-d98bf49cb317": ["Grundschulorganisation", "Abläufe an Grundschulen", "Schulrecht Grundschule"],  # primary school procedures
    ESCO_SKILL + "87b3e2f5-ff05-489a-a13b-9e5b3aff5fee": ["Bibliotheksauskunft", "Information über Bibliotheksangebote", "Informationsvermittlung"],  # provide library information
    ESCO_SKILL + "ed3f3dba-3a35-4ed5-b113-67f4d10ef4c8": ["Forschungsmethoden", "wissenschaftliche Methodik", "empirische Sozialforschung"],  # scientific research methodology
    ESCO_SKILL + "5119a6dd-64ca-48e5-a906-85b9ab84aefd": ["Lagerung von Archivgut", "Magazinierung", "Archivverwaltung"],  # store archival documents
    ESCO_SKILL + "db27065e-3c06-4f89-aa55-48fd87dabf82": ["Bestandsanalyse", "Sammlungsforschung", "Provenienzforschung"],  # study a collection
    ESCO_SKILL + "7bb85eab-18df-437c-adce-7b729abb315e": ["Literaturgattungen", "literarische Genres"],  # types of literature genres
    ESCO_SKILL + "3c4c3fa1-d638-42df-8e98-2a38021da6f9": ["digitale Langzeitarchivierung", "Langzeitarchivierung", "Beweissicherung digitaler Daten"],  # use software for data preservation
    ESCO_SKILL + "c3c2420c-ce9a-4371-8eed-1db479c3a562": ["wissenschaftliche Veröffentlichungen", "Fachartikel schreiben", "Publikationstätigkeit"],  # write scientific publications
    # --- environment and forestry (Umweltamt, Abfallwirtschaft, Forst) ---
    ESCO_SKILL + "b422efe7-b151-4120-86ae-db11a48dd0fa": ["Umweltsanierung", "Sanierungsberatung", "Altlastenberatung"],  # advise on environmental remediation
    ESCO_SKILL + "a366bfc5-8d17-4792-a9f0-db0951528dda": ["Umweltmanagementsysteme", "EMAS", "ISO 14001", "Umweltrisikomanagement"],  # advise on environmental risk management systems
    ESCO_SKILL + "3e25fd3e-2bcd-4320-9587-0aadf7fb93b1": ["Bodenschutz", "Gewässerschutzberatung", "Boden- und Gewässerschutz"],  # advise on soil and water protection
    ESCO_SKILL + "f82b05a7-128b-4a72-a815-044ff6062f62": ["Abfallberatung", "Beratung zur Abfallentsorgung", "Abfallvermeidungsberatung"],  # advise on waste management procedures
    ESCO_SKILL + "aafbfaa4-5f93-457e-8cb8-d4ed855277f8": ["Auswertung von Labordaten", "Analyse von Messergebnissen", "Laborauswertung"],  # analyse experimental laboratory data
    ESCO_SKILL + "31eede0c-9dac-49b8-b61b-1f9f22e79e1e": ["Jagd", "Jagdschein", "Wildtiermanagement", "Jagdwesen"],  # animal hunting
    ESCO_SKILL + "49212efd-acf0-4257-a011-e07c9e369ecf": ["Tierschutzrecht", "Tierschutzgesetz", "Tiergesundheitsrecht"],  # animal welfare legislation
    ESCO_SKILL + "d3eccb86-f02d-4950-bfbd-20b9510774a1": ["Organisationstechniken", "Organisationsfähigkeit", "Organisationstalent", "Organisationsgeschick"],  # apply organisational techniques
    ESCO_SKILL + "e541c69c-ea80-4b17-87cb-4001d0b9d303": ["Umweltverträglichkeitsprüfung", "UVP", "Umweltfolgenabschätzung", "Umweltprüfung im Planungsverfahren"],  # assess environmental impact
    ESCO_SKILL + "cde9911c-f92e-4de1-811f-336e177ac4ce": ["Chemie", "chemische Grundkenntnisse"],  # chemistry
    ESCO_SKILL + "4bbb309f-9162-49b9-93da-fb2c371e5c5f": ["Probenahme", "Probennahme", "Entnahme von Proben"],  # collect samples for analysis
    ESCO_SKILL + "f12f094b-492f-4e88-b36b-50b8e58b7500": ["Standortbewertung", "Altlastenerkundung", "Baugrund- und Altlastenuntersuchung"],  # conduct environmental site assessments
    ESCO_SKILL + "8df12fb1-7f41-4068-8d05-007e8fec8f33": ["Walderhaltung", "Waldnaturschutz"],  # conserve forests
    ESCO_SKILL + "9349f502-9c11-476c-957d-2e016790a2ee": ["Koordination der Abfallentsorgung", "Betrieb von Wertstoffhöfen", "Entsorgungsmanagement"],  # coordinate waste management procedures
    ESCO_SKILL + "2dd79277-f639-463d-b74f-00b7501d742d": ["Dekontamination", "Altlastensanierung", "Sanierungsverfahren"],  # decontamination techniques
    ESCO_SKILL + "862920c8-f2d0-4058-8fb8-9f06fbfc2446": ["Recyclingkonzepte", "Abfallvermeidungskonzepte", "Abfallwirtschaftskonzept"],  # develop recycling programs
    ESCO_SKILL + "75f650d0-9096-4b8f-bbd6-ad05ee3f6121": ["Dokumentation von Analyseergebnissen", "Messprotokolle", "Laborprotokolle"],  # document analysis results
    ESCO_SKILL + "62685d7a-a8be-4070-89e9-8699ad1201b6": ["Ökologie und Naturhaushalt", "Ressourcenschutz"],  # ecological principles
    ESCO_SKILL + "2bdc2f65-b42f-4963-abff-d7214ca4caae": ["Emissionsgrenzwerte", "Luftreinhaltung", "TA Luft", "Abgasnormen"],  # emission standards
    ESCO_SKILL + "27273605-2400-4392-a6d6-cc8161a2d445": ["Abfallrecht", "Einhaltung des Abfallrechts", "Kreislaufwirtschaftsgesetz einhalten", "KrWG"],  # ensure compliance with waste legislative regulations
    ESCO_SKILL + "e3f2c37f-e484-4b4c-ad82-f565a2b98f89": ["Umweltmessgeräte", "Umweltmonitoring-Systeme", "Messstationen"],  # environmental management monitors
    ESCO_SKILL + "81af8698-9873-4b3d-b6d2-8eb275bf170b": ["Umweltgefahren", "Umweltrisiken", "Umweltbelastungen"],  # environmental threats
    ESCO_SKILL + "6793f4b5-ea63-4b28-ab61-1f5769c73e67": ["Tourenplanung Abfallsammlung", "Entsorgungslogistik", "Abfuhrplanung"],  # establish waste collection routes
    ESCO_SKILL + "981616a1-2718-419c-b99f-53460cd873a8": ["EU-Strukturfonds", "EFRE", "ESF", "EU-Fördermittel", "ESI-Fonds"],  # European Structural and Investment Funds regulations
    ESCO_SKILL + "86065a19-7537-4bd5-b41c-7e0638d67b58": ["Maschinensicherheit", "Maschinenrichtlinie", "Sicherheitsvorschriften für Maschinen"],  # follow standards for machinery safety
    ESCO_SKILL + "2879e8f6-037a-49ed-ba73-6f7d7766223e": ["Lebensmittelabfall-Monitoring", "Vermeidung von Lebensmittelverschwendung"],  # food waste monitoring systems
    ESCO_SKILL + "2b281511-176e-4f7c-a581-0875d3c4cb51": ["Forstrecht", "Waldgesetz", "Bundeswaldgesetz", "Landeswaldgesetz"],  # forestry regulations
    ESCO_SKILL + "5c003e77-867f-4213-b7e9-0a4671362646": ["Regierungspolitik", "Landespolitik", "Kommunalpolitik", "politische Rahmenbedingungen"],  # government policy
    ESCO_SKILL + "519e5731-4d6c-4f98-938e-0976a202c6ba": ["gefährliche Abfälle", "Sonderabfall", "Sondermüll"],  # hazardous waste treatment
    ESCO_SKILL + "2c8199c8-4e40-49b3-b878-caee6e1c1bc0": ["Ermittlung von Umweltverschmutzungen", "Umweltschadensermittlung", "Umweltstraftaten"],  # investigate pollution
    ESCO_SKILL + "8259c2c0-2749-41e2-a4a8-4a64a76eab37": ["Labortechniken", "Labormethoden", "Analysetechnik"],  # laboratory techniques
    ESCO_SKILL + "4bf0a15a-be84-4560-b64c-9556781a0d60": ["Zusammenarbeit mit Behördenvertretern", "Abstimmung mit Ministerien", "Kontakte zu Aufsichtsbehörden"],  # liaise with government officials
    ESCO_SKILL + "44a4f189-7414-402c-9c1d-c85743f34d0c": ["Abfallbilanzen", "Recyclingnachweise", "Abfalldokumentation", "Nachweisverfahren"],  # maintain recycling records
    ESCO_SKILL + "3d9873e5-7128-49d9-9048-f72b8ea4b29e": ["Waldbewirtschaftung", "Forstbetrieb", "Revierbewirtschaftung", "Forstwirtschaft"],  # manage forests
    ESCO_SKILL + "d9d3eb78-a7c6-4076-9e19-df225af2ec62": ["Budget für Abfallwirtschaft", "Gebührenkalkulation Abfallwirtschaft"],  # manage recycling program budget
    ESCO_SKILL + "e0475631-c151-4413-829c-cb5c76b83271": ["nachhaltiger Tourismus", "Nachhaltigkeitsbewertung im Tourismus"],  # measure sustainability of tourism activities
    ESCO_SKILL + "a181e89d-44ae-40e7-8d37-177071237c74": ["Messtechnik", "Metrologie", "Messwesen"],  # metrology
    ESCO_SKILL + "0bc42cda-a6f0-4cac-9b34-7911faba0bd4": ["Mikrobiologie", "Bakteriologie"],  # microbiology-bacteriology
    ESCO_SKILL + "347b6a67-59ad-4408-bb9c-cfa502867e24": ["Waldschutzüberwachung", "Waldzustandserhebung", "Waldgesundheit"],  # monitor forest health
    ESCO_SKILL + "787e449d-d635-46c1-a0d2-e4bd0b49dee0": ["Forsteinrichtung", "Waldinventur", "Überwachung des Holzzuwachses"],  # monitor forest productivity
    ESCO_SKILL + "81d274bc-6dbf-4003-bcba-f76478d5d930": ["Kernenergie", "Atomenergie"],  # nuclear energy
    ESCO_SKILL + "06bf62ec-3316-49b7-989f-a47fe61f8987": ["Holzernteplanung", "Planung der Holzernte", "Ernteplanung"],  # organise harvests
    ESCO_SKILL + "01755f08-4df4-4cf0-8d22-08f94cad68b5": ["Arbeitsorganisation im Forst", "Personaleinsatzplanung", "Arbeitseinteilung"],  # organise labour
    ESCO_SKILL + "76f4dac8-9cf6-4f07-9cfc-e350e50fb39e": ["Aufforstung", "Pflanzungen", "Waldverjüngung"],  # organise tree plantations
    ESCO_SKILL + "0b917c3e-e49f-40d9-8f95-3bc8e9c06fd2": ["Labortests", "Laboranalysen", "Laboruntersuchungen"],  # perform laboratory tests
    ESCO_SKILL + "692ace70-7f97-4214-92bd-88f7637d8a44": ["Physik", "Naturwissenschaften"],  # physics
    ESCO_SKILL + "bc70f963-c1c0-49a5-b940-3e28e163db45": ["Denkmalpflege", "Schutz des kulturellen Erbes", "Kulturgüterschutz"],  # plan measures to safeguard cultural heritage
    ESCO_SKILL + "e9d6ebab-13ad-45ce-a955-fc3f1e56add8": ["Naturschutz", "Schutzgebietsmanagement", "Natura 2000", "Landschaftsschutz"],  # plan measures to safeguard natural protected areas
    ESCO_SKILL + "8abdc43c-2bfd-417c-97c2-27fcdaf53171": ["Umweltbildung", "Umweltberatung", "Umweltkommunikation", "Bildung für nachhaltige Entwicklung"],  # promote environmental awareness
    ESCO_SKILL + "12adba20-07ba-40af-ad41-48f730af3851": ["radioaktive Kontamination", "Strahlenschutz", "Radioaktivität"],  # radioactive contamination
    ESCO_SKILL + "f3cc52e3-a96c-4549-b841-6e41a846fa99": ["Umweltberichte", "Umweltberichterstattung", "Umweltbericht erstellen"],  # report on environmental issues
    ESCO_SKILL + "968ae7d9-40ca-4593-8dc6-fac11e4eeb6b": ["Anleitung von Forstwirten", "Führung von Forstpersonal", "Revierleitung"],  # supervise forestry workers
    ESCO_SKILL + "41de7eb8-be07-4822-ba85-b76e9b8d6e4e": ["nachhaltige Waldbewirtschaftung", "PEFC", "FSC", "naturnahe Waldwirtschaft"],  # sustainable forest management
    ESCO_SKILL + "82423b5c-486f-42e7-b00e-7358757a8de5": ["Schadstoffanalytik", "Schadstoffuntersuchung", "Bodenanalytik", "Proben auf Schadstoffe untersuchen"],  # test samples for pollutants
    ESCO_SKILL + "b9f67432-0057-4247-aa84-469f8c53b39d": ["Abfallarten", "Schrott", "Wertstoffe", "Abfallschlüssel"],  # waste and scrap products
    ESCO_SKILL + "40f65a56-ccbe-4601-9f32-1cc6cdd24f28": ["Abfallwirtschaft", "Abfallmanagement", "Entsorgung", "Abfallentsorgung"],  # waste management
    ESCO_SKILL + "192f3ca9-2232-40d0-b241-387966ce2de8": ["Nachweisverordnung", "Gefahrgutrecht für Abfälle"],  # waste transport legislation
    ESCO_SKILL + "174fd014-d6fc-4c27-b7f3-88b911823c18": ["selbstständiges Arbeiten im Forst", "Eigenverantwortung im Revier"],  # work independently in forestry services
    ESCO_SKILL + "68949f17-32a2-469e-b874-2fe7ac1cef34": ["Baumgutachten", "Baumkontrolle", "Baumkataster", "FLL-Baumkontrollrichtlinie"],  # write technical reports related to trees
    # --- teachers (Schule, Berufsschule, Sonderpädagogik) ---
    ESCO_SKILL + "b4832996-b36c-40b2-b54e-780325b2546e": ["arbeitsmarktorientierte Ausbildung", "praxisnahe Ausbildung", "Ausbildung nach Arbeitsmarktbedarf"],  # adapt training to labour market
    ESCO_SKILL + "e3ef4981-2cba-4b34-b273-728c3a33d04f": ["interkultureller Unterricht", "Deutsch als Zweitsprache unterrichten", "interkulturelle Pädagogik"],  # apply intercultural teaching strategies
    ESCO_SKILL + "6fe019dd-027f-45f3-b19c-d27f7ae00980": ["Leistungsbewertung", "Notengebung", "Leistungsfeststellung", "Schülerbeurteilung"],  # assess students
    ESCO_SKILL + "128f0b4c-8da7-467b-9196-7c691e067a1e": ["Hausaufgaben", "Aufgabenstellung", "Hausaufgaben erteilen"],  # assign homework
    ESCO_SKILL + "27de0574-cb9b-412b-a14b-be856efb0a95": ["Gebärdensprache", "Deutsche Gebärdensprache", "DGS", "Kommunikation mit hörgeschädigten Menschen"],  # communication related to hearing impairment
    ESCO_SKILL + "2f0a426f-3b95-455b-a872-ef6dee168114": ["Erstellung von Unterrichtsmaterialien", "Unterrichtsmaterial", "Lehrmaterialien"],  # compile course material
    ESCO_SKILL + "b32e593b-cc7f-4f38-bf50-e69431ec7ada": ["Anschaulicher Unterricht", "Vorführen im Unterricht", "Demonstrationen"],  # demonstrate when teaching
    ESCO_SKILL + "1e38f5be-bb7d-42c5-8301-c16cf400f8ee": ["Energie", "Energietechnik"],  # energy
    ESCO_SKILL + "0db1a833-e4b7-4cae-9c6f-ddcdd4326e85": ["Erdkunde und Regionalkenntnisse", "Kenntnisse geografischer Räume", "Länderkunde"],  # geographic areas
    ESCO_SKILL + "36fe44b2-af36-4467-9be8-601e64b3dbc7": ["Zusammenarbeit mit Schulsozialarbeit", "Zusammenarbeit mit Schulbegleitern", "multiprofessionelle Teams an Schulen"],  # liaise with educational support staff
    ESCO_SKILL + "0b2de99d-e762-4b15-ac4c-0e0063329b23": ["Lokomotivbremsen", "Bremstechnik Schienenfahrzeuge"],  # locomotive brake applications
    ESCO_SKILL + "23ac233d-84ad-4517-b0f5-8ca19ba2614e": ["fachliche Weiterbildung", "Fachentwicklungen verfolgen", "auf dem neuesten Stand bleiben"],  # monitor developments in field of expertise
    ESCO_SKILL + "1b8872bd-d869-4b08-b9b2-296d2b1c644c": ["Verhaltensbeobachtung", "Beobachtung des Sozialverhaltens"],  # monitor student's behaviour
    ESCO_SKILL + "29d4aaba-99f9-4733-bd74-ad558f2ae3a7": ["Musikinstrumente", "Instrumentalspiel"],  # musical instruments
    ESCO_SKILL + "6339a2d3-0c34-4156-b202-5929764fb720": ["Notenlesen", "Musiktheorie", "Notenschrift"],  # musical notation
    ESCO_SKILL + "cedd0710-62ae-4ff4-89ae-ac52375f86ec": ["Klassenführung", "Classroom Management", "Klassenmanagement"],  # perform classroom management
    ESCO_SKILL + "64b0515c-98b0-4cfd-8791-2f0a74e0ca37": ["Lebensvorbereitung", "Vorbereitung auf das Erwachsenenleben", "Berufsorientierung"],  # prepare youths for adulthood
    ESCO_SKILL + "2b2d7c6a-229a-40ba-80f3-b5b5766161a0": ["sonderpädagogischer Unterricht", "Förderunterricht", "Förderschwerpunkt"],  # provide specialised instruction for special needs students
    ESCO_SKILL + "d04e4bde-05fa-499c-9237-1fe5e4560525": ["Schulorganisation Sekundarstufe", "Schulrecht", "Abläufe an weiterführenden Schulen"],  # secondary school procedures
    ESCO_SKILL + "3b86ca26-05f1-4051-82e9-9f2ba352778e": ["sonderpädagogische Hilfsmittel", "Fördermaterialien", "assistive Technologien"],  # special needs learning equipment
    ESCO_SKILL + "00506f28-e884-4496-800c-3477c67eb355": ["Sportmedizin", "Sportverletzungen"],  # sport and exercise medicine
    ESCO_SKILL + "088fd519-b655-4f66-a9d2-5c991a7975a0": ["Förderung der Selbstständigkeit von Schülern", "selbstständiges Lernen fördern"],  # stimulate students' independence
    ESCO_SKILL + "383955b1-9059-47e4-9028-67bb2fdb6be6": ["Unterricht in der Grundschule", "Grundschulunterricht", "Primarstufenunterricht", "Sachunterricht"],  # teach primary education class content
    ESCO_SKILL + "ec74893f-e11b-471f-85e0-f7339da98d53": ["Berufsschule", "Unterricht an der Berufsschule", "berufliche Bildung", "duale Ausbildung"],  # work in vocational school
}

ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/"

# Job titles German public employers use, added to the ESCO German occupation
# labels; both grammatical genders are spelled out.
OCCUPATION_LABELS_DE: dict[str, list[str]] = {
    # --- administration (Verwaltung, Bürgerservice, Standesamt, Vergabe, Sozialleistungen) ---
    ESCO_OCCUPATION + "0752ed49-03e7-4d75-8314-a051b3771a1d": ["Amtsleiter", "Amtsleiterin", "Fachbereichsleiter", "Fachbereichsleiterin", "Abteilungsleiter Verwaltung", "Abteilungsleiterin Verwaltung", "Führungskraft in der öffentlichen Verwaltung"],  # public administration manager
    ESCO_OCCUPATION + "ffade2f4-2528-4dfd-b36a-6e4092be08ed": ["Verwaltungsfachangestellter", "Verwaltungsfachangestellte", "Sachbearbeiter Verwaltung", "Sachbearbeiterin Verwaltung", "Verwaltungswirt", "Verwaltungswirtin", "Beamter im gehobenen Verwaltungsdienst", "Beamtin im gehobenen Verwaltungsdienst", "Verwaltungsfachwirt", "Verwaltungsfachwirtin"],  # civil service administrative officer
    ESCO_OCCUPATION + "044d78cc-f62f-4532-83a5-8e04f2889652": ["Verwaltungsmitarbeiter", "Verwaltungsmitarbeiterin", "Sekretär", "Sekretärin", "Teamassistenz", "Assistenz der Amtsleitung"],  # administrative assistant
    ESCO_OCCUPATION + "6c999fc7-c6b7-4ef3-a4b9-af124a1783a2": ["Kaufmann für Büromanagement", "Kauffrau für Büromanagement", "Sachbearbeiter", "Sachbearbeiterin", "Bürosachbearbeiter", "Bürosachbearbeiterin"],  # office clerk
    ESCO_OCCUPATION + "578470d7-1848-44cd-a769-96cdd64b2c37": ["Standesbeamter im Standesamt", "Standesbeamtin im Standesamt", "Sachbearbeiter Standesamt", "Sachbearbeiterin Standesamt"],  # civil registrar
    ESCO_OCCUPATION + "aaf732b5-ee19-4c82-a08f-700fb98f5ca7": ["Sachbearbeiter Bürgerbüro", "Sachbearbeiterin Bürgerbüro", "Sachbearbeiter Bürgerservice", "Sachbearbeiterin Bürgerservice", "Sachbearbeiter Meldewesen", "Sachbearbeiterin Meldewesen"],  # passport officer
    ESCO_OCCUPATION + "39c89133-bd2a-45db-b3eb-529b94daeeaf": ["Sachbearbeiter Gewerbeamt", "Sachbearbeiterin Gewerbeamt", "Sachbearbeiter Genehmigungen", "Sachbearbeiterin Genehmigungen"],  # licensing officer
    ESCO_OCCUPATION + "caf7b8fb-b2d6-46b7-bffa-bea7f8e4aed8": ["Referent der Verwaltung", "Referentin der Verwaltung", "Grundsatzreferent", "Grundsatzreferentin"],  # policy officer
    ESCO_OCCUPATION + "cb4f98c8-6b8d-41d8-87eb-a2a2033a3a25": ["Vergabesachbearbeiter", "Vergabesachbearbeiterin", "Sachbearbeiter Vergabe", "Sachbearbeiterin Vergabe", "Vergabestelle", "Einkäufer im öffentlichen Dienst", "Einkäuferin im öffentlichen Dienst"],  # public procurement specialist
    ESCO_OCCUPATION + "4d750b7f-f40d-447c-ba90-f5fb0ee9ef27": ["Sachbearbeiter Leistungsgewährung", "Sachbearbeiterin Leistungsgewährung", "Sachbearbeiter Jobcenter", "Sachbearbeiterin Jobcenter"],  # social security officer
    ESCO_OCCUPATION + "4c40c1e8-0584-4a77-8ca3-ec82538f9488": ["Sozialberater", "Sozialberaterin", "Sachbearbeiter Sozialamt", "Sachbearbeiterin Sozialamt", "Sachbearbeiter Wohngeld", "Sachbearbeiterin Wohngeld"],  # benefits advice worker
    ESCO_OCCUPATION + "39e9fc8f-02bd-4577-b603-2dc96204ce74": ["Quartiersmanager", "Quartiersmanagerin", "Gemeinwesenarbeiter", "Gemeinwesenarbeiterin"],  # community development officer
    # --- IT (Systemadministration, Netzwerke, Softwareentwicklung, Informationssicherheit, Daten) ---
    ESCO_OCCUPATION + "9e2e6e1e-363b-4e1b-a673-7bc0f7343300": ["Fachinformatiker Systemintegration", "Fachinformatikerin Systemintegration", "Systemadministrator", "Systemadministratorin", "IT-Administrator für Server", "IT-Administratorin für Server"],  # ICT system administrator
    ESCO_OCCUPATION + "81480b40-a318-47f3-9b2c-56b69ed67d95": ["Netzwerkadministrator", "Netzwerkadministratorin", "Netzwerktechniker", "Netzwerktechnikerin"],  # ICT network administrator
    ESCO_OCCUPATION + "f2b15a0e-e65a-438a-affb-29b9d50b77d1": ["Fachinformatiker Anwendungsentwicklung", "Fachinformatikerin Anwendungsentwicklung", "Anwendungsentwickler", "Anwendungsentwicklerin", "Programmierer", "Programmiererin"],  # software developer
    ESCO_OCCUPATION + "8c57af09-719c-42b3-be40-6ed4946236cc": ["Datenbankentwickler", "Datenbankentwicklerin"],  # database administrator
    ESCO_OCCUPATION + "0464b062-cea6-4164-b10d-956c61956ae7": ["Informationssicherheitsbeauftragter", "Informationssicherheitsbeauftragte", "IT-Sicherheitsbeauftragter", "IT-Sicherheitsbeauftragte", "IT-Security-Spezialist", "IT-Security-Spezialistin"],  # ICT security administrator
    ESCO_OCCUPATION + "aaeec9a7-dc57-4485-890c-86b3eef735f9": ["IT-Supporter", "IT-Supporterin", "Mitarbeiter IT-Service-Desk", "Mitarbeiterin IT-Service-Desk", "First-Level-Supporter", "First-Level-Supporterin"],  # ICT help desk agent
    ESCO_OCCUPATION + "8b6388a4-4904-471b-9331-d3b1211f5525": ["Digitalisierungsmanager", "Digitalisierungsmanagerin", "Projektleiter Digitalisierung", "Projektleiterin Digitalisierung"],  # ICT project manager
    ESCO_OCCUPATION + "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2": ["Data Analyst", "Datenanalyst", "Datenanalystin", "Statistiker", "Statistikerin"],  # data analyst
    # --- civil and structural engineering (Tiefbau, Hochbau, Bauaufsicht, Straßenunterhaltung, Wasserwirtschaft) ---
    ESCO_OCCUPATION + "d7d986e1-7333-431b-9719-0c5c6939e360": ["Bauleiter", "Bauleiterin", "Bauingenieur Tiefbau", "Bauingenieurin Tiefbau", "Bauingenieur Hochbau", "Bauingenieurin Hochbau", "Projektleiter Tiefbau", "Projektleiterin Tiefbau"],  # civil engineer
    ESCO_OCCUPATION + "0f5cc4eb-925d-4b99-be6d-b0964a253a9a": ["Bautechniker Tiefbau", "Bautechnikerin Tiefbau", "Techniker Hochbau", "Technikerin Hochbau", "Bauzeichner", "Bauzeichnerin"],  # civil engineering technician
    ESCO_OCCUPATION + "f0e479d9-7afd-40b1-b60f-b68c400c15fb": ["Sachbearbeiter Bauaufsicht", "Sachbearbeiterin Bauaufsicht", "Bauaufseher", "Bauaufseherin", "Bauprüfer", "Bauprüferin"],  # building inspector
    ESCO_OCCUPATION + "8c3f536e-ba66-4321-ba40-363dc39f129b": ["Architekt Hochbau", "Architektin Hochbau", "Projektleiter Hochbau", "Projektleiterin Hochbau"],  # architect
    ESCO_OCCUPATION + "c9a5f7c5-0f8b-4252-9729-5f19c105ef81": ["Straßenwärter im Bauhof", "Straßenwärterin im Bauhof", "Mitarbeiter Bauhof", "Mitarbeiterin Bauhof"],  # road maintenance technician
    ESCO_OCCUPATION + "fcf9024e-277c-43c7-8ec8-8903e5c9c576": ["Wasserbauingenieur", "Wasserbauingenieurin", "Ingenieur Siedlungswasserwirtschaft", "Ingenieurin Siedlungswasserwirtschaft", "Ingenieur Stadtentwässerung", "Ingenieurin Stadtentwässerung"],  # water engineer
    # --- urban planning (Stadtplanung, Bauleitplanung, Verkehrsplanung, Landschaftsarchitektur) ---
    ESCO_OCCUPATION + "e14548c8-c2b9-4ef8-8670-d5967d7ad804": ["Stadtplaner", "Stadtplanerin", "Bauleitplaner", "Bauleitplanerin", "Raumplaner", "Raumplanerin"],  # urban planner
    ESCO_OCCUPATION + "93e4e70b-aae4-4fdc-8037-e48e7077564e": ["Mobilitätsmanager", "Mobilitätsmanagerin", "Radverkehrsplaner", "Radverkehrsplanerin"],  # transport planner
    ESCO_OCCUPATION + "52207284-2681-40d3-a317-ec81ca1b3e41": ["Freiraumplaner", "Freiraumplanerin", "Grünplaner", "Grünplanerin"],  # landscape architect
    # --- surveying and geodata (Vermessung, Kataster, GIS) ---
    ESCO_OCCUPATION + "d8e502b4-1be6-4d10-a224-151688f8f0c8": ["Geomatiker", "Geomatikerin", "Vermessungstechniker im Katasteramt", "Vermessungstechnikerin im Katasteramt"],  # land surveyor
    ESCO_OCCUPATION + "9af8907f-56a7-4170-83b1-3c6ba0997cfa": ["GIS-Spezialist", "GIS-Spezialistin", "GIS-Sachbearbeiter", "GIS-Sachbearbeiterin", "Geoinformatiker", "Geoinformatikerin"],  # geographic information systems specialist
    # --- social work (Soziale Arbeit, Jugendhilfe, Eingliederungshilfe, Arbeitsvermittlung, Bewährungshilfe) ---
    ESCO_OCCUPATION + "4b05bef2-ded4-4b09-ab94-f4c6a555a775": ["Sozialarbeiter im Allgemeinen Sozialen Dienst", "Sozialarbeiterin im Allgemeinen Sozialen Dienst", "Fachkraft Soziale Arbeit"],  # social worker
    ESCO_OCCUPATION + "0d423a2e-6fb7-4704-8544-bd6c522b3c62": ["Sozialarbeiter im Jugendamt", "Sozialarbeiterin im Jugendamt", "Fachkraft im ASD", "Sozialarbeiter ASD", "Sozialarbeiterin ASD"],  # child care social worker
    ESCO_OCCUPATION + "95d0a616-a4a9-4f56-a8fb-4de43cdb4c82": ["Familienhelfer", "Familienhelferin", "sozialpädagogischer Familienhelfer", "sozialpädagogische Familienhelferin"],  # family social worker
    ESCO_OCCUPATION + "b7507136-e71e-47e8-b873-e77d5cdf2922": ["Jugendpfleger", "Jugendpflegerin", "Jugendsozialarbeiter", "Jugendsozialarbeiterin", "Schulsozialarbeiter", "Schulsozialarbeiterin"],  # youth worker
    ESCO_OCCUPATION + "fa4a3b52-990c-44eb-a912-490f5d689400": ["Sozialpädagoge", "Sozialpädagogin"],  # social pedagogue
    ESCO_OCCUPATION + "a9a41b21-8dd4-476f-96c7-85733fa63d3b": ["Integrationsbeauftragter", "Integrationsbeauftragte", "Migrationsberater", "Migrationsberaterin"],  # migrant social worker
    ESCO_OCCUPATION + "9c55aa23-e3f2-4c00-8c90-5ed5204951a3": ["Heilerziehungspfleger", "Heilerziehungspflegerin", "Fachkraft in der Eingliederungshilfe"],  # disability support worker
    ESCO_OCCUPATION + "e4112a88-973f-4c7a-97f5-2241e6b6833f": ["Arbeitsvermittler", "Arbeitsvermittlerin", "Integrationsfachkraft", "Fallmanager im Jobcenter", "Fallmanagerin im Jobcenter", "Jobcoach"],  # employment and vocational integration consultant
    ESCO_OCCUPATION + "6a7212c9-40da-4346-a190-3896bdd9a925": ["Sozialarbeiter in der Bewährungshilfe", "Sozialarbeiterin in der Bewährungshilfe"],  # probation officer
    # --- early education (Kita, Kindertagespflege) ---
    ESCO_OCCUPATION + "55d60ead-0343-4008-b9e4-fb4b5a179c83": ["Erzieher", "Erzieherin", "Kindheitspädagoge", "Kindheitspädagogin", "pädagogische Fachkraft Kita"],  # early years teacher
    ESCO_OCCUPATION + "3f74aad8-2d60-4be2-b059-8dba5568d530": ["Kinderpfleger", "Kinderpflegerin", "Tagesmutter", "Tagesvater", "Kindertagespflegeperson"],  # child day care worker
    ESCO_OCCUPATION + "4d27152a-a8ee-4f5a-9f93-a2fb4fb2b2e3": ["Sozialassistent", "Sozialassistentin", "Kinderpfleger in der Kita", "Kinderpflegerin in der Kita", "Ergänzungskraft Kita"],  # early years teaching assistant
    ESCO_OCCUPATION + "fa6bd9e9-9631-4abe-b2f8-fad7bf8a819d": ["Kitaleitung", "Kitaleiter", "Kitaleiterin", "Leiter einer Kita", "Leiterin einer Kita"],  # child day care centre manager
    # --- nursing and public health (Pflege, Gesundheitsamt, Lebensmittelüberwachung) ---
    ESCO_OCCUPATION + "8d3e8aaa-791b-4c75-a465-f3f827028f50": ["Pflegefachkraft", "Pflegefachmann", "Pflegefachfrau", "Gesundheits- und Krankenpfleger", "Gesundheits- und Krankenpflegerin", "examinierte Pflegekraft"],  # nurse responsible for general care
    ESCO_OCCUPATION + "18e14e61-495b-44cc-a7c6-df4c625934ba": ["Fachpflegekraft", "Fachgesundheits- und Krankenpfleger", "Fachgesundheits- und Krankenpflegerin"],  # specialist nurse
    ESCO_OCCUPATION + "d38c2107-98f2-47b7-8bb4-f69750d51082": ["Pflegefachhelfer", "Pflegefachhelferin", "Krankenpflegehelfer", "Krankenpflegehelferin"],  # healthcare assistant
    ESCO_OCCUPATION + "a092cb70-f3e3-4224-98a3-b97c0114de77": ["Hygienekontrolleur", "Hygienekontrolleurin", "Gesundheitsaufseher", "Gesundheitsaufseherin", "Mitarbeiter Gesundheitsamt", "Mitarbeiterin Gesundheitsamt"],  # environmental health inspector
    ESCO_OCCUPATION + "7d8b3c73-20f8-467e-91e4-00378673a2cd": ["Lebensmittelkontrolleur", "Lebensmittelkontrolleurin", "Lebensmittelüberwachung"],  # food safety inspector
    # --- fire and rescue services (Feuerwehr, Rettungsdienst, Leitstelle) ---
    ESCO_OCCUPATION + "88721b6c-d2ce-41c6-8878-73c0d3aacf39": ["Feuerwehrbeamter", "Feuerwehrbeamtin", "Brandmeister", "Brandmeisterin", "Notfallsanitäter bei der Feuerwehr", "Notfallsanitäterin bei der Feuerwehr"],  # firefighter
    ESCO_OCCUPATION + "c302791c-6864-4ec5-9a6c-2fca38764f0e": ["Sachbearbeiter vorbeugender Brandschutz", "Sachbearbeiterin vorbeugender Brandschutz", "Brandschutzprüfer", "Brandschutzprüferin"],  # fire inspector
    ESCO_OCCUPATION + "a05d0a6d-7b60-445a-8dcb-282c7d5a6852": ["Leiter der Berufsfeuerwehr", "Leiterin der Berufsfeuerwehr", "Branddirektor", "Branddirektorin", "Kreisbrandmeister", "Kreisbrandmeisterin"],  # chief fire officer
    ESCO_OCCUPATION + "4c9ca706-3973-4926-854d-44011662ca83": ["Gerätewart", "Gerätewartin", "Brandschutztechniker Feuerwehr", "Brandschutztechnikerin Feuerwehr"],  # fire protection technician
    ESCO_OCCUPATION + "0b5dfc02-b825-4445-811d-d39ed442657e": ["Rettungssanitäter im Rettungsdienst", "Rettungssanitäterin im Rettungsdienst"],  # paramedic in emergency responses
    ESCO_OCCUPATION + "68450507-b4a0-40e0-895b-385fe705be10": ["Leitstellendisponent", "Leitstellendisponentin", "Disponent Rettungsleitstelle", "Disponentin Rettungsleitstelle"],  # emergency medical dispatcher
    # --- public order and courts (Ordnungsamt, Vollstreckung, Justiz) ---
    ESCO_OCCUPATION + "b8b98b65-7db2-43f8-8ac4-2f1903984e7b": ["Verkehrsüberwachung", "Mitarbeiter ruhender Verkehr", "Mitarbeiterin ruhender Verkehr", "Politesse"],  # civil enforcement officer
    ESCO_OCCUPATION + "4cbe5a17-056c-489a-9f10-f9d816905000": ["Mitarbeiter Ordnungsamt", "Mitarbeiterin Ordnungsamt", "Außendienstmitarbeiter Ordnungsamt", "Außendienstmitarbeiterin Ordnungsamt", "Kommunaler Ordnungsdienst", "Stadtpolizei"],  # street warden
    ESCO_OCCUPATION + "b471350e-23ce-4789-a821-5500b28cffe1": ["Vollziehungsbeamter", "Vollziehungsbeamtin", "Vollstreckungsbeamter", "Vollstreckungsbeamtin", "Vollstreckungsaußendienst"],  # court enforcement officer
    ESCO_OCCUPATION + "0f63619d-63ea-4345-81f5-4673353fe8d2": ["Justizfachangestellter", "Rechtspfleger", "Rechtspflegerin", "Urkundsbeamter der Geschäftsstelle", "Urkundsbeamtin der Geschäftsstelle"],  # court clerk
    # --- finance and tax (Kämmerei, Haushalt, Steuern, Entgeltabrechnung, Controlling) ---
    ESCO_OCCUPATION + "c766198e-5b9c-4c85-9fef-be27c783ab19": ["Finanzbeamter", "Finanzbeamtin", "Betriebsprüfer", "Betriebsprüferin", "Finanzwirt", "Finanzwirtin"],  # tax inspector
    ESCO_OCCUPATION + "84fabf82-4abf-4f41-99aa-55718a2e500b": ["Steuerfachangestellter", "Steuerfachangestellte", "Sachbearbeiter Steueramt", "Sachbearbeiterin Steueramt", "Sachbearbeiter Steuern", "Sachbearbeiterin Steuern"],  # tax clerk
    ESCO_OCCUPATION + "78db356f-a96a-4456-ab29-2de62e52f830": ["Finanzbuchhalter", "Finanzbuchhalterin", "Sachbearbeiter Kämmerei", "Sachbearbeiterin Kämmerei", "Sachbearbeiter Finanzbuchhaltung", "Sachbearbeiterin Finanzbuchhaltung", "Kassenverwalter", "Kassenverwalterin"],  # public finance accountant
    ESCO_OCCUPATION + "4e4a291d-1d38-4c5a-812a-5827d0691b11": ["Sachbearbeiter Haushalt", "Sachbearbeiterin Haushalt", "Haushaltssachbearbeiter", "Haushaltssachbearbeiterin", "Kämmerer", "Kämmerin"],  # budget analyst
    ESCO_OCCUPATION + "ade351da-7bda-424e-8682-bbdcab2a25be": ["Sachbearbeiter Entgeltabrechnung", "Sachbearbeiterin Entgeltabrechnung", "Sachbearbeiter Bezügeabrechnung", "Sachbearbeiterin Bezügeabrechnung", "Entgeltabrechner", "Entgeltabrechnerin"],  # payroll clerk
    ESCO_OCCUPATION + "5e5b1b61-1351-4d3b-a293-deb3661715dd": ["Controller", "Controllerin", "Sachbearbeiter Controlling", "Sachbearbeiterin Controlling", "Beteiligungscontroller", "Beteiligungscontrollerin"],  # financial controller
    # --- human resources (Personalamt, Personalsachbearbeitung) ---
    ESCO_OCCUPATION + "d3e32e5e-7f24-48e3-b939-e4f800eb62fb": ["Personalreferent", "Personalreferentin", "Recruiter", "Recruiterin", "HR-Business-Partner"],  # human resources officer
    ESCO_OCCUPATION + "d8ed1703-9c03-4ea0-83cc-b6169bc54ffd": ["Sachbearbeiter Personal", "Sachbearbeiterin Personal", "Personalverwaltung", "HR-Sachbearbeiter", "HR-Sachbearbeiterin"],  # human resources assistant
    ESCO_OCCUPATION + "f605bcd2-90b6-45a0-a558-d05016d68a77": ["Personalleiter", "Personalleiterin", "Leiter Personalamt", "Leiterin Personalamt", "Leiter Personalabteilung", "Leiterin Personalabteilung"],  # human resources manager
    # --- legal and data protection (Rechtsamt, Datenschutz) ---
    ESCO_OCCUPATION + "974d4eab-fbee-4c52-b16e-73bdd8c25b53": ["Volljurist", "Volljuristin", "Verwaltungsjurist", "Verwaltungsjuristin", "Justiziar", "Justiziarin", "Jurist im Rechtsamt", "Juristin im Rechtsamt"],  # lawyer
    ESCO_OCCUPATION + "929ef41d-afd0-4d5a-b85b-69eab68fa368": ["Rechtsanwalts- und Notarfachangestellter", "Rechtsanwalts- und Notarfachangestellte", "Sachbearbeiter Rechtsamt", "Sachbearbeiterin Rechtsamt"],  # legal assistant
    ESCO_OCCUPATION + "1619d7f3-7d95-407c-a20e-47745bfcde73": ["behördlicher Datenschutzbeauftragter", "behördliche Datenschutzbeauftragte"],  # data protection officer
    ESCO_OCCUPATION + "07bd65d7-c13f-443a-bdf6-88903f3822be": ["Verwaltungsrichter", "Verwaltungsrichterin", "Sozialrichter", "Sozialrichterin"],  # judge
    # --- facility management (Gebäudemanagement, Hausmeisterei, Elektrotechnik, Grünpflege) ---
    ESCO_OCCUPATION + "b42c5ed4-c6e4-4694-934f-96127719cc43": ["Facility Manager", "Facility Managerin", "Gebäudemanager", "Gebäudemanagerin", "Leiter Gebäudemanagement", "Leiterin Gebäudemanagement", "Objektleiter", "Objektleiterin"],  # facilities manager
    ESCO_OCCUPATION + "1822bfc2-e735-449f-ba00-ca71eb5c062b": ["Hausmeister", "Hausmeisterin", "Schulhausmeister", "Schulhausmeisterin", "Objektbetreuer", "Objektbetreuerin"],  # building caretaker
    ESCO_OCCUPATION + "33960bab-4423-4808-af6c-ec2b485dba41": ["Elektroniker für Energie- und Gebäudetechnik", "Elektronikerin für Energie- und Gebäudetechnik", "Elektrofachkraft"],  # building electrician
    ESCO_OCCUPATION + "e7970c7a-7769-4002-87d3-0a8ea94fdd6f": ["Gärtner Garten- und Landschaftsbau", "Gärtnerin Garten- und Landschaftsbau", "Gärtner im Grünflächenamt", "Gärtnerin im Grünflächenamt", "Baumpfleger", "Baumpflegerin"],  # landscape gardener
    # --- libraries and archives (Bibliothek, Archiv) ---
    ESCO_OCCUPATION + "60f7eb23-a7ea-4cbe-98a5-1248291f62d5": ["Diplom-Bibliothekar", "Diplom-Bibliothekarin", "Bibliothekar im öffentlichen Dienst", "Bibliothekarin im öffentlichen Dienst"],  # librarian
    ESCO_OCCUPATION + "37b15470-3b2d-4ae0-816c-c7c06ed15c99": ["Fachangestellter für Medien- und Informationsdienste", "Fachangestellte für Medien- und Informationsdienste", "FaMI", "Bibliotheksmitarbeiter", "Bibliotheksmitarbeiterin"],  # library assistant
    ESCO_OCCUPATION + "e3b08984-19fe-4d51-a1b0-990676fc7234": ["Stadtarchivar", "Stadtarchivarin", "Fachangestellter für Medien- und Informationsdienste Archiv", "Fachangestellte für Medien- und Informationsdienste Archiv"],  # archivist
    # --- environment and forestry (Umweltamt, Abfallwirtschaft, Forst) ---
    ESCO_OCCUPATION + "b5d2db88-9e2b-4efa-8f2f-0e62a494791e": ["Umweltschutzbeauftragter", "Umweltschutzbeauftragte", "Sachbearbeiter Umweltamt", "Sachbearbeiterin Umweltamt", "Klimaschutzmanager", "Klimaschutzmanagerin"],  # environmental policy officer
    ESCO_OCCUPATION + "11d72bd6-779a-4643-9962-313833740094": ["Umweltingenieur", "Umweltingenieurin", "Sachbearbeiter untere Naturschutzbehörde", "Sachbearbeiterin untere Naturschutzbehörde"],  # environmental scientist
    ESCO_OCCUPATION + "e8461d2e-3d75-477c-93a2-ea8d342bb55b": ["Umweltschutztechnischer Assistent", "Umweltschutztechnische Assistentin", "Fachkraft für Abwassertechnik"],  # environmental technician
    ESCO_OCCUPATION + "9a20c93e-a345-4a46-a406-9ffbf11daeef": ["Abfallberater", "Abfallberaterin", "Sachbearbeiter Abfallwirtschaft", "Sachbearbeiterin Abfallwirtschaft"],  # waste management officer
    ESCO_OCCUPATION + "f04eaeff-52f5-4d52-93ad-6f846884827f": ["Revierförster", "Revierförsterin", "Forstwirt im Kommunalwald", "Forstwirtin im Kommunalwald"],  # forester
    # --- teachers (Schule, Berufsschule, Sonderpädagogik) ---
    ESCO_OCCUPATION + "03d79393-7b30-4159-945b-01963eddd302": ["Grundschullehrkraft", "Lehrer Grundschule", "Lehrerin Grundschule"],  # primary school teacher
    ESCO_OCCUPATION + "5efb2c08-ba3a-4659-a2e4-1883f54e77b6": ["Gymnasiallehrer", "Gymnasiallehrerin", "Lehrer Sekundarstufe", "Lehrerin Sekundarstufe", "Studienrat", "Studienrätin", "Lehrkraft Sekundarstufe I", "Lehrkraft Sekundarstufe II"],  # secondary school teacher
    ESCO_OCCUPATION + "976cbfcc-8958-4800-a435-71d15405a42a": ["Förderschullehrer", "Förderschullehrerin", "Sonderpädagogische Lehrkraft"],  # special educational needs teacher
    ESCO_OCCUPATION + "81f8d141-3f67-4fb0-a349-db0147ef7b3a": ["Berufsschullehrer", "Berufsschullehrerin", "Lehrkraft an berufsbildenden Schulen"],  # vocational teacher
}
