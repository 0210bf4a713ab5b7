//! The "this month" page: birthdays and arrest anniversaries of people held, as of the build date.

mod common;

use common::{Site, page};

/// 2025-06-15.
const JUNE_2025: &str = "1749945600";

#[test]
fn lists_birthdays_and_anniversaries_of_people_held() {
    let site = Site::with_files(&[
        (
            "site.yaml",
            "title: Test\nbase_url: https://example.org/sub/\nlanguages: [en, az]\n",
        ),
        (
            "content/prisons.yaml",
            "jail-1:\n  name: Jail No. 1\n  address: |\n    1 Prison Street\n    Baku\n",
        ),
    ]);
    let person = |slug: &str, name: &str, fields: &str| {
        site.write(
            &format!("profiles/{slug}.md"),
            format!("---\nname: {name}\n{fields}\n---\nBiography.\n"),
        );
    };
    person(
        "born-june",
        "Nigar June",
        "status: detained\narrested: 2024-02-10\nborn: 1985-06-20\nprison: jail-1",
    );
    person(
        "arrested-june",
        "Tofig Anniversary",
        "status: sentenced\narrested: 2023-06-03",
    );
    person(
        "arrested-july",
        "Next Month",
        "status: sentenced\narrested: 2022-07",
    );
    person(
        "free-june",
        "Free Person",
        "status: released\narrested: 2023-06-01\nreleased: 2024-01-01\nborn: 1970-06-01",
    );
    site.vigil_at(JUNE_2025, &["build"]).assert_ok();
    let out = site.public();
    let html = page(&out, "this-month/index.html");
    let june = &html[..html.find("July 2025").expect("next month's section")];
    assert!(june.contains("Nigar June") && june.contains("turns 40") && june.contains("20 June"));
    assert!(june.contains("Tofig Anniversary") && june.contains("2 years since the arrest"));
    assert!(june.contains("1 Prison Street"), "the address for a card");
    assert!(!html.contains("Free Person"), "only people held");
    let july = &html[html.find("July 2025").unwrap()..];
    assert!(july.contains("Next Month") && july.contains("3 years since the arrest"));
    // Days held are counted at build time; the script may count on from the build date.
    assert!(html.contains("data-held-since=\"2024-02-10\""));
    assert!(html.contains("days.js") && html.contains("data-built=\"2025-06-15\""));
    let az = page(&out, "az/this-month/index.html");
    assert!(az.contains("40 yaşı tamam olur"));
    // The home page leads there.
    assert!(page(&out, "index.html").contains("/sub/this-month/"));
}
