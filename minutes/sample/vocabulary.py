"""Invented Swedish vocabulary for the sample generator, kept as plain data.

Everything here is made up for the project: places, systems, people and sentences
are combinations that do not describe any real body. Keeping the words as data
(not inside code) lets the generator stay small and lets anyone widen the variety
without touching logic. Every string must be encodable in cp1252, because some
sample files are written in that encoding. The codes the archive stores (decision
and item kinds, party letters) come from :mod:`minutes.models`.
"""

from minutes.models import DECISION_KINDS, ITEM_KINDS, RIKSDAG_PARTIES

FEMALE_NAMES = (
    "Agneta", "Alva", "Anneli", "Annika", "Astrid", "Berit", "Birgitta", "Cecilia", "Ebba",
    "Elin", "Elsa", "Frida", "Gunnel", "Hanna", "Helena", "Ida", "Ingrid", "Jenny",
    "Josefin", "Kajsa", "Kerstin", "Lena", "Linnea", "Lisa", "Malin", "Margareta", "Moa",
    "Nora", "Ragnhild", "Sara", "Signe", "Sofia", "Susanne", "Tove", "Ulla", "Vera", "Åsa",
)
MALE_NAMES = (
    "Albin", "Anders", "Arvid", "Axel", "Björn", "Dag", "Edvin", "Emil", "Erik", "Fredrik",
    "Göran", "Hans", "Henrik", "Jakob", "Johan", "Kristoffer", "Lars", "Magnus", "Mats",
    "Mikael", "Niklas", "Olof", "Oskar", "Patrik", "Per", "Rasmus", "Stefan", "Sten",
    "Ulrik", "Viktor", "Örjan",
)
DOUBLE_FEMALE_NAMES = ("Ann-Britt", "Anna-Lena", "Eva-Lotta", "Lill-Marie", "Maj-Britt",
                       "Rose-Louise", "Ulla-Karin")
DOUBLE_MALE_NAMES = ("Karl-Erik", "Lars-Göran", "Per-Olof", "Sven-Åke", "Jan-Erik")
MIDDLE_FEMALE_NAMES = ("Maria", "Elisabet", "Louise", "Kristina")
MIDDLE_MALE_NAMES = ("Johan", "Gustav", "Fredrik", "Olof")

LAST_NAMES = (
    "Alvén", "Bergkvist", "Berglöf", "Blomdahl", "Dahlgren", "Ekström", "Engvall",
    "Falkenberg", "Forsell", "Granlund", "Hammarlund", "Hedqvist", "Hellberg",
    "Holmgren", "Isaksson", "Kvarnström", "Lindé", "Lindholm", "Lundqvist", "Malmberg",
    "Nordin", "Norrman", "Rydén", "Sandqvist", "Sjöberg", "Stenlund", "Sundell",
    "Sörling", "Törnqvist", "Wallin", "Wikander", "Åberg", "Åkerlund", "Östberg",
    "Öhman", "Brandt", "Ceder", "Grip-Hallin", "Lövgren", "Mårtensson", "Nyqvist",
    "Rosell", "Strand", "Tallberg", "Vikström", "Ahlin", "Bäckman", "Fagerlund",
)

SECOND_LAST_NAMES = ("Ek", "Lind", "Berg", "Sjö", "Holm", "Strand", "Dahl", "Kvist")

# Invented place names: prefix + suffix give several hundred municipalities/regions.
PLACE_PREFIXES = (
    "Ek", "Grå", "Häll", "Kvarn", "Lind", "Moss", "Norr", "Rå", "Sjö", "Tall", "Ulv",
    "Ved", "Björk", "Al", "Berg", "Dal", "Fur", "Hag", "Lönn", "Sten", "Vass", "Älv",
)
PLACE_SUFFIXES = (
    "vik", "näs", "by", "sund", "åsa", "torp", "bäck", "hamn", "mo", "sta", "åker",
    "fors", "ryd", "holm", "dala", "lunda",
)

REGION_SUFFIXES = ("land", "bygden", "dalen", "kusten", "slätten", "skogen")

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
    "september", "oktober", "november", "december",
)
MONTH_ABBREVIATIONS = (
    "jan", "feb", "mars", "april", "maj", "juni", "juli", "aug", "sept", "okt", "nov", "dec",
)
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
SEASONS = (("våren", (3, 4, 5)), ("hösten", (9, 10, 11)))

PARTIES = RIKSDAG_PARTIES

ROOMS = (
    "Kommunhuset, sammanträdesrum {place}", "Stadshuset, lokal Ekan",
    "Regionens hus, konferensrum Forsen", "Folkets hus, {place}",
    "Kunskapscentrum, Storgatan 14", "Medborgarhuset, sal B",
    "Förbundskontoret, Hamngatan 3", "Biblioteket i {place}, rum Linden",
)

# Organisations beside names, by body kind.  {place} and {region} are filled in.
CARE_ORGS = (
    "{region}", "Kommunförbundet", "{place}", "Primärvården", "{place} sjukhus",
    "Närsjukvården {place}", "Psykiatrin", "Socialförvaltningen {place}",
)
OFFICIAL_ROLES = (
    "förvaltningschef", "socialchef", "nämndsekreterare", "controller", "utvecklingsledare",
    "kommunikatör", "medicinskt ansvarig sjuksköterska", "verksamhetschef", "processledare",
)

# Invented IT systems and areas used by recurring topics.
SYSTEMS = ("Vårdnav", "OmsorgsLänk", "SamPlan", "Journalbryggan", "Trygga Steg", "InfoNod")
AREAS = (
    "hjälpmedel", "ungdomsmottagningar", "habilitering", "elevhälsa", "läkemedel i hemmet",
    "hemsjukvård", "psykisk hälsa för unga", "rehabilitering", "nutrition", "demensvård",
    "missbruksvård", "barn i familjehem", "förebyggande arbete för äldre",
)

# Recurring topics: (label, subject phrase, titles by stage).  {system}/{area} filled in.
THREAD_TOPICS = (
    ("Gemensamt IT-stöd {system}", "det gemensamma IT-stödet {system}",
     ("Införande av IT-stödet {system}", "{system} - lägesrapport",
      "Gemensamt IT-stöd {system}, fortsatt förvaltning")),
    ("Samverkansavtal om {area}", "samverkansavtalet om {area}",
     ("Samverkansavtal om {area} - information", "Samverkansavtal om {area}, remissvar",
      "Ställningstagande till samverkansavtal om {area}")),
    ("Revidering av riktlinje för {area}", "revideringen av riktlinjen för {area}",
     ("Revidering av länsgemensam riktlinje för {area}", "Riktlinje för {area} - delrapport",
      "Riktlinje för {area} inför beslut")),
    ("Handlingsplan för {area}", "handlingsplanen för {area}",
     ("Handlingsplan för {area}", "Handlingsplan för {area} - uppföljning",
      "Handlingsplan för {area} - slutrapport")),
    ("Gemensam avvikelsehantering", "den gemensamma avvikelsehanteringen",
     ("Avvikelser i samverkan - uppdragshandling", "Gemensam avvikelsehantering - lägesrapport",
      "Gemensam avvikelsehantering, utvärdering av första året")),
    ("Kompetensförsörjning i vård och omsorg", "kompetensförsörjningen i vård och omsorg",
     ("Kompetensförsörjning inom vård och omsorg", "Kompetensförsörjning - förslag till insatser",
      "Kompetensförsörjning, återrapport från arbetsgruppen")),
)

# One-off agenda items per body kind (no thread).
ONE_OFF_TITLES = {
    "care": (
        "Information från delregionerna", "Rapport från arbetsgruppen för {area}",
        "Uppföljning av vårdplaneringar i hemmet", "Nationella kunskapsstöd inom {area}",
        "Lägesbild bemanning under sommaren", "Statistik över utskrivningsklara patienter",
        "Samverkan kring personer med {area}", "Digitala vårdmöten - erfarenheter",
    ),
    "political": (
        "Återrapportering från beredningsgruppen", "Budgetunderlag för gemensamma uppdrag",
        "Aktuellt från kommunförbundet", "Aktuellt från regionen",
        "Länsgemensam strategi för {area}", "Uppföljning av ingångna överenskommelser",
    ),
    "committee": (
        "Ekonomisk uppföljning", "Delegationsbeslut", "Anmälningsärenden",
        "Information från förvaltningschefen", "Internkontrollplan", "Rapport om ej verkställda beslut",
        "Svar på medborgarförslag om {area}", "Yttrande över remiss om {area}",
    ),
    "board": (
        "Ekonomisk rapport", "Verksamhetsuppföljning", "Information från förbundsdirektören",
        "Attestordning", "Riskanalys och internkontroll", "Förslag till revidering av delegationsordning",
    ),
}

#: How each item kind is printed as a label.
KIND_LABELS = {kind: (kind.capitalize(),) for kind in ITEM_KINDS}

BULLET_PHRASES = (
    "Tydligare ansvarsfördelning mellan huvudmännen",
    "Gemensam utbildningsinsats för medarbetare",
    "Uppföljning av nyckeltal varje kvartal",
    "Bättre stöd till närstående",
    "Förenklad dokumentation i det dagliga arbetet",
    "Samordnad information till invånarna",
    "Översyn av befintliga rutiner",
    "Fler digitala möten mellan verksamheterna",
    "Behov av gemensamma begrepp och definitioner",
    "Ökad delaktighet för brukare och patienter",
    "Tidig planering inför utskrivning",
    "Kartläggning av nuvarande arbetssätt",
)

OUTLINE_PHRASES = (
    "Förvaltning av befintlig funktion", "Vidareutveckling av arbetssätt",
    "Nya behov och utvecklingsförslag", "Uppföljning och analys", "Kommunikation och spridning",
)

NEUTRAL_SENTENCES = (
    "Arbetsgruppen har träffats regelbundet sedan förra mötet.",
    "En enkät har skickats ut till samtliga verksamheter och svaren sammanställs nu.",
    "Flera deltagare efterfrågar tydligare information om ansvarsfördelningen.",
    "Dialog förs om hur arbetet kan samordnas med andra pågående projekt.",
    "Förslaget har tagits fram tillsammans med representanter för kommunerna och regionen.",
    "Det finns ett fortsatt behov av att tydliggöra gränsdragningen mellan huvudmännen.",
    "Kostnaderna bedöms rymmas inom befintlig budget.",
    "Ett utkast presenteras och diskuteras i mindre grupper.",
    "Synpunkterna från remissrundan har i huvudsak varit positiva.",
    "Erfarenheterna från de verksamheter som redan har börjat är goda.",
    "Flera frågor kvarstår kring finansiering och långsiktig förvaltning.",
    "Gruppen är överens om att arbetet ska fortsätta enligt den plan som presenterats.",
    "Ett nyhetsbrev med aktuell information skickas ut till berörda chefer.",
    "Det framkommer att arbetssätten skiljer sig mycket åt mellan verksamheterna.",
    "Materialet finns tillgängligt på den gemensamma samarbetsytan.",
)

SUBJECT_SENTENCES = (
    "Arbetet med {subject} fortskrider enligt tidsplanen.",
    "Bakgrunden till {subject} är ett gemensamt behov som har lyfts av flera parter.",
    "En fördjupad analys av {subject} har genomförts under perioden.",
    "Målet med {subject} är att skapa en mer jämlik och sammanhållen vård och omsorg.",
    "Det finns farhågor om att {subject} kräver mer resurser än vad som har planerats.",
)

SPEAKER_SENTENCES = (
    "{p} informerar om nuläget i arbetet med {subject}.",
    "{p} redogör för bakgrunden och de förslag som har tagits fram.",
    "{p} ger en presentation av {subject}.",
    "{p} lyfter att det saknas en gemensam bild av hur uppföljningen ska göras.",
    "{p} frågar hur {subject} ska följas upp i de olika verksamheterna.",
    "{p} poängterar vikten av att invånarnas perspektiv finns med i arbetet.",
    "{p} ställer frågan om tidsplanen är realistisk.",
)

DATED_SENTENCES = (
    "Underlaget skickas ut på remiss och svar ska lämnas senast {date}.",
    "Nästa avstämning med arbetsgruppen sker {date}.",
    "Ett beslut om {subject} planeras {date}.",
    "En utvärdering ska vara klar {date}.",
    "Informationsmaterialet publiceras {date}.",
)

TASKS = (
    "ta fram ett förslag till reviderad riktlinje",
    "sammanställa de synpunkter som har kommit in",
    "se över kostnadsfördelningen mellan parterna",
    "återkomma med en tidsplan för det fortsatta arbetet",
    "bjuda in verksamhetsföreträdare för en dragning",
    "utreda behovet av gemensamma utbildningsinsatser",
    "ta fram en kommunikationsplan",
    "undersöka hur uppföljningen kan förenklas",
    "förbereda ett underlag inför beslut",
    "kartlägga hur rutinen tillämpas i verksamheterna",
)

GROUP_ASSIGNEES = {
    "care": ("beredningen", "arbetsgruppen", "processledarna", "delregionerna"),
    "political": ("beredningsgruppen", "kansliet", "tjänstemannaberedningen"),
    "committee": ("förvaltningen", "socialchefen", "nämndens presidium"),
    "board": ("förbundsdirektören", "kansliet", "arbetsutskottet"),
}

DECISION_NOTED = (
    "{B} noterar informationen.", "Informationen noteras.",
    "{B} tackar för informationen och noterar den.",
)
DECISION_ENDORSED = (
    "{B} ställer sig bakom förslaget om {subject}.",
    "{B} godkänner den redovisade inriktningen för {subject}.",
    "{B} tillstyrker förslaget till fortsatt arbete med {subject}.",
)
DECISION_DECIDED = (
    "{B} beslutar att anta förslaget om {subject}.",
    "{B} beslutar att godkänna förvaltningens förslag.",
    "{B} fastställer planen för {subject}.",
)
DECISION_REFERRED = (
    "Ärendet bordläggs till nästa sammanträde.",
    "Frågan tas tillbaka till beredningen och återkommer på ett senare möte.",
    "Ärendet återremitteras till förvaltningen för komplettering.",
)
DECISION_OTHER = (
    "{B} önskar att arbetet med {subject} redovisas mer utförligt framöver.",
    "{B} önskar en fördjupad dialog om {subject} på ett kommande möte.",
)

#: Decision sentences by the kind they express, one tuple per kind of ``DECISION_KINDS``.
DECISION_STATEMENTS = dict(zip(DECISION_KINDS, (
    DECISION_NOTED, DECISION_ENDORSED, DECISION_DECIDED, DECISION_REFERRED, DECISION_OTHER,
), strict=True))

FORMAL_OPENING_TITLES = ("Mötets öppnande", "Sammanträdets öppnande", "Upprop")
AGENDA_TITLES = ("Godkännande av dagens agenda", "Dagens agenda", "Fastställande av dagordning")
AGENDA_DECISIONS = ("Dagens agenda godkänns.", "Dagordningen fastställs.", "Agendan godkänns.")
PREVIOUS_TITLES = ("Föregående minnesanteckningar", "Föregående mötesanteckningar",
                   "Föregående anteckningar")
PREVIOUS_DECISIONS = (("Föregående minnesanteckningar godkänns.", "endorsed"),
                      ("Minnesanteckningarna läggs till handlingarna.", "noted"))
JUSTERARE_TITLES = ("Val av justerare", "Val av justerare och tid för justering")
OTHER_QUESTIONS_TITLES = ("Övriga frågor", "Övrig fråga")
OTHER_QUESTION_SUBTITLES = (
    "Sommarens bemanningsläge", "Inbjudan till konferens om {area}", "Nytt lokalt samarbete",
    "Fråga om transporter mellan enheterna", "Rapport från nätverksträff",
)
