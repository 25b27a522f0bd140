#!/usr/bin/env python3
"""Writes a synthetic library of role documents for throughput measurements.

    scripts/gen-library.py OUT_DIR [N] [--seed S]

N documents (default 10000), a quarter each of: ladder pages (Jekyll front matter,
kramdown `<table markdown="1">` blocks, horizontal and vertical, two or three level
columns with the page's own in bold), SFIA level pages (title, level line, overview,
framework overview, skills with description, guidance notes and attainment), role
blueprints (plain text: web-page junk, a title line, numbered sections, bullets, numbered
items, flattened tables, a comment widget) and plain Markdown roles (optional front
matter, headings, lists, paragraphs, a table). The structure follows the fixtures under
tests/fixtures; the text is random words, the same for the same seed. Python 3 only.
"""

import argparse
import os
import random

WORDS = (
    "architecture delivery roadmap stakeholders quality metrics mentoring design review "
    "strategy platform reliability security compliance hiring coaching budget planning "
    "customers product engineering teams services incidents operations data analytics "
    "performance scalability documentation standards process improvement outcomes goals "
    "collaboration communication leadership ownership execution discovery experiments "
    "release testing automation infrastructure cloud costs risks dependencies vision "
    "culture feedback growth career levels expectations scope impact influence alignment"
).split()
LEVELS = [
    "Software Engineer 1", "Software Engineer 2", "Senior Software Engineer",
    "Staff Engineer", "Principal Engineer", "Engineering Manager",
    "Senior Engineering Manager", "Director of Engineering", "VP of Engineering", "CTO",
    "Product Manager", "Senior Product Manager", "Director of Product", "VP of Product",
    "Data Engineer", "Data Scientist", "Designer", "Technical Lead Manager",
]
LADDER_SECTIONS = [
    "Role Description", "Scope of knowledge (Breadth and Depth)", "Responsibilities",
    "Communication and Leadership", "Competencies focus", "Checkpoints for reaching this level",
]
MD_SECTIONS = [
    "Summary", "Responsibilities", "Requirements", "Day to day", "Career Path",
    "Key Deliverables", "Success Metrics", "Stakeholders",
]
SKILLS = [
    ("Software design", "SWDN"), ("Programming/software development", "PROG"),
    ("Testing", "TEST"), ("Systems design", "DESN"), ("Product management", "PROD"),
    ("Requirements definition and management", "REQM"), ("Data engineering", "DENG"),
    ("Performance management", "PEMT"), ("Organisational capability development", "OCDV"),
    ("Stakeholder relationship management", "RLMT"), ("Methods and tools", "METL"),
]


def sentence(rng, lo=6, hi=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng, n=None):
    return " ".join(sentence(rng) for _ in range(n or rng.randint(2, 4)))


def bullets(rng, lo=3, hi=8):
    return "\n".join("- " + sentence(rng) for _ in range(rng.randint(lo, hi)))


def ladder_page(rng, i):
    own = rng.randrange(len(LEVELS))
    columns = [LEVELS[(own + d) % len(LEVELS)] for d in ([-1, 0, 1] if rng.random() < 0.7 else [-1, 0])]
    title = LEVELS[own]
    out = [
        "---", f"title: {title}", "icon: fas fa-users", f"order: {i}",
        "layout: page-eng-paths", "---", "",
        f"# {title} ({rng.choice(['Individual Contributor Path', 'People Manager Path'])})",
        "### Years of experience (guideline)", '<table  markdown="1">', "<tr>",
    ]

    def td(name, content, md=False):
        attrs = '  markdown="1"' if md else ""
        if name == title:
            attrs += ' style="font-weight:bold"'
        return [f"<td{attrs}>", "", content, "", "</td>"]

    for c in columns:
        out += td(c, c)
    out += ["</tr>", "<tr>"]
    for c in columns:
        out += td(c, f"{rng.randint(1, 15)}+", md=True)
    out += ["</tr>", "</table>", "", ""]
    for section in LADDER_SECTIONS:
        out += [f"### {section}", '<table  markdown="1">']
        if rng.random() < 0.5:  # horizontal: names in one row, values in the next
            out.append("<tr>")
            for c in columns:
                out += td(c, c)
            out += ["</tr>", "<tr>"]
            for c in columns:
                out += td(c, bullets(rng, 2, 5), md=True)
            out.append("</tr>")
        else:  # vertical: name row, value row, name row, ...
            for c in columns:
                out += ["<tr>"] + td(c, c) + ["</tr>", "<tr>"]
                out += td(c, paragraph(rng) if section == "Role Description" else bullets(rng), md=True)
                out.append("</tr>")
        out += ["</table>", "", ""]
    return "\n".join(out) + "\n"


def sfia_page(rng, i):
    title = rng.choice(LEVELS)
    level = rng.randint(1, 7)
    out = [
        f"# {title}", "", f"**Level {level}** | **Career Path:** {rng.choice(['Engineering', 'Product', 'Data'])}",
        "", "---", "",
    ]
    if rng.random() < 0.5:
        out += ["## Framework Overview", "", paragraph(rng), ""]
        out += ["- **" + rng.choice(WORDS).capitalize() + "**: " + sentence(rng) for _ in range(4)]
        out += ["", "---", ""]
    out += [
        "## Role Overview", "", f"**Scope Summary:** {sentence(rng)}", "", paragraph(rng), "",
        "---", "", "## Required SFIA Skills", "",
        "The following SFIA skills define the expected skills and behaviors for this role at this level:", "",
    ]
    for name, code in rng.sample(SKILLS, rng.randint(1, 4)):
        out += [
            f"### {name} ({code})", "",
            f"**SFIA Reference:** [{code}](https://sfia-online.org/en/skillcode/9/{code})", "",
            "**Category:** Development and implementation | **Subcategory:** Systems development", "",
            "**Overall Description:**", "", sentence(rng), "",
            "**Guidance Notes:**", "", "Activities may include, but are not limited to:", "",
        ]
        out += [sentence(rng).lower() for _ in range(rng.randint(4, 10))]
        out += ["", paragraph(rng, 1), "", f"**Level {level} Attainment:**", ""]
        out += [sentence(rng) for _ in range(rng.randint(2, 5))]
        out += ["", "---", ""]
    return "\n".join(out) + "\n"


def blueprint(rng, i):
    title = rng.choice(LEVELS)
    out = [
        "Find the Best Cosmetic Hospitals", "",
        "Explore trusted options and make a confident choice.", "",
        f"{title}: Role Blueprint, Responsibilities, Skills, KPIs, and Career Path", "",
    ]
    sections = ["Role Summary", "Role Mission", "Core Responsibilities", "Day-to-Day Activities",
                "Key Deliverables", "KPIs and Productivity Metrics", "Career Path and Progression"]
    for n, section in enumerate(sections, 1):
        out += [f"{n}) {section}", ""]
        if section == "Role Mission":
            out += ["Core mission:", paragraph(rng, 2), ""]
        elif section == "KPIs and Productivity Metrics":
            out += ["Metric\tTarget\tFrequency"]
            out += [f"{rng.choice(WORDS).capitalize()} rate\t{rng.randint(50, 99)}%\tMonthly" for _ in range(rng.randint(3, 6))]
            out.append("")
        else:
            for g in range(rng.randint(1, 3)):
                out += [f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}", ""]
                if rng.random() < 0.5:
                    out += [f"  • {sentence(rng)}" for _ in range(rng.randint(3, 6))]
                else:
                    out += [f"  {k}. {sentence(rng)}" for k in range(1, rng.randint(3, 6))]
                out.append("")
            out += [paragraph(rng, 2), ""]
    out += ["Explore Cosmetic Hospitals", "", "Subscribe", "Notify of", "guest", "0 Comments", ""]
    return "\n".join(out) + "\n"


def markdown_role(rng, i):
    title = rng.choice(LEVELS)
    out = []
    if rng.random() < 0.5:
        out += ["---", f"title: {title}", f"level: {rng.randint(1, 7)}", "---", ""]
    out += [f"# {title}", "", paragraph(rng), ""]
    for section in rng.sample(MD_SECTIONS, rng.randint(4, len(MD_SECTIONS))):
        out += [f"## {section}", ""]
        kind = rng.random()
        if kind < 0.5:
            out += [bullets(rng), ""]
        elif kind < 0.7:
            out += [f"{k}. {sentence(rng)}" for k in range(1, rng.randint(3, 7))] + [""]
        elif kind < 0.85:
            out += ["| Skill | Level |", "|-------|-------|"]
            out += [f"| {rng.choice(WORDS)} | {rng.choice(['basic', 'advanced', 'expert'])} |" for _ in range(4)]
            out.append("")
        else:
            out += [paragraph(rng), "", "### " + rng.choice(WORDS).capitalize(), "", bullets(rng, 2, 4), ""]
    return "\n".join(out) + "\n"


KINDS = [("ladder", ladder_page, "md"), ("sfia", sfia_page, "md"),
         ("blueprint", blueprint, "txt"), ("markdown", markdown_role, "md")]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("n", nargs="?", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    rng = random.Random(args.seed)
    total = 0
    for i in range(args.n):
        kind, make, ext = KINDS[i % len(KINDS)]
        text = make(rng, i)
        path = os.path.join(args.out_dir, f"{i:05d}_{kind}.{ext}")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
    print(f"{args.n} documents, {total} bytes in {args.out_dir}")


if __name__ == "__main__":
    main()
