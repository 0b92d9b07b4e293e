#!/usr/bin/env python3
"""Deterministic benchmark corpus for Rapport (and the same pages as a Hugo site).

    python3 Benchmarks/generate_corpus.py --pages N --figures K --seed S --out DIR [--hugo DIR2] [--force]

DIR becomes a Rapport content folder (site.yaml, index.md, tilgaengelighed.md, projekter/,
elementer/, kapitler/, data/); N project pages of ~5 KB realistic Danish Markdown each.
With --hugo, DIR2 becomes a Hugo site with the same pages (see hugo_site() for what differs).

Why it is built the way it is:
- Determinism: only random.Random instances seeded from strings (seeded through SHA-512, so
  independent of PYTHONHASHSEED), only lists and insertion-ordered dicts, no clock, no set
  iteration, and files are written with '\n' line endings in UTF-8. Same arguments -> same bytes.
- Every page gets its own RNG (seed + page number), and all pages are *planned* (title, headings)
  before any is written, so a page can link to headings of other pages that really exist.
- Speed: plain string building, one pass per file; 10,000 pages take a few seconds.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import re
import shutil
import sys
import unicodedata

# --------------------------------------------------------------------------------------------
# Vocabulary. Hand-written Danish in the register of an evaluation report on daycare efforts.
# --------------------------------------------------------------------------------------------

KOMMUNER = [
    "Aabenraa", "Aalborg", "Aarhus", "Albertslund", "Assens", "Ballerup", "Billund", "Bornholm",
    "Brøndby", "Brønderslev", "Egedal", "Esbjerg", "Faaborg-Midtfyn", "Favrskov", "Fredericia",
    "Frederiksberg", "Frederikshavn", "Furesø", "Gentofte", "Gladsaxe", "Guldborgsund",
    "Haderslev", "Herning", "Hillerød", "Hjørring", "Holbæk", "Holstebro", "Horsens", "Hvidovre",
    "Ikast-Brande", "Ishøj", "Jammerbugt", "Kalundborg", "Kerteminde", "Kolding", "København",
    "Køge", "Lolland", "Lyngby-Taarbæk", "Mariagerfjord", "Middelfart", "Morsø", "Norddjurs",
    "Nyborg", "Næstved", "Odense", "Odsherred", "Randers", "Rebild", "Ringkøbing-Skjern",
    "Roskilde", "Rudersdal", "Silkeborg", "Skanderborg", "Slagelse", "Sorø", "Svendborg",
    "Syddjurs", "Sønderborg", "Thisted", "Tønder", "Tårnby", "Varde", "Vejle", "Vesthimmerland",
    "Viborg", "Vordingborg", "Ærø",
]

INDSATSOMRAADER = [
    "Sprog og læring", "Forældresamarbejde", "Tidlig opsporing", "Inkluderende læringsmiljøer",
    "Overgang til skole", "Trivsel og sundhed", "Motorik og bevægelse", "Social mobilitet",
]

PROJEKTNAVNE = [
    "Stærke forældrepartnerskaber", "Sprogløft i dagtilbud", "Tidligt og tæt på",
    "Sammen om barnet", "Alle børn med", "Leg, sprog og læring", "Broen til skolen",
    "Det gode børneliv", "Fælles fodslag", "Trygge overgange", "Børn i bevægelse",
    "Stærkere fællesskaber", "Tæt på familien", "Lige muligheder", "Nye veje i dagplejen",
]

SUBJEKTER = [
    "Pædagogerne", "Dagtilbuddets ledelse", "Forvaltningen", "Projektlederen", "Forældrene",
    "Sundhedsplejersken", "De pædagogiske medarbejdere", "Tale-hørekonsulenten",
    "Styregruppen", "Den tværfaglige gruppe", "Dagplejerne", "PPR", "Familierådgiverne",
    "Flere af de interviewede ledere", "Medarbejderne i vuggestuen", "Konsulenterne",
]

VERBALLED = [
    "har arbejdet systematisk med", "oplever en tydelig fremgang i", "peger på betydningen af",
    "har prioriteret", "beskriver", "har styrket", "har haft særligt fokus på", "fremhæver",
    "har udviklet nye metoder til", "har gennemført forløb om", "efterspørger mere viden om",
    "vurderer, at der er sket forbedringer i", "har fået et fælles sprog om",
    "har sat tid af til", "har evalueret", "har afprøvet forskellige tilgange til",
]

OBJEKTER = [
    "forældresamarbejdet", "børnenes sproglige udvikling", "den tidlige opsporing",
    "overgangen fra vuggestue til børnehave", "samarbejdet med sundhedsplejen",
    "trivslen i børnegruppen", "de fælles pædagogiske mål", "dialogen med forældrene om "
    "barnets læring", "inddragelsen af fagpersoner på tværs", "brugen af sprogvurderinger",
    "de daglige rutiner", "legen som læringsrum", "arbejdet med børnenes motorik",
    "den kollegiale sparring", "opfølgningen på handleplaner", "de små børnefællesskaber",
    "forældremøderne", "overleveringen til skolen", "arbejdet i mindre grupper",
]

ADVERBIALER = [
    "i hele projektperioden", "på tværs af institutionerne", "især i de mindre børnegrupper",
    "i det daglige arbejde", "gennem faste mødestrukturer", "efter det første projektår",
    "i tæt dialog med forvaltningen", "med støtte fra en ekstern konsulent",
    "i takt med at metoderne blev kendt", "i samarbejde med skolerne", "fra 2019 og frem",
    "uden at det har krævet flere ressourcer", "i de fleste af de deltagende dagtilbud",
]

FRIE_SAETNINGER = [
    "Ifølge interviewene har {n} ud af 10 forældre deltaget i mindst ét dialogmøde.",
    "En leder formulerer det sådan: »Vi taler om børnene på en ny måde nu.«",
    "Det har ikke været muligt at fastholde alle aktiviteter under nedlukningerne i 2020.",
    "Andelen af børn med en alderssvarende sprogvurdering steg fra {p} til {q} procent.",
    "Evalueringen bygger på interview, observationer og et spørgeskema til medarbejderne.",
    "Der er stor forskel på, hvor langt de enkelte dagtilbud er kommet.",
    "Flere medarbejdere nævner, at de nye redskaber gør det lettere at tage den svære samtale.",
    "Samarbejdet med skolen er blevet mere forpligtende, men er stadig sårbart over for "
    "udskiftning i personalet.",
    "Projektet har i alt omfattet {k} dagtilbud og cirka {b} børn.",
    "Resultaterne skal læses med forsigtighed, fordi datagrundlaget er begrænset.",
    "Forældrene oplever generelt, at de bliver hørt og inddraget.",
    "Et vigtigt greb har været at gøre mødet med forældrene kortere og mere konkret.",
    "Det er især de faste strukturer, der har gjort en forskel i hverdagen.",
    "Medarbejderne har fået et mere nuanceret blik på børnenes ressourcer.",
    "Ledelsen har spillet en afgørende rolle for, at indsatsen er blevet forankret.",
    "Erfaringerne er senere blevet delt med de øvrige dagtilbud i kommunen.",
    "Ikke alle forældre har haft mulighed for at deltage i de planlagte aktiviteter.",
    "Den tværfaglige sparring har givet et fælles billede af børnenes behov.",
    "Der er udarbejdet en pjece til forældrene på dansk, arabisk og somali.",
    "I det sidste projektår blev indsatsen udvidet til også at omfatte dagplejen.",
]

PUNKTER = [
    "faste dialogmøder med forældrene hvert halve år",
    "sprogstimulering i små grupper tre gange om ugen",
    "fælles kompetenceudvikling for pædagoger og dagplejere",
    "tværfaglige møder med sundhedspleje og PPR",
    "hjemmebesøg ved opstart i vuggestuen",
    "en fast kontaktperson til hver familie",
    "systematisk brug af trivselsvurderinger",
    "forældrecaféer med fokus på leg og læsning",
    "overleveringsmøder med skolen i foråret",
    "pædagogiske læringsmiljøer med tydelige mål",
    "videobaseret supervision af samspillet med børnene",
    "en fælles årsplan for alle deltagende dagtilbud",
]

TRIN = [
    "Kortlægning af børnegruppen og de eksisterende indsatser",
    "Fælles opstartsdag for ledere og medarbejdere",
    "Afprøvning af metoderne i udvalgte stuer",
    "Løbende sparring med projektlederen",
    "Midtvejsevaluering og justering af aktiviteterne",
    "Udbredelse til de øvrige dagtilbud",
    "Afsluttende evaluering og plan for forankring",
]

OPGAVER = [
    "Revidere den fælles årsplan", "Uddanne nye sprogvejledere", "Evaluere forældrecaféerne",
    "Dele materialet med skolerne", "Afholde temadag for dagplejen",
    "Beskrive arbejdsgangen for overlevering",
]

# Headings: ## sections, each with candidate ### subsections. Some subsection names recur on
# purpose ("Erfaringer", "Udfordringer", "Næste skridt"), so a page has duplicate headings and
# the -2, -3 slug rule is exercised. A few carry punctuation or accents ("Fase 1: opstart",
# "Idéer fra praksis") for the slug rule's other branches.
SEKTIONER = [
    ("Baggrund og formål", ["Udgangspunktet", "Målgruppe", "Mål for indsatsen"]),
    ("Indsatsen", ["Aktiviteter", "Organisering", "Fase 1: opstart", "Erfaringer"]),
    ("Samarbejdet med forældrene", ["Dialogmøder", "Erfaringer", "Udfordringer"]),
    ("Tværfagligt samarbejde", ["Mødestrukturer", "Erfaringer", "Udfordringer"]),
    ("Resultater", ["Børnenes trivsel", "Sproglig udvikling", "Forældrenes oplevelse"]),
    ("Idéer fra praksis", ["Små greb i hverdagen", "Erfaringer"]),
    ("Forankring og videre drift", ["Næste skridt", "Udfordringer", "Økonomi"]),
]

LIKERT_TITLER = [
    "Medarbejdernes vurdering af forældresamarbejdet",
    "Forældrenes oplevelse af dialogen med dagtilbuddet",
    "Ledernes vurdering af indsatsens forankring",
    "Udbytte af den tværfaglige sparring",
    "Medarbejdernes brug af de nye metoder",
    "Tilfredshed med kompetenceudviklingen",
]

LIKERT_SPOERGSMAAL = [
    "Jeg har fået nye redskaber til samtalen med forældrene",
    "Samarbejdet med sundhedsplejen er blevet bedre",
    "Vi har en fælles forståelse af børnenes behov",
    "Forældrene deltager mere aktivt end før",
    "Indsatsen er en naturlig del af hverdagen",
    "Ledelsen bakker op om arbejdet",
    "Jeg ved hvem jeg skal kontakte ved bekymring",
    "Overleveringen til skolen fungerer godt",
    "Vi følger systematisk op på handleplanerne",
    "Den tværfaglige sparring er relevant for mit arbejde",
    "Vi har tid nok til at arbejde med indsatsen",
    "Børnene trives bedre i de mindre grupper",
]
LIKERT_HEADER = "spørgsmål,Slet ikke,I mindre grad,I nogen grad,I høj grad,I meget høj grad,Ved ikke"

ELEMENTER = [
    # (nummer, titel, gruppe)
    (1, "Fælles forståelse af barnets behov", "forældresamarbejde"),
    (2, "Systematisk dialog med forældrene", "forældresamarbejde"),
    (3, "Forældrenes inddragelse i læringsmiljøet", "forældresamarbejde"),
    (4, "Hjemmebesøg og opsøgende kontakt", "forældresamarbejde"),
    (5, "Forældrenetværk og forældregrupper", "forældresamarbejde"),
    (6, "Tidlig inddragelse af tværfaglige kompetencer", "tværfagligt samarbejde"),
    (7, "Faste tværfaglige mødestrukturer", "tværfagligt samarbejde"),
    (8, "Fælles sprog og metoder på tværs", "tværfagligt samarbejde"),
    (9, "Koordinerede overgange", "tværfagligt samarbejde"),
]

KAPITLER = [
    # (filnavn, nummer, titel)
    ("indledning", 1, "Indledning"),
    ("metode-og-datagrundlag", 2, "Metode og datagrundlag"),
    ("tvaergaaende-resultater", 3, "Tværgående resultater"),
]


# --------------------------------------------------------------------------------------------
# Slugs: the rule Rapport documents for heading ids.
# --------------------------------------------------------------------------------------------

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# A heading is "safe" to link to when its slug does not depend on whether a run of several
# non-alphanumerics becomes one '-' or several: letters/digits separated by single spaces.
_SAFE_HEADING = re.compile(r"^[^\W_]+( [^\W_]+)*$")


@functools.lru_cache(maxsize=None)  # headings come from a small fixed set
def slugify(text: str) -> str:
    """
    >>> slugify("Læring og trivsel")
    'laering-og-trivsel'
    >>> slugify("Idéer fra praksis")
    'ideer-fra-praksis'
    >>> slugify("Fase 1: opstart")
    'fase-1-opstart'
    >>> slugify("  Økonomi – status ")
    'oekonomi-status'
    """
    s = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return _NON_ALNUM.sub("-", s).strip("-")


def unique_slugs(headings: list[str]) -> list[str]:
    """Slugs for a page's headings in order; a repeated slug gets -2, -3, ...

    >>> unique_slugs(["Erfaringer", "Målgruppe", "Erfaringer", "erfaringer"])
    ['erfaringer', 'maalgruppe', 'erfaringer-2', 'erfaringer-3']
    """
    seen: dict[str, int] = {}
    out = []
    for h in headings:
        base = slugify(h)
        n = seen.get(base, 0) + 1
        seen[base] = n
        out.append(base if n == 1 else f"{base}-{n}")
    return out


def yaml_str(s: str) -> str:
    """A double-quoted YAML scalar (titles contain ':' and '–')."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_name(i: int) -> str:
    return f"side-{i:05d}"


# --------------------------------------------------------------------------------------------
# Planning: what each page is called and which headings it has. Cheap, done for all pages first.
# --------------------------------------------------------------------------------------------


class Plan:
    __slots__ = ("i", "name", "title", "kommune", "omraade", "elementer", "sections",
                 "headings", "slugs", "safe_targets")

    def __init__(self, seed: int, i: int):
        rng = Rng(f"{seed}:plan:{i}")
        self.i = i
        self.name = page_name(i)
        self.kommune = rng.pick(KOMMUNER)
        self.omraade = rng.pick(INDSATSOMRAADER)
        self.title = f"{rng.pick(PROJEKTNAVNE)} – {self.kommune} (nr. {i})"
        self.elementer = sorted(rng.sample(range(1, 10), rng.between(1, 4)))
        # 5-6 of the 7 sections in their usual order, each with 1-2 subsections.
        keep = sorted(rng.sample(range(len(SEKTIONER)), rng.between(5, 6)))
        self.sections = []
        for k in keep:
            title, subs = SEKTIONER[k]
            n_sub = rng.between(1, 2)
            self.sections.append((title, subs[:n_sub]))
        self.headings = []
        for title, subs in self.sections:
            self.headings.append(title)
            self.headings.extend(subs)
        self.slugs = unique_slugs(self.headings)
        self.safe_targets = [(h, s) for h, s in zip(self.headings, self.slugs)
                             if _SAFE_HEADING.match(h)]


# --------------------------------------------------------------------------------------------
# Writing one project page.
# --------------------------------------------------------------------------------------------


class Rng(random.Random):
    """random.Random with cheaper pick/between: the generator makes millions of these calls,
    and Random.choice/randint cost ~3x more than indexing with random() (same determinism)."""

    def pick(self, seq):
        return seq[int(self.random() * len(seq))]

    def between(self, lo: int, hi: int) -> int:
        return lo + int(self.random() * (hi - lo + 1))


def sentence(rng: Rng, prev: str = "") -> str:
    r = rng.random()
    if r < 0.3:
        s = rng.pick(FRIE_SAETNINGER)
        if s is prev:  # no sentence twice in a row
            s = rng.pick(FRIE_SAETNINGER)
        if "{" in s:
            p = rng.between(40, 70)
            s = s.format(n=rng.between(4, 9), p=p, q=p + rng.between(3, 20),
                         k=rng.between(3, 25), b=rng.between(80, 1500))
        return s
    obj = rng.pick(OBJEKTER)
    if r < 0.38:
        obj = f"**{obj}**"
    elif r < 0.44:
        obj = f"*{obj}*"
    elif r < 0.455:
        obj = f"~~{obj}~~ {rng.pick(OBJEKTER)}"
    return f"{rng.pick(SUBJEKTER)} {rng.pick(VERBALLED)} {obj} {rng.pick(ADVERBIALER)}."


def paragraph(rng: Rng, lo: int = 3, hi: int = 5) -> str:
    out = []
    prev = ""
    for _ in range(rng.between(lo, hi)):
        prev = sentence(rng, prev)
        out.append(prev)
    return " ".join(out)


def gfm_table(rng: Rng) -> str:
    rows = ["| Indikator | 2018 | 2022 | Ændring |", "| --- | ---: | ---: | ---: |"]
    for ind in rng.sample(["Deltagelse i dialogmøder (%)", "Alderssvarende sprog (%)",
                           "Børn med handleplan", "Tværfaglige møder pr. år",
                           "Forældre i forældrecafé", "Medarbejdere uddannet"], 4):
        a = rng.between(10, 80)
        b = a + rng.between(-5, 25)
        rows.append(f"| {ind} | {a} | {b} | {b - a:+d} |")
    return "\n".join(rows)


def figure(page: str, k: int, rng: Rng) -> tuple[str, str, str]:
    """(figure block, figure id, CSV text) for figure k of a page."""
    fid = f"{page}-f{k}"
    block = ("```figur\n"
             f"id: {fid}\n"
             "type: likert\n"
             f"titel: {rng.pick(LIKERT_TITLER)}\n"
             f"data: data/{fid}.csv\n"
             "kilde: Genereret (eksempeldata)\n"
             "```")
    lines = [LIKERT_HEADER]
    for q in rng.sample(LIKERT_SPOERGSMAAL, rng.between(4, 8)):
        counts = [rng.between(0, 40) for _ in range(5)] + [rng.between(0, 8)]
        lines.append(q + "," + ",".join(map(str, counts)))
    return block, fid, "\n".join(lines) + "\n"


def project_page(seed: int, plan: Plan, plans: list[Plan], n_figures: int
                 ) -> tuple[str, list[tuple[str, str]]]:
    """Markdown text of one project page and its [(figure id, CSV text)]."""
    rng = Rng(f"{seed}:body:{plan.i}")
    n = len(plans)

    def other() -> Plan:
        if n == 1:
            return plan
        j = rng.randrange(n - 1)
        return plans[j if j < plan.i - 1 else j + 1]

    # 2-4 links: always one to another page and one to a heading on another page (both exist),
    # then optionally one to an element page and one external link.
    links = []
    p = other()
    links.append(f"Se også [{p.title}]({p.name}.md), som arbejder med et lignende indsatsområde.")
    p = other()
    h, s = rng.pick(p.safe_targets)
    links.append(f"Tilgangen minder om den, der er beskrevet under "
                 f"[{h.lower()} i {p.kommune}]({p.name}.md#{s}).")
    if rng.random() < 0.6:
        e = rng.pick(plan.elementer)
        links.append(f"Indsatsen er et eksempel på [element {e}](../elementer/element-{e}.md).")
    if rng.random() < 0.5:
        links.append("Læs mere i den nationale vejledning på https://www.example.dk/vejledning.")
    rng.shuffle(links)

    figs = []
    for k in range(1, n_figures + 1):
        figs.append(figure(plan.name, k, rng))

    fm = ["---",
          f"titel: {yaml_str(plan.title)}",
          f"resume: {yaml_str(f'{plan.omraade} i {plan.kommune} Kommune, 2018–2022.')}",
          f"kommune: {plan.kommune}",
          f"indsatsområde: {plan.omraade}",
          "periode: 2018–2022",
          "status: Gennemført",
          f"elementer: [{', '.join(map(str, plan.elementer))}]"]
    if n_figures:
        fm.append("eksempeldata: true")
    fm.append("---")

    out = ["\n".join(fm), "", paragraph(rng, 2, 4), ""]
    footnotes = []
    n_sections = len(plan.sections)
    # Spread links and figures over the sections.
    link_at = {k: [] for k in range(n_sections)}
    for li, text in enumerate(links):
        link_at[li % n_sections].append(text)
    fig_at = {k: [] for k in range(n_sections)}
    for fi, fig in enumerate(figs):
        fig_at[(fi * 2 + 1) % n_sections].append(fig)

    for si, (title, subs) in enumerate(plan.sections):
        out += [f"## {title}", "", paragraph(rng, 2, 3), ""]
        for text in link_at[si]:
            out += [paragraph(rng, 1, 2) + " " + text, ""]
        for block, fid, _csv in fig_at[si]:
            out += [f"Resultaterne er vist i [@fig:{fid}].", "", block, ""]
        for sub in subs:
            out += [f"### {sub}", ""]
            r = rng.random()
            if sub == "Næste skridt":
                out += ["\n".join(f"- [{'x' if rng.random() < 0.5 else ' '}] {t}"
                                  for t in rng.sample(OPGAVER, 3)), ""]
            elif r < 0.3:
                out += [paragraph(rng, 1, 2) + " Blandt aktiviteterne var:", "",
                        "\n".join(f"- {t}" for t in rng.sample(PUNKTER, rng.between(3, 5))), ""]
            elif r < 0.45:
                out += ["Forløbet var tilrettelagt i disse trin:", "",
                        "\n".join(f"{k}. {t}" for k, t in
                                  enumerate(rng.sample(TRIN, rng.between(3, 5)), 1)), ""]
            else:
                text = paragraph(rng, 2, 3)
                if len(footnotes) < 3 and rng.random() < 0.5:
                    fn = len(footnotes) + 1
                    text += f"[^{fn}]"
                    footnotes.append(f"[^{fn}]: {sentence(rng)}")
                out += [text, ""]
        if title == "Resultater":
            out += ["Tabellen viser udvalgte indikatorer ved projektets start og afslutning.", "",
                    gfm_table(rng), ""]
    if not footnotes:
        out[2] += "[^1]"
        footnotes.append(f"[^1]: {sentence(rng)}")
    out += ["\n".join(footnotes), ""]
    return "\n".join(out), [(fid, csv) for _b, fid, csv in figs]


# --------------------------------------------------------------------------------------------
# The fixed pages around the projects.
# --------------------------------------------------------------------------------------------


def fixed_pages(seed: int, n_pages: int) -> dict[str, str]:
    rng = Rng(f"{seed}:fixed")
    last = page_name(n_pages)
    pages = {}
    pages["site.yaml"] = "\n".join([
        "titel: Benchmark-rapport om dagtilbud",
        "organisation: Rapport benchmark",
        "sprog: da",
        "base_url: https://bench.example.dk/",
        "tilgaengelighedserklaering: tilgaengelighed.md",
        "sidefod: Genereret til ydelsesmåling – alle tal er eksempeldata.",
        # One page holding all 10,000 pages (80 MB) helps no reader, and Hugo's layout has no
        # such page either; Benchmarks/README.md gives its cost separately.
        "hele_rapporten: false",
        "",
    ])
    pages["index.md"] = "\n".join([
        "---", "titel: Forside", "---", "",
        paragraph(rng, 3, 4), "",
        "## Sådan læser du rapporten", "",
        paragraph(rng, 2, 3) + " Start med [indledningen](kapitler/indledning.md) eller gå direkte "
        f"til [det første projekt](projekter/{page_name(1)}.md) eller [det sidste](projekter/{last}.md).",
        "",
    ])
    pages["tilgaengelighed.md"] = "\n".join([
        "---", "titel: Tilgængelighedserklæring", "---", "",
        "Dette websted er et benchmark-korpus. Erklæringen er her, fordi hvert websted skal have én.",
        "", "## Kendte problemer", "", paragraph(rng, 2, 3), "",
    ])
    pages["projekter/_index.md"] = "\n".join([
        "---", "titel: Projekter", "---", "",
        f"Korpusset har {n_pages} puljeprojekter. " + paragraph(rng, 2, 3), "",
    ])
    pages["elementer/_index.md"] = "\n".join([
        "---", "titel: Væsentlige elementer", "---", "",
        "Evalueringen peger på ni væsentlige elementer i to grupper. " + paragraph(rng, 2, 3), "",
    ])
    for nummer, titel, gruppe in ELEMENTER:
        pages[f"elementer/element-{nummer}.md"] = "\n".join([
            "---", f"titel: {yaml_str(titel)}", f"nummer: {nummer}", f"gruppe: {gruppe}", "---", "",
            paragraph(rng, 3, 5), "", "## Sådan arbejdede projekterne med elementet", "",
            paragraph(rng, 3, 5), "",
            "\n".join(f"- {t}" for t in rng.sample(PUNKTER, 4)), "",
        ])
    pages["kapitler/_index.md"] = "\n".join([
        "---", "titel: Kapitler", "---", "", paragraph(rng, 2, 3), "",
    ])
    for fil, nummer, titel in KAPITLER:
        pages[f"kapitler/{fil}.md"] = "\n".join([
            "---", f"titel: {yaml_str(titel)}", f"nummer: {nummer}", "---", "",
            paragraph(rng, 4, 6), "", "## Hovedpointer", "", paragraph(rng, 4, 6), "",
            "## Perspektiver", "", paragraph(rng, 3, 5) +
            f" Se for eksempel [projekt {n_pages}](../projekter/{last}.md).", "",
        ])
    return pages


# --------------------------------------------------------------------------------------------
# Hugo variant.
# --------------------------------------------------------------------------------------------

_MD_LINK = re.compile(r"\]\(([^()\s#]+\.md)(#[^()\s]*)?\)")
_HEADING = re.compile(r"^(#{1,6}) (.+)$", re.M)
_FM = re.compile(r"\A---\n(.*?)\n---\n", re.S)

HUGO_TOML = """\
# Generated by Benchmarks/generate_corpus.py: the Hugo side of the Rapport benchmark.
baseURL = "https://bench.example.dk/"
locale = "da"  # was languageCode before Hugo 0.158
title = "Benchmark-rapport om dagtilbud"
# Rapport builds no taxonomies, feeds or sitemap in this comparison either.
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
uglyURLs = false
enableRobotsTXT = false

[params]
sidefod = "Genereret til ydelsesmåling – alle tal er eksempeldata."

[markup]
  [markup.goldmark]
    [markup.goldmark.extensions]
      # These are Hugo's defaults, spelled out so the comparison is explicit.
      table = true
      footnote = true
      strikethrough = true
      linkify = true
      taskList = true
    [markup.goldmark.parser]
      # '## Heading {#id}': the generator writes Rapport's slug as explicit id.
      [markup.goldmark.parser.attribute]
        title = true
  [markup.highlight]
    # Figures are ```figur blocks; Hugo has no equivalent, so they stay plain code blocks
    # (no Chroma highlighting, which Rapport does not do either).
    codeFences = false
  [markup.tableOfContents]
    startLevel = 2
    endLevel = 3
"""

BASEOF = """\
<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} – {{ end }}{{ site.Title }}</title>
{{ with .Params.resume }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body>
<a class="spring-over" href="#indhold">Gå til indhold</a>
<header>
<p class="sitetitel"><a href="{{ "/" | relURL }}">{{ site.Title }}</a></p>
{{- /* site.Home.Sections walks the page tree on every call (quadratic over 10,000 pages);
       a real theme caches the menu, once per section. */}}
{{ partialCached "hovedmenu.html" . .Section }}
</header>
{{- if not .IsHome }}
<nav aria-label="Brødkrummer"><ol>
{{- range .Ancestors.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
<li aria-current="page">{{ .Title }}</li>
</ol></nav>
{{- end }}
<main id="indhold">
{{ block "main" . }}{{ end }}
</main>
<footer>
<p>{{ site.Params.sidefod }}</p>
<p><a href="{{ "/tilgaengelighed/" | relURL }}">Tilgængelighedserklæring</a></p>
</footer>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{- if .Params.eksempeldata }}
<p class="eksempeldata">Siden viser eksempeldata.</p>
{{- end }}
{{- with .Params.kommune }}
<dl class="fakta">
<dt>Kommune</dt><dd>{{ . }}</dd>
<dt>Indsatsområde</dt><dd>{{ index $.Params "indsatsområde" }}</dd>
<dt>Periode</dt><dd>{{ $.Params.periode }}</dd>
<dt>Status</dt><dd>{{ $.Params.status }}</dd>
</dl>
{{- end }}
<nav aria-label="Indhold på siden">{{ .TableOfContents }}</nav>
{{ .Content }}
{{- with .Params.nummer }}{{ if eq $.Section "elementer" }}
{{- $n := . }}
<h2>Projekter med elementet</h2>
<ul>
{{- range where site.RegularPages "Section" "projekter" }}{{ if in .Params.elementer $n }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}{{ end }}
</ul>
{{- end }}{{ end }}
</article>
{{- /* Hugo's PrevInSection is the page *after* this one in weight order (a known quirk),
       hence the swap: rel="prev" links to side-00041 from side-00042, as in Rapport. */}}
<nav aria-label="Forrige og næste">
{{- with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{- with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</nav>
{{ end }}
"""

NAV = """\
<nav aria-label="Hovedmenu"><ul>
{{- range site.Home.Sections }}
<li><a href="{{ .RelPermalink }}"{{ if eq .Section $.Section }} aria-current="true"{{ end }}>{{ .Title }}</a></li>
{{- end }}
</ul></nav>
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{- if eq .Section "projekter" }}
<table>
<thead><tr><th scope="col">Projekt</th><th scope="col">Kommune</th><th scope="col">Periode</th>
{{- range seq 9 }}<th scope="col">{{ . }}</th>{{ end }}</tr></thead>
<tbody>
{{- range .Pages }}
{{- $el := .Params.elementer }}
<tr><th scope="row"><a href="{{ .RelPermalink }}">{{ .Title }}</a></th><td>{{ .Params.kommune }}</td><td>{{ .Params.periode }}</td>
{{- range seq 9 }}<td>{{ if in $el . }}●{{ end }}</td>{{ end }}</tr>
{{- end }}
</tbody>
</table>
{{- else }}
<ul>
{{- range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.resume }} – {{ . }}{{ end }}</li>
{{- end }}
</ul>
{{- end }}
{{ end }}
"""


def hugo_url(src_rel: str, link: str) -> str:
    """Rapport's relative link to a .md file -> the Hugo page URL ('/projekter/side-00042/')."""
    base = os.path.dirname(src_rel)
    target = os.path.normpath(os.path.join(base, link)).replace(os.sep, "/")
    target = target[:-3]  # drop .md
    if target in ("index", "_index"):
        return "/"
    if target.endswith("/_index"):
        target = target[: -len("/_index")]
    return f"/{target}/"


def to_hugo(src_rel: str, text: str, weight: int | None) -> str:
    """Rapport page -> Hugo page: add `title` (and `weight` for prev/next order) to the front
    matter, give headings Rapport's ids explicitly, turn .md links into page URLs."""
    m = _FM.match(text)
    fm, body = (m.group(1), text[m.end():]) if m else ("", text)
    title = re.search(r"^titel: (.*)$", fm, re.M)
    extra = [f"title: {title.group(1)}"] if title else []
    if weight is not None:
        extra.append(f"weight: {weight}")
    fm = "\n".join(extra + ([fm] if fm else []))

    texts = [h.group(2) for h in _HEADING.finditer(body)]
    slugs = iter(unique_slugs(texts))
    body = _HEADING.sub(lambda h: f"{h.group(1)} {h.group(2)} {{#{next(slugs)}}}", body)
    body = _MD_LINK.sub(lambda l: f"]({hugo_url(src_rel, l.group(1))}{l.group(2) or ''})", body)
    return f"---\n{fm}\n---\n{body}"


def hugo_path(src_rel: str) -> str:
    # Hugo's home page is content/_index.md; a content/index.md would be a leaf bundle.
    return "content/_index.md" if src_rel == "index.md" else f"content/{src_rel}"


# --------------------------------------------------------------------------------------------


def prepare_dir(path: str, force: bool) -> None:
    if os.path.exists(path) and os.listdir(path):
        if not force:
            sys.exit(f"generate_corpus: {path} is not empty (use --force to replace it)")
        shutil.rmtree(path)
    os.makedirs(path, exist_ok=True)


def write(root: str, rel: str, text: str) -> None:
    # Binary mode: no newline translation, and cheaper than a text wrapper. Creating the
    # files (70,000 for 10,000 pages with 5 figures and --hugo) is most of the run time.
    with open(os.path.join(root, rel), "wb") as f:
        f.write(text.encode("utf-8"))


def verify(root: str) -> int:
    """Re-read a written content folder and check what Rapport will check: every relative .md
    link points at an existing page, every #fragment at a heading of that page (slugs computed
    from the written headings, not from the plan), every figure's CSV exists and figure ids are
    unique. Returns the number of problems (printed to stderr)."""
    pages: dict[str, str] = {}
    for dirpath, _dirs, files in os.walk(root):
        for fn in files:
            if fn.endswith(".md"):
                full = os.path.join(dirpath, fn)
                with open(full, encoding="utf-8") as f:
                    pages[os.path.relpath(full, root).replace(os.sep, "/")] = f.read()
    anchors: dict[str, set[str]] = {}
    for rel, text in pages.items():
        body = _FM.sub("", text, count=1)
        body = re.sub(r"^```.*?^```", "", body, flags=re.M | re.S)
        anchors[rel] = set(unique_slugs([h.group(2) for h in _HEADING.finditer(body)]))
    problems = []
    fig_ids: set[str] = set()
    for rel, text in sorted(pages.items()):
        for m in _MD_LINK.finditer(text):
            target = os.path.normpath(os.path.join(os.path.dirname(rel), m.group(1)))
            target = target.replace(os.sep, "/")
            if target not in pages:
                problems.append(f"{rel}: link to missing page {m.group(1)}")
            elif m.group(2) and m.group(2)[1:] not in anchors[target]:
                problems.append(f"{rel}: link to missing heading {m.group(1)}{m.group(2)}")
        for m in re.finditer(r"^id: (\S+)\ntype: \S+\ntitel: .*\ndata: (\S+)$", text, re.M):
            if m.group(1) in fig_ids:
                problems.append(f"{rel}: duplicate figure id {m.group(1)}")
            fig_ids.add(m.group(1))
            if not os.path.isfile(os.path.join(root, m.group(2))):
                problems.append(f"{rel}: figure data {m.group(2)} missing")
        for m in re.finditer(r"\[@fig:([^\]]+)\]", text):
            if not re.search(rf"^id: {re.escape(m.group(1))}$", text, re.M):
                problems.append(f"{rel}: reference to unknown figure {m.group(1)}")
    for p in problems[:20]:
        print(f"verify: {p}", file=sys.stderr)
    print(f"verify: {len(pages)} pages, {len(fig_ids)} figures, {len(problems)} problems",
          file=sys.stderr)
    return len(problems)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, required=True, help="number of project pages (>= 1)")
    ap.add_argument("--figures", type=int, default=0, help="figures per project page")
    ap.add_argument("--seed", type=int, default=1, help="same seed -> byte-identical output")
    ap.add_argument("--out", required=True, help="Rapport content folder to write")
    ap.add_argument("--hugo", metavar="DIR2", help="also write the pages as a Hugo site here")
    ap.add_argument("--force", action="store_true", help="replace non-empty output folders")
    ap.add_argument("--verify", action="store_true",
                    help="afterwards re-read the content folder and check links, anchors, figures")
    args = ap.parse_args(argv)
    if args.pages < 1 or args.figures < 0:
        ap.error("--pages must be >= 1 and --figures >= 0")

    prepare_dir(args.out, args.force)
    dirs = ["projekter", "elementer", "kapitler"] + (["data"] if args.figures else [])
    for d in dirs:
        os.makedirs(os.path.join(args.out, d), exist_ok=True)
    if args.hugo:
        prepare_dir(args.hugo, args.force)
        for d in ["projekter", "elementer", "kapitler"]:
            os.makedirs(os.path.join(args.hugo, "content", d), exist_ok=True)
        os.makedirs(os.path.join(args.hugo, "layouts", "_default"), exist_ok=True)
        write(args.hugo, "hugo.toml", HUGO_TOML)
        write(args.hugo, "layouts/_default/baseof.html", BASEOF)
        write(args.hugo, "layouts/_default/single.html", SINGLE)
        write(args.hugo, "layouts/_default/list.html", LIST)
        os.makedirs(os.path.join(args.hugo, "layouts", "partials"), exist_ok=True)
        write(args.hugo, "layouts/partials/hovedmenu.html", NAV)

    def emit(rel: str, text: str, weight: int | None = None) -> None:
        write(args.out, rel, text)
        if args.hugo and rel.endswith(".md"):
            write(args.hugo, hugo_path(rel), to_hugo(rel, text, weight))

    for rel, text in fixed_pages(args.seed, args.pages).items():
        m = re.search(r"^nummer: (\d+)$", text, re.M)
        emit(rel, text, int(m.group(1)) if m else None)

    plans = [Plan(args.seed, i) for i in range(1, args.pages + 1)]
    for plan in plans:
        text, csvs = project_page(args.seed, plan, plans, args.figures)
        emit(f"projekter/{plan.name}.md", text, plan.i)
        for fid, csv in csvs:
            write(args.out, f"data/{fid}.csv", csv)
    if args.verify and verify(args.out):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
