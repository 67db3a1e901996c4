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
    "Agneta",
    "Alva",
    "Anneli",
    "Annika",
    "Astrid",
    "Berit",
    "Birgitta",
    "Cecilia",
    "Ebba",
    "Elin",
    "Elsa",
    "Frida",
    "Gunnel",
    "Hanna",
    "Helena",
    "Ida",
    "Ingrid",
    "Jenny",
    "Josefin",
    "Kajsa",
    "Kerstin",
    "Lena",
    "Linnea",
    "Lisa",
    "Malin",
    "Margareta",
    "Moa",
    "Nora",
    "Ragnhild",
    "Sara",
    "Signe",
    "Sofia",
    "Susanne",
    "Tove",
    "Ulla",
    "Vera",
    "Åsa",
)
MALE_NAMES = (
    "Albin",
    "Anders",
    "Arvid",
    "Axel",
    "Björn",
    "Dag",
    "Edvin",
    "Emil",
    "Erik",
    "Fredrik",
    "Göran",
    "Hans",
    "Henrik",
    "Jakob",
    "Johan",
    "Kristoffer",
    "Lars",
    "Magnus",
    "Mats",
    "Mikael",
    "Niklas",
    "Olof",
    "Oskar",
    "Patrik",
    "Per",
    "Rasmus",
    "Stefan",
    "Sten",
    "Ulrik",
    "Viktor",
    "Örjan",
)
DOUBLE_FEMALE_NAMES = ("Ann-Britt", "Anna-Lena", "Eva-Lotta", "Lill-Marie", "Maj-Britt", "Rose-Louise", "Ulla-Karin")
DOUBLE_MALE_NAMES = ("Karl-Erik", "Lars-Göran", "Per-Olof", "Sven-Åke", "Jan-Erik")
MIDDLE_FEMALE_NAMES = ("Maria", "Elisabet", "Louise", "Kristina")
MIDDLE_MALE_NAMES = ("Johan", "Gustav", "Fredrik", "Olof")

LAST_NAMES = (
    "Alvén",
    "Bergkvist",
    "Berglöf",
    "Blomdahl",
    "Dahlgren",
    "Ekström",
    "Engvall",
    "Falkenberg",
    "Forsell",
    "Granlund",
    "Hammarlund",
    "Hedqvist",
    "Hellberg",
    "Holmgren",
    "Isaksson",
    "Kvarnström",
    "Lindé",
    "Lindholm",
    "Lundqvist",
    "Malmberg",
    "Nordin",
    "Norrman",
    "Rydén",
    "Sandqvist",
    "Sjöberg",
    "Stenlund",
    "Sundell",
    "Sörling",
    "Törnqvist",
    "Wallin",
    "Wikander",
    "Åberg",
    "Åkerlund",
    "Östberg",
    "Öhman",
    "Brandt",
    "Ceder",
    "Grip-Hallin",
    "Lövgren",
    "Mårtensson",
    "Nyqvist",
    "Rosell",
    "Strand",
    "Tallberg",
    "Vikström",
    "Ahlin",
    "Bäckman",
    "Fagerlund",
)

SECOND_LAST_NAMES = ("Ek", "Lind", "Berg", "Sjö", "Holm", "Strand", "Dahl", "Kvist")

# Invented place names: prefix + suffix give several hundred municipalities/regions.
PLACE_PREFIXES = (
    "Ek",
    "Grå",
    "Häll",
    "Kvarn",
    "Lind",
    "Moss",
    "Norr",
    "Rå",
    "Sjö",
    "Tall",
    "Ulv",
    "Ved",
    "Björk",
    "Al",
    "Berg",
    "Dal",
    "Fur",
    "Hag",
    "Lönn",
    "Sten",
    "Vass",
    "Älv",
)
PLACE_SUFFIXES = (
    "vik",
    "näs",
    "by",
    "sund",
    "åsa",
    "torp",
    "bäck",
    "hamn",
    "mo",
    "sta",
    "åker",
    "fors",
    "ryd",
    "holm",
    "dala",
    "lunda",
)

REGION_SUFFIXES = ("land", "bygden", "dalen", "kusten", "slätten", "skogen")

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
MONTH_ABBREVIATIONS = (
    "jan",
    "feb",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "aug",
    "sept",
    "okt",
    "nov",
    "dec",
)
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
SEASONS = (("våren", (3, 4, 5)), ("hösten", (9, 10, 11)))

PARTIES = RIKSDAG_PARTIES

ROOMS = (
    "Kommunhuset, sammanträdesrum {place}",
    "Stadshuset, lokal Ekan",
    "Regionens hus, konferensrum Forsen",
    "Folkets hus, {place}",
    "Kunskapscentrum, Storgatan 14",
    "Medborgarhuset, sal B",
    "Förbundskontoret, Hamngatan 3",
    "Biblioteket i {place}, rum Linden",
)

# Organisations beside names, by body kind.  {place} and {region} are filled in.
CARE_ORGS = (
    "{region}",
    "Kommunförbundet",
    "{place}",
    "Primärvården",
    "{place} sjukhus",
    "Närsjukvården {place}",
    "Psykiatrin",
    "Socialförvaltningen {place}",
)
OFFICIAL_ROLES = (
    "förvaltningschef",
    "socialchef",
    "nämndsekreterare",
    "controller",
    "utvecklingsledare",
    "kommunikatör",
    "medicinskt ansvarig sjuksköterska",
    "verksamhetschef",
    "processledare",
)

# Invented IT systems and areas used by recurring topics.
SYSTEMS = ("Vårdnav", "OmsorgsLänk", "SamPlan", "Journalbryggan", "Trygga Steg", "InfoNod")
AREAS = (
    "hjälpmedel",
    "ungdomsmottagningar",
    "habilitering",
    "elevhälsa",
    "läkemedel i hemmet",
    "hemsjukvård",
    "psykisk hälsa för unga",
    "rehabilitering",
    "nutrition",
    "demensvård",
    "missbruksvård",
    "barn i familjehem",
    "förebyggande arbete för äldre",
)

# Recurring topics: (label, subject phrase, titles by stage).  {system}/{area} filled in.
THREAD_TOPICS = (
    (
        "Gemensamt IT-stöd {system}",
        "det gemensamma IT-stödet {system}",
        (
            "Införande av IT-stödet {system}",
            "{system} - lägesrapport",
            "Gemensamt IT-stöd {system}, fortsatt förvaltning",
        ),
    ),
    (
        "Samverkansavtal om {area}",
        "samverkansavtalet om {area}",
        (
            "Samverkansavtal om {area} - information",
            "Samverkansavtal om {area}, remissvar",
            "Ställningstagande till samverkansavtal om {area}",
        ),
    ),
    (
        "Revidering av riktlinje för {area}",
        "revideringen av riktlinjen för {area}",
        (
            "Revidering av länsgemensam riktlinje för {area}",
            "Riktlinje för {area} - delrapport",
            "Riktlinje för {area} inför beslut",
        ),
    ),
    (
        "Handlingsplan för {area}",
        "handlingsplanen för {area}",
        (
            "Handlingsplan för {area}",
            "Handlingsplan för {area} - uppföljning",
            "Handlingsplan för {area} - slutrapport",
        ),
    ),
    (
        "Gemensam avvikelsehantering",
        "den gemensamma avvikelsehanteringen",
        (
            "Avvikelser i samverkan - uppdragshandling",
            "Gemensam avvikelsehantering - lägesrapport",
            "Gemensam avvikelsehantering, utvärdering av första året",
        ),
    ),
    (
        "Kompetensförsörjning i vård och omsorg",
        "kompetensförsörjningen i vård och omsorg",
        (
            "Kompetensförsörjning inom vård och omsorg",
            "Kompetensförsörjning - förslag till insatser",
            "Kompetensförsörjning, återrapport från arbetsgruppen",
        ),
    ),
)

# One-off agenda items per body kind (no thread).
ONE_OFF_TITLES = {
    "care": (
        "Information från delregionerna",
        "Rapport från arbetsgruppen för {area}",
        "Uppföljning av vårdplaneringar i hemmet",
        "Nationella kunskapsstöd inom {area}",
        "Lägesbild bemanning under sommaren",
        "Statistik över utskrivningsklara patienter",
        "Samverkan kring personer med {area}",
        "Digitala vårdmöten - erfarenheter",
    ),
    "political": (
        "Återrapportering från beredningsgruppen",
        "Budgetunderlag för gemensamma uppdrag",
        "Aktuellt från kommunförbundet",
        "Aktuellt från regionen",
        "Länsgemensam strategi för {area}",
        "Uppföljning av ingångna överenskommelser",
    ),
    "committee": (
        "Ekonomisk uppföljning",
        "Delegationsbeslut",
        "Anmälningsärenden",
        "Information från förvaltningschefen",
        "Internkontrollplan",
        "Rapport om ej verkställda beslut",
        "Svar på medborgarförslag om {area}",
        "Yttrande över remiss om {area}",
    ),
    "board": (
        "Ekonomisk rapport",
        "Verksamhetsuppföljning",
        "Information från förbundsdirektören",
        "Attestordning",
        "Riskanalys och internkontroll",
        "Förslag till revidering av delegationsordning",
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
    "Förvaltning av befintlig funktion",
    "Vidareutveckling av arbetssätt",
    "Nya behov och utvecklingsförslag",
    "Uppföljning och analys",
    "Kommunikation och spridning",
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
    "{B} noterar informationen.",
    "Informationen noteras.",
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
DECISION_STATEMENTS = dict(
    zip(
        DECISION_KINDS,
        (
            DECISION_NOTED,
            DECISION_ENDORSED,
            DECISION_DECIDED,
            DECISION_REFERRED,
            DECISION_OTHER,
        ),
        strict=True,
    )
)

FORMAL_OPENING_TITLES = ("Mötets öppnande", "Sammanträdets öppnande", "Upprop")
AGENDA_TITLES = ("Godkännande av dagens agenda", "Dagens agenda", "Fastställande av dagordning")
#: The agenda approved, with the decision kind each wording states ("fastställs" decides).
AGENDA_DECISIONS = (
    ("Dagens agenda godkänns.", "endorsed"),
    ("Dagordningen fastställs.", "decided"),
    ("Agendan godkänns.", "endorsed"),
)
PREVIOUS_TITLES = ("Föregående minnesanteckningar", "Föregående mötesanteckningar", "Föregående anteckningar")
PREVIOUS_DECISIONS = (
    ("Föregående minnesanteckningar godkänns.", "endorsed"),
    ("Minnesanteckningarna läggs till handlingarna.", "noted"),
)
JUSTERARE_TITLES = ("Val av justerare", "Val av justerare och tid för justering")
OTHER_QUESTIONS_TITLES = ("Övriga frågor", "Övrig fråga")
OTHER_QUESTION_SUBTITLES = (
    "Sommarens bemanningsläge",
    "Inbjudan till konferens om {area}",
    "Nytt lokalt samarbete",
    "Fråga om transporter mellan enheterna",
    "Rapport från nätverksträff",
)

# ---------------------------------------------------------------------------------------------
# Families beyond the care-cooperation organisation: kommunal §-protokoll, regional decision
# lists, associations and student unions, minnesanteckningar. New tuples only: the tuples above
# feed the classic family, and widening them would change every classic archive.
# ---------------------------------------------------------------------------------------------

EXTRA_FEMALE_NAMES = (
    "Amanda",
    "Annelie",
    "Britt",
    "Camilla",
    "Doris",
    "Emma",
    "Greta",
    "Gunilla",
    "Ingela",
    "Johanna",
    "Karin",
    "Katarina",
    "Liv",
    "Lovisa",
    "Maja",
    "Marie",
    "Matilda",
    "Märta",
    "Petra",
    "Pia",
    "Rut",
    "Sanna",
    "Siv",
    "Solveig",
    "Therese",
    "Tyra",
    "Wilma",
    "Ylva",
)
EXTRA_MALE_NAMES = (
    "Alf",
    "Bengt",
    "Bo",
    "Conny",
    "Curt",
    "Ebbe",
    "Einar",
    "Elias",
    "Gunnar",
    "Gustav",
    "Harald",
    "Hugo",
    "Ingemar",
    "Joel",
    "Jonas",
    "Kent",
    "Leif",
    "Linus",
    "Melker",
    "Nils",
    "Olle",
    "Pontus",
    "Roger",
    "Sune",
    "Tomas",
    "Torbjörn",
    "Ture",
    "Valter",
    "Vilhelm",
    "Åke",
)
EXTRA_LAST_NAMES = (
    "Aspeby",
    "Backlund",
    "Björkdahl",
    "Carlbom",
    "Dalvik",
    "Ekenmark",
    "Enström",
    "Fagerström",
    "Frisell",
    "Gidlund",
    "Granvik",
    "Hassellöf",
    "Hultin",
    "Ivre",
    "Jernberg",
    "Klingvall",
    "Kullberg",
    "Lidmark",
    "Ljungdahl",
    "Modin",
    "Mossberg",
    "Norrbom",
    "Olander",
    "Palmqvist",
    "Ringdahl",
    "Rönnholm",
    "Salmén",
    "Skogvall",
    "Tornvall",
    "Udde",
    "Uhlin",
    "Vallgren",
    "Vennberg",
    "Wester",
    "Wiklander",
    "Älvhammar",
    "Örnfelt",
    "Brattström",
)

# Invented place names for the new families (a different stock from PLACE_PREFIXES above).
TOWN_PREFIXES = (
    "Bjur",
    "Ene",
    "Hassel",
    "Myr",
    "Tjäder",
    "Vide",
    "Sälg",
    "Ugg",
    "Lom",
    "Skär",
    "Rönn",
    "Hägg",
    "Ljung",
    "Trast",
    "Orre",
    "Mal",
)
TOWN_SUFFIXES = ("ås", "hult", "lid", "berga", "mark", "tuna", "vattnet", "kulla", "stad", "landa")

#: Party letters and how reservations and proposals name the party in full.
PARTY_NAMES = {
    "S": "Socialdemokraterna",
    "M": "Moderaterna",
    "C": "Centerpartiet",
    "V": "Vänsterpartiet",
    "L": "Liberalerna",
    "KD": "Kristdemokraterna",
    "MP": "Miljöpartiet",
    "SD": "Sverigedemokraterna",
}
#: Invented local parties ("{place}" is the municipality): (name, letters).
LOCAL_PARTIES = (("{place_gen} framtid", "BF"), ("Lokala listan i {place}", "LL"), ("{place}partiet", "XP"))
#: Governing coalitions a municipality or region may have (the rest is the opposition).
COALITIONS = (("S", "C", "MP"), ("M", "KD", "L", "C"), ("S", "V", "MP"), ("M", "C", "KD"), ("S", "L", "C"))

#: Municipal committees: (name, short, genitive, how it calls itself, its administration).
NAMNDER = (
    ("Barn- och utbildningsnämnden", "BUN", "Barn- och utbildningsnämndens", "barn- och utbildningsförvaltningen"),
    ("Socialnämnden", "SN", "Socialnämndens", "socialförvaltningen"),
    ("Tekniska nämnden", "TN", "Tekniska nämndens", "tekniska förvaltningen"),
    ("Miljö- och byggnadsnämnden", "MBN", "Miljö- och byggnadsnämndens", "miljö- och byggförvaltningen"),
    ("Kultur- och fritidsnämnden", "KFN", "Kultur- och fritidsnämndens", "kultur- och fritidsförvaltningen"),
    ("Samhällsbyggnadsnämnden", "SBN", "Samhällsbyggnadsnämndens", "samhällsbyggnadsförvaltningen"),
)
REGION_NAMNDER = (
    ("Hälso- och sjukvårdsnämnden", "HSN", "Hälso- och sjukvårdsnämndens", "hälso- och sjukvårdsförvaltningen"),
    ("Regionala utvecklingsnämnden", "RUN", "Regionala utvecklingsnämndens", "förvaltningen för regional utveckling"),
    ("Kollektivtrafiknämnden", "KTN", "Kollektivtrafiknämndens", "kollektivtrafikförvaltningen"),
)

MUNICIPAL_ROOMS = (
    "Kommunhuset, sammanträdesrum {room}",
    "Stadshuset, {room}salen",
    "Kommunhuset i {place}, {room}",
    "Medborgarhuset, sal {room}",
    "Förvaltningshuset, konferensrum {room}",
)
REGION_ROOMS = ("Regionens hus, {room}salen", "Länshuset i {place}, sal {room}", "Regionhuset, {room}")
ROOM_NAMES = ("Ekan", "Asken", "Linden", "Rönnen", "Björken", "Almen", "Tallen", "Sälgen", "Granen")
KEEPING_PLACES = (
    "Kommunkansliet",
    "Kansliavdelningen, kommunhuset",
    "Kommunledningskontoret",
    "Nämndadministrationen, stadshuset",
)

OFFICIAL_TITLES_MUNICIPAL = (
    "kommundirektör",
    "ekonomichef",
    "kanslichef",
    "förvaltningschef",
    "controller",
    "planeringschef",
    "verksamhetschef",
    "utredare",
    "personalchef",
    "samhällsbyggnadschef",
)
SECRETARY_TITLES = ("sekreterare", "nämndsekreterare", "kommunsekreterare")

#: Services with fees, objects of investment, ideas for motions, remiss topics.
FEE_SERVICES = (
    "bygglov",
    "kart- och mätverksamhet",
    "vatten och avlopp",
    "renhållning",
    "förskola och fritidshem",
    "serveringstillstånd",
    "livsmedelskontroll",
    "uthyrning av idrottshallar",
)
INVESTMENTS = (
    "ny förskola i {district}",
    "ombyggnad av simhallen",
    "gång- och cykelväg till {district}",
    "ny brandstation",
    "reservvattentäkt",
    "upprustning av {district} skola",
    "laddinfrastruktur för kommunens fordon",
    "konstgräsplan i {district}",
)
MOTION_IDEAS = (
    "fler parkbänkar längs strandpromenaden",
    "gratis kollektivtrafik för pensionärer",
    "solceller på kommunens tak",
    "en fritidsbank",
    "belysning i elljusspåret",
    "hundrastgård i {district}",
    "läxhjälp på biblioteket",
    "ökad närvaro av fältassistenter",
    "kommunal badplats i {district}",
    "sommarjobb för alla gymnasieungdomar",
)
REGION_INVESTMENTS = (
    "ny vårdcentral i {district}",
    "ombyggnad av akutmottagningen",
    "nya regionbussar",
    "laddinfrastruktur vid regionens depåer",
    "utbyggnad av tandvårdsklinik i {district}",
)
REGION_MOTION_IDEAS = (
    "fler nattbussar på landsbygden",
    "gratis kollektivtrafik för pensionärer",
    "barnmorskemottagning i {district}",
    "solceller på regionens fastigheter",
    "fler vårdplatser inom psykiatrin",
    "digitala besök i primärvården",
)
REMISS_TOPICS = (
    "regional transportplan",
    "länsgemensam strategi för psykisk hälsa",
    "nationell plan för kulturmiljö",
    "vattenförvaltningens åtgärdsprogram",
    "länets livsmedelsstrategi",
    "regional utvecklingsstrategi",
)
PLAN_AREAS = (
    "kvarteret {district} norra",
    "{district} centrum",
    "del av {district} 3:14",
    "verksamhetsområde vid {district}",
    "bostäder vid {district} strand",
)
DISTRICT_SUFFIXES = ("backen", "dalen", "gärdet", "hagen", "viken", "udden", "lyckan", "ängen")
DISTRICT_PREFIXES = ("Norr", "Söder", "Väster", "Öster", "Kyrk", "Kvarn", "Sjö", "Mo")
REGLEMENTEN = ("kommunstyrelsen", "krisledningsnämnden", "valnämnden", "revisionen", "de kommunala pensionärsråden")
POLICY_AREAS = (
    "föreningsbidrag",
    "upphandling",
    "informationssäkerhet",
    "bostadsanpassning",
    "skolskjuts",
    "hållbar utveckling",
    "intern kontroll",
    "tillgänglighet",
)

#: Why an opposition member asks to send a case back (said after "med hänvisning till att").
REMISS_REASONS = (
    "kostnaderna inte är tillräckligt utredda",
    "berörda föreningar inte har hörts",
    "konsekvenserna för landsbygden saknas i underlaget",
    "alternativa placeringar inte har prövats",
)
#: Amendments and additions moved at meetings (continue "att ...").
AMENDMENTS = (
    "uppdra åt förvaltningen att återrapportera effekterna inom ett år",
    "arbetet ska ske i dialog med berörda föreningar",
    "kostnaderna ska rymmas inom befintlig ram",
    "en barnkonsekvensanalys ska göras innan genomförandet",
)
#: What a protokollsanteckning says (after "får till protokollet anteckna att").
NOTE_TEXTS = (
    "partiet välkomnar utredningen men saknar en tidsplan",
    "frågan om finansiering måste följas upp under året",
    "underlaget kom till ledamöterna för sent för en ordentlig beredning",
    "partiet kommer att följa genomförandet noga",
)
#: Recipients of decisions besides the bodies themselves.
RECIPIENT_UNITS = (
    "Ekonomiavdelningen",
    "Kommunledningskontoret",
    "Revisionen",
    "Kansliet",
    "Författningssamlingen",
    "Berörda förvaltningar",
    "Motionären",
)

INFO_TITLES_MUNICIPAL = (
    "Information från förvaltningschefen",
    "Ekonomisk uppföljning per den {day}",
    "Aktuell information från kommundirektören",
    "Rapport om ej verkställda beslut",
    "Verksamhetsuppföljning {year}",
)
NOTICE_TITLES = ("Anmälningsärenden", "Meddelanden", "Delgivningar")
DELEGATION_TITLES = ("Delegationsbeslut", "Redovisning av delegationsbeslut", "Anmälan av delegationsbeslut")

#: Section labels of an item in a § protocol (each body picks one spelling).
LABELS_DESCRIPTION = ("Ärendebeskrivning", "Sammanfattning", "Sammanfattning av ärendet", "Bakgrund")
LABELS_BASIS = ("Beslutsunderlag", "Underlag för beslut", "Handlingar i ärendet")
LABELS_PROPOSAL = ("Förslag till beslut", "Förvaltningens förslag till beslut", "Förslag till beslut på sammanträdet")
LABELS_MOTIONS = ("Yrkanden", "Yrkande", "Förslag på sammanträdet")
LABELS_ORDER = ("Propositionsordning", "Beslutsgång", "Proposition")
LABELS_VOTE = ("Omröstning", "Votering", "Omröstningsresultat")
LABELS_RESERVATION = ("Reservation", "Reservationer")
LABELS_NOTE = ("Protokollsanteckning", "Protokollsanteckningar")
LABELS_RECIPIENTS = ("Beslutet skickas till", "Expedieras till", "Beslutet expedieras till", "Skickas till")
LABELS_DNR = ("Dnr", "Dnr:", "Diarienummer:", "Dnr.", "Ärendenr:")
CHAIR_WORDS = (("ordförande", "vice ordförande"), ("ordf", "v ordf"), ("ordförande", "1:e vice ordförande"))

#: Associations: (name template, short template or None, what the members are called).
ASSOCIATIONS = (
    ("{place_gen} Båtklubb", "{i}BK"),
    ("Hembygdsföreningen i {place}", None),
    ("{place} Idrottsförening", "{i}IF"),
    ("Bostadsrättsföreningen {bird}", "BRF {bird}"),
    ("Samfällighetsföreningen {place} norra", None),
    ("{place_gen} Fiberförening ek. för.", None),
    ("Koloniträdgårdsföreningen {flower}", None),
    ("Föreningen {place} Folkets hus", None),
)
STUDENT_UNIONS = (
    ("Teknologsektionen vid {place} högskola", "TS"),
    ("Datasektionen inom Studentkåren i {place}", "D-sek"),
    ("Naturvetarsektionen i {place}", "NSek"),
    ("Studentkåren vid {place} högskola", "SK{i}"),
)
BIRDS = ("Tjädern", "Domherren", "Ejdern", "Tranan", "Lärkan", "Svalan", "Orren")
FLOWERS = ("Blåklinten", "Vallmon", "Prästkragen", "Liljan", "Smörblomman")
CLUB_ROOMS = (
    "Klubbstugan",
    "Föreningslokalen",
    "Samlingssalen i {place} bygdegård",
    "Styrelserummet",
    "Lokal B214",
    "Kårhuset, mötesrum 2",
    "Bryggan, {place}",
)
BOARD_ROLES = ("Ordförande", "Vice ordförande", "Sekreterare", "Kassör", "Ledamot", "Ledamot", "Suppleant", "Suppleant")
UNION_ROLES = (
    "Ordförande",
    "Vice ordförande",
    "Sekreterare",
    "Kassör",
    "Studienämndsordförande",
    "Festerichef",
    "Informationsansvarig",
    "Ledamot",
)

#: Recurring association matters: (title, subject, tasks in passing).
CLUB_MATTERS = (
    (
        "Renovering av bryggan",
        "bryggrenoveringen",
        ("kollar med vaktmästaren om nycklarna till förrådet", "tar in offerter på virke"),
    ),
    (
        "Ny hemsida",
        "den nya hemsidan",
        ("tar fram ett förslag på struktur för hemsidan", "kontaktar webbhotellet om flytt"),
    ),
    ("Städdag", "städdagen", ("bokar containern till städdagen", "skickar ut kallelse till städdagen")),
    (
        "Medlemsavgifter",
        "medlemsavgifterna",
        ("skickar påminnelser till medlemmar som inte betalat", "sammanställer en lista över betalande medlemmar"),
    ),
    ("Sommarfesten", "sommarfesten", ("bokar lokal till sommarfesten", "handlar in fika till sommarfesten")),
    (
        "Försäkringar",
        "föreningens försäkringar",
        ("jämför försäkringsbolagens villkor", "hör med kommunen om gällande krav"),
    ),
    ("Nyckelhantering", "nyckelhanteringen", ("inventerar vilka nycklar som finns ute", "beställer nya nyckelbrickor")),
    (
        "Inköp av ny projektor",
        "den nya projektorn",
        ("tar in pris på projektorer", "undersöker om den gamla projektorn kan lagas"),
    ),
)
#: Motions at student union meetings: (title, att-satser).
UNION_MOTIONS = (
    (
        "Motion om inköp av kaffemaskin",
        ("Att köpa in en ny kaffemaskin till sektionsrummet", "Att kostnaden tas från investeringsbudgeten"),
    ),
    ("Motion om ny logotyp", ("Att sektionen byter logotyp", "Att styrelsen tar fram tre förslag till nästa möte")),
    (
        "Motion om gemensam studieresa",
        (
            "Att sektionen arrangerar en studieresa för medlemmarna",
            "Att resan subventioneras med högst 500 kronor per deltagare",
        ),
    ),
    (
        "Motion om miljöpolicy",
        ("Att sektionen antar en miljöpolicy", "Att engångsartiklar inte köps in till sittningar"),
    ),
    (
        "Proposition om stadgeändring",
        ("Att stadgans fjärde paragraf ändras enligt bilaga", "Att ändringen gäller från och med nästa verksamhetsår"),
    ),
)
#: Budget-like att-satser at board meetings (the approved one is the decision).
CLUB_PROPOSALS = (
    ("Budget {year}", ("Att anta budgeten för {year} enligt bilaga", "Att höja medlemsavgiften till {fee} kronor")),
    (
        "Verksamhetsplan {year}",
        ("Att anta verksamhetsplanen för {year}", "Att uppdra åt styrelsen att följa upp planen varje kvartal"),
    ),
    ("Inköp av utrustning", ("Att köpa in en ny gräsklippare", "Att kostnaden får uppgå till högst {price} kronor")),
)
BOARD_WHATS = (
    "ge kassören rätt att ensam teckna föreningens bankkonto",
    "höja hyran för lokalen med fem procent",
    "anta den nya ordningsregeln för förrådet",
    "köpa in en ny kaffebryggare",
    "teckna avtal med en ny städfirma",
    "införa digital medlemsregistrering",
)
ANNUAL_FEES = (150, 200, 250, 300, 350, 400)

#: Minnesanteckningar: groups, headings, action items.
NOTE_GROUPS = (
    "Arbetsgruppen för {area}",
    "Nätverket för {area}",
    "Projektgruppen {system}",
    "Samordningsgruppen för {area}",
    "Referensgruppen för {area}",
)
NOTE_ORGS = ("kansliet", "ekonomienheten", "HR", "IT-avdelningen", "kommunikation", "verksamhetsstöd")
NOTE_HEADINGS = (
    "Nuläge i projektet",
    "Tidplan",
    "Rapport från delprojekten",
    "Budget och resurser",
    "Kommunikationsinsatser",
    "Risker",
    "Utbildningsinsatser",
    "Erfarenheter från piloten",
    "Frågor från verksamheterna",
    "Kommande aktiviteter",
)
NOTE_ACTIONS = (
    "ta fram ett förslag till schema",
    "boka lokal till workshopen",
    "sammanställa svaren från enkäten",
    "uppdatera projektplanen",
    "skicka ut inbjudan till referensgruppen",
    "kontakta leverantören om avtalet",
    "ta fram en checklista för införandet",
    "stämma av budgeten med ekonomienheten",
)
