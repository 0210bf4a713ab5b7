#!/usr/bin/env python3
"""Turns a vigil corpus (examples/corpus.rs) into an equivalent Zola site, for bench/run only.

    convert.py CORPUS OUT

The Zola twin of bench/hugo/convert.py, with bench/zola/templates mirroring bench/hugo/layouts one
for one, so that both tools are asked the same work: a page per person (facts, biography, statements
naming them, others in the same case), a page per status/profession/case/charge/prison (Zola
taxonomies, declared for each language), statements, organisations, the people index, the home page,
redirects from old addresses (Zola aliases), both languages (translations as slug.az.md). The lists
(organisations.yaml...) are copied to data/ and read by the templates with load_data. Zola has no
chart blocks: the infographics page's blocks are shown as code, unhighlighted (highlighting is off in
Zola; Hugo's converter leaves Hugo's default on, which shows the unknown `chart` language as plain
text in its highlight markup).
"""
import datetime
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import source  # noqa: E402 (bench/source.py)

TAXONOMIES = ["status", "profession", "case", "charges", "prison"]
# Front matter keys Zola knows; every other one goes under [extra].
NATIVE = {"title", "description", "date", "aliases", "template", "weight", "slug"}


def toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join("%s = %s" % (json.dumps(str(k)), toml_value(x)) for k, x in v.items()) + "}"
    # A JSON string is a valid TOML basic string (same escapes).
    return json.dumps(str(v), ensure_ascii=False)


def dump(path, top, body, taxonomies=None, extra=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    lines = ["+++"]
    lines += ["%s = %s" % (k, toml_value(v)) for k, v in sorted(top.items())]
    for table, values in [("taxonomies", taxonomies), ("extra", extra)]:
        if values:
            lines.append("[%s]" % table)
            lines += ["%s = %s" % (json.dumps(k), toml_value(v)) for k, v in sorted(values.items())]
    lines.append("+++")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
        f.write(body)


def split(fm):
    """A vigil/Hugo-style front matter as Zola's: native keys at the top, the rest under extra."""
    top = {k: v for k, v in fm.items() if k in NATIVE}
    extra = {k: v for k, v in fm.items() if k not in NATIVE}
    return top, extra


def main(src, out):
    if os.path.exists(out):
        shutil.rmtree(out)
    here = os.path.dirname(os.path.abspath(__file__))
    shutil.copytree(os.path.join(here, "templates"), os.path.join(out, "templates"))
    site = source.site(src)
    taxonomies = "[" + ", ".join('{name = "%s"}' % t for t in TAXONOMIES) + "]"
    with open(os.path.join(out, "config.toml"), "w", encoding="utf-8") as f:
        f.write(
            "\n".join(
                [
                    "base_url = %s" % toml_value(site["base_url"].rstrip("/")),
                    "title = %s" % toml_value(site["title"]["en"]),
                    'default_language = "en"',
                    "minify_html = true",
                    "taxonomies = " + taxonomies,
                    "[slugify]",
                    # Term addresses as Hugo's (house_arrest, not house-arrest).
                    'taxonomies = "safe"',
                    "[languages.az]",
                    "title = %s" % toml_value(site["title"]["az"]),
                    "taxonomies = " + taxonomies,
                    "[extra]",
                    'languages = [{code = "en", name = "English"}, {code = "az", name = "Azərbaycanca"}]',
                    "",
                ]
            )
        )
    source.copy_assets(src, out, "data")
    named = source.named(src)
    for slug, s in source.statements(src):
        for lang in source.LANGS:
            extra = {"signatories": s.get("signatories", []), "profiles": s.get("profiles", [])}
            if s.get("source"):
                extra["source"] = s["source"]
            top = {"title": s["title"][lang], "date": s["date"]}
            path = os.path.join(out, "content/statements", slug + source.suffix(lang) + ".md")
            dump(path, top, s["body"][lang], extra=extra)
    for slug, fm, body, tr in source.profiles(src):
        top = {"title": fm.pop("name")}
        tax = {"status": [fm.pop("status")]}
        for key in ["profession", "case", "prison"]:
            if key in fm:
                tax[key] = [fm.pop(key)]
        if "charges" in fm:
            # A person may list a charge twice (the corpus does): shown twice on their page, counted
            # once in the taxonomy, as Hugo does.
            tax["charges"] = list(dict.fromkeys(fm["charges"]))
        for key in ["arrested", "born", "released"]:
            if key in fm:
                fm[key] = str(fm[key])
        fm.pop("arrests", None)
        top["aliases"] = ["/people/%s/" % a for a in fm.pop("aliases", [])]
        fm["statements"] = named.get(slug, [])
        fm["slug"] = slug
        dump(os.path.join(out, "content/people", slug + ".md"), top, body, tax, fm)
        if tr:
            tfm, tbody = tr
            atop = {"title": tfm.get("name", top["title"]), "aliases": ["/az" + a for a in top["aliases"]]}
            afm = dict(fm)
            for key in ["summary", "sentence", "photo_alt"]:
                if key in tfm:
                    afm[key] = tfm[key]
            dump(os.path.join(out, "content/people", slug + ".az.md"), atop, tbody, tax, afm)
    for oid, names in source.organisations(src):
        for lang in source.LANGS:
            path = os.path.join(out, "content/organisations", oid + source.suffix(lang) + ".md")
            dump(path, {"title": names[lang]}, "", extra={"id": oid})
    # Hugo makes a section of every folder of content/, with a list page; Zola of every folder with
    # an _index.md. Sections name their templates, as Hugo picks layouts/SECTION/ by itself.
    sections = [
        ("", (site["title"]["en"], site["title"]["az"]), {}),
        ("people", ("People", "İnsanlar"), {"template": "people/list.html", "page_template": "people/single.html"}),
        (
            "statements",
            ("Statements", "Bəyanatlar"),
            {"template": "statements/list.html", "page_template": "statements/single.html", "sort_by": "date"},
        ),
        (
            "organisations",
            ("Organisations", "Təşkilatlar"),
            {"template": "organisations/list.html", "page_template": "organisations/single.html"},
        ),
    ]
    content = os.path.join(src, "content")
    for entry in sorted(os.listdir(content)):
        if os.path.isdir(os.path.join(content, entry)) and entry != "statements":
            sections.append((entry, (entry.capitalize(), entry.capitalize()), {}))
    for section, titles, settings in sections:
        for title, suffix in zip(titles, ["", ".az"]):
            top = dict(settings, title=title)
            dump(os.path.join(out, "content", section, "_index%s.md" % suffix), top, "")
    for rel, fm, body in source.pages(src):
        top, extra = split(fm)
        dump(os.path.join(out, "content", rel), top, body, extra=extra)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
