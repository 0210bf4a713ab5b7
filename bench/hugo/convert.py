#!/usr/bin/env python3
"""Turns a vigil corpus (examples/corpus.rs) into an equivalent Hugo site, for bench/run only.

    convert.py CORPUS OUT

Same people, statements, organisations, lists and pages, in both languages, with bench/hugo/layouts:
a page per person (facts, biography, statements naming them, others in the same case), a page per
status/profession/case/charge/prison (Hugo taxonomies), statements, organisations, the people index,
the home page, redirects from old addresses (Hugo aliases). The lists (organisations.yaml...) become
Hugo data files, read by the templates as vigil's are. Hugo has no chart blocks: the infographics
page's blocks are shown as code.
"""
import os
import shutil
import sys

import yaml


def front(path):
    text = open(path, encoding="utf-8").read()
    _, fm, body = text.split("---\n", 2)
    return yaml.safe_load(fm) or {}, body


def dump(path, fm, body):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("---\n")
        f.write(yaml.safe_dump(fm, allow_unicode=True, sort_keys=True))
        f.write("---\n")
        f.write(body)


def main(src, out):
    if os.path.exists(out):
        shutil.rmtree(out)
    here = os.path.dirname(os.path.abspath(__file__))
    shutil.copytree(os.path.join(here, "layouts"), os.path.join(out, "layouts"))
    shutil.copytree(os.path.join(src, "themes/default/static"), os.path.join(out, "static/static"))
    site = yaml.safe_load(open(os.path.join(src, "site.yaml"), encoding="utf-8"))
    with open(os.path.join(out, "config.yaml"), "w", encoding="utf-8") as f:
        yaml.safe_dump(
            {
                "baseURL": site["base_url"],
                "defaultContentLanguage": "en",
                "disableKinds": ["RSS"],
                "taxonomies": {
                    "status": "status",
                    "profession": "profession",
                    "case": "case",
                    "charge": "charges",
                    "prison": "prison",
                },
                "languages": {
                    "en": {"weight": 1, "title": site["title"]["en"], "languageName": "English"},
                    "az": {"weight": 2, "title": site["title"]["az"], "languageName": "Azərbaycanca"},
                },
                "markup": {"highlight": {"noClasses": False}},
                "minify": {"minifyOutput": True},
            },
            f,
            allow_unicode=True,
        )
    os.makedirs(os.path.join(out, "data"))
    for name in ["organisations", "charges", "prisons", "cases", "professions"]:
        shutil.copy(os.path.join(src, "content", name + ".yaml"), os.path.join(out, "data", name + ".yaml"))

    profiles = os.path.join(src, "profiles")
    photos = os.path.join(profiles, "photos")
    if os.path.isdir(photos):
        shutil.copytree(photos, os.path.join(out, "static/media/photos"))
    # Statements by the people they name, so a person's page lists them as vigil's does.
    named = {}
    statements = sorted(os.listdir(os.path.join(src, "content/statements")))
    for name in statements:
        s = yaml.safe_load(open(os.path.join(src, "content/statements", name), encoding="utf-8"))
        slug = name[: -len(".yaml")]
        for lang in ["en", "az"]:
            fm = {
                "title": s["title"][lang],
                "date": str(s["date"]),
                "signatories": s.get("signatories", []),
                "profiles": s.get("profiles", []),
            }
            if s.get("source"):
                fm["source"] = s["source"]
            suffix = "" if lang == "en" else ".az"
            dump(os.path.join(out, "content/statements", slug + suffix + ".md"), fm, s["body"][lang])
        for p in s.get("profiles", []):
            named.setdefault(p, []).append(slug)
    for name in sorted(os.listdir(profiles)):
        if not name.endswith(".md") or name.endswith(".az.md"):
            continue
        slug = name[:-3]
        fm, body = front(os.path.join(profiles, name))
        fm["title"] = fm.pop("name")
        fm["status"] = [fm["status"]]
        for key in ["profession", "case", "prison"]:
            if key in fm:
                fm[key] = [fm[key]]
        for key in ["arrested", "born", "released"]:
            if key in fm:
                fm[key] = str(fm[key])
        fm.pop("arrests", None)
        fm["aliases"] = ["/people/%s/" % a for a in fm.get("aliases", [])]
        fm["statements"] = named.get(slug, [])
        fm["slug"] = slug
        dump(os.path.join(out, "content/people", slug + ".md"), fm, body)
        tr = os.path.join(profiles, slug + ".az.md")
        if os.path.exists(tr):
            tfm, tbody = front(tr)
            afm = dict(fm)
            afm["title"] = tfm.get("name", fm["title"])
            for key in ["summary", "sentence", "photo_alt"]:
                if key in tfm:
                    afm[key] = tfm[key]
            afm["aliases"] = ["/az" + a for a in fm["aliases"]]
            dump(os.path.join(out, "content/people", slug + ".az.md"), afm, tbody)
    orgs = yaml.safe_load(open(os.path.join(src, "content/organisations.yaml"), encoding="utf-8"))
    for oid, o in orgs.items():
        for lang in ["en", "az"]:
            n = o["name"]
            title = n[lang] if isinstance(n, dict) else n
            suffix = "" if lang == "en" else ".az"
            dump(os.path.join(out, "content/organisations", oid + suffix + ".md"), {"title": title, "id": oid}, "")
    for section, titles in [
        ("people", ("People", "İnsanlar")),
        ("statements", ("Statements", "Bəyanatlar")),
        ("organisations", ("Organisations", "Təşkilatlar")),
    ]:
        dump(os.path.join(out, "content", section, "_index.md"), {"title": titles[0]}, "")
        dump(os.path.join(out, "content", section, "_index.az.md"), {"title": titles[1]}, "")
    content = os.path.join(src, "content")
    for dirpath, _, files in os.walk(content):
        for name in files:
            if not name.endswith(".md"):
                continue
            path = os.path.join(dirpath, name)
            fm, body = front(path)
            rel = os.path.relpath(path, content)
            dump(os.path.join(out, "content", rel), fm, body)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
