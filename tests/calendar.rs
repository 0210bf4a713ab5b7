//! The "this month" page: birthdays and arrest anniversaries of people held, as of the build date.

mod fixture;

use fixture::Site;

#[test]
fn lists_birthdays_and_anniversaries_of_people_held() {
    // The fixture builds on 15 June 2025.
    let site = Site::new();
    site.person("born-june", "Nigar June", "status: detained\narrested: 2024-02-10\nborn: 1985-06-20\nprison: jail-1");
    site.person("arrested-june", "Tofig Anniversary", "status: sentenced\narrested: 2023-06-03");
    site.person("arrested-july", "Next Month", "status: sentenced\narrested: 2022-07");
    site.person("free-june", "Free Person", "status: released\narrested: 2023-06-01\nreleased: 2024-01-01\nborn: 1970-06-01");
    let built = site.build();
    let html = built.read("this-month/index.html");
    let june = &html[..html.find("July 2025").expect("next month's section")];
    assert!(june.contains("Nigar June") && june.contains("turns 40") && june.contains("20 June"));
    assert!(june.contains("Tofig Anniversary") && june.contains("2 years since the arrest"));
    assert!(june.contains("1 Prison Street"), "the address for a card");
    assert!(!html.contains("Free Person"), "only people held");
    let july = &html[html.find("July 2025").unwrap()..];
    assert!(july.contains("Next Month") && july.contains("3 years since the arrest"));
    // Days held are counted at build time; the script may count on from the build date.
    assert!(html.contains("data-held-since=2024-02-10") || html.contains("data-held-since=\"2024-02-10\""));
    assert!(html.contains("days.js") && html.contains("data-built=2025-06-15"));
    let az = built.read("az/this-month/index.html");
    assert!(az.contains("40 yaşı tamam olur"));
}
