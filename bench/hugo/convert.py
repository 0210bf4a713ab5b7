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

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import source  # noqa: E402 (bench/source.py)


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
    site = source.site(src)
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
    source.copy_assets(src, out, "data")
    named = source.named(src)
    for slug, s in source.statements(src):
        for lang in source.LANGS:
            fm = {
                "title": s["title"][lang],
                "date": str(s["date"]),
                "signatories": s.get("signatories", []),
                "profiles": s.get("profiles", []),
            }
            if s.get("source"):
                fm["source"] = s["source"]
            dump(os.path.join(out, "content/statements", slug + source.suffix(lang) + ".md"), fm, s["body"][lang])
    for slug, fm, body, tr in source.profiles(src):
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
        if tr:
            tfm, tbody = tr
            afm = dict(fm)
            afm["title"] = tfm.get("name", fm["title"])
            for key in ["summary", "sentence", "photo_alt"]:
                if key in tfm:
                    afm[key] = tfm[key]
            afm["aliases"] = ["/az" + a for a in fm["aliases"]]
            dump(os.path.join(out, "content/people", slug + ".az.md"), afm, tbody)
    for oid, names in source.organisations(src):
        for lang in source.LANGS:
            dump(
                os.path.join(out, "content/organisations", oid + source.suffix(lang) + ".md"),
                {"title": names[lang], "id": oid},
                "",
            )
    for section, titles in [
        ("people", ("People", "İnsanlar")),
        ("statements", ("Statements", "Bəyanatlar")),
        ("organisations", ("Organisations", "Təşkilatlar")),
    ]:
        dump(os.path.join(out, "content", section, "_index.md"), {"title": titles[0]}, "")
        dump(os.path.join(out, "content", section, "_index.az.md"), {"title": titles[1]}, "")
    for rel, fm, body in source.pages(src):
        dump(os.path.join(out, "content", rel), fm, body)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
