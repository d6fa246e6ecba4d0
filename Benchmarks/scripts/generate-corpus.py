#!/usr/bin/env python3
"""Write a synthetic corpus of N case studies, as a Casebook site and as an equivalent Hugo site.

    generate-corpus.py OUT N [--seed S] [--jobs J]

OUT/casebook/  a complete Casebook site root: content/site.yml, content/context.yml and content/pages/
               copied from this repository, templates/ linked to the repository's, and N case studies in
               content/case-studies/<slug>.md in the real front-matter format.
OUT/hugo/      a Hugo site with the same case files (hard links where possible) in
               content/case-studies/<slug>.md, the same plain pages, and layouts of similar weight to
               Casebook's templates (header, navigation, footer; a page per case with its metrics table;
               the list of all cases; a page per tag, strategy, state and funding source).

The output depends only on N, the seed and the repository's site.yml, context.yml and pages: the same
inputs give byte-identical files. Case i is drawn from its own random stream, so the corpus for N=1000
is the first 1000 cases of the corpus for N=10000. Python 3 standard library only.
"""
import argparse
import math
import os
import random
import re
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# ---------------------------------------------------------------------------------------------------
# Vocabularies read from the repository's site.yml (stdlib only, so a small line-based reader).


def read_vocabularies(site_yml):
    """Returns {"strategies": [keys], "funding": [keys], "metrics": {key: unit}}."""
    vocab = {"strategies": [], "funding": [], "metrics": {}, "labels": {}, "evidence_designs": [], "no_evidence": None}
    section = None
    current = None
    with open(site_yml, encoding="utf-8") as f:
        for line in f:
            top = re.match(r"^([a-z_]+):", line)
            if top:
                section = top.group(1) if top.group(1) in vocab else None
                current = None
                continue
            if section is None:
                continue
            key = re.match(r"^  ([a-z0-9_-]+):\s*$", line)
            if key:
                current = key.group(1)
                if section == "metrics":
                    vocab["metrics"][current] = None
                elif section == "evidence_designs":
                    vocab["evidence_designs"].append(current)
                else:
                    vocab[section].append(current)
                continue
            label = re.match(r"^    label:\s*(.+?)\s*$", line)
            if label and section == "metrics" and current:
                vocab["labels"][current] = label.group(1)
            if section == "evidence_designs" and current and re.match(r"^    no_evidence:\s*true", line):
                vocab["no_evidence"] = current
            unit = re.match(r"^    unit:\s*([a-z_]+)", line)
            if unit and section == "metrics" and current:
                vocab["metrics"][current] = unit.group(1)
    if not vocab["strategies"] or not vocab["funding"] or not vocab["metrics"]:
        sys.exit(f"generate-corpus: could not read the vocabularies from {site_yml}")
    return vocab


# ---------------------------------------------------------------------------------------------------
# Word pools.

STATES = ("AK AL AR AZ CA CO CT DC DE FL GA HI IA ID IL IN KS KY LA MA MD ME MI MN MO MS MT NC ND NE "
          "NH NJ NM NV NY OH OK OR PA RI SC SD TN TX UT VA VT WA WI WV WY PR").split()

CITIES = """Ashford Bellmont Brookfield Cedar-Falls Clearwater Crestview Dalton Eastport Elmwood Fairview
Franklin Glenwood Greenville Hamilton Harrisburg Highland Hillsboro Jackson Kingsport Lakeside Lancaster
Lexington Linden Madison Maplewood Marion Milford Newport Oakdale Oakridge Parkville Pinecrest Plainview
Portland Princeton Quincy Redwood Richmond Riverside Rockford Salem Springfield Stanton Summit Sunnyvale
Trenton Troy Union Valley-Forge Vernon Warren Washington Waterford Westfield Weston Wheaton Wilson Windsor
Woodland York Ardmore Bayside Belmont Beverly Bristol Burlington Camden Canton Carlisle Chester Clinton
Concord Dayton Denton Dover Easton Edison Elgin Fulton Garland Georgetown Hanover Hudson Irving Jasper
Kent Laurel Lebanon Lowell Manchester Medford Monroe Newton Norwood Oxford Paris Perry Pittsfield
Plymouth Quarry-Hill Raleigh-Grove Red-Oak Salisbury Shelby Somerset Stafford Sterling Stockton Sumner
Taylor Tipton Vienna Wayne Winchester Woodstock Yardley Ames Barton Benton Boone Bradford Calhoun Carroll
Clayton Cleveland Columbia Custer Decatur Dodge Douglas Fayette Floyd Grant Greene Hancock Harlan Henry
Houston Howard Jefferson Knox Lake Lee Lincoln Logan Marshall Mason Mercer Morgan Pike Polk Putnam
Scott Sevier Stark Sullivan Tazewell Thurston Walker Webster""".split()
CITIES = [c.replace("-", " ") for c in CITIES]  # multi-word names are written with hyphens above

FIRST_NAMES = """Ada Alma Amos Ana Ben Carla Chen Dana Dev Elena Ezra Fatima Grace Hana Ian Imani Jae Jon Kara
Kofi Lena Luis Maya Mei Nia Noah Omar Pia Quinn Rosa Sam Sofia Tariq Uma Vera Wes Xin Yara Zane""".split()
LAST_NAMES = """Abbott Bauer Castillo Diaz Ellison Foster Garcia Hayes Ibarra Jensen Kim Lopez Morales Nguyen
Okafor Patel Quinn Reyes Singh Torres Underwood Vasquez Walker Xu Young Zimmerman""".split()

PROGRAM_NOUNS = ["Tutoring Corps", "Reading Partners", "Math Fellows", "Success Coaches", "Mentoring Network",
                 "Summer Bridge", "Learning Pods", "Family Connect", "Literacy Lab", "Homework Help Line",
                 "Community Schools", "Student Support Teams", "Attendance Coaches", "College Pathways",
                 "High-Dosage Tutoring", "Tutor Apprentices", "Digital Bridge", "Math Accelerator",
                 "Reading Recovery Initiative", "Wraparound Services", "Peer Tutors", "Near-Peer Mentors",
                 "Learning Recovery Academy", "Saturday Academy", "After-School Tutoring", "Family Liaisons",
                 "Career Navigators", "Freshman Success Program", "Early Literacy Corps", "Summer Learning Camps"]

ORG_FORMS = ["{city} Public Schools", "{city} Unified School District", "{city} Independent School District",
             "{county} County Schools", "{county} County Public Schools", "{city} Area School District",
             "{name} Learning Partners, Inc.", "The {name} Foundation", "{city} Education Fund",
             "{name} Tutoring Collaborative", "{city} Community Action Agency", "{county} County Office of Education",
             "{city} College", "University of {city}", "{name} Mentoring Alliance"]

PARTNER_FORMS = ["{city} Boys & Girls Club", "{city} YMCA", "{county} County Library System",
                 "University of {city}", "{city} Community College", "{name} Family Foundation",
                 "{city} Food Bank", "{county} County Health Department", "{name} Learning, Inc.",
                 "{city} Rotary Club", "AmeriCorps", "{city} Chamber of Commerce", "{name} Bank",
                 "{city} Public Library", "{county} Workforce Board", "{name} Tech Partners"]

PUBLISHERS = [("{city} Gazette", "news"), ("{city} Herald", "news"), ("{state} Department of Education", "gov"),
              ("{city} Public Schools board minutes", "district"), ("Chalkbeat", "news"),
              ("The 74", "news"), ("Education Week", "news"), ("{org_short} annual report", "program"),
              ("{org_short} news release", "program"), ("{state} Public Radio", "news"),
              ("National Student Support Accelerator", "research"), ("Annenberg Institute brief", "research"),
              ("{city} Times", "news"), ("Local Journal of {city}", "news"), ("{state} Legislature fiscal note", "gov"),
              ("Center on Reinventing Public Education", "research"), ("{org_short} impact report", "program")]

DOMAIN_WORDS = ["gazette", "herald", "times", "news", "journal", "schools", "edu", "report", "press", "daily"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

SUBJECTS = ["math", "reading", "literacy", "algebra", "early reading", "science", "writing", "English"]
GRADES = ["kindergarten through third grade", "grades 3 to 5", "grades K–5", "middle school",
          "grades 6 to 8", "ninth grade", "high school", "grades 9 to 12", "grades 1 to 8", "elementary school"]
STAFF = ["tutors", "college students", "retired teachers", "paraprofessionals", "AmeriCorps members",
         "community members", "teacher candidates", "high-school students", "coaches", "mentors"]
FUNDERS = ["ESSER III", "ARP ESSER", "a state grant", "a foundation grant", "the district's general fund",
           "federal Work-Study money", "GEER funds", "a corporate gift", "state recovery funds"]

# ~300 tags: real-looking single topics plus compounds, fixed order so a seed always picks the same ones.
TAG_TOPICS = """math literacy reading writing science algebra phonics attendance chronic-absenteeism mental-health
food internet devices virtual in-person in-school after-school summer weekend statewide rural urban suburban
large-district small-district charter elementary middle-school high-school early-childhood kindergarten
ninth-grade college-access career-pathways apprenticeship teacher-pipeline college-students high-school-tutors
retired-teachers americorps paraprofessionals parents family-engagement multilingual-learners english-learners
special-education homeless-students foster-youth migrant-students tribal-schools research-partnership
randomized-trial quasi-experimental self-reported outcomes-based-contracts vendor nonprofit philanthropy
esser-iii esser-ii geer state-grant work-study public-tv libraries food-banks transportation counseling
social-emotional-learning restorative-practices tutoring-software adaptive-software data-dashboards
scheduling bell-schedule extended-day extended-year high-dosage small-groups one-on-one peer-tutoring
near-peer mentoring coaching wraparound community-schools health-clinics dual-enrollment fafsa
credit-recovery graduation dropout-prevention absenteeism-outreach home-visits text-messaging
stipends hiring-bonuses pay-for-performance sustainability post-esser budget-cuts""".split()
TAG_MODIFIERS = ["pilot", "scale-up", "evaluation", "cost", "staffing", "training", "rural", "urban"]


def tag_pool():
    pool = list(TAG_TOPICS)
    i = 0
    while len(pool) < 300:
        topic = TAG_TOPICS[i % 60]
        modifier = TAG_MODIFIERS[(i // 60) % len(TAG_MODIFIERS)]
        candidate = f"{topic}-{modifier}"
        if candidate not in pool and topic != modifier:
            pool.append(candidate)
        i += 1
    return pool


TAGS = tag_pool()

# Metric values by key: (low, high, kind). kind: int, money, pct, pp, dec2, small.
METRIC_RANGES = {
    "students_served": (60, 60000, "int"), "tutors": (6, 900, "int"), "mentors": (5, 600, "int"),
    "coaches": (4, 300, "int"), "staff": (3, 400, "int"), "schools": (1, 180, "int"), "sites": (1, 120, "int"),
    "districts": (1, 60, "int"), "organizations": (2, 40, "int"), "hours": (500, 250000, "int"),
    "hours_per_week": (1, 8, "small"), "minutes_per_week": (30, 240, "int"), "weeks": (4, 36, "int"),
    "sessions": (200, 90000, "int"), "meals": (10000, 9000000, "int"), "items": (500, 200000, "int"),
    "viewers": (2000, 900000, "int"), "jobs": (5, 900, "int"), "investment": (50000, 40000000, "money"),
    "esser_allocation": (1000000, 900000000, "money"), "cost_per_student": (90, 4200, "int"),
    "pay_rate": (12, 45, "int"), "proficiency": (5, 90, "pct"), "share": (5, 95, "pct"),
    "attendance": (70, 98, "pct"), "college_rate": (20, 90, "pct"), "score_change": (1, 18, "pp"),
    "test_gain": (1, 30, "int"), "effect_size": (0.04, 0.45, "dec2"), "students_per_adult": (1, 6, "small"),
}
COMMON_KEYS = ["students_served", "students_served", "tutors", "schools", "sites", "investment", "hours",
               "cost_per_student", "proficiency", "weeks", "minutes_per_week", "staff", "districts",
               "attendance", "effect_size", "score_change", "students_per_adult", "sessions", "share"]

# ---------------------------------------------------------------------------------------------------
# Story templates. Fields come from the case's context dictionary (see make_context).

WHAT_IT_IS = [
    "{title} is {strategy_words} program run by {org} in {place_words}.",
    "It began in {start_month} {start} as a *pilot* at {n_sites} sites and grew over the next {span_words}.",
    "The program serves students in {grade}, with a focus on {subject} and on students who fell furthest behind during school closures.",
    "{org} designed it with {partner}, which recruits and trains the {staff}.",
    "Before the pandemic, the district relied on volunteers for this kind of help; the program replaced that with paid, trained staff.",
    "Leaders describe the goal as **more time with a caring adult** for every student who needs it.",
    "The idea came from a planning group of principals, teachers and parents that met through the spring of {start}.",
    "In its first year it reached about {n_students_words} students, most of them in {grade}.",
    "The program is one of several that {org} launched with recovery money, and it is the one that has lasted longest.",
    "Unlike many similar efforts, it runs during the school day, so students do not have to stay late to take part.",
    "Local reporting described it as one of the larger efforts of its kind in the state.",
    "The name changed twice in its first two years, which makes older news coverage harder to find.",
]
HOW_IT_WORKS = [
    "Each {staff_one} meets the same group of {group} students {per_week} times a week for {minutes} minutes.",
    "Sessions follow a short script: a warm-up, a *focused lesson* on one skill, practice, and a quick check of what students learned.",
    "New {staff} complete {training} hours of training before they start and are observed by a site lead every few weeks.",
    "Teachers choose which students take part, using the district's screening tests and their own judgement.",
    "Most sessions take place in a classroom or the library during an intervention block that the school built into its schedule.",
    "The {staff} are paid about ${pay} an hour, which the program says helps it keep people from one term to the next.",
    "Site leads share attendance and progress data with teachers every two weeks, so the lessons follow what the class is learning.",
    "Students keep the same {staff_one} for about {weeks} weeks, which the program treats as the heart of the model.",
    "When a {staff_one} leaves, the site lead covers the group until a replacement is trained.",
    "Families get a short note home after each unit, in English and in the family's home language where possible.",
    "Schools that joined later used a lighter model, with larger groups and fewer sessions each week.",
    "The curriculum comes from {partner}, adapted by district staff to match the state standards for {subject}.",
]
HOW_LIST = [
    "a fixed schedule of {per_week} sessions a week",
    "groups of no more than {group} students",
    "the same {staff_one} for the whole term",
    "lessons tied to what the class is learning in {subject}",
    "short progress checks every two weeks",
    "training before the first session and coaching during the year",
    "a site lead at every school",
    "a weekly message to families",
    "data shared with classroom teachers",
    "make-up sessions for students who miss a day",
]
WHAT_IT_COST = [
    "The program's budget for its first full year was about ${cost_words}, paid mostly from {funder}.",
    "{org} reported spending about ${per_student} per student, a figure that includes training and materials but not the cost of the space.",
    "Roughly two thirds of the money went to wages for the {staff}; the rest paid for site leads, training, materials and evaluation.",
    "When the relief money ended, the district moved part of the cost into its general budget and cut the number of schools.",
    "A state grant of ${grant_words} covered the second year, on the condition that the district report results by school.",
    "The board approved the contract with {partner} in {start_month} {start}, after a public discussion of its cost.",
    "No independent audit of the program's spending was found.",
    "The cost per student fell as the program grew, mainly because training costs were spread over more {staff}.",
    "Budget documents list the program under **learning recovery**, alongside summer school and extra teacher time.",
    "The district expects to spend less in {end_year}, when the last of the federal money must be used.",
]
EVIDENCE = [
    "By the program's own count, {n_students_words} students took part by {end_year}, with {n_staff} {staff} at {n_sites} sites.",
    "The share of participating students at grade level in {subject} rose from {pct_before}% to {pct_after}% over one school year.",
    "That comparison follows the same students from fall to spring, with *no comparison group*, so part of the gain would likely have happened anyway.",
    "An outside evaluation by {evaluator} found an effect size of about {effect}, which is in line with other studies of tutoring at this dosage.",
    "Attendance at sessions averaged {attendance}%, higher in elementary schools than in middle schools.",
    "Teachers surveyed at the end of the year said the sessions helped, though the survey had a low response rate.",
    "Scores on the state test rose by {pp} percentage points in participating schools, a little more than in the district as a whole.",
    "The evaluation covered only the first year, before the program expanded to more schools.",
    "Students who attended at least {min_sessions} sessions gained the most, according to the district's analysis.",
    "Results were strongest in {subject} and weakest for students who joined in the middle of the year.",
    "Independent reporting confirms the scale of the program but not its results.",
]
UNKNOWNS = [
    "how many students completed the full number of sessions",
    "what the program cost per student after the relief money ended",
    "whether the gains lasted into the next school year",
    "how the {staff} were chosen at each site",
    "how results compared with students who were not tutored",
    "how much of the money came directly from ESSER",
    "whether the program will continue after {end_year}",
    "how many schools dropped out after the first year",
    "how results differed for multilingual learners",
    "what share of the {staff} returned for a second year",
]
UNKNOWN_PROSE = [
    "We could not find a public evaluation with a comparison group, and the program's own reports do not say how students were chosen.",
    "Counts of students differ between the district's board presentations and the program's own website.",
    "The figures above are the best we found; where a figure was missing we left it out rather than estimate it.",
    "We asked {org} for its most recent numbers and will update this page if they are published.",
    "Because the program changed its model in its second year, early and late results are not directly comparable.",
]


# ---------------------------------------------------------------------------------------------------
# Helpers.

YAML_SPECIAL_START = set("-?:,[]{}#&*!|>'\"%@`")
YAML_PLAIN_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"}


def yq(text):
    """A YAML scalar for one-line text, quoted only when a plain scalar would be misread."""
    lower = text.lower()
    if (not text or text[0] in YAML_SPECIAL_START or ": " in text or " #" in text or text.endswith(":")
            or lower in YAML_PLAIN_WORDS or re.fullmatch(r"[-+.\d][\d.eE+-]*", text)):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def folded(text, indent, width=100):
    """`>-` folded block lines for long text, wrapped at about `width` columns."""
    pad = " " * indent
    lines, line = [], ""
    for word in text.split():
        if line and len(pad) + len(line) + 1 + len(word) > width:
            lines.append(pad + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(pad + line)
    return ">-\n" + "\n".join(lines)


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def words(n):
    """A count as a reader would write it: 2,400."""
    return f"{n:,}"


def money_words(n):
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} million".replace(".0 ", " ")
    return f"{n:,}"


WRAP = re.compile(r"(\S.{0,98}\S|\S)(?: |$)|(\S+)(?: |$)")


def wrap(text):
    """Lines of at most 100 columns (longer only for a single long word, such as a link)."""
    return "\n".join(m.group(1) or m.group(2) for m in WRAP.finditer(text))


def number_text(value):
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


# ---------------------------------------------------------------------------------------------------
# One case study.


def make_metric(rng, key, unit, ctx, highlight):
    low, high, kind = METRIC_RANGES.get(key, (1, 1000, "int"))
    upper = baseline = qualifier = None
    if kind == "dec2":
        value = round(rng.uniform(low, high), 2)
    elif kind == "money":
        value = int(rng.uniform(low, high) / 1000) * 1000
    elif kind == "pct":
        value = rng.randint(low, high)
        if rng.random() < 0.4 and value > low + 3:
            baseline = rng.randint(low, value - 2)
    elif kind == "pp":
        value = round(rng.uniform(low, high), 1)
    elif kind == "small":
        value = rng.randint(low, high - 1)
        if rng.random() < 0.5:
            upper = rng.randint(value + 1, high)
    else:
        value = max(low, min(high, int(math.exp(rng.uniform(math.log(low), math.log(high))))))
        if value > 1000:
            value = round(value, -2)
        if rng.random() < 0.15:
            upper = value + max(1, value // rng.randint(5, 20))
        elif rng.random() < 0.15:
            baseline = max(1, value // rng.randint(2, 6))
    if rng.random() < 0.2 and upper is None:
        qualifier = rng.choice(["about", "nearly", "more_than", "at_least", "up_to"])
    year = rng.randint(ctx["start"], ctx["date_year"])
    form = rng.random()
    if form < 0.35:
        as_of = f"{year}"
    elif form < 0.7 and year < ctx["date_year"]:
        as_of = f"{year}-{(year + 1) % 100:02d}"
    elif form < 0.9:
        as_of = f"{year}-{rng.randint(1, 12 if year < ctx['date_year'] else ctx['date_month']):02d}"
    else:
        month = rng.randint(1, 12 if year < ctx["date_year"] else ctx["date_month"])
        as_of = f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
    source, url = rng.choice(ctx["sources"])
    label = rng.choice([None, None, f"{ctx['labels'].get(key, key.replace('_', ' ').capitalize())}, {as_of}"])
    lines = [f"  - key: {key}"]
    if label:
        lines.append(f"    label: {yq(label)}")
    if baseline is not None:
        lines.append(f"    baseline: {number_text(baseline)}")
    lines.append(f"    value: {number_text(value)}")
    if upper is not None:
        lines.append(f"    upper: {number_text(upper)}")
    if qualifier:
        lines.append(f"    qualifier: {qualifier}")
    lines.append(f"    as_of: {as_of}")
    lines.append(f"    source: {yq(source)}")
    lines.append(f"    url: {url}")
    lines.append(f"    certainty: {rng.choice(['high', 'medium', 'medium', 'low'])}")
    if highlight:
        lines.append("    highlight: true")
    # The source's own words: the value written as a source would (with thousands commas).
    written = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    lines.append(f"    quote: {yq(f'The program reported a figure of {written} for this measure.')}")
    if rng.random() < 0.3:
        note = rng.choice([
            "Self-reported by the program; no outside check was found.",
            "Before-and-after comparison of the same students, with no comparison group.",
            f"Also reported by {ctx['other_source']}, with a slightly different count.",
            "The source gives this figure for the school year as a whole, not for a single term.",
            "Rounded in the source. The exact figure was not published.",
        ])
        lines.append("    note: " + folded(note, 6))
    return "\n".join(lines)


def make_context(rng, i, vocab, seed):
    city = rng.choice(CITIES)
    county = rng.choice(CITIES)
    name = rng.choice(LAST_NAMES)
    state = rng.choice(STATES) if rng.random() > 0.03 else "US"
    org = rng.choice(ORG_FORMS).format(city=city, county=county, name=name)
    org_short = org.replace(", Inc.", "").replace("The ", "")
    program = rng.choice(PROGRAM_NOUNS)
    title_form = rng.random()
    if title_form < 0.4:
        title = f"{city} {program}"
    elif title_form < 0.7:
        title = f"{org_short} {program.lower() if rng.random() < 0.5 else program}"
    elif title_form < 0.85:
        title = f"{county} County {program}"
    else:
        title = f"{org_short}: {program.lower()} for {rng.choice(GRADES)}"
    start = rng.randint(2019, 2023)
    end = rng.randint(start, 2025) if rng.random() < 0.45 else None
    date_year = rng.randint(max(start, 2022), 2025)
    date_month = rng.randint(1, 11 if date_year == 2025 else 12)
    strategy = rng.choice(vocab["strategies"])
    place = rng.choice(["Statewide", f"{city}", f"{county} County", f"{city} ({org_short})", "Multi-state (partner districts)"])
    if state == "US":
        place = "National"
    domain_base = slugify(city) + rng.choice(DOMAIN_WORDS)
    sources = []
    for k in range(rng.randint(2, 5)):
        pub, _kind = rng.choice(PUBLISHERS)
        pub = pub.format(city=city, state=state if state != "US" else "National", org_short=org_short)
        month = rng.choice(MONTHS)
        year = rng.randint(start, date_year)
        path = f"{year}/{rng.randint(1, 12):02d}/{slugify(title)[:60]}-{rng.choice(['results', 'update', 'launch', 'report', 'expands', 'budget'])}"
        domain = f"www.{domain_base}.org" if k % 2 == 0 else f"{slugify(pub.split(' ')[0])}-{slugify(city)}.com"
        sources.append((f"{pub}, {month} {year}", f"https://{domain}/{path}/"))
    ctx = {
        "i": i, "city": city, "county": county, "state": state, "org": org, "org_short": org_short,
        "title": title, "program": program, "start": start, "end": end, "date_year": date_year,
        "date_month": date_month, "strategy": strategy, "place": place, "sources": sources,
        "partners": sorted({rng.choice(PARTNER_FORMS).format(city=rng.choice(CITIES), county=county,
                                                             name=rng.choice(LAST_NAMES))
                            for _ in range(rng.randint(0, 4))}),
        "other_source": sources[-1][0],
        "strategy_words": ("an " if strategy[0] in "aeiou" else "a ") + strategy.replace("-", " "),
        "place_words": place if place not in ("Statewide", "National") else (
            "every region of the state" if place == "Statewide" else "partner districts across the country"),
        "start_month": rng.choice(MONTHS), "span_words": rng.choice(["two years", "three school years", "eighteen months", "four terms"]),
        "n_sites": rng.randint(3, 80), "grade": rng.choice(GRADES), "subject": rng.choice(SUBJECTS),
        "partner": rng.choice(PARTNER_FORMS).format(city=city, county=county, name=rng.choice(LAST_NAMES)),
        "staff": rng.choice(STAFF), "n_students_words": words(rng.randint(2, 400) * 50),
        "group": rng.randint(2, 5), "per_week": rng.choice(["two", "three", "four"]),
        "minutes": rng.choice([30, 40, 45, 50, 60]), "training": rng.choice([8, 10, 12, 20, 30, 40]),
        "pay": rng.randint(14, 35), "weeks": rng.randint(10, 30), "cost_words": money_words(rng.randint(200, 20000) * 1000),
        "funder": rng.choice(FUNDERS), "per_student": words(rng.randint(20, 400) * 10),
        "grant_words": money_words(rng.randint(100, 5000) * 1000), "end_year": end or 2025,
        "n_staff": rng.randint(10, 700), "pct_before": rng.randint(5, 40), "evaluator": rng.choice(
            ["the University of " + county, "a regional research lab", "an independent research firm", "the state education agency"]),
        "effect": f"0.{rng.randint(5, 35):02d}", "attendance": rng.randint(60, 95), "pp": rng.randint(1, 12),
        "min_sessions": rng.choice([20, 30, 40, 50]),
    }
    ctx["pct_after"] = ctx["pct_before"] + rng.randint(3, 30)
    ctx["staff_one"] = {"tutors": "tutor", "college students": "college student", "retired teachers": "retired teacher",
                        "paraprofessionals": "paraprofessional", "AmeriCorps members": "AmeriCorps member",
                        "community members": "community member", "teacher candidates": "teacher candidate",
                        "high-school students": "high-school student", "coaches": "coach", "mentors": "mentor"}[ctx["staff"]]
    ctx["labels"] = vocab["labels"]
    return ctx


def emphasize(rng, sentence):
    """Now and then, put a phrase of a plain sentence in emphasis or strong emphasis."""
    if "*" in sentence or rng.random() > 0.12:
        return sentence
    parts = sentence.split(" ")
    if len(parts) < 8:
        return sentence
    a = rng.randint(2, len(parts) - 4)
    mark = "*" if rng.random() < 0.6 else "**"
    parts[a] = mark + parts[a]
    parts[a + 1] = parts[a + 1].rstrip(",;.") + mark + parts[a + 1][len(parts[a + 1].rstrip(",;.")):]
    return " ".join(parts)


def paragraph(rng, deck, ctx, count, link_chance, earlier):
    """`deck` is the section's shuffled sentences, dealt in turn so they repeat only once all are used."""
    sentences = []
    for _ in range(count):
        if not deck["left"]:
            deck["left"] = rng.sample(deck["pool"], len(deck["pool"]))
        sentences.append(emphasize(rng, deck["left"].pop().format_map(ctx)))
    if rng.random() < link_chance:
        source, url = rng.choice(ctx["sources"])
        k = rng.randrange(len(sentences))
        sentences[k] = sentences[k][:-1] + f" ([{source}]({url}))."
    if earlier is not None and rng.random() < 0.15:
        sentences.append(f"For a similar program elsewhere, see [{earlier[1]}](/case-studies/{earlier[0]}/).")
    return wrap(" ".join(sentences))


def story(rng, ctx, earlier):
    """About 950 words in the five sections real case studies use: a paragraph is added to a random
    section until the target length is reached."""
    target = rng.randint(850, 990)
    sections = [
        ("What it is", WHAT_IT_IS, 0.3),
        ("How it works", HOW_IT_WORKS, 0.35),
        ("What it cost", WHAT_IT_COST, 0.4),
        ("What the evidence shows", EVIDENCE, 0.6),
    ]
    decks = [{"pool": pool, "left": []} for _, pool, _ in sections]
    parts = [[] for _ in sections]

    def add(k):
        text = paragraph(rng, decks[k], ctx, rng.randint(3, 5), sections[k][2], earlier)
        parts[k].append(text)
        return text.count(" ") + text.count("\n") + 1

    count = sum(add(k) for k in range(4))
    how = ["The model has a few fixed parts:",
           "\n".join("- " + item.format_map(ctx) for item in rng.sample(HOW_LIST, rng.randint(3, 6)))]
    cost = []
    if rng.random() < 0.5:
        cost.append("\n".join(f"{n}. {item}" for n, item in enumerate(
            ["Wages for " + ctx["staff"], "Training and site leads", "Materials and software", "Evaluation"], 1)))
    evidence = []
    if rng.random() < 0.3:
        evidence.append("> " + wrap(f"\"The students who came every week are the ones who moved,\" said a "
                                    f"{ctx['staff_one']} at one of the {ctx['n_sites']} sites.").replace("\n", "\n> "))
    if rng.random() < 0.5:
        evidence.append("### A note on the numbers")
        evidence.append(wrap("Every figure on this page has a source and a certainty rating; see our "
                             "[methodology](/methodology/) for how we rate them."))
    unknown = ["## What we don't know",
               wrap(" ".join(s.format_map(ctx) for s in rng.sample(UNKNOWN_PROSE, 2))),
               "We found no public figures for:",
               "\n".join("- " + u.format_map(ctx) for u in rng.sample(UNKNOWNS, rng.randint(3, 5)))]
    count += sum(len(block.split()) for block in how + cost + evidence + unknown)
    while count < target:
        count += add(rng.randrange(4))

    out = []
    for k, (heading, _, _) in enumerate(sections):
        out.append(f"## {heading}")
        out.append(parts[k][0])
        out.extend({1: how, 2: cost}.get(k, []))
        out.extend(parts[k][1:])
        if k == 3:
            out.extend(evidence)
    out.extend(unknown)
    return "\n\n".join(out) + "\n"


def write_site_yml(source, target):
    """The repository's site.yml, with the corpus's own topic tags added to its `tags:` vocabulary (a
    tag the vocabulary lacks is a warning, and thousands of warnings would be timed too)."""
    with open(source, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if "tags:" in lines:
        at = lines.index("tags:") + 1
        known = set()
        for line in lines[at:]:
            if line and not line.startswith(" "):
                break  # the end of the tags block
            if re.match(r"^  [a-z0-9-]+:$", line):
                known.add(line.strip()[:-1])
        extra = []
        for tag in sorted(set(TAGS)):
            if tag not in known:
                extra += [f"  {tag}:", f"    label: {tag.replace('-', ' ').capitalize()}"]
        lines[at:at] = extra
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def evidence_block(i, seed, vocab, ctx):
    """The case's `evidence:` rating, drawn from its own random stream so the rest of the corpus is
    the same with or without it. Empty when the site rates no evidence."""
    designs = vocab["evidence_designs"]
    if not designs:
        return []
    rng = random.Random(f"casebook-corpus-evidence:{seed}:{i}")
    design = rng.choice(designs)
    lines = ["evidence:", f"  design: {design}"]
    if design == vocab["no_evidence"]:
        lines.append("  finding: No study of this program's results was found; only counts of what it did are known.")
        lines.append("  caveat: Only counts of what the program did are known, not what it changed.")
        return lines
    source, url = ctx["sources"][0]
    study_by = rng.choice(['own', 'independent'])
    # A program's own account rated above before-and-after must list the study itself.
    title = source if study_by == "independent" else f"{source}, evaluation report"
    lines += [f"  study_by: {study_by}",
              "  finding: " + folded(f"Students in {ctx['program'].lower()} gained more in {ctx['subject']} "
                                     f"than expected, as measured by {source}.", 4),
              "  caveat: One program's own measure, with no result for any single school.",
              "  sources:", f"    - title: {yq(title)}", f"      url: {url}"]
    return lines


def case_study(i, seed, vocab, earlier):
    """Returns (slug-base, title, text) for case i."""
    rng = random.Random(f"casebook-corpus:{seed}:{i}")
    ctx = make_context(rng, i, vocab, seed)
    metric_keys = list(vocab["metrics"])
    keys = [k for k in COMMON_KEYS if k in vocab["metrics"]] or metric_keys
    n_metrics = rng.randint(4, 10)
    chosen = [rng.choice(keys) if rng.random() < 0.7 else rng.choice(metric_keys) for _ in range(n_metrics)]
    highlights = set(rng.sample(range(n_metrics), rng.randint(1, 2)))
    metrics = [make_metric(rng, key, vocab["metrics"][key], ctx, m in highlights) for m, key in enumerate(chosen)]
    funding = rng.sample(vocab["funding"], rng.randint(1, 3))
    tags = rng.sample(TAGS, rng.randint(3, 5))
    summary = (f"{ctx['org']} runs {ctx['program'].lower()} for students in {ctx['grade']}, "
               f"with {ctx['staff']} working alongside teachers in {ctx['subject']}. "
               f"It reached {ctx['n_students_words']} students by {ctx['end_year']}.")
    funding_note = (f"The program was paid for mainly by {ctx['funder']}"
                    + (", with a documented link to ESSER." if "esser" in funding else
                       "; no direct ESSER payment was found.")
                    + f" Later years drew on {rng.choice(FUNDERS)}.")
    fm = ["---", f"title: {yq(ctx['title'])}", "summary: " + folded(summary, 2),
          f"organization: {yq(ctx['org'])}"]
    if ctx["partners"]:
        fm.append("partners:")
        fm.extend(f"  - {yq(p)}" for p in ctx["partners"])
    fm += [f"state: {ctx['state']}", f"place: {yq(ctx['place'])}", f"strategy: {ctx['strategy']}",
           f"funding: [{', '.join(funding)}]", "funding_note: " + folded(funding_note, 2),
           "years: {start: %d%s}" % (ctx["start"], f", end: {ctx['end']}" if ctx["end"] else ""),
           f"tags: [{', '.join(tags)}]",
           f"date: {ctx['date_year']}-{ctx['date_month']:02d}-{rng.randint(1, 28):02d}"]
    if rng.random() < 0.002:
        fm.append("featured: true")
    fm.append("metrics:")
    fm.extend(metrics)
    fm.extend(evidence_block(i, seed, vocab, ctx))
    fm.append("sources:")
    for source, url in ctx["sources"]:
        fm.append(f"  - title: {yq(source)}")
        fm.append(f"    url: {url}")
    fm.append("---")
    body = story(rng, ctx, earlier)
    return slugify(ctx["title"])[:100].strip("-"), ctx["title"], "\n".join(fm) + "\n" + body


# ---------------------------------------------------------------------------------------------------
# Writing the two sites.


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def link_or_copy(src, dst):
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def chunk_worker(args):
    """Generates and writes cases [lo, hi). Slugs come from the parent, so the output does not depend
    on how the work was split."""
    lo, hi, seed, vocab, slugs, titles, cb_dir, hugo_dir = args
    for i in range(lo, hi):
        earlier = None
        if i > 0:
            j = random.Random(f"casebook-corpus-link:{seed}:{i}").randrange(i)
            earlier = (slugs[j], titles[j])
        _, _, text = case_study(i, seed, vocab, earlier)
        path = os.path.join(cb_dir, slugs[i] + ".md")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        link_or_copy(path, os.path.join(hugo_dir, slugs[i] + ".md"))
    return hi - lo


def titles_and_slugs(n, seed, vocab):
    """First pass: each case's title, made unique by slug. Cheap: only the context is drawn."""
    slugs, titles, seen = [], [], set()
    for i in range(n):
        rng = random.Random(f"casebook-corpus:{seed}:{i}")
        ctx = make_context(rng, i, vocab, seed)
        base = slugify(ctx["title"])[:100].strip("-")
        slug, k = base, 2
        while slug in seen:
            slug, k = f"{base}-{k}", k + 1
        seen.add(slug)
        slugs.append(slug)
        titles.append(ctx["title"])
    return slugs, titles


def fix_page_links(text, slugs):
    """The repository's pages link to its real case studies, which the corpus does not contain; point
    such links at generated cases so the build has no broken-link warnings."""
    known = {}

    def repl(m):
        target = m.group(1)
        if target not in known:
            known[target] = slugs[len(known) % len(slugs)]
        return f"](/case-studies/{known[target]}/"
    return re.sub(r"\]\(/case-studies/([a-z0-9-]+)/", repl, text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="processes writing cases (the output does not depend on it)")
    args = parser.parse_args()
    if args.n < 1:
        sys.exit("generate-corpus: N must be at least 1")

    content = os.path.join(REPO, "content")
    vocab = read_vocabularies(os.path.join(content, "site.yml"))
    out = os.path.abspath(args.out)
    cb, hugo = os.path.join(out, "casebook"), os.path.join(out, "hugo")
    for d in (cb, hugo):
        if os.path.exists(d):
            shutil.rmtree(d)
    cb_cases = os.path.join(cb, "content", "case-studies")
    hugo_cases = os.path.join(hugo, "content", "case-studies")
    os.makedirs(cb_cases)
    os.makedirs(hugo_cases)

    # Casebook site root: the repository's settings, pages and templates.
    write_site_yml(os.path.join(content, "site.yml"), os.path.join(cb, "content", "site.yml"))
    shutil.copyfile(os.path.join(content, "context.yml"), os.path.join(cb, "content", "context.yml"))
    os.symlink(os.path.join(REPO, "templates"), os.path.join(cb, "templates"))

    slugs, titles = titles_and_slugs(args.n, args.seed, vocab)
    pages_dir = os.path.join(content, "pages")
    for name in sorted(os.listdir(pages_dir)):
        if name.endswith(".md"):
            with open(os.path.join(pages_dir, name), encoding="utf-8") as f:
                text = fix_page_links(f.read(), slugs)
            write(os.path.join(cb, "content", "pages", name), text)
            # Hugo reads `menu:` as a menu name, not an order: keep the order as `weight:`.
            write(os.path.join(hugo, "content", name), re.sub(r"(?m)^menu: (\d+)$", r"weight: \1", text))

    jobs = max(1, min(args.jobs, args.n // 500 or 1))
    step = (args.n + jobs - 1) // jobs
    chunks = [(lo, min(args.n, lo + step), args.seed, vocab, slugs, titles, cb_cases, hugo_cases)
              for lo in range(0, args.n, step)]
    if jobs == 1:
        for c in chunks:
            chunk_worker(c)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(chunk_worker, chunks))

    write_hugo_site(hugo, vocab)
    print(f"wrote {args.n} case studies (seed {args.seed}) to {cb} and {hugo}")


# ---------------------------------------------------------------------------------------------------
# The Hugo site: configuration and layouts of similar weight to templates/*.mustache.

HUGO_CONFIG = """baseURL: https://example.org/
languageCode: en
title: Casebook
enableRobotsTXT: true
disableHugoGeneratorInject: true
params:
  tagline: How schools spent pandemic-recovery money on people who help students, and what we know about the results
  description: Case studies of tutoring, mentoring, coaching and community partnerships that schools ran during the pandemic recovery.
# One feed, as Casebook writes (Hugo would otherwise write one per section, taxonomy and term).
outputs:
  home: [html, rss]
  section: [html]
  taxonomy: [html]
  term: [html]
taxonomies:
  tag: tags
  strategy: strategy
  state: state
  funding: funding
menu:
  main:
    - {name: Case studies, url: /case-studies/, weight: 1}
    - {name: Strategies, url: /strategy/, weight: 2}
    - {name: States, url: /state/, weight: 3}
    - {name: Topics, url: /tags/, weight: 4}
    - {name: About, url: /about/, weight: 5}
    - {name: Methodology, url: /methodology/, weight: 6}
"""

BASEOF = """<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ .Site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="{{ $.Site.Title }}" href="{{ .Permalink }}">{{ end }}
<meta property="og:site_name" content="{{ .Site.Title }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "assets/site.css" | relURL }}">
<script src="{{ "assets/site.js" | relURL }}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <div class="wrap header-inner">
    <a class="brand" href="{{ "/" | relURL }}"><span class="brand-mark" aria-hidden="true"></span>{{ .Site.Title }}</a>
    <nav class="site-nav" aria-label="Main">
      <ul>
        {{ $current := . }}
        {{ range .Site.Menus.main }}
        <li><a href="{{ .URL | relURL }}"{{ if eq (strings.TrimSuffix "/" .URL) (strings.TrimSuffix "/" $current.RelPermalink) }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
        {{ end }}
      </ul>
    </nav>
  </div>
</header>
{{ if not .IsHome }}
<nav class="breadcrumbs wrap" aria-label="Breadcrumb">
  <ol>
    <li><a href="{{ "/" | relURL }}">Home</a></li>
    {{ with .Parent }}{{ if not .IsHome }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}
    <li><span aria-current="page">{{ .Title }}</span></li>
  </ol>
</nav>
{{ end }}
<main id="main" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <div class="wrap footer-inner">
    <p><strong>{{ .Site.Title }}</strong>: {{ .Site.Params.tagline }}.</p>
    <p>Every figure links to its source and carries a certainty rating. <a href="{{ "methodology/" | relURL }}">How we rate sources</a> · <a href="{{ "index.xml" | relURL }}">Feed of new case studies</a></p>
  </div>
</footer>
</body>
</html>
"""

CARD = """<article class="card" data-strategy="{{ .Params.strategy }}" data-state="{{ .Params.state }}" data-funding="{{ delimit (.Params.funding | default slice) " " }}">
  <p class="card-kicker">{{ with .Params.strategy }}<span class="tag">{{ humanize . }}</span>{{ end }} <span class="card-place">{{ .Params.place }}</span></p>
  <h3 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
  <p class="card-summary">{{ .Params.summary }}</p>
  {{ $key := where (.Params.metrics | default slice) "highlight" true }}
  {{ with $key }}
  <dl class="card-metrics">
    {{ range . }}
    <div><dt>{{ with .label }}{{ . }}{{ else }}{{ humanize .key }}{{ end }}</dt><dd>{{ with .qualifier }}<span class="qualifier">{{ humanize . }}</span> {{ end }}{{ if eq (printf "%T" .value) "float64" }}{{ lang.FormatNumber 2 .value }}{{ else }}{{ lang.FormatNumber 0 .value }}{{ end }} <span class="muted">({{ .as_of }})</span></dd></div>
    {{ end }}
  </dl>
  {{ end }}
  <p class="card-years">{{ with .Params.years }}{{ .start }}–{{ with .end }}{{ . }}{{ else }}present{{ end }}{{ end }}</p>
</article>
"""

SINGLE = """{{ define "main" }}
<article class="case wrap">
  <header class="case-header">
    {{ with .Params.strategy }}
    <p class="badges">
      <a class="badge badge-strategy" href="{{ printf "strategy/%s/" (urlize .) | relURL }}">{{ humanize . }}</a>
      <a class="badge" href="{{ printf "state/%s/" (urlize $.Params.state) | relURL }}">{{ $.Params.state }}</a>
      {{ range $.Params.funding }}<a class="badge badge-funding" href="{{ printf "funding/%s/" (urlize .) | relURL }}">{{ humanize . }}</a>{{ end }}
    </p>
    {{ end }}
    <h1>{{ .Title }}</h1>
    {{ with .Params.summary }}<p class="lede">{{ . }}</p>{{ end }}
    {{ with .Params.organization }}
    <dl class="facts">
      <div><dt>Run by</dt><dd>{{ . }}</dd></div>
      {{ with $.Params.partners }}<div><dt>Partners</dt><dd>{{ delimit . "; " }}</dd></div>{{ end }}
      <div><dt>Where</dt><dd>{{ $.Params.place }}</dd></div>
      <div><dt>When</dt><dd>{{ with $.Params.years }}{{ .start }}–{{ with .end }}{{ . }}{{ else }}present{{ end }}{{ end }}</dd></div>
      <div><dt>Last updated</dt><dd><time datetime="{{ $.Date.Format "2006-01-02" }}">{{ $.Date.Format "January 2, 2006" }}</time></dd></div>
    </dl>
    {{ end }}
  </header>
  {{ with .Params.metrics }}
  <section aria-labelledby="glance-heading">
    <h2 id="glance-heading">At a glance</h2>
    <table class="metrics">
      <thead><tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">As of</th><th scope="col">Source</th><th scope="col">Certainty</th></tr></thead>
      <tbody>
      {{ range $n, $m := . }}
      <tr{{ if $m.highlight }} class="highlight"{{ end }}>
        <th scope="row">{{ with $m.label }}{{ . }}{{ else }}{{ humanize $m.key }}{{ end }}</th>
        <td>{{ with $m.qualifier }}<span class="qualifier">{{ humanize . }}</span> {{ end }}{{ $digits := cond (eq (printf "%T" $m.value) "float64") 2 0 }}{{ with $m.baseline }}{{ lang.FormatNumber $digits . }} → {{ end }}{{ lang.FormatNumber $digits $m.value }}{{ with $m.upper }}–{{ lang.FormatNumber $digits . }}{{ end }}{{ with $m.note }}<br><span class="muted small">{{ . }}</span>{{ end }}</td>
        <td>{{ $m.as_of }}</td>
        <td><a href="{{ $m.url }}">{{ $m.source }}</a> <sup>[{{ add $n 1 }}]</sup></td>
        <td><span class="certainty certainty-{{ $m.certainty }}">{{ humanize $m.certainty }}</span></td>
      </tr>
      {{ end }}
      </tbody>
    </table>
  </section>
  {{ end }}
  {{ with .Params.funding_note }}
  <section class="funding-box" aria-labelledby="funding-heading">
    <h2 id="funding-heading">How this was funded</h2>
    <p>{{ . }}</p>
    {{ if in ($.Params.funding | default slice) "esser" }}<p class="muted small">A link to ESSER money is documented for this program.</p>{{ else }}<p class="muted small">No direct ESSER funding is documented for this program in the sources we found.</p>{{ end }}
  </section>
  {{ end }}
  <div class="story">
    {{ .Content }}
  </div>
  {{ with .Params.sources }}
  <section class="sources" aria-labelledby="sources-heading">
    <h2 id="sources-heading">Sources</h2>
    <ol class="source-list">
      {{ range . }}<li><a href="{{ .url }}">{{ .title }}</a></li>{{ end }}
    </ol>
  </section>
  <section class="citation" aria-labelledby="cite-heading">
    <h2 id="cite-heading">Cite this case study</h2>
    <p><code>{{ $.Site.Title }}, “{{ $.Title }}”, {{ $.Date.Format "January 2, 2006" }}, {{ $.Permalink }}</code></p>
  </section>
  {{ end }}
  {{ with .Params.tags }}<p class="tags">Topics: {{ range . }}<a class="tag" href="{{ printf "tags/%s/" (urlize .) | relURL }}">{{ . }}</a> {{ end }}</p>{{ end }}
  {{ if .Params.metrics }}
  {{/* Up to three other cases with the same strategy, as Casebook's pages show. Read from the
       taxonomy rather than with .Related, whose default indices (keywords, date) cost time in
       proportion to the whole site for every page. */}}
  {{ $self := .RelPermalink }}
  {{ with index .Site.Taxonomies.strategy (urlize .Params.strategy) }}
  <section class="related" aria-labelledby="related-heading">
    <h2 id="related-heading">Related case studies</h2>
    <div class="card-grid">
      {{ range first 4 . }}{{ if ne .Page.RelPermalink $self }}{{ partialCached "card.html" .Page .Page.RelPermalink }}{{ end }}{{ end }}
    </div>
  </section>
  {{ end }}
  <nav class="pager" aria-label="Previous and next case study">
    {{ with .PrevInSection }}<a class="pager-prev" href="{{ .RelPermalink }}"><span class="muted small">Previous</span> {{ .Title }}</a>{{ end }}
    {{ with .NextInSection }}<a class="pager-next" href="{{ .RelPermalink }}"><span class="muted small">Next</span> {{ .Title }}</a>{{ end }}
  </nav>
  {{ end }}
</article>
{{ end }}
"""

LIST = """{{ define "main" }}
<div class="wrap">
  <h1>{{ .Title }}</h1>
  <p class="section-intro">Programs that schools and their partners ran during the pandemic recovery.</p>
  <p class="result-count">{{ len .Pages }} case studies</p>
  <div class="card-grid" id="case-list">
    {{ range .Pages.ByTitle }}{{ partialCached "card.html" . .RelPermalink }}{{ end }}
  </div>
</div>
{{ end }}
"""

TERM = """{{ define "main" }}
<div class="wrap">
  <p class="kicker">{{ .Data.Singular | humanize }}</p>
  <h1>{{ .Title }}</h1>
  <h2 class="result-count">{{ len .Pages }} case studies</h2>
  <div class="card-grid">
    {{ range .Pages.ByTitle }}{{ partialCached "card.html" . .RelPermalink }}{{ end }}
  </div>
  <p><a href="{{ "case-studies/" | relURL }}">All case studies</a></p>
</div>
{{ end }}
"""

TAXONOMY = """{{ define "main" }}
<div class="wrap">
  <h1>{{ .Title }}</h1>
  <ul class="strategy-grid">
    {{ range .Data.Terms.ByCount }}
    <li class="strategy-card">
      <h2 class="h3"><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></h2>
      <p class="muted">{{ .Count }} case studies</p>
    </li>
    {{ end }}
  </ul>
</div>
{{ end }}
"""

HOME = """{{ define "main" }}
<div class="wrap">
  <h1>{{ .Site.Title }}</h1>
  <p class="section-intro">{{ .Site.Params.tagline }}</p>
  {{ $cases := where .Site.RegularPages "Section" "case-studies" }}
  <p class="stat"><strong>{{ len $cases }}</strong> case studies</p>
  <h2>Featured</h2>
  <div class="card-grid">
    {{ range first 3 $cases.ByDate.Reverse }}{{ partialCached "card.html" . .RelPermalink }}{{ end }}
  </div>
  <h2>Strategies</h2>
  <ul class="strategy-grid">
    {{ range $name, $pages := .Site.Taxonomies.strategy }}
    <li class="strategy-card"><h3><a href="{{ printf "strategy/%s/" $name | relURL }}">{{ humanize $name }}</a></h3><p class="muted">{{ len $pages }} case studies</p></li>
    {{ end }}
  </ul>
  <p><a href="{{ "case-studies/" | relURL }}">All case studies</a></p>
</div>
{{ end }}
"""


def write_hugo_site(hugo, vocab):
    write(os.path.join(hugo, "config.yaml"), HUGO_CONFIG)
    write(os.path.join(hugo, "content", "case-studies", "_index.md"), "---\ntitle: Case studies\n---\n")
    layouts = os.path.join(hugo, "layouts")
    write(os.path.join(layouts, "_default", "baseof.html"), BASEOF)
    write(os.path.join(layouts, "_default", "single.html"), SINGLE)
    write(os.path.join(layouts, "_default", "list.html"), LIST)
    write(os.path.join(layouts, "_default", "term.html"), TERM)
    write(os.path.join(layouts, "_default", "taxonomy.html"), TAXONOMY)
    write(os.path.join(layouts, "index.html"), HOME)
    write(os.path.join(layouts, "partials", "card.html"), CARD)
    assets = os.path.join(REPO, "templates", "assets")
    os.makedirs(os.path.join(hugo, "static", "assets"), exist_ok=True)
    for name in sorted(os.listdir(assets)):
        shutil.copyfile(os.path.join(assets, name), os.path.join(hugo, "static", "assets", name))


if __name__ == "__main__":
    main()
