//! Charts drawn from the profiles: their numbers are counts over the fixture, their SVG is
//! well-formed and accessible, their CSV matches, and wrong specs are located errors.

mod fixture;

use fixture::{Site, csv_rows, svgs};

fn people(site: &Site) {
    site.person("a-one", "Aynur One", "status: detained\narrested: 2024-03-10\nprofession: journalist\ncase: media-case\ngender: female");
    site.person("b-two", "Bahruz Two", "status: sentenced\narrested: 2024-03-20\nprofession: journalist\ncase: media-case\ngender: male");
    site.person("c-three", "Cavid Three", "status: house_arrest\narrested: 2024-05-02\nprofession: activist\ngender: male");
    site.person("d-four", "Dilara Four", "status: released\narrested: 2023-11\nreleased: 2024-06-01\nprofession: journalist");
    site.person("e-five", "Elçin Five", "status: travel_ban\narrested: 2023\nprofession: activist");
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
    rows.into_iter().map(|r| (r[0].clone(), r[2].clone())).collect()
}

#[test]
fn chart_figures_are_counts_over_the_profiles_and_follow_them() {
    let site = Site::new();
    people(&site);
    site.page("infographics/numbers", CHARTS);
    let built = site.build();
    let csv = |id: &str| built.read(&format!("infographics/numbers/{id}.csv"));

    // Held now: detained, sentenced and house arrest; not the released, not the travel ban.
    assert_eq!(
        counts(&csv("by-profession")),
        [("journalist".into(), "2".into()), ("activist".into(), "1".into())]
    );
    assert_eq!(counts(&csv("held-now")), [("count".into(), "3".into())]);
    // Arrests by month: March 2024 twice, May 2024 once; 2023 is outside the period.
    let per_month = counts(&csv("per-month"));
    assert_eq!(per_month.len(), 6);
    assert_eq!(per_month[2], ("2024-03".into(), "2".into()));
    assert_eq!(per_month[4], ("2024-05".into(), "1".into()));
    let total: f64 = per_month.iter().map(|(_, v)| v.parse::<f64>().unwrap()).sum();
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
    site.person("f-six", "Fuad Six", "status: detained\narrested: 2024-03-25\nprofession: journalist");
    site.remove("profiles/c-three.md");
    let built = site.build();
    let csv = |id: &str| built.read(&format!("infographics/numbers/{id}.csv"));
    assert_eq!(counts(&csv("by-profession")), [("journalist".into(), "3".into())]);
    assert_eq!(counts(&csv("held-now")), [("count".into(), "3".into())]);
    assert_eq!(counts(&csv("per-month"))[2], ("2024-03".into(), "3".into()));
    assert_eq!(counts(&csv("per-month"))[4], ("2024-05".into(), "0".into()));
}

#[test]
fn home_and_people_counters_match_the_queries() {
    let site = Site::new();
    people(&site);
    site.page("infographics/numbers", CHARTS);
    let built = site.build();
    let held = counts(&built.read("infographics/numbers/held-now.csv"))[0].1.clone();
    let home = built.read("index.html");
    assert!(home.contains(&format!(">{held}</span>")), "home shows {held}");
    site.person("g-seven", "Gunel Seven", "status: detained\narrested: 2024-04-01");
    let built = site.build();
    let home = built.read("index.html");
    assert!(home.contains(">4</span>"));
    assert!(counts(&built.read("infographics/numbers/held-now.csv"))[0].1 == "4");
    // The people index counts each status with the same query: two detained now.
    let index = built.read("people/index.html");
    let after = &index[index.find("#status-detained").expect("status chip")..];
    let count = &after[after.find("class=count>").unwrap() + 12..];
    assert_eq!(&count[..count.find('<').unwrap()], "2");
}

#[test]
fn every_chart_is_well_formed_accessible_svg_with_a_table_and_csv() {
    let site = Site::new();
    people(&site);
    site.page("infographics/numbers", CHARTS);
    let built = site.build();
    for (dir, lang) in [("", "en"), ("az/", "az")] {
        let page = format!("{dir}infographics/numbers/index.html");
        let html = built.read(&page);
        // Inside the page, each chart is an accessible image with the figures in a table beside it.
        let inline = svgs(&html);
        assert_eq!(inline.len(), 7, "{page}");
        for svg in &inline {
            assert!(svg.contains("role=img") && svg.contains("<title") && svg.contains("<desc"), "{svg}");
        }
        assert_eq!(html.matches("<details class=chart-data>").count(), 7, "{page}");
        assert_eq!(html.matches("<table>").count(), 7);
        // Beside the page, each chart as a standalone SVG file (well-formed XML) and its CSV.
        for id in ["by-profession", "per-month", "by-case-gender", "held-over-time", "held-now", "arrests", "reported"] {
            assert!(html.contains(&format!("/sub/{dir}infographics/numbers/{id}.csv")), "{lang} {id}");
            assert!(built.exists(&format!("{dir}infographics/numbers/{id}.csv")));
            let file = built.read(&format!("{dir}infographics/numbers/{id}.svg"));
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
            assert!(!child("title").is_empty() && !child("desc").is_empty(), "{id}");
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
    let svg = built.read("infographics/numbers/by-profession.svg");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap().text().unwrap().to_string();
    assert!(desc.contains("Journalist: 2") && desc.contains("Activist: 1"), "{desc}");
    let (_, az_rows) = csv_rows(&built.read("az/infographics/numbers/by-profession.csv"));
    assert_eq!(az_rows[0][1], "Jurnalist");
}

#[test]
fn numbers_are_written_in_the_page_language() {
    let site = Site::new();
    people(&site);
    site.page("infographics/numbers", CHARTS);
    site.write(
        "content/infographics/numbers.az.md",
        &format!("---\ntitle: Rəqəmlər\n---\n{CHARTS}"),
    );
    let built = site.build();
    let en = built.read("infographics/numbers/index.html");
    let az = built.read("az/infographics/numbers/index.html");
    assert!(en.contains("12,345"));
    assert!(az.contains("12.345"));
    assert!(en.contains(">Mar<") && az.contains(">mar<"), "short month names");
    assert!(az.contains("Jurnalist: 2"));
}

fn bad(spec: &str) -> Vec<String> {
    let site = Site::new();
    people(&site);
    site.page("infographics/bad", &format!("Text.\n\n```chart\n{spec}```\n"));
    site.errors()
}

#[test]
fn wrong_specs_are_located_errors_with_a_hint() {
    // The block's YAML starts on line 7 of the file: 3 lines of front matter, text, blank, fence.
    let e = bad("kind: pie\ntitle: X\nquery: held-now\n");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("content/infographics/bad.md:7:"), "{}", e[0]);
    assert!(e[0].contains("unknown variant `pie`") && e[0].contains("help:"), "{}", e[0]);

    let e = bad("kind: horizontal-bar\ntitle: X\nquery: held-by-professon\n");
    assert!(e[0].contains("bad.md:9:"), "{}", e[0]);
    assert!(e[0].contains("did you mean `held-by-profession`"), "{}", e[0]);

    let e = bad("kind: vertical-bar\ntitle: X\ndata:\n  - label: a\n    value: 4OO\n    source: {text: R}\n");
    assert!(e[0].contains("bad.md:11:"), "{}", e[0]);
    assert!(e[0].contains("`4OO` is not a number"), "{}", e[0]);

    let e = bad("kind: vertical-bar\ntitle: X\ndata:\n  - label: a\n    value: 4\n    source: {text: R}\n  - label: b\n    value: 5\n");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("bad.md:13:3"), "{}", e[0]);
    assert!(e[0].contains("has no source"), "{}", e[0]);

    let e = bad("kind: timeline\ntitle: X\nquery: held-by-case\n");
    assert!(e[0].contains("bad.md:9:") && e[0].contains("cannot draw"), "{}", e[0]);

    let e = bad("kind: line\ntitle: X\nquery: arrests-per-year\ncolour: red\n");
    assert!(e[0].contains("bad.md:10:1") && e[0].contains("unknown field `colour`"), "{}", e[0]);
}

#[test]
fn a_chart_source_linking_to_a_missing_page_is_located() {
    let e = bad("kind: counter\ntitle: X\nquery: held-now\nsource: {text: Us, url: /peple/}\n");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("bad.md:10:25") && e[0].contains("leads to no page"), "{}", e[0]);
    assert!(e[0].contains("did you mean `/people/`"), "{}", e[0]);
}
