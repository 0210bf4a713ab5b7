//! Both languages are built: the default at the root, the other under `/<code>/`, each page telling
//! browsers and search engines its language and where its twin is.

mod common;

use common::*;

#[test]
fn every_page_is_built_in_both_languages_with_its_lang() {
    let site = Site::new();
    let out = site.built();
    let files = html_files(&out);
    let default: Vec<&String> = files.iter().filter(|f| !f.starts_with("az/")).collect();
    assert!(default.len() >= 20, "too few pages were built: {default:?}");
    for f in &default {
        // GitHub Pages serves a single 404 page, at the root.
        if *f == "404.html" {
            continue;
        }
        assert!(
            files.contains(&format!("az/{f}")),
            "{f} was built in English but not in Azerbaijani (az/{f})"
        );
    }
    for f in &files {
        let html = page(&out, f);
        let want = if f.starts_with("az/") { "az" } else { "en" };
        let html_tag = tags(&html).into_iter().find(|t| t.name == "html").unwrap();
        assert_eq!(html_tag.attr("lang"), Some(want), "<html lang> of {f}");
    }
    // The same person, in each language's words.
    let en = text(&page(&out, "people/alice-aliyeva/index.html"));
    let az = text(&page(&out, "az/people/alice-aliyeva/index.html"));
    assert!(
        en.contains("Alice Aliyeva") && !en.contains("Alisa Əliyeva"),
        "{en}"
    );
    assert!(az.contains("Alisa Əliyeva"), "{az}");
    assert!(text(&page(&out, "index.html")).contains("Free the Fixture Five"));
    assert!(text(&page(&out, "az/index.html")).contains("Fikstur beşliyinə azadlıq"));
    // Lists that are not pages in a language are not put under it.
    assert!(out.join("sitemap.xml").is_file());
    assert!(!out.join("az/sitemap.xml").exists());
    assert!(out.join("az/atom.xml").is_file());
}

/// The path of a page relative to a language root: `people/x/index.html` -> `people/x/`.
fn page_path(file: &str) -> String {
    let file = file.strip_prefix("az/").unwrap_or(file);
    file.strip_suffix("index.html").unwrap_or(file).to_string()
}

#[test]
fn every_page_names_its_twin_with_absolute_hreflang_links() {
    let site = Site::new();
    let out = site.built();
    let origin = "https://example.org/sub/path/";
    let mut checked = 0;
    for f in html_files(&out) {
        let html = page(&out, &f);
        let tags = tags(&html);
        if tags.iter().any(|t| t.attr("http-equiv") == Some("refresh")) {
            continue; // redirect pages of aliases: tested in base_url.rs
        }
        let alternates: Vec<(String, String)> = tags
            .iter()
            .filter(|t| t.name == "link" && t.attr("rel") == Some("alternate"))
            .filter_map(|t| Some((t.attr("hreflang")?.to_string(), t.attr("href")?.to_string())))
            .collect();
        let get = |code: &str| {
            let found: Vec<&String> = alternates
                .iter()
                .filter(|(c, _)| c == code)
                .map(|(_, h)| h)
                .collect();
            assert_eq!(
                found.len(),
                1,
                "{f}: one hreflang={code} link: {alternates:?}"
            );
            found[0].clone()
        };
        let (en, az, default) = (get("en"), get("az"), get("x-default"));
        for href in [&en, &az, &default] {
            assert!(
                href.starts_with(origin),
                "{f}: hreflang link `{href}` is not absolute under {origin}"
            );
        }
        let p = page_path(&f);
        if f == "404.html" {
            // Written once: its twins are the languages' home pages.
            assert_eq!(en, origin);
            assert_eq!(az, format!("{origin}az/"));
        } else {
            assert_eq!(en, format!("{origin}{p}"), "{f}: hreflang=en");
            assert_eq!(az, format!("{origin}az/{p}"), "{f}: hreflang=az");
        }
        assert_eq!(default, en, "{f}: x-default is the default language");
        let canonical = tags
            .iter()
            .find(|t| t.name == "link" && t.attr("rel") == Some("canonical"))
            .and_then(|t| t.attr("href"))
            .unwrap_or_else(|| panic!("{f} has no canonical link"));
        let own = if f.starts_with("az/") { &az } else { &en };
        if f != "404.html" {
            assert_eq!(canonical, own, "{f}: canonical is the page itself");
        }
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} pages checked");
}

#[test]
fn language_switcher_on_a_person_page_leads_to_the_same_person() {
    let site = Site::new();
    let out = site.built();
    for (file, other, target, name) in [
        (
            "people/alice-aliyeva/index.html",
            "az",
            "/sub/path/az/people/alice-aliyeva/",
            "Azərbaycanca",
        ),
        (
            "az/people/alice-aliyeva/index.html",
            "en",
            "/sub/path/people/alice-aliyeva/",
            "English",
        ),
        (
            "az/people/bob-bakirov/index.html",
            "en",
            "/sub/path/people/bob-bakirov/",
            "English",
        ),
    ] {
        let html = page(&out, file);
        let switch: Vec<Tag> = tags(&html)
            .into_iter()
            .filter(|t| t.name == "a" && t.attr("hreflang") == Some(other))
            .collect();
        assert!(!switch.is_empty(), "{file}: no link to the {other} page");
        for a in &switch {
            assert_eq!(a.attr("href"), Some(target), "{file}: language switcher");
            assert_eq!(
                a.attr("lang"),
                Some(other),
                "{file}: the language's name is in it"
            );
        }
        assert!(
            anchors(&html)
                .iter()
                .any(|(href, label)| href == target && label == name),
            "{file}: the switcher says `{name}`: {:?}",
            anchors(&html)
        );
        // No switcher link to the page's own language.
        let own = if file.starts_with("az/") { "az" } else { "en" };
        assert!(
            !tags(&html)
                .iter()
                .any(|t| t.name == "a" && t.attr("hreflang") == Some(own)),
            "{file} links to itself as another language"
        );
    }
}

#[test]
fn untranslated_profile_shows_the_default_text_marked_as_such() {
    let site = Site::new();
    let out = site.built();
    // Bob has no profiles/bob-bakirov.az.md.
    let html = page(&out, "az/people/bob-bakirov/index.html");
    let notice = theme_string("az", "not_translated").replace("{language}", "English");
    assert!(
        text(&html).contains(&notice),
        "the Azerbaijani page says the text is not translated (`{notice}`):\n{html}"
    );
    assert_eq!(lang_of(&html, &notice).as_deref(), Some("az"));
    // The English words are there, marked as English for screen readers and hyphenation.
    for english in [
        "Bob filmed the protests of spring 2023",
        "Camera operator sentenced with his colleagues.",
    ] {
        assert_eq!(
            lang_of(&html, english).as_deref(),
            Some("en"),
            "`{english}` is English inside an Azerbaijani page: it needs lang=en\n{html}"
        );
    }
    // The page itself, and its frame, stay Azerbaijani.
    assert!(text(&html).contains(&theme_string("az", "biography")));
    assert_eq!(
        lang_of(&html, &theme_string("az", "biography")).as_deref(),
        Some("az"),
        "the theme's own words around the fallback text are Azerbaijani"
    );

    // No notice where nothing is missing.
    let en = page(&out, "people/bob-bakirov/index.html");
    let en_notice = theme_string("en", "not_translated").replace("{language}", "English");
    assert!(
        !text(&en).contains(&en_notice),
        "notice on the English page"
    );
    let alice = page(&out, "az/people/alice-aliyeva/index.html");
    assert!(
        !text(&alice).contains(&notice),
        "notice on a translated page"
    );
    assert_eq!(lang_of(&alice, "Alisa on il").as_deref(), Some("az"));
}

#[test]
fn untranslated_statement_and_page_show_the_default_text_marked_as_such() {
    let site = Site::new();
    let out = site.built();
    let notice = theme_string("az", "not_translated").replace("{language}", "English");
    // second-appeal has an English title and body only.
    let html = page(&out, "az/statements/second-appeal/index.html");
    assert!(text(&html).contains(&notice), "{html}");
    assert_eq!(
        lang_of(&html, "The journalists of Gamma Newsroom must go free.").as_deref(),
        Some("en")
    );
    assert_eq!(
        lang_of(&html, "Free the Gamma Newsroom").as_deref(),
        Some("en")
    );
    // content/help/letters.md has no translation.
    let html = page(&out, "az/help/letters/index.html");
    assert!(text(&html).contains(&notice), "{html}");
    assert_eq!(lang_of(&html, "Write to the").as_deref(), Some("en"));
    // The translated statement has no notice.
    let html = page(&out, "az/statements/first-appeal/index.html");
    assert!(!text(&html).contains(&notice));
    assert_eq!(lang_of(&html, "azad edilməlidir").as_deref(), Some("az"));
}

#[test]
fn translation_of_the_name_only_keeps_the_story_in_the_default_language() {
    // A volunteer who can only spell the name in Azerbaijani writes a translation without a body:
    // Azerbaijani readers still get the story, in English, marked as such.
    let site = Site::new();
    site.write(
        "profiles/carol-karimova.az.md",
        "---\nname: Karol Kərimova\n---\n",
    );
    site.write(
        "content/about.az.md",
        "---\ntitle: Kampaniya haqqında\n---\n\n",
    );
    let r = site.build_ok(&[]);
    let out = site.public();
    let notice = theme_string("az", "not_translated").replace("{language}", "English");

    let html = page(&out, "az/people/carol-karimova/index.html");
    assert!(text(&html).contains("Karol Kərimova"), "{html}");
    assert!(text(&html).contains(&notice), "{html}");
    assert_eq!(
        lang_of(&html, "Carol defended journalists in court.").as_deref(),
        Some("en")
    );

    let html = page(&out, "az/about/index.html");
    assert!(text(&html).contains("Kampaniya haqqında"), "{html}");
    assert!(text(&html).contains(&notice), "{html}");
    assert_eq!(lang_of(&html, "We campaign for").as_deref(), Some("en"));

    // The warning does not ask for a file that exists.
    for (file, existing) in [
        (
            "profiles/carol-karimova.md",
            "profiles/carol-karimova.az.md",
        ),
        ("content/about.md", "content/about.az.md"),
    ] {
        let w = r
            .diagnostics()
            .into_iter()
            .find(|d| d.severity == "warning" && d.file == file)
            .unwrap_or_else(|| panic!("no warning for {file}: {r:?}"));
        assert!(w.message.contains(existing), "{w:?}");
        assert!(!w.message.contains(&format!("add {existing}")), "{w:?}");
    }
}
