//! Bad input: every mistake a volunteer can make is reported at its file, line and column, with
//! what is wrong and (where there is one) a hint; the build exits 1 and the published site is left
//! exactly as it was.

mod common;

use common::*;

/// Builds the good fixture, breaks it with `change`, and builds again: the build must fail with
/// exit status 1, report an error at `location` whose message contains every word of `message`
/// and whose hint contains every word of `hint`, and leave `public/` byte for byte as it was.
/// `vigil check` must report the same error. Returns the failed build.
fn rejects(change: impl FnOnce(&Site), location: &str, message: &[&str], hint: &[&str]) -> Run {
    let (site, r) = rejected_by_build(change, location, message, hint);
    let c = site.vigil(&["check"]);
    c.assert_code(1);
    let dc = c.error_at(location);
    let d = r.error_at(location);
    assert_eq!(dc.message, d.message, "check and build disagree");
    r
}

/// Like `rejects`, for mistakes only a build finds (while rendering pages), not `vigil check`.
fn rejected_by_build(
    change: impl FnOnce(&Site),
    location: &str,
    message: &[&str],
    hint: &[&str],
) -> (Site, Run) {
    let site = Site::new();
    let good = snapshot(&site.built());
    change(&site);
    let r = site.vigil(&["build"]);
    r.assert_code(1);
    let d = r.error_at(location);
    // One mistake, one error: no echo of it elsewhere, no follow-on errors.
    assert_eq!(
        r.errors().len(),
        1,
        "one mistake should give one error: {r:?}"
    );
    for w in message {
        assert!(
            d.message.contains(w),
            "the message should say `{w}`: {d:#?}\n{r:?}"
        );
    }
    if hint.is_empty() {
        assert!(d.hint.is_none(), "unexpected hint: {d:#?}");
    }
    for w in hint {
        let h = d
            .hint
            .as_deref()
            .unwrap_or_else(|| panic!("no hint: {r:?}"));
        assert!(h.contains(w), "the hint should say `{w}`: {d:#?}");
    }
    assert_shows_source(&site, &d);
    assert!(r.stderr.contains("nothing was written"), "{r:?}");
    assert!(r.stdout.is_empty(), "{r:?}");
    assert_same_files(&good, &snapshot(&site.public()));
    let leftovers: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The image and card cache stays on purpose (see README); staging folders must not.
        .filter(|n| n.starts_with('.') && n != ".vigil-cache")
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
    (site, r)
}

/// An error with a line shows that line of the file, with the caret under the column.
fn assert_shows_source(site: &Site, d: &Diag) {
    if d.line == 0 {
        return;
    }
    // Lossy: a file that is not UTF-8 is shown with its bad bytes replaced.
    let file = String::from_utf8_lossy(&std::fs::read(site.path(&d.file)).unwrap()).into_owned();
    let line = file
        .lines()
        .nth(d.line - 1)
        .unwrap_or_else(|| panic!("{} has no line {}: {d:#?}", d.file, d.line));
    let (shown, caret) = d
        .source
        .clone()
        .unwrap_or_else(|| panic!("the error shows no source line: {d:#?}"));
    assert_eq!(
        shown, line,
        "the source line shown is not line {} of {}",
        d.line, d.file
    );
    assert_eq!(
        caret, d.col,
        "the caret is not under column {}: {d:#?}",
        d.col
    );
}

#[test]
fn unknown_field_suggests_the_right_one() {
    rejects(
        |s| {
            s.edit(
                "profiles/bob-bakirov.md",
                "sentence: 6 years\n",
                "sentence: 6 years\nprision: pretrial-one\n",
            );
        },
        "profiles/bob-bakirov.md:6:1",
        &["unknown field `prision`"],
        &["did you mean `prison`?"],
    );
}

#[test]
fn unknown_field_in_a_translation_says_facts_belong_in_the_default_file() {
    rejects(
        |s| {
            s.edit(
                "profiles/alice-aliyeva.az.md",
                "summary:",
                "status: released\nsummary:",
            );
        },
        "profiles/alice-aliyeva.az.md:3:1",
        &["unknown field `status`"],
        &["facts belong in the default-language file"],
    );
}

#[test]
fn unknown_status_lists_the_statuses() {
    rejects(
        |s| {
            s.edit(
                "profiles/bob-bakirov.md",
                "status: sentenced",
                "status: jailed",
            );
        },
        "profiles/bob-bakirov.md:3:9",
        &["unknown variant `jailed`"],
        &[
            "detained",
            "sentenced",
            "house_arrest",
            "released",
            "travel_ban",
            "exiled",
        ],
    );
}

#[test]
fn misspelt_status_suggests_the_right_one() {
    rejects(
        |s| {
            s.edit(
                "profiles/bob-bakirov.md",
                "status: sentenced",
                "status: sentensed",
            );
        },
        "profiles/bob-bakirov.md:3:9",
        &["unknown variant `sentensed`"],
        &["did you mean `sentenced`?"],
    );
}

#[test]
fn date_in_another_format() {
    rejects(
        |s| {
            s.edit(
                "profiles/alice-aliyeva.md",
                "arrested: 2024-01-01",
                "arrested: 01.01.2024",
            );
        },
        "profiles/alice-aliyeva.md:4:11",
        &["`01.01.2024` is not a date", "YYYY-MM-DD"],
        &[],
    );
}

#[test]
fn date_that_is_not_in_the_calendar() {
    rejects(
        |s| {
            s.edit(
                "profiles/alice-aliyeva.md",
                "arrested: 2024-01-01",
                "arrested: 2024-02-30",
            );
        },
        "profiles/alice-aliyeva.md:4:11",
        &["`2024-02-30` does not exist in the calendar"],
        &[],
    );
}

#[test]
fn month_that_does_not_exist() {
    rejects(
        |s| {
            s.edit(
                "profiles/bob-bakirov.md",
                "arrested: 2023-04",
                "arrested: 2023-13",
            );
        },
        "profiles/bob-bakirov.md:4:11",
        &["there is no month 13"],
        &[],
    );
}

#[test]
fn released_before_arrested() {
    rejects(
        |s| {
            s.edit(
                "profiles/dan-davudov.md",
                "released: 2023-03-01",
                "released: 2022-03-01",
            );
        },
        "profiles/dan-davudov.md:5:1",
        &["released 2022-03-01, before the arrest (2023-01-10)"],
        &["release comes after arrest"],
    );
}

#[test]
fn released_but_still_held() {
    rejects(
        |s| {
            s.edit(
                "profiles/dan-davudov.md",
                "status: released",
                "status: detained",
            );
        },
        "profiles/dan-davudov.md:5:1",
        &["status is `detained` but a release date is given"],
        &["status: released"],
    );
}

#[test]
fn unknown_organisation_in_a_statement() {
    rejects(
        |s| {
            s.edit(
                "content/statements/first-appeal.yaml",
                "signatories: [org-alpha, org-beta]",
                "signatories: [org-alpha, org-betta]",
            );
        },
        "content/statements/first-appeal.yaml:6:26",
        &["unknown organisation `org-betta`"],
        &["did you mean `org-beta`?"],
    );
}

#[test]
fn unknown_organisation_without_a_near_name() {
    rejects(
        |s| {
            s.edit(
                "content/statements/first-appeal.yaml",
                "signatories: [org-alpha, org-beta]",
                "signatories:\n  - org-alpha\n  - amnesty\n",
            );
        },
        "content/statements/first-appeal.yaml:8:5",
        &["unknown organisation `amnesty`"],
        &["add `amnesty` to content/organisations.yaml"],
    );
}

#[test]
fn unknown_person_in_a_statement() {
    rejects(
        |s| {
            s.edit(
                "content/statements/second-appeal.yaml",
                "profiles: [bob-bakirov]",
                "profiles: [bob-bakirow]",
            );
        },
        "content/statements/second-appeal.yaml:5:12",
        &["unknown person `bob-bakirow`"],
        &["did you mean `bob-bakirov`?"],
    );
}

#[test]
fn unknown_charge_in_a_profile() {
    rejects(
        |s| {
            s.edit(
                "profiles/alice-aliyeva.md",
                "charges: [smuggling, hooliganism]",
                "charges: [smuggling, hooliganizm]",
            );
        },
        "profiles/alice-aliyeva.md:12:22",
        &["unknown charge `hooliganizm`"],
        &["did you mean `hooliganism`?"],
    );
}

#[test]
fn unknown_prison_in_a_profile() {
    rejects(
        |s| {
            s.edit(
                "profiles/alice-aliyeva.md",
                "prison: pretrial-one",
                "prison: pretrial-two",
            );
        },
        "profiles/alice-aliyeva.md:13:9",
        &["unknown prison `pretrial-two`"],
        &["pretrial-one"],
    );
}

#[test]
fn translation_without_a_default_file() {
    rejects(
        |s| {
            s.write(
                "profiles/nobody-here.az.md",
                "---\nname: Heç kim\n---\nMətn.\n",
            );
        },
        "profiles/nobody-here.az.md:1:1",
        &["a translation of `profiles/nobody-here.md`, which does not exist"],
        &["add it first"],
    );
}

#[test]
fn page_translation_without_a_default_file() {
    rejects(
        |s| {
            s.write("content/contact.az.md", "---\ntitle: Əlaqə\n---\nMətn.\n");
        },
        "content/contact.az.md:1:1",
        &["a translation of `content/contact.md`, which does not exist"],
        &["add the default-language page first"],
    );
}

#[test]
fn unknown_language_in_a_file_name() {
    // A problem with the name of a file, not with a line of it: the location is the file.
    rejects(
        |s| {
            s.write(
                "profiles/alice-aliyeva.ru.md",
                "---\nname: Алиса Алиева\n---\nТекст.\n",
            );
        },
        "profiles/alice-aliyeva.ru.md",
        &["unknown language `ru` in the file name"],
        &[
            "this site's languages are en, az",
            "add `ru` to `languages` in site.yaml",
        ],
    );
}

#[test]
fn default_language_suffix_in_a_file_name() {
    rejects(
        |s| {
            s.write("content/contact.en.md", "---\ntitle: Contact\n---\nText.\n");
        },
        "content/contact.en.md",
        &["`.en` is the default language"],
        &["rename the file to `contact.md`"],
    );
}

#[test]
fn malformed_yaml_in_front_matter() {
    // One error only: not also "a translation of a file that does not exist" for the translation,
    // nor "unknown person" for the statements naming her, nor dead links to her page.
    rejects(
        |s| {
            s.edit(
                "profiles/alice-aliyeva.md",
                "summary: Reporter held for her work at Gamma Newsroom.",
                "summary: Reporter held: for her work at Gamma Newsroom.",
            );
        },
        "profiles/alice-aliyeva.md:14:23",
        &["mapping values are not allowed"],
        &["must be put in quotes"],
    );
}

#[test]
fn malformed_yaml_in_a_list() {
    rejects(
        |s| {
            s.edit(
                "content/charges.yaml",
                "  article: \"206.3.2\"",
                "  article: \"206.3.2",
            );
        },
        // Where the quote opens, not at the end of the file where the parser noticed.
        "content/charges.yaml:7:12",
        &["found unexpected end of stream while scanning a quoted scalar"],
        &["close it with the same quote"],
    );
}

#[test]
fn tab_indentation() {
    rejects(
        |s| {
            s.edit("content/cases.yaml", "  name:\n", "\tname:\n");
        },
        "content/cases.yaml:2:1",
        &["found character that cannot start any token"],
        &["indent with spaces, not tabs"],
    );
}

#[test]
fn missing_required_field() {
    rejects(
        |s| {
            s.edit("profiles/bob-bakirov.md", "status: sentenced\n", "");
        },
        "profiles/bob-bakirov.md:2:1",
        &["missing field `status`"],
        &[],
    );
}

#[test]
fn missing_front_matter() {
    rejects(
        |s| {
            s.write("content/contact.md", "# Contact\n\nWrite to us.\n");
        },
        "content/contact.md:1:1",
        &["the file must start with front matter"],
        &["`---`"],
    );
}

#[test]
fn broken_internal_link_in_markdown() {
    rejects(
        |s| {
            s.edit(
                "content/about.md",
                "We campaign for [Alice Aliyeva](/people/alice-aliyeva/) and others.",
                "We campaign for [Alice Aliyeva](/people/alice-aliyeva/) and [Bob](/people/bob-bakirof/).",
            );
        },
        "content/about.md:6:61",
        &["the link `/people/bob-bakirof/` leads to no page of this site"],
        &["did you mean `/people/bob-bakirov/`?"],
    );
}

#[test]
fn broken_internal_link_in_html_written_in_markdown() {
    rejects(
        |s| {
            s.edit(
                "content/about.md",
                "and others.",
                "and others.\n\n<p>Also <a href=\"/people/bob-bakirof/\">Bob</a>.</p>",
            );
        },
        "content/about.md:8:18",
        &["the link `/people/bob-bakirof/` leads to no page of this site"],
        &["did you mean `/people/bob-bakirov/`?"],
    );
}

#[test]
fn image_from_another_site_in_html_written_in_markdown() {
    // Markdown's `![](https://...)` is an error; so is the same image written as HTML, which the
    // cleaning of raw HTML would otherwise drop without a word.
    for src in [
        "https://tracker.example/pixel.gif",
        "//tracker.example/pixel.gif",
    ] {
        rejects(
            |s| {
                s.edit(
                    "content/about.md",
                    "and others.",
                    &format!("and others.\n\n<p>Look: <img src=\"{src}\" alt=\"A pixel\"></p>"),
                );
            },
            "content/about.md:8:20",
            &[&format!("the image `{src}` is on another site")],
            &["save the image under content/"],
        );
    }
}

#[test]
fn broken_internal_link_in_a_translation() {
    rejects(
        |s| {
            s.edit(
                "profiles/alice-aliyeva.az.md",
                "(/organisations/org-gamma/)",
                "(/organisations/org-gama/)",
            );
        },
        "profiles/alice-aliyeva.az.md:6:13",
        &["the link `/organisations/org-gama/` leads to no page"],
        &["did you mean `/organisations/org-gamma/`?"],
    );
}

#[test]
fn broken_internal_link_in_a_statement() {
    rejects(
        |s| {
            s.edit(
                "content/statements/first-appeal.yaml",
                "release of [Alice Aliyeva](/people/alice-aliyeva/)",
                "release of [Alice Aliyeva](/people/alice/)",
            );
        },
        "content/statements/first-appeal.yaml:10:48",
        &["the link `/people/alice/` leads to no page"],
        &["did you mean `/people/alice-aliyeva/`?"],
    );
}

#[test]
fn broken_link_in_each_language_of_a_statement_is_located_in_each() {
    let site = Site::new();
    site.write(
        "content/statements/first-appeal.yaml",
        site.read("content/statements/first-appeal.yaml")
            .replace("(/people/alice-aliyeva/)", "(/people/alicia/)"),
    );
    let r = site.vigil(&["check"]);
    r.assert_code(1);
    assert_eq!(r.errors().len(), 2, "{r:?}");
    for at in [
        "content/statements/first-appeal.yaml:10:48",
        "content/statements/first-appeal.yaml:12:21",
    ] {
        let d = r.error_at(at);
        assert!(
            d.message
                .contains("the link `/people/alicia/` leads to no page"),
            "{d:?}"
        );
        assert_shows_source(&site, &d);
    }
}

#[test]
fn relative_link_in_markdown() {
    rejects(
        |s| {
            s.edit("content/help/letters.md", "(/people/)", "(../people/)");
        },
        "content/help/letters.md:4:14",
        &["the link `../people/` is relative"],
        &["write links inside the site from its root"],
    );
}

#[test]
fn photo_outside_the_profiles_folder() {
    rejects(
        |s| {
            s.edit(
                "profiles/alice-aliyeva.md",
                "photo: photos/alice.png",
                "photo: ../../etc/passwd",
            );
        },
        "profiles/alice-aliyeva.md:7:8",
        &["`../../etc/passwd` is outside the profiles folder"],
        &["profiles/photos/"],
    );
}

#[test]
fn photo_that_is_not_an_image() {
    rejects(
        |s| {
            s.write(
                "profiles/photos/fake.jpg",
                "this is a text file, not a JPEG\n",
            );
            s.edit(
                "profiles/alice-aliyeva.md",
                "photo: photos/alice.png",
                "photo: photos/fake.jpg",
            );
        },
        "profiles/alice-aliyeva.md:7:8",
        &["profiles/photos/fake.jpg is not a photo"],
        &["JPEG or PNG"],
    );
}

#[test]
fn photo_that_does_not_exist() {
    rejects(
        |s| {
            s.edit(
                "profiles/alice-aliyeva.md",
                "photo: photos/alice.png",
                "photo: photos/alice.jpg",
            );
        },
        "profiles/alice-aliyeva.md:7:8",
        &["there is no photo at profiles/photos/alice.jpg"],
        &["relative to profiles/"],
    );
}

#[test]
fn photo_without_alt_text() {
    rejects(
        |s| {
            s.edit(
                "profiles/alice-aliyeva.md",
                "photo_alt: Alice Aliyeva at a press conference\n",
                "",
            );
        },
        "profiles/alice-aliyeva.md:7:1",
        &["a photo needs `photo_alt`"],
        &["photo_alt:"],
    );
}

/// The repository's theme file `rel` (under themes/default/), as the fixtures copy it.
fn theme_file(rel: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default")
            .join(rel),
    )
    .unwrap()
}

#[test]
fn missing_key_in_the_themes_words() {
    rejects(
        |s| {
            let az = s.read("themes/default/i18n/az.yaml");
            let without: String = az
                .lines()
                .filter(|l| !l.starts_with("footer:"))
                .map(|l| format!("{l}\n"))
                .collect();
            assert_ne!(az, without);
            s.write("themes/default/i18n/az.yaml", without);
        },
        "themes/default/i18n/az.yaml:1:1",
        &["missing field `footer`"],
        &[],
    );
}

#[test]
fn unknown_key_in_the_themes_words() {
    let last = theme_file("i18n/az.yaml").lines().count() + 1;
    rejects(
        |s| {
            let az = s.read("themes/default/i18n/az.yaml");
            assert!(az.ends_with('\n'));
            s.write("themes/default/i18n/az.yaml", format!("{az}footr: Alt\n"));
        },
        &format!("themes/default/i18n/az.yaml:{last}:1"),
        &["unknown field `footr`"],
        &["did you mean `footer`?"],
    );
}

#[test]
fn template_syntax_error_names_the_template() {
    // A line after `{% block main %}` with an expression that is not closed.
    let line = theme_file("templates/person.html")
        .lines()
        .position(|l| l.contains("{% block main %}"))
        .expect("person.html has a main block")
        + 2;
    let bad = "<p>{{ page.summary }</p>";
    rejects(
        |s| {
            let t = s.read("themes/default/templates/person.html");
            s.write(
                "themes/default/templates/person.html",
                t.replacen(
                    "{% block main %}\n",
                    &format!("{{% block main %}}\n{bad}\n"),
                    1,
                ),
            );
        },
        &format!(
            "themes/default/templates/person.html:{line}:{}",
            bad.find("}<").unwrap() + 1
        ),
        &["expected"],
        &[],
    );
}

#[test]
fn unclosed_template_tag_names_the_template() {
    // Tera finds the `if` unclosed where the block ends.
    let theme = theme_file("templates/statement.html");
    let (line, text) = theme
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("{% endblock main %}"))
        .expect("statement.html ends its main block");
    let at = format!(
        "themes/default/templates/statement.html:{}:{}",
        line + 1,
        text.find("endblock").unwrap() + 1
    );
    rejects(
        |s| {
            let t = s.read("themes/default/templates/statement.html");
            s.write(
                "themes/default/templates/statement.html",
                t.replacen(
                    "{% block main %}",
                    "{% block main %}{% if page.source %}",
                    1,
                ),
            );
        },
        &at,
        &["`endblock` closes nothing", "endif"],
        &[],
    );
}

#[test]
fn template_that_uses_an_unknown_variable_names_the_template() {
    // Found while rendering, on every statement page in every language: reported once, at its line
    // in the template as written (the theme renders from a compact copy).
    let line = theme_file("templates/statement.html")
        .lines()
        .position(|l| l.contains("{% block main %}"))
        .expect("statement.html has a main block")
        + 1;
    let inserted = "{% block main %}{{ page.no_such_thing }}";
    rejected_by_build(
        |s| {
            let t = s.read("themes/default/templates/statement.html");
            s.write(
                "themes/default/templates/statement.html",
                t.replacen("{% block main %}", inserted, 1),
            );
        },
        &format!(
            "themes/default/templates/statement.html:{line}:{}",
            inserted.find("no_such").unwrap() + 1
        ),
        &["`no_such_thing` is not defined"],
        &[],
    );
}

#[test]
fn theme_without_a_card_component_says_what_to_write() {
    rejected_by_build(
        |s| {
            let t = s.read("themes/default/templates/components.html");
            s.write(
                "themes/default/templates/components.html",
                t.replace("component card(", "component tile(")
                    .replace("endcomponent card", "endcomponent tile"),
            );
        },
        "themes/default/templates/components.html",
        &["no `card` component"],
        &["{% component card(p, h=3, filters=false) %}"],
    );
}

#[test]
fn card_that_uses_an_unknown_variable_names_its_line() {
    // Drawn once a person and form, at the start of rendering: reported once, where it is written.
    let (line, text) = theme_file("templates/components.html")
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("<p class=\"badge\">"))
        .map(|(i, l)| (i + 1, l.to_string()))
        .expect("the card has a badge");
    rejected_by_build(
        |s| {
            let t = s.read("themes/default/templates/components.html");
            s.write(
                "themes/default/templates/components.html",
                t.replacen(
                    "<p class=\"badge\">",
                    "<p class=\"badge\">{{ p.no_such_thing }}",
                    1,
                ),
            );
        },
        &format!(
            "themes/default/templates/components.html:{line}:{}",
            text.find("<p class=\"badge\">").unwrap() + "<p class=\"badge\">{{ p.".len() + 1
        ),
        &["`no_such_thing` is not defined"],
        &["card(p, h, filters)"],
    );
}

#[test]
fn card_that_links_nowhere_names_the_template_declaring_it() {
    // A card's links are checked once, when it is drawn, not in each page that shows it.
    rejected_by_build(
        |s| {
            let t = s.read("themes/default/templates/components.html");
            s.write(
                "themes/default/templates/components.html",
                t.replacen("href=\"{{ p.href }}\"", "href=\"{{ p.href }}gone.html\"", 1),
            );
        },
        "themes/default/templates/components.html",
        &["gone.html", "which this build does not write"],
        &[],
    );
}

#[test]
fn country_code_that_is_not_two_capitals() {
    rejects(
        |s| {
            s.edit(
                "content/organisations.yaml",
                "country: AZ",
                "country: Azerbaijan",
            );
        },
        "content/organisations.yaml:9:3",
        &["`Azerbaijan` is not a country code"],
        &["ISO 3166"],
    );
}

#[test]
fn country_code_no_stays_no() {
    // YAML 1.1 reads a bare NO as `false` (the "Norway problem"); the builder must keep Norway.
    let site = Site::new();
    assert!(
        site.read("content/organisations.yaml")
            .contains("  country: NO\n")
    );
    let out = site.built();
    let html = text(&page(&out, "organisations/org-alpha/index.html"));
    assert!(html.contains("NO"), "{html}");
    assert!(!html.contains("false"), "{html}");
    let statement = page(&out, "statements/first-appeal/index.html");
    assert!(tags(&statement).iter().any(|t| t.name == "abbr") || text(&statement).contains("NO"));
    assert!(text(&statement).contains("NO"));
}

#[test]
fn every_error_of_a_build_is_reported_at_once() {
    let site = Site::new();
    let good = snapshot(&site.built());
    site.edit(
        "profiles/bob-bakirov.md",
        "status: sentenced",
        "status: jailed",
    );
    site.edit(
        "content/statements/first-appeal.yaml",
        "signatories: [org-alpha, org-beta]",
        "signatories: [org-alpha, org-betta]",
    );
    site.edit(
        "profiles/dan-davudov.md",
        "released: 2023-03-01",
        "released: 2022-03-01",
    );
    let r = site.vigil(&["build"]);
    r.assert_code(1);
    let errors = r.errors();
    assert_eq!(errors.len(), 3, "{r:?}");
    r.error_at("profiles/bob-bakirov.md:3:9");
    r.error_at("content/statements/first-appeal.yaml:6:26");
    r.error_at("profiles/dan-davudov.md:5:1");
    assert!(r.stderr.contains("3 errors"), "{r:?}");
    assert_same_files(&good, &snapshot(&site.public()));
}

#[test]
fn errors_in_several_kinds_of_file_are_reported_at_once() {
    // A parse error in one file does not hide a reference error in another, nor a theme error.
    let site = Site::new();
    site.edit(
        "profiles/bob-bakirov.md",
        "status: sentenced",
        "status: sentenced: yes",
    );
    site.edit(
        "profiles/alice-aliyeva.md",
        "prison: pretrial-one",
        "prison: pretrial-two",
    );
    site.write("profiles/ghost.az.md", "---\nname: Ghost\n---\n");
    let az = site.read("themes/default/i18n/az.yaml");
    site.write(
        "themes/default/i18n/az.yaml",
        az.lines()
            .filter(|l| !l.starts_with("footer:"))
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    );
    let r = site.vigil(&["check"]);
    r.assert_code(1);
    let files: Vec<String> = r.errors().into_iter().map(|d| d.file).collect();
    for f in [
        "profiles/bob-bakirov.md",
        "profiles/alice-aliyeva.md",
        "profiles/ghost.az.md",
        "themes/default/i18n/az.yaml",
    ] {
        assert!(files.contains(&f.to_string()), "no error for {f}: {r:?}");
    }
}

#[test]
fn warnings_do_not_fail_the_build() {
    // Bob has no translation: a warning, printed, and the site is built.
    let site = Site::new();
    let r = site.build_ok(&[]);
    let warnings: Vec<Diag> = r
        .diagnostics()
        .into_iter()
        .filter(|d| d.severity == "warning")
        .collect();
    assert!(
        warnings.iter().any(|d| d.file == "profiles/bob-bakirov.md"
            && d.message.contains("no `az` translation yet")),
        "{r:?}"
    );
    assert!(r.stdout.contains("warnings"), "{r:?}");
}

#[test]
fn byte_order_mark_at_the_start_of_a_file() {
    rejects(
        |s| {
            let t = s.read("profiles/alice-aliyeva.md");
            s.write("profiles/alice-aliyeva.md", format!("\u{feff}{t}"));
        },
        "profiles/alice-aliyeva.md:1:1",
        &["byte-order mark"],
        &["UTF-8 without BOM"],
    );
}

#[test]
fn windows_line_ends() {
    rejects(
        |s| {
            let t = s.read("profiles/alice-aliyeva.md");
            s.write("profiles/alice-aliyeva.md", t.replace('\n', "\r\n"));
        },
        "profiles/alice-aliyeva.md:1:4",
        &["Windows line ends (CR LF)"],
        &["LF (Unix) line ends"],
    );
}

#[test]
fn duplicate_key_in_front_matter() {
    rejects(
        |s| {
            s.edit(
                "profiles/alice-aliyeva.md",
                "gender: female\n",
                "gender: female\nstatus: released\n",
            );
        },
        "profiles/alice-aliyeva.md:7:1",
        &["duplicate field `status`"],
        &["remove one of them"],
    );
}

#[test]
fn file_that_is_not_utf8() {
    rejects(
        |s| {
            // "Qənaət" in a Windows code page, not UTF-8: `ə` is one byte.
            let mut t = s.read("profiles/alice-aliyeva.az.md").into_bytes();
            let at = t.windows(6).position(|w| w == b"name: ").unwrap() + 6;
            t.splice(at..at, *b"Q\xe6na\xe6t ");
            s.write("profiles/alice-aliyeva.az.md", t);
        },
        "profiles/alice-aliyeva.az.md:2:8",
        &["not UTF-8"],
        &["UTF-8 encoding"],
    );
}

#[test]
fn empty_profile() {
    rejects(
        |s| {
            s.write("profiles/zed-zeynalov.md", "");
        },
        "profiles/zed-zeynalov.md",
        &["the file is empty"],
        &["begin the file with a line `---`"],
    );
}

#[test]
fn empty_list_file() {
    rejects(
        |s| {
            s.write("content/prisons.yaml", "\n");
        },
        "content/prisons.yaml",
        &["the file is empty"],
        &[],
    );
}

#[test]
fn huge_file() {
    rejects(
        |s| {
            let t = s.read("profiles/bob-bakirov.md");
            let filler = "A paragraph pasted again and again. ".repeat(150_000);
            s.write("profiles/bob-bakirov.md", format!("{t}\n{filler}\n"));
        },
        "profiles/bob-bakirov.md",
        &["5.4 MB", "more than the 4 MB"],
        &["split it"],
    );
}

#[test]
fn two_files_for_one_person() {
    rejects(
        |s| {
            let t = s.read("profiles/bob-bakirov.md");
            s.write("profiles/more/bob-bakirov.md", t);
        },
        "profiles/more/bob-bakirov.md:1:1",
        &["a second file for `bob-bakirov`", "profiles/bob-bakirov.md"],
        &["rename or remove one of them"],
    );
}

#[test]
fn born_in_the_future() {
    rejects(
        |s| {
            s.edit(
                "profiles/alice-aliyeva.md",
                "born: 1985-07-14",
                "born: 2031-07-14",
            );
        },
        "profiles/alice-aliyeva.md:5:1",
        &["born 2031-07-14 is in the future"],
        &[],
    );
}

#[cfg(unix)]
#[test]
fn symbolic_link_leading_outside_the_site() {
    rejects(
        |s| {
            std::os::unix::fs::symlink("/etc/passwd", s.path("profiles/passwd.md")).unwrap();
        },
        "profiles/passwd.md",
        &["symbolic link that leads outside the site"],
        &["copy the file into the site"],
    );
}

#[cfg(unix)]
#[test]
fn symbolic_link_loop() {
    rejects(
        |s| {
            std::os::unix::fs::symlink("loop.md", s.path("profiles/loop.md")).unwrap();
        },
        "profiles/loop.md",
        &["loops back to itself"],
        &["copy the file into the site"],
    );
}

#[cfg(unix)]
#[test]
fn symbolic_link_to_a_folder_that_holds_the_site() {
    // Followed, it would walk the site again and again without end.
    rejects(
        |s| {
            std::os::unix::fs::symlink("..", s.path("content/again")).unwrap();
        },
        "content/again",
        &["symbolic link to a folder"],
        &["copy the file into the site"],
    );
}
