//! "Days held" is counted up to the build date (`SOURCE_DATE_EPOCH`), or up to the release; a date
//! whose day is not known says "since April 2023" instead of a count it cannot know.

mod common;

use common::*;

/// `days_other`/`days_one` of the theme for `n`.
fn days(lang: &str, n: i64) -> String {
    let key = if n == 1 { "days_one" } else { "days_other" };
    theme_string(lang, key).replace("{n}", &n.to_string())
}

fn person(out: &std::path::Path, lang: &str, slug: &str) -> String {
    let prefix = if lang == "en" {
        String::new()
    } else {
        format!("{lang}/")
    };
    text(&page(out, &format!("{prefix}people/{slug}/index.html")))
}

#[test]
fn days_held_are_counted_to_the_build_date() {
    let site = Site::new();
    // Alice was arrested on 2024-01-01; EPOCH is 2024-01-11.
    let out = site.built();
    assert_eq!(
        days("en", 10),
        "10 days held",
        "the theme's English wording changed"
    );
    assert!(person(&out, "en", "alice-aliyeva").contains("10 days held"));
    assert!(person(&out, "az", "alice-aliyeva").contains(&days("az", 10)));
    // Her card on the people page says the same.
    assert!(text(&page(&out, "people/index.html")).contains("10 days held"));
    // Carol, arrested 2023-12-01: 41 days.
    assert!(person(&out, "en", "carol-karimova").contains("41 days held"));

    // Ten days later, ten more days.
    let later = "1705795200"; // 2024-01-21
    site.vigil_at(later, &["build"]).assert_ok();
    assert!(person(&out, "en", "alice-aliyeva").contains("20 days held"));
    assert!(!person(&out, "en", "alice-aliyeva").contains("10 days held"));
}

#[test]
fn one_day_is_singular() {
    let site = Site::new();
    site.edit(
        "profiles/alice-aliyeva.md",
        "arrested: 2024-01-01",
        "arrested: 2024-01-10",
    );
    site.build_ok(&[]); // on 2024-01-11
    let en = person(&site.public(), "en", "alice-aliyeva");
    assert!(en.contains(&days("en", 1)), "{en}");
    assert!(!en.contains("1 days"), "{en}");
}

#[test]
fn arrest_day_itself_counts_zero_days() {
    let site = Site::new();
    site.edit(
        "profiles/alice-aliyeva.md",
        "arrested: 2024-01-01",
        "arrested: 2024-01-11",
    );
    site.build_ok(&[]); // on 2024-01-11, the day of the arrest
    let en = person(&site.public(), "en", "alice-aliyeva");
    assert!(en.contains(&days("en", 0)), "{en}");
}

#[test]
fn partial_arrest_date_says_since_month_and_year() {
    let site = Site::new();
    // Without the case, Bob's page shows no card of Alice (whose days are counted).
    site.edit("profiles/bob-bakirov.md", "case: gamma-case\n", "");
    let out = site.built();
    // Bob: `arrested: 2023-04`.
    let since = theme_string("en", "since");
    assert!(since.contains("{date}"));
    let want = since.replace("{date}", "April 2023");
    assert_eq!(
        want, "held since April 2023",
        "the theme's English wording changed"
    );
    let en = person(&out, "en", "bob-bakirov");
    assert!(en.contains(&want), "{en}");
    assert!(
        !en.contains("days held"),
        "a count for an unknown day: {en}"
    );
    // Arrested: "April 2023", with the machine-readable partial date.
    let html = page(&out, "people/bob-bakirov/index.html");
    assert!(
        tags(&html)
            .iter()
            .any(|t| t.name == "time" && t.attr("datetime") == Some("2023-04"))
    );
    let az = person(&out, "az", "bob-bakirov");
    let month = theme_month("az", 4);
    let az_date = theme_string("az", "month_year_format")
        .replace("{month}", &month)
        .replace("{year}", "2023");
    assert!(
        az.contains(&theme_string("az", "since").replace("{date}", &az_date)),
        "{az}"
    );

    // A year alone.
    site.edit(
        "profiles/bob-bakirov.md",
        "arrested: 2023-04",
        "arrested: 2022",
    );
    let out = site.built();
    let en = person(&out, "en", "bob-bakirov");
    assert!(en.contains("held since 2022"), "{en}");
}

#[test]
fn time_held_of_a_released_person_ends_at_release() {
    let site = Site::new();
    // Dan: arrested 2023-01-10, released 2023-03-01: 50 days, whatever the build date.
    for epoch in ["1704931200", "1735689600"] {
        site.vigil_at(epoch, &["build"]).assert_ok();
        let en = person(&site.public(), "en", "dan-davudov");
        assert!(en.contains("50 days held"), "{en}");
        assert!(en.contains("1 March 2023"), "{en}");
    }
}

#[test]
fn build_date_must_not_precede_the_facts() {
    // With the clock set before Alice's arrest, her arrest is in the future: an error, not a
    // negative count.
    let site = Site::new();
    let r = site.vigil_at("1703980800", &["build"]); // 2023-12-31
    r.assert_code(1);
    let d = r.error_at("profiles/alice-aliyeva.md:4:1");
    assert!(d.message.contains("2024-01-01 is in the future"), "{d:?}");
}
