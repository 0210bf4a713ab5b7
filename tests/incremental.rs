//! `vigil serve` renders again only what a save changed: the result must be the site a full build
//! makes from the same files.

mod support;

use std::path::Path;

use support::{edit, example};
use vigil::serve::{Files, Preview, Update};

fn options(root: &Path) -> vigil::build::Options {
    vigil::build::Options {
        root: root.to_path_buf(),
        output: None,
        base_url: Some("http://127.0.0.1:1111/vigil/".into()),
        drafts: false,
        today: time::macros::date!(2026 - 06 - 01),
        portable: false,
    }
}

/// Saves `rel` with `from` made `to`, as an editor would, and tells the preview, as the watcher would.
fn save_edit(preview: &mut Preview, root: &Path, rel: &str, from: &str, to: &str) {
    edit(root, rel, from, to);
    preview.changed(Path::new(rel));
}

fn bytes(files: &Files, name: &str) -> Vec<u8> {
    files[name].read().unwrap()
}

/// The files of a full build, compared one by one with `files`.
fn assert_same_as_full_build(root: &Path, files: &Files) {
    let mut preview = Preview::new(options(root));
    preview.rebuild().expect("a good build");
    let full = preview.files().expect("built");
    let mut a: Vec<&String> = files.keys().collect();
    let mut b: Vec<&String> = full.keys().collect();
    a.sort();
    b.sort();
    assert_eq!(a, b, "the same files");
    for name in full.keys() {
        assert!(
            bytes(files, name) == bytes(full, name),
            "{name} differs from a full build"
        );
    }
}

#[test]
fn one_profile_edit_renders_that_person_and_what_shows_them_only() {
    let site = example();
    let root = site.path();
    let mut preview = Preview::new(options(root));
    let first = preview.rebuild().expect("the example builds");
    assert_eq!(first.rendered.len(), first.pages);

    save_edit(
        &mut preview,
        root,
        "profiles/ali-zeynal.md",
        "name: Ali Zeynal",
        "name: Ali Zeynalov",
    );
    let second = preview.rebuild().expect("still good");
    assert!(
        !second.rendered.is_empty() && second.rendered.len() * 2 < second.pages,
        "rendered {} of {}",
        second.rendered.len(),
        second.pages
    );
    let page = String::from_utf8(bytes(
        preview.files().unwrap(),
        "people/ali-zeynal/index.html",
    ))
    .unwrap();
    assert!(page.contains("Ali Zeynalov"));
    // The listings he is in show his new name; the others do not show him.
    let rendered = &second.rendered;
    assert!(
        rendered
            .iter()
            .any(|f| f == "people/status/detained/index.html")
    );
    let others: Vec<&String> = preview
        .files()
        .unwrap()
        .keys()
        .filter(|f| f.starts_with("people/status/") && !f.contains("detained"))
        .collect();
    assert!(!others.is_empty());
    for f in others {
        assert!(!rendered.contains(f), "{f} rendered again");
    }
    assert_same_as_full_build(root, preview.files().unwrap());
}

#[test]
fn a_summary_edit_leaves_the_pages_with_his_card_alone() {
    let site = example();
    let root = site.path();
    let mut preview = Preview::new(options(root));
    preview.rebuild().expect("the example builds");
    let file = std::fs::read_to_string(root.join("profiles/ali-zeynal.md")).unwrap();
    assert!(!file.contains("aliases"), "no redirect pages to count");
    let summary = file
        .lines()
        .find(|l| l.starts_with("summary:"))
        .expect("a summary")
        .to_string();
    save_edit(
        &mut preview,
        root,
        "profiles/ali-zeynal.md",
        &summary,
        "summary: A new summary, shown on his page only.",
    );
    let built = preview.rebuild().expect("good");
    let rendered = &built.rendered;
    for own in [
        "people/ali-zeynal/index.html",
        "az/people/ali-zeynal/index.html",
    ] {
        assert!(rendered.iter().any(|f| f == own), "{own} in {rendered:?}");
    }
    // Pages that show his card, not his summary, stay as they were.
    for card in [
        "index.html",
        "people/index.html",
        "az/people/index.html",
        "people/status/detained/index.html",
    ] {
        assert!(
            !rendered.iter().any(|f| f == card),
            "{card} rendered again: {rendered:?}"
        );
    }
    assert!(rendered.len() < 10, "{rendered:?}");
    assert_same_as_full_build(root, preview.files().unwrap());
}

#[test]
fn adding_removing_and_linking_people_match_a_full_build() {
    let site = example();
    let root = site.path();
    let mut preview = Preview::new(options(root));
    preview.rebuild().expect("the example builds");

    // A new person, and a statement that now names them: the statement's page shows their card.
    std::fs::write(
        root.join("profiles/nigar-test.md"),
        "---\nname: Nigar Test\nstatus: detained\narrested: 2025-02-03\nhide: [photo]\n---\nA biography.\n",
    )
    .unwrap();
    edit(
        root,
        "content/statements/amnesty-downward-spiral-2013.yaml",
        "profiles: []",
        "profiles: [nigar-test]",
    );
    preview.changed(Path::new("profiles/nigar-test.md"));
    preview.changed(Path::new(
        "content/statements/amnesty-downward-spiral-2013.yaml",
    ));
    preview.rebuild().expect("good");
    let statement = String::from_utf8(bytes(
        preview.files().unwrap(),
        "statements/amnesty-downward-spiral-2013/index.html",
    ))
    .unwrap();
    assert!(statement.contains("Nigar Test"));
    assert_same_as_full_build(root, preview.files().unwrap());

    // Removed again: their pages go, and so does their card everywhere.
    std::fs::remove_file(root.join("profiles/nigar-test.md")).unwrap();
    edit(
        root,
        "content/statements/amnesty-downward-spiral-2013.yaml",
        "profiles: [nigar-test]",
        "profiles: []",
    );
    preview.changed(Path::new("profiles/nigar-test.md"));
    preview.changed(Path::new(
        "content/statements/amnesty-downward-spiral-2013.yaml",
    ));
    preview.rebuild().expect("good");
    assert!(
        !preview
            .files()
            .unwrap()
            .contains_key("people/nigar-test/index.html")
    );
    assert_same_as_full_build(root, preview.files().unwrap());
}

#[test]
fn a_broken_save_keeps_the_last_good_build_and_the_fix_catches_up() {
    let site = example();
    let root = site.path();
    let mut preview = Preview::new(options(root));
    preview.rebuild().expect("the example builds");

    edit(
        root,
        "profiles/ali-zeynal.md",
        "name: Ali Zeynal",
        "name: Ali Zeynalov",
    );
    save_edit(
        &mut preview,
        root,
        "profiles/ali-zeynal.md",
        "status:",
        "status: jailed\nold_status:",
    );
    let Err(problems) = preview.rebuild() else {
        panic!("an unknown status is an error")
    };
    assert!(
        problems
            .iter()
            .any(|d| d.file == Path::new("profiles/ali-zeynal.md") && d.line > 0)
    );

    // The fix is in another save of the same file: the rename made while broken must show.
    save_edit(
        &mut preview,
        root,
        "profiles/ali-zeynal.md",
        "status: jailed\nold_status:",
        "status:",
    );
    preview.rebuild().expect("fixed");
    let card_page =
        String::from_utf8(bytes(preview.files().unwrap(), "people/index.html")).unwrap();
    assert!(card_page.contains("Ali Zeynalov"));
    assert_same_as_full_build(root, preview.files().unwrap());
}

/// Makes the theme fail on the page of a person whose summary is "Boom"; returns the summary line
/// of `rel`.
fn theme_failing_on_boom(root: &Path, rel: &str) -> String {
    edit(
        root,
        "themes/default/templates/person.html",
        "{% if page.summary %}",
        "{% if page.summary == \"Boom\" %}{{ no_such.thing }}{% endif %}{% if page.summary %}",
    );
    std::fs::read_to_string(root.join(rel))
        .unwrap()
        .lines()
        .find(|l| l.starts_with("summary:"))
        .expect("a summary")
        .to_string()
}

/// Saves the summary "Boom" in `rel` (see `theme_failing_on_boom`), which the preview reports as
/// the theme's failure, then `summary` back: the rebuild of the fix.
fn boom_then_fix(
    preview: &mut Preview,
    root: &Path,
    rel: &str,
    summary: &str,
) -> vigil::serve::Built {
    save_edit(preview, root, rel, summary, "summary: Boom");
    let Err(problems) = preview.rebuild() else {
        panic!("the theme fails on that page")
    };
    assert!(
        problems.iter().any(|d| d.message.contains("no_such")),
        "{:?}",
        problems.iter().map(|d| &d.message).collect::<Vec<_>>()
    );
    save_edit(preview, root, rel, "summary: Boom", summary);
    preview.rebuild().expect("fixed")
}

/// A save the patch takes in but cannot render (a theme that fails on what the person now says):
/// the person goes back out of the last good build, the problem is reported, and the fix renders
/// what it touches, not the whole site again.
#[test]
fn a_save_that_fails_to_render_keeps_the_last_good_build() {
    let site = example();
    let root = site.path();
    let rel = "profiles/ali-zeynal.md";
    let summary = theme_failing_on_boom(root, rel);
    let mut preview = Preview::new(options(root));
    preview.rebuild().expect("the example builds");

    let built = boom_then_fix(&mut preview, root, rel, &summary);
    assert!(
        built.rendered.len() < 10,
        "the fix renders what it touches: {:?}",
        built.rendered
    );
    assert_same_as_full_build(root, preview.files().unwrap());
}

#[test]
fn a_menu_title_change_renders_every_page() {
    let site = example();
    let root = site.path();
    let mut preview = Preview::new(options(root));
    preview.rebuild().expect("the example builds");
    let page = std::fs::read_to_string(root.join("content/about.md")).unwrap();
    let title = page
        .lines()
        .find(|l| l.starts_with("title:"))
        .expect("about.md has a title")
        .to_string();
    save_edit(
        &mut preview,
        root,
        "content/about.md",
        &title,
        "title: About the campaign, renamed",
    );
    let built = preview.rebuild().expect("good");
    assert!(page.contains("\nmenu:"), "about.md is in the menu");
    assert_eq!(built.rendered.len(), built.pages);
    assert_same_as_full_build(root, preview.files().unwrap());
}

/// The preview skips reading files whose size and times have not changed: a save that keeps the
/// size and puts the modification time back (as some sync tools and editors do) is still seen,
/// both just after a build and once the file's stamp is old enough to be trusted.
#[test]
fn a_save_of_the_same_size_and_time_is_still_seen() {
    let site = example();
    let root = site.path();
    let rel = "profiles/ali-zeynal.md";
    let path = root.join(rel);
    let mut preview = Preview::new(options(root));
    preview.rebuild().expect("the example builds");
    let page =
        |files: &Files| String::from_utf8(bytes(files, "people/ali-zeynal/index.html")).unwrap();
    for (from, to) in [
        ("name: Ali Zeynal", "name: Ali Zeynax"),
        ("Zeynax", "Zeynay"),
    ] {
        let before = std::fs::metadata(&path).unwrap();
        edit(root, rel, from, to);
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(before.modified().unwrap()).unwrap();
        drop(file);
        let after = std::fs::metadata(&path).unwrap();
        assert_eq!(
            (before.len(), before.modified().unwrap()),
            (after.len(), after.modified().unwrap())
        );
        preview.changed(Path::new(rel));
        preview.rebuild().expect("still good");
        assert!(
            page(preview.files().unwrap()).contains(&to[to.len() - 6..]),
            "{to} is shown"
        );
        assert_same_as_full_build(root, preview.files().unwrap());
        // Long enough for the stamps to be trusted (`load::SETTLED`), and a build that takes them.
        std::thread::sleep(std::time::Duration::from_millis(3200));
        preview.changed(Path::new(rel));
        preview.rebuild().expect("still good");
    }
}

/// Every problem as it reads, in order: what a report shows.
fn problems<'a>(all: impl IntoIterator<Item = &'a vigil::diag::Diagnostic>) -> Vec<String> {
    let mut out: Vec<String> = all
        .into_iter()
        .map(|d| {
            format!(
                "{}:{}:{} {:?} {} ({:?})",
                d.file.display(),
                d.line,
                d.col,
                d.severity,
                d.message,
                d.hint
            )
        })
        .collect();
    out.sort();
    out
}

fn check(root: &Path) -> Vec<String> {
    problems(vigil::build::check(&options(root)).diagnostics.iter())
}

/// A save that changes a person's dates renders the calendar and the charts' pages again only when
/// what they show changes (both count every person, so a coarser rule would render them on each
/// date edit), and sends the chart files only then.
#[test]
fn a_date_edit_renders_the_calendar_and_the_charts_only_when_they_change() {
    let site = example();
    let root = site.path();
    let rel = "profiles/ali-zeynal.md";
    let mut preview = Preview::new(options(root));
    preview.rebuild().expect("the example builds");
    let mut save = |from: &str, to: &str| {
        save_edit(&mut preview, root, rel, from, to);
        let built = preview.rebuild().expect("good");
        let Update::Changed(changes) = built.files else {
            panic!("only what the save changed is sent")
        };
        assert_same_as_full_build(root, preview.files().unwrap());
        let sent: Vec<String> = changes.into_iter().map(|(f, _)| f).collect();
        (built.rendered, sent)
    };
    let charts = "infographics/political-prisoners/index.html";
    let chart_file = |sent: &[String]| sent.iter().any(|f| f.ends_with(".svg"));

    // Born in April: neither the calendar (June and July) nor any chart shows it; the open data
    // does.
    let (rendered, sent) = save("gender: male", "gender: male\nborn: 1990-04-12");
    let mut own = rendered.clone();
    own.sort();
    assert_eq!(
        own,
        [
            "az/people/ali-zeynal/index.html",
            "people/ali-zeynal/index.html"
        ]
    );
    assert!(sent.iter().any(|f| f == "data/profiles.json"), "{sent:?}");
    assert!(!chart_file(&sent), "{sent:?}");

    // Born in June: the calendar shows him now; the charts are as they were.
    let (rendered, sent) = save("born: 1990-04-12", "born: 1990-06-12");
    assert!(rendered.iter().any(|f| f == "this-month/index.html"));
    assert!(!rendered.iter().any(|f| f == charts), "{rendered:?}");
    assert!(!chart_file(&sent), "{sent:?}");

    // Arrested a year earlier: the charts count him in another month, and the home page, which
    // shows the latest arrests of the people held, is made again.
    let (rendered, sent) = save("arrested: 2024-03", "arrested: 2023-03");
    assert!(rendered.iter().any(|f| f == "index.html"), "{rendered:?}");
    assert!(rendered.iter().any(|f| f == charts), "{rendered:?}");
    assert!(rendered.iter().any(|f| *f == format!("az/{charts}")));
    assert!(chart_file(&sent), "{sent:?}");

    // Someone released, arrested a day later: not on the home page, which stays as it was.
    let rel = "profiles/aziz-orujov.md";
    save_edit(
        &mut preview,
        root,
        rel,
        "arrested: 2023-11-27",
        "arrested: 2023-11-28",
    );
    let built = preview.rebuild().expect("good");
    assert_same_as_full_build(root, preview.files().unwrap());
    assert!(
        !built.rendered.iter().any(|f| f == "index.html"),
        "{:?}",
        built.rendered
    );
}

/// A save of one person's files is checked without checking the whole site again: the problems the
/// preview knows must be, every time, those a whole check of the same files finds.
#[test]
fn a_person_checked_alone_has_the_problems_a_whole_check_finds() {
    let site = example();
    let root = site.path();
    let rel = "profiles/ali-zeynal.md";
    let mut preview = Preview::new(options(root));
    preview.rebuild().expect("the example builds");
    let good = |preview: &mut Preview, root: &Path| {
        let built = preview.rebuild().expect("good");
        assert!(
            matches!(built.files, Update::Changed(_)),
            "only what the save changed is sent"
        );
        assert_eq!(problems(preview.diagnostics().unwrap().iter()), check(root));
        assert_same_as_full_build(root, preview.files().unwrap());
        built
    };

    // The biography alone: his page is rendered again, and nothing else needs to be checked.
    save_edit(
        &mut preview,
        root,
        rel,
        "He denies the charges",
        "He firmly denies the charges",
    );
    let built = good(&mut preview, root);
    let mut rendered = built.rendered.clone();
    rendered.sort();
    assert_eq!(
        rendered,
        [
            "az/people/ali-zeynal/index.html",
            "people/ali-zeynal/index.html"
        ]
    );
    let page = bytes(preview.files().unwrap(), "people/ali-zeynal/index.html");
    assert!(String::from_utf8(page).unwrap().contains("firmly denies"));

    // A birthday this month, which his card does not show: the calendar shows it (and the
    // open data holds it), as a full build makes them.
    save_edit(
        &mut preview,
        root,
        rel,
        "gender: male",
        "gender: male\nborn: 1990-06-12",
    );
    let built = good(&mut preview, root);
    assert!(
        built.rendered.iter().any(|f| f == "this-month/index.html"),
        "{:?}",
        built.rendered
    );
    let data = bytes(preview.files().unwrap(), "data/profiles.json");
    assert!(String::from_utf8(data).unwrap().contains("1990-06-12"));

    // Saved as some editors save: into a scratch file, renamed over the profile.
    let scratch = root.join("profiles/ali-zeynal.md.tmp");
    let text = std::fs::read_to_string(root.join(rel)).unwrap();
    std::fs::write(&scratch, text.replace("firmly denies", "denies")).unwrap();
    std::fs::rename(&scratch, root.join(rel)).unwrap();
    preview.changed(Path::new("profiles/ali-zeynal.md.tmp"));
    preview.changed(Path::new(rel));
    good(&mut preview, root);

    // What his card shows, in every list he is in: the arrest day (days held), then the name,
    // spelled so that he keeps his place in the order. The listings differ by his card alone.
    for (from, to, shows) in [
        ("arrested: 2024-03", "arrested: 2024-03-05", "days held"),
        ("name: Ali Zeynal", "name: Ali Zeynall", "Ali Zeynall"),
    ] {
        save_edit(&mut preview, root, rel, from, to);
        let built = good(&mut preview, root);
        for listing in [
            "people/index.html",
            "index.html",
            "people/case/toplum-tv/index.html",
        ] {
            assert!(
                built.rendered.iter().any(|f| f == listing),
                "{listing}: {:?}",
                built.rendered
            );
        }
        let people =
            String::from_utf8(bytes(preview.files().unwrap(), "people/index.html")).unwrap();
        let card = &people[people.find("/people/ali-zeynal/").unwrap()..];
        assert!(
            card[..card.find("</li>").unwrap()].contains(shows),
            "{card:.400}"
        );
    }

    // A link to a page the site does not have, then an id no list has: each an error at its place,
    // as a whole check reports it; each fix clears it.
    for (from, to, says) in [
        (
            "(/people/akif-gurbanov/)",
            "(/people/akif-gurbanovv/)",
            "leads to no page",
        ),
        ("case: toplum-tv", "case: toplum", "unknown case `toplum`"),
    ] {
        save_edit(&mut preview, root, rel, from, to);
        let Err(found) = preview.rebuild() else {
            panic!("`{to}` is an error")
        };
        assert!(
            found
                .iter()
                .any(|d| d.file == Path::new(rel) && d.line > 1 && d.message.contains(says)),
            "{says} in {:?}",
            problems(&found)
        );
        let errors = |all: Vec<String>| -> Vec<String> {
            all.into_iter().filter(|p| p.contains(" Error ")).collect()
        };
        assert_eq!(errors(problems(&found)), errors(check(root)));
        save_edit(&mut preview, root, rel, to, from);
        preview.rebuild().expect("fixed");
        assert_eq!(problems(preview.diagnostics().unwrap().iter()), check(root));
        assert_same_as_full_build(root, preview.files().unwrap());
    }

    // A translation without its biography: a warning (on the profile, which lists the
    // translations), which goes when the biography is back.
    let az = "profiles/ali-zeynal.az.md";
    let text = std::fs::read_to_string(root.join(az)).unwrap();
    let front = &text[..text.find("\n---\n").unwrap() + 5];
    std::fs::write(root.join(az), front).unwrap();
    preview.changed(Path::new(az));
    good(&mut preview, root);
    assert!(
        preview
            .diagnostics()
            .unwrap()
            .iter()
            .any(|d| d.message.contains("ali-zeynal.az.md has no biography yet")),
        "{:?}",
        problems(preview.diagnostics().unwrap().iter())
    );
    std::fs::write(root.join(az), &text).unwrap();
    preview.changed(Path::new(az));
    good(&mut preview, root);
}

/// A person moved between listings that keep someone in them (status, case, charges) is patched
/// into the last good build: the listings they leave and join, the people page's groups, the pages
/// of the others in the old and the new case, all as a full build makes them; and a move that
/// empties a listing or fills a new one (pages appear or go) too.
#[test]
fn a_person_moving_between_listings_matches_a_full_build() {
    let site = example();
    let root = site.path();
    let rel = "profiles/ali-zeynal.md";
    let mut preview = Preview::new(options(root));
    preview.rebuild().expect("the example builds");
    let moves = [
        ("status: detained", "status: sentenced"),
        ("case: toplum-tv", "case: kanal-13"),
        // The organisations' open data names their people.
        (
            "organisation: institute-for-democratic-initiatives",
            "organisation: abzas-media",
        ),
        (
            "charges: [smuggling-group]",
            "charges: [smuggling-group, treason]",
        ),
        ("status: sentenced", "status: travel_ban"),
        // Nobody is in exile: its listing appears (through the whole pipeline), then goes.
        ("status: travel_ban", "status: exiled"),
        ("status: exiled", "status: travel_ban"),
    ];
    for (from, to) in moves {
        save_edit(&mut preview, root, rel, from, to);
        let built = preview.rebuild().expect("good");
        assert!(
            built.rendered.len() * 2 < built.pages,
            "{to}: rendered {} of {}",
            built.rendered.len(),
            built.pages
        );
        assert!(
            built.rendered.iter().any(|f| f == "people/index.html"),
            "{to}: {:?}",
            built.rendered
        );
        assert_eq!(problems(preview.diagnostics().unwrap().iter()), check(root));
        assert_same_as_full_build(root, preview.files().unwrap());
    }
    let rendered = |preview: &mut Preview, from: &str, to: &str| {
        save_edit(preview, root, rel, from, to);
        let built = preview.rebuild().expect("good");
        assert_same_as_full_build(root, preview.files().unwrap());
        built.rendered
    };
    // Back where he was, then sentenced: the listings he left and joined are rendered again.
    rendered(&mut preview, "status: travel_ban", "status: detained");
    let now = rendered(&mut preview, "status: detained", "status: sentenced");
    for listing in [
        "people/status/detained/index.html",
        "people/status/sentenced/index.html",
        "az/people/status/sentenced/index.html",
    ] {
        assert!(now.iter().any(|f| f == listing), "{listing}: {now:?}");
    }
    assert!(!now.iter().any(|f| f == "people/status/released/index.html"));
}

#[test]
fn cards_drawn_before_are_kept_only_while_they_are_the_same() {
    // A rebuild that is not patched takes the cards of the last good build where the person's card
    // shows the same, and draws the others again.
    let site = example();
    let root = site.path();
    let mut preview = Preview::new(options(root));
    preview.rebuild().expect("the example builds");

    // A profession's name, which every card of its people shows.
    save_edit(
        &mut preview,
        root,
        "content/professions.yaml",
        "    en: Journalist",
        "    en: Reporter",
    );
    preview.rebuild().expect("good");
    let people = String::from_utf8(bytes(preview.files().unwrap(), "people/index.html")).unwrap();
    assert!(people.contains(">Reporter<"), "the cards show the new name");
    assert!(!people.contains(">Journalist<"), "no card kept the old one");
    assert_same_as_full_build(root, preview.files().unwrap());

    // Names that move a person in the order: to the end, to the front, from the front. Every list
    // (and the open data, in the order of names) shows them at their new place; the save is
    // patched into the last build, not run through the whole pipeline.
    for (file, from, to) in [
        (
            "akif-gurbanov",
            "name: Akif Gurbanov",
            "name: Zakif Gurbanov",
        ),
        (
            "akif-gurbanov",
            "name: Zakif Gurbanov",
            "name: Aaron Gurbanov",
        ),
        (
            "akif-gurbanov",
            "name: Aaron Gurbanov",
            "name: Akif Gurbanov",
        ),
        (
            "afiaddin-mammadov",
            "name: Afiaddin Mammadov",
            "name: Mammadov Afiaddin",
        ),
    ] {
        let path = format!("profiles/{file}.md");
        save_edit(&mut preview, root, &path, from, to);
        let built = preview.rebuild().expect("good");
        assert!(
            matches!(built.files, Update::Changed(_)),
            "{to}: patched, not rebuilt whole"
        );
        assert_same_as_full_build(root, preview.files().unwrap());
    }
}

/// Prisons for the example, which lists none: Ali Zeynal is put in the first before the preview
/// starts, and nobody in the second.
const PRISONS: &str = "\
kurdakhani:
  name:
    en: Kurdakhani detention centre
    az: Kürdəxanı istintaq təcridxanası
umbaki:
  name: Umbaki colony
";

/// The example with `PRISONS`, Ali Zeynal held in Kurdakhani, and a preview of it built.
fn with_prisons() -> (tempfile::TempDir, Preview) {
    let site = example();
    let root = site.path();
    std::fs::write(root.join("content/prisons.yaml"), PRISONS).unwrap();
    edit(
        root,
        "profiles/ali-zeynal.md",
        "status: detained",
        "status: detained\nprison: kurdakhani",
    );
    let mut preview = Preview::new(options(root));
    preview.rebuild().expect("the example builds");
    (site, preview)
}

/// The changes of a rebuild that was patched into the last good build, not the whole pipeline.
fn patched(built: &vigil::serve::Built, what: &str) -> Vec<(String, bool)> {
    match &built.files {
        Update::Changed(changes) => changes
            .iter()
            .map(|(f, body)| (f.clone(), body.is_some()))
            .collect(),
        Update::All(_) => panic!("{what}: the whole pipeline ran"),
    }
}

/// A move that makes a listing page appear or go (a prison nobody was in, the last one out of a
/// prison, a status nobody had) is patched into the last good build like any other: the new
/// listing's page is served in each language, that of a listing left empty no longer, the sitemap
/// and the people page follow, and every file is as a full build of the same files makes it.
#[test]
fn a_listing_that_appears_or_goes_is_patched_in() {
    let (site, mut preview) = with_prisons();
    let root = site.path();
    let rel = "profiles/ali-zeynal.md";
    // (edit, the listing page that appears, the one that goes)
    let moves = [
        (
            ("prison: kurdakhani", "prison: umbaki"),
            Some("people/prison/umbaki/"),
            Some("people/prison/kurdakhani/"),
        ),
        (
            ("prison: umbaki\n", ""),
            None,
            Some("people/prison/umbaki/"),
        ),
        // Nobody is in exile: a status's listing, named by its place among the statuses someone
        // has, moves the others of the statuses after it.
        (
            ("status: detained", "status: exiled"),
            Some("people/status/exiled/"),
            None,
        ),
        (
            ("status: exiled", "status: detained\nprison: kurdakhani"),
            Some("people/prison/kurdakhani/"),
            Some("people/status/exiled/"),
        ),
    ];
    for ((from, to), appears, goes) in moves {
        save_edit(&mut preview, root, rel, from, to);
        let built = preview.rebuild().expect("good");
        let changes = patched(&built, to);
        let files = preview.files().unwrap();
        for lang in ["", "az/"] {
            if let Some(path) = appears {
                let page = format!("{lang}{path}index.html");
                assert!(files.contains_key(&page), "{to}: {page} is served");
                assert!(built.rendered.contains(&page), "{to}: {page} rendered");
                assert!(changes.contains(&(page, true)));
            }
            if let Some(path) = goes {
                let page = format!("{lang}{path}index.html");
                assert!(!files.contains_key(&page), "{to}: {page} is gone");
                assert!(changes.contains(&(page, false)), "{to}: {changes:?}");
            }
        }
        let sitemap = String::from_utf8(bytes(files, "sitemap.xml")).unwrap();
        assert!(appears.is_none_or(|p| sitemap.contains(p)));
        assert!(goes.is_none_or(|p| !sitemap.contains(p)));
        assert!(changes.contains(&("sitemap.xml".into(), true)));
        assert!(built.rendered.iter().any(|f| f == "az/people/index.html"));
        assert_eq!(problems(preview.diagnostics().unwrap().iter()), check(root));
        assert_same_as_full_build(root, files);
    }

    // His biography may link to the listing he joins in the same save.
    let text = std::fs::read_to_string(root.join(rel)).unwrap();
    let text = text.replace("prison: kurdakhani", "prison: umbaki")
        + "\nHe was moved to [Umbaki](/people/prison/umbaki/).\n";
    std::fs::write(root.join(rel), text).unwrap();
    preview.changed(Path::new(rel));
    let built = preview.rebuild().expect("good");
    patched(&built, "a link to the listing he joins");
    assert_same_as_full_build(root, preview.files().unwrap());
}

/// A listing page that goes while a text links to it (another's, even one whose link came in a
/// save patched in before; the person's own biography) would leave that link leading nowhere: the
/// preview finds it and reports the problems a whole check of the same files finds, and the fix
/// is built as a full build makes it. An earlier arrest shown on another person's page loses its
/// link instead, and gets it back when the listing does.
#[test]
fn a_listing_that_goes_while_linked_to_is_reported() {
    let (site, mut preview) = with_prisons();
    let root = site.path();
    let ali = "profiles/ali-zeynal.md";
    let other = "profiles/anar-abdulla.md";
    let link = "\nHe met [the others held in Kurdakhani](/people/prison/kurdakhani/).\n";
    let append = |preview: &mut Preview, rel: &str, text: &str| {
        let before = std::fs::read_to_string(root.join(rel)).unwrap();
        std::fs::write(root.join(rel), before + text).unwrap();
        preview.changed(Path::new(rel));
    };
    let reported = |preview: &mut Preview, at: &str, message: &str| {
        let Err(errors) = preview.rebuild() else {
            panic!("the link to the listing that went is reported")
        };
        assert!(
            errors
                .iter()
                .any(|d| d.file.to_string_lossy().ends_with(at) && d.message.contains(message)),
            "{at}: {:?}",
            problems(errors.iter())
        );
        // The errors of a full build of the same files (a preview's failed save shows the errors).
        let errors_of = |all: Vec<&vigil::diag::Diagnostic>| {
            problems(
                all.into_iter()
                    .filter(|d| d.severity == vigil::diag::Severity::Error),
            )
        };
        let mut opts = options(root);
        let out = tempfile::tempdir().unwrap();
        opts.output = Some(out.path().to_path_buf());
        let full = vigil::build::build(&opts);
        assert_eq!(
            errors_of(errors.iter().collect()),
            errors_of(full.diagnostics.iter().collect())
        );
    };

    // Another person's biography links to Ali's prison: a save patched in.
    append(&mut preview, other, link);
    patched(&preview.rebuild().expect("good"), "a link in a biography");
    save_edit(
        &mut preview,
        root,
        ali,
        "prison: kurdakhani",
        "prison: umbaki",
    );
    reported(&mut preview, other, "leads to no page");
    save_edit(&mut preview, root, other, link, "\n");
    preview.rebuild().expect("fixed");
    assert_same_as_full_build(root, preview.files().unwrap());

    // An earlier arrest of another person in Ali's prison: their page links to it while someone is
    // held there, and names it without a link once nobody is (the whole pipeline renders that page
    // again; the patch renders only Ali's).
    save_edit(
        &mut preview,
        root,
        "profiles/anar-mammadli.md",
        "    released: 2016-03",
        "    released: 2016-03\n    prison: umbaki",
    );
    preview.rebuild().expect("good");
    let anar = "people/anar-mammadli/index.html";
    let links_umbaki = |preview: &Preview| {
        String::from_utf8(bytes(preview.files().unwrap(), anar))
            .unwrap()
            .contains("/people/prison/umbaki/")
    };
    assert!(links_umbaki(&preview));
    save_edit(&mut preview, root, ali, "prison: umbaki\n", "");
    preview
        .rebuild()
        .expect("nobody in Umbaki now: the earlier arrest is not linked");
    assert!(!links_umbaki(&preview));
    assert_same_as_full_build(root, preview.files().unwrap());
    save_edit(
        &mut preview,
        root,
        ali,
        "status: detained",
        "status: detained\nprison: umbaki",
    );
    preview.rebuild().expect("good");
    assert!(links_umbaki(&preview));
    assert_same_as_full_build(root, preview.files().unwrap());
    save_edit(
        &mut preview,
        root,
        "profiles/anar-mammadli.md",
        "\n    prison: umbaki",
        "",
    );
    preview.rebuild().expect("good");

    // His own biography links to the prison he leaves, the last one in it.
    append(
        &mut preview,
        ali,
        "\nHe is held in [Umbaki](/people/prison/umbaki/).\n",
    );
    patched(&preview.rebuild().expect("good"), "a link in his biography");
    save_edit(
        &mut preview,
        root,
        ali,
        "prison: umbaki",
        "prison: kurdakhani",
    );
    reported(&mut preview, ali, "leads to no page");
}

/// A move that makes a listing appear and go, in a save the patch takes in but cannot render (a
/// theme that fails on what the person now says): the listings, their jobs and addresses go back
/// with the person, the problem is reported, and the fix is built as a full build makes it.
#[test]
fn a_listing_move_that_fails_to_render_is_reported_and_the_fix_built() {
    let site = example();
    let root = site.path();
    std::fs::write(root.join("content/prisons.yaml"), PRISONS).unwrap();
    let rel = "profiles/ali-zeynal.md";
    edit(
        root,
        rel,
        "status: detained",
        "status: detained\nprison: kurdakhani",
    );
    let summary = theme_failing_on_boom(root, rel);
    let mut preview = Preview::new(options(root));
    preview.rebuild().expect("the example builds");

    edit(root, rel, "prison: kurdakhani", "prison: umbaki");
    boom_then_fix(&mut preview, root, rel, &summary);
    let files = preview.files().unwrap();
    assert!(files.contains_key("az/people/prison/umbaki/index.html"));
    assert!(!files.contains_key("az/people/prison/kurdakhani/index.html"));
    assert_same_as_full_build(root, files);

    // And the next move is patched in again.
    save_edit(
        &mut preview,
        root,
        rel,
        "prison: umbaki",
        "prison: kurdakhani",
    );
    patched(&preview.rebuild().expect("good"), "the next move");
    assert_same_as_full_build(root, preview.files().unwrap());
}
