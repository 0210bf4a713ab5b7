"""Reading a vigil corpus (examples/corpus.rs) for the peers' converters, bench/hugo/convert.py and
bench/zola/convert.py: each writes the same people, statements and organisations its own way.
"""
import os
import shutil

import yaml

LANGS = ["en", "az"]
# The lists the templates read (organisations.yaml...), copied as data files.
LISTS = ["organisations", "charges", "prisons", "cases", "professions"]


def site(src):
    """site.yaml."""
    return yaml.safe_load(open(os.path.join(src, "site.yaml"), encoding="utf-8"))


def front(path):
    """A Markdown file's front matter (a dict) and body."""
    text = open(path, encoding="utf-8").read()
    _, fm, body = text.split("---\n", 2)
    return yaml.safe_load(fm) or {}, body


def suffix(lang):
    """The translation's file suffix: `.az` for `slug.az.md`, none for the default language."""
    return "" if lang == LANGS[0] else "." + lang


def copy_assets(src, out, data_dir):
    """The theme's static files, the lists (into `data_dir`) and the profiles' photos."""
    shutil.copytree(os.path.join(src, "themes/default/static"), os.path.join(out, "static/static"))
    os.makedirs(os.path.join(out, data_dir))
    for name in LISTS:
        shutil.copy(os.path.join(src, "content", name + ".yaml"), os.path.join(out, data_dir, name + ".yaml"))
    photos = os.path.join(src, "profiles", "photos")
    if os.path.isdir(photos):
        shutil.copytree(photos, os.path.join(out, "static/media/photos"))


def statements(src):
    """(slug, statement) in name order."""
    folder = os.path.join(src, "content/statements")
    for name in sorted(os.listdir(folder)):
        yield name[: -len(".yaml")], yaml.safe_load(open(os.path.join(folder, name), encoding="utf-8"))


def named(src):
    """The statements naming each person, so a person's page lists them as vigil's does."""
    out = {}
    for slug, s in statements(src):
        for p in s.get("profiles", []):
            out.setdefault(p, []).append(slug)
    return out


def profiles(src):
    """(slug, front matter, body, translation) in name order; the translation is (front matter,
    body) of `slug.az.md`, or None."""
    folder = os.path.join(src, "profiles")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md") or name.endswith(".az.md"):
            continue
        slug = name[:-3]
        fm, body = front(os.path.join(folder, name))
        tr = os.path.join(folder, slug + ".az.md")
        yield slug, fm, body, front(tr) if os.path.exists(tr) else None


def organisations(src):
    """(id, {lang: name})."""
    orgs = yaml.safe_load(open(os.path.join(src, "content/organisations.yaml"), encoding="utf-8"))
    for oid, o in orgs.items():
        n = o["name"]
        yield oid, {lang: n[lang] if isinstance(n, dict) else n for lang in LANGS}


def pages(src):
    """(path relative to content/, front matter, body) of every Markdown page."""
    content = os.path.join(src, "content")
    for dirpath, _, files in os.walk(content):
        for name in files:
            if name.endswith(".md"):
                path = os.path.join(dirpath, name)
                fm, body = front(path)
                yield os.path.relpath(path, content), fm, body
