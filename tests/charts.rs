//! Charts drawn from the profiles: their numbers are counts over the fixture, their SVG is
//! well-formed and accessible, their CSV matches, and wrong specs are located errors.

mod common;

use std::path::Path;

use common::{Diag, Site, page};

/// 2025-06-15: late enough for every arrest below.
const JUNE_2025: &str = "1749945600";

const LISTS: &[(&str, &str)] = &[
    (
        "site.yaml",
        "title:\n  en: Test campaign\n  az: Test kampaniyası\nbase_url: https://example.org/sub/\nlanguages: [en, az]\n",
    ),
    (
        "content/professions.yaml",
        "journalist:\n  name:\n    en: Journalist\n    az: Jurnalist\nactivist:\n  name:\n    en: Activist\n    az: Fəal\n",
    ),
    (
        "content/cases.yaml",
        "media-case:\n  name:\n    en: Media case\n    az: Media işi\n",
    ),
];

fn person(site: &Site, slug: &str, name: &str, fields: &str) {
    site.write(
        &format!("profiles/{slug}.md"),
        format!("---\nname: {name}\n{fields}\n---\nBiography of {name}.\n"),
    );
}

fn people() -> Site {
    let site = Site::with_files(LISTS);
    person(
        &site,
        "a-one",
        "Aynur One",
        "status: detained\narrested: 2024-03-10\nprofession: journalist\ncase: media-case\ngender: female",
    );
    person(
        &site,
        "b-two",
        "Bahruz Two",
        "status: sentenced\narrested: 2024-03-20\nprofession: journalist\ncase: media-case\ngender: male",
    );
    person(
        &site,
        "c-three",
        "Cavid Three",
        "status: house_arrest\narrested: 2024-05-02\nprofession: activist\ngender: male",
    );
    person(
        &site,
        "d-four",
        "Dilara Four",
        "status: released\narrested: 2023-11\nreleased: 2024-06-01\nprofession: journalist",
    );
    person(
        &site,
        "e-five",
        "Elçin Five",
        "status: travel_ban\narrested: 2023\nprofession: activist",
    );
    site
}

fn numbers_page(site: &Site, body: &str) {
    site.write(
        "content/infographics/numbers.md",
        format!("---\ntitle: Numbers\n---\n{body}"),
    );
}

fn build(site: &Site) -> std::path::PathBuf {
    site.vigil_at(JUNE_2025, &["build"]).assert_ok();
    site.public()
}

/// The `<svg>...</svg>` elements of a page, in order.
fn svgs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..].find("</svg>").expect("closed svg") + start + 6;
        out.push(rest[start..end].to_string());
        rest = &rest[end..];
    }
    out
}

/// A CSV file's header and rows.
fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn exists(out: &Path, rel: &str) -> bool {
    out.join(rel).is_file()
}

const CHARTS: &str = "Intro.

```chart
kind: horizontal-bar
id: by-profession
title: Held by profession
query: held-by-profession
```

```chart
kind: vertical-bar
id: per-month
title: Arrests per month
query: arrests-per-month
from: 2024-01
to: 2024-06
```

```chart
kind: stacked-bar
id: by-case-gender
title: Held by case and gender
query: held-by-case
split: gender
```

```chart
kind: line
id: held-over-time
title: Held at each month end
query: held-per-month
from: 2024-01
to: 2024-07
```

```chart
kind: counter
id: held-now
title: Held now
query: held-now
```

```chart
kind: timeline
id: arrests
title: Arrests
query: arrests
from: 2024-01
```

```chart
kind: counter
id: reported
title: Reported
data:
  - date: 2025-12
    value: 12345
    source: {text: A report, url: https://example.org/report}
```
";

/// `key -> first value` of a chart's CSV.
fn counts(csv: &str) -> Vec<(String, String)> {
    let (_, rows) = csv_rows(csv);
    rows.into_iter()
        .map(|r| (r[0].clone(), r[2].clone()))
        .collect()
}

#[test]
fn chart_figures_are_counts_over_the_profiles_and_follow_them() {
    let site = people();
    numbers_page(&site, CHARTS);
    let out = build(&site);
    let csv = |id: &str| page(&out, &format!("infographics/numbers/{id}.csv"));

    // Held now: detained, sentenced and house arrest; not the released, not the travel ban.
    assert_eq!(
        counts(&csv("by-profession")),
        [
            ("journalist".into(), "2".into()),
            ("activist".into(), "1".into())
        ]
    );
    assert_eq!(counts(&csv("held-now")), [("count".into(), "3".into())]);
    // Arrests by month: March 2024 twice, May 2024 once; 2023 is outside the period.
    let per_month = counts(&csv("per-month"));
    assert_eq!(per_month.len(), 6);
    assert_eq!(per_month[2], ("2024-03".into(), "2".into()));
    assert_eq!(per_month[4], ("2024-05".into(), "1".into()));
    let total: f64 = per_month
        .iter()
        .map(|(_, v)| v.parse::<f64>().unwrap())
        .sum();
    assert_eq!(total, 3.0);
    // Held at each month end: Dilara (Nov 2023 to 1 June 2024) counts until May.
    let held = counts(&csv("held-over-time"));
    assert_eq!(held[0], ("2024-01".into(), "1".into()));
    assert_eq!(held[2], ("2024-03".into(), "3".into()));
    assert_eq!(held[4], ("2024-05".into(), "4".into()));
    assert_eq!(held[5], ("2024-06".into(), "3".into()));
    // Stacked: one series per gender, "not recorded" included so totals add up.
    let (header, rows) = csv_rows(&csv("by-case-gender"));
    assert_eq!(header, ["key", "label", "Women", "Men"]);
    assert_eq!(rows[0][..4], ["media-case", "Media case", "1", "1"]);
    assert_eq!(rows[1][..4], ["unknown", "Not recorded", "0", "1"]);
    // The timeline lists each arrest since 2024 with the person.
    let (_, events) = csv_rows(&csv("arrests"));
    let slugs: Vec<&str> = events.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(slugs, ["a-one", "b-two", "c-three"]);

    // Change the fixture: the charts change with it.
    person(
        &site,
        "f-six",
        "Fuad Six",
        "status: detained\narrested: 2024-03-25\nprofession: journalist",
    );
    site.remove("profiles/c-three.md");
    let out = build(&site);
    let csv = |id: &str| page(&out, &format!("infographics/numbers/{id}.csv"));
    assert_eq!(
        counts(&csv("by-profession")),
        [("journalist".into(), "3".into())]
    );
    assert_eq!(counts(&csv("held-now")), [("count".into(), "3".into())]);
    assert_eq!(counts(&csv("per-month"))[2], ("2024-03".into(), "3".into()));
    assert_eq!(counts(&csv("per-month"))[4], ("2024-05".into(), "0".into()));
}

#[test]
fn home_and_people_counters_match_the_queries() {
    let site = people();
    numbers_page(&site, CHARTS);
    let out = build(&site);
    let held = counts(&page(&out, "infographics/numbers/held-now.csv"))[0]
        .1
        .clone();
    let home = page(&out, "index.html");
    assert!(
        home.contains(&format!(">{held}</span>")),
        "home shows {held}"
    );
    person(
        &site,
        "g-seven",
        "Gunel Seven",
        "status: detained\narrested: 2024-04-01",
    );
    let out = build(&site);
    let home = page(&out, "index.html");
    assert!(home.contains(">4</span>"));
    assert!(counts(&page(&out, "infographics/numbers/held-now.csv"))[0].1 == "4");
    // The people index counts each status with the same query: two detained now.
    let index = page(&out, "people/index.html");
    let after = &index[index.find("#status-detained").expect("status chip")..];
    let count = &after[after.find("class=count>").unwrap() + 12..];
    assert_eq!(&count[..count.find('<').unwrap()], "2");
}

#[test]
fn every_chart_is_well_formed_accessible_svg_with_a_table_and_csv() {
    let site = people();
    numbers_page(&site, CHARTS);
    let out = build(&site);
    for (dir, lang) in [("", "en"), ("az/", "az")] {
        let path = format!("{dir}infographics/numbers/index.html");
        let html = page(&out, &path);
        // Inside the page, each chart is an accessible image with the figures in a table beside it.
        let inline = svgs(&html);
        assert_eq!(inline.len(), 7, "{path}");
        for svg in &inline {
            assert!(
                svg.contains("role=\"img\"") && svg.contains("<title") && svg.contains("<desc"),
                "{svg}"
            );
        }
        assert_eq!(
            html.matches("<details class=\"chart-data\">").count(),
            7,
            "{path}"
        );
        assert_eq!(html.matches("<table>").count(), 7);
        // Beside the page, each chart as a standalone SVG file (well-formed XML) and its CSV.
        for id in [
            "by-profession",
            "per-month",
            "by-case-gender",
            "held-over-time",
            "held-now",
            "arrests",
            "reported",
        ] {
            assert!(
                html.contains(&format!("/sub/{dir}infographics/numbers/{id}.csv")),
                "{lang} {id}"
            );
            assert!(exists(&out, &format!("{dir}infographics/numbers/{id}.csv")));
            let file = page(&out, &format!("{dir}infographics/numbers/{id}.svg"));
            let doc = roxmltree::Document::parse(&file).unwrap_or_else(|e| panic!("{id}: {e}"));
            let root = doc.root_element();
            assert_eq!(root.attribute("role"), Some("img"));
            assert!(root.attribute("viewBox").is_some());
            let child = |name: &str| {
                root.children()
                    .find(|n| n.tag_name().name() == name)
                    .and_then(|n| n.text())
                    .unwrap_or_default()
                    .to_string()
            };
            assert!(
                !child("title").is_empty() && !child("desc").is_empty(),
                "{id}"
            );
            // Text never under 12px (see the stylesheet's min-width), no inline style (strict CSP).
            for n in doc.descendants() {
                assert!(n.attribute("style").is_none());
                if let Some(size) = n.attribute("font-size") {
                    assert!(size.parse::<f64>().unwrap() >= 14.0, "{size}");
                }
            }
        }
    }
    // The description states the figures.
    let svg = page(&out, "infographics/numbers/by-profession.svg");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let desc = doc
        .descendants()
        .find(|n| n.has_tag_name("desc"))
        .unwrap()
        .text()
        .unwrap()
        .to_string();
    assert!(
        desc.contains("Journalist: 2") && desc.contains("Activist: 1"),
        "{desc}"
    );
    let (_, az_rows) = csv_rows(&page(&out, "az/infographics/numbers/by-profession.csv"));
    assert_eq!(az_rows[0][1], "Jurnalist");
}

#[test]
fn numbers_are_written_in_the_page_language() {
    let site = people();
    numbers_page(&site, CHARTS);
    site.write(
        "content/infographics/numbers.az.md",
        format!("---\ntitle: Rəqəmlər\n---\n{CHARTS}"),
    );
    let out = build(&site);
    let en = page(&out, "infographics/numbers/index.html");
    let az = page(&out, "az/infographics/numbers/index.html");
    assert!(en.contains("12,345"));
    assert!(az.contains("12.345"));
    assert!(
        en.contains(">Mar<") && az.contains(">mar<"),
        "short month names"
    );
    assert!(az.contains("Jurnalist: 2"));
}

/// The errors of a page holding one chart block, whose YAML starts on line 7 of the file
/// (3 lines of front matter, a line of text, a blank line, the fence).
fn bad(spec: &str) -> Vec<Diag> {
    let site = people();
    site.write(
        "content/infographics/bad.md",
        format!("---\ntitle: Bad\n---\nText.\n\n```chart\n{spec}```\n"),
    );
    let run = site.vigil_at(JUNE_2025, &["check"]);
    run.assert_code(1);
    run.errors()
}

fn at(d: &Diag, line: usize, col: usize) -> bool {
    d.file == "content/infographics/bad.md" && d.line == line && (col == 0 || d.col == col)
}

#[test]
fn wrong_specs_are_located_errors_with_a_hint() {
    let e = bad("kind: pie\ntitle: X\nquery: held-now\n");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        at(&e[0], 7, 0) && e[0].message.contains("unknown variant `pie`") && e[0].hint.is_some(),
        "{e:?}"
    );

    let e = bad("kind: horizontal-bar\ntitle: X\nquery: held-by-professon\n");
    assert!(at(&e[0], 9, 0), "{e:?}");
    assert_eq!(
        e[0].hint.as_deref(),
        Some("did you mean `held-by-profession`?")
    );

    let e = bad(
        "kind: vertical-bar\ntitle: X\ndata:\n  - label: a\n    value: 4OO\n    source: {text: R}\n",
    );
    assert!(
        at(&e[0], 11, 0) && e[0].message.contains("`4OO` is not a number"),
        "{e:?}"
    );

    let e = bad(
        "kind: vertical-bar\ntitle: X\ndata:\n  - label: a\n    value: 4\n    source: {text: R}\n  - label: b\n    value: 5\n",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        at(&e[0], 13, 3) && e[0].message.contains("has no source") && e[0].hint.is_some(),
        "{e:?}"
    );

    let e = bad("kind: timeline\ntitle: X\nquery: held-by-case\n");
    assert!(
        at(&e[0], 9, 8) && e[0].message.contains("cannot draw"),
        "{e:?}"
    );

    let e = bad("kind: line\ntitle: X\nquery: arrests-per-year\ncolour: red\n");
    assert!(
        at(&e[0], 10, 1) && e[0].message.contains("unknown field `colour`"),
        "{e:?}"
    );
}

#[test]
fn a_chart_source_linking_to_a_missing_page_is_located() {
    let e = bad("kind: counter\ntitle: X\nquery: held-now\nsource: {text: Us, url: /peple/}\n");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        at(&e[0], 10, 25) && e[0].message.contains("leads to no page"),
        "{e:?}"
    );
    assert_eq!(e[0].hint.as_deref(), Some("did you mean `/people/`?"));
}
