//! The open-data files: they round-trip through JSON and CSV readers, list exactly the published
//! people, and never carry a draft or a hidden field.

mod fixture;

use fixture::{Site, csv_rows};

fn site() -> Site {
    let site = Site::new();
    site.person(
        "anar-one",
        "Anar One",
        "status: detained\narrested: 2024-03-10\nborn: 1980-05-02\nprofession: journalist\ncase: media-case\nprison: jail-1\ngender: male",
    );
    site.person(
        "secret-born",
        "Leyla Private",
        "status: sentenced\narrested: 2024-01-05\nborn: 1990-07-07\nprison: jail-1\nhide: [born, prison]",
    );
    site.person(
        "not-yet",
        "Draft Person",
        "status: detained\narrested: 2024-02-02\ndraft: true",
    );
    site.write(
        "profiles/anar-one.az.md",
        "---\nname: Anar Bir\n---\nTərcümeyi-hal.\n",
    );
    site
}

#[test]
fn profiles_json_and_csv_round_trip_and_agree() {
    let site = site();
    let built = site.build();
    for (dir, name) in [("", "Anar One"), ("az/", "Anar Bir")] {
        let json: serde_json::Value =
            serde_json::from_str(&built.read(&format!("{dir}data/profiles.json"))).unwrap();
        assert_eq!(json["schema"], "vigil.profiles/1");
        let items = json["items"].as_array().unwrap();
        let slugs: Vec<&str> = items.iter().map(|p| p["slug"].as_str().unwrap()).collect();
        assert_eq!(slugs, ["anar-one", "secret-born"]);
        let anar = &items[0];
        assert_eq!(anar["name"], name);
        assert_eq!(anar["born"], "1980-05-02");
        assert_eq!(anar["profession"]["id"], "journalist");
        assert_eq!(anar["prison"]["id"], "jail-1");
        assert_eq!(anar["days_held"], 462);
        assert!(anar["url"].as_str().unwrap().starts_with(&format!("https://example.org/sub/{dir}people/anar-one/")));

        let (header, rows) = csv_rows(&built.read(&format!("{dir}data/profiles.csv")));
        assert_eq!(rows.len(), items.len());
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        for (row, item) in rows.iter().zip(items) {
            assert_eq!(row[col("slug")], item["slug"].as_str().unwrap());
            assert_eq!(row[col("name")], item["name"].as_str().unwrap());
            assert_eq!(row[col("arrested")], item["arrested"].as_str().unwrap());
            assert_eq!(row[col("born")], item["born"].as_str().unwrap_or(""));
        }
    }
}

#[test]
fn drafts_and_hidden_fields_appear_in_no_data_file() {
    let site = site();
    let built = site.build();
    let json: serde_json::Value = serde_json::from_str(&built.read("data/profiles.json")).unwrap();
    let leyla = &json["items"][1];
    assert_eq!(leyla["slug"], "secret-born");
    assert!(leyla["born"].is_null() && leyla["prison"].is_null());
    for (file, text) in built.all_text() {
        if file.contains("data/") || file.ends_with(".csv") {
            assert!(!text.contains("not-yet") && !text.contains("Draft Person"), "{file}");
            assert!(!text.contains("1990-07-07") && !text.contains("1990"), "{file}");
        }
    }
}

#[test]
fn statements_and_organisations_list_their_links() {
    let site = site();
    site.write(
        "content/organisations.yaml",
        "iphr:\n  name: International Partnership for Human Rights\n  country: BE\n  url: https://example.org/iphr\n",
    );
    site.write(
        "content/statements/free-anar.yaml",
        "title: Free Anar\ndate: 2024-04-01\nsignatories: [iphr]\nprofiles: [anar-one]\nbody: Release him.\n",
    );
    let built = site.build();
    let s: serde_json::Value = serde_json::from_str(&built.read("data/statements.json")).unwrap();
    assert_eq!(s["items"][0]["slug"], "free-anar");
    assert_eq!(s["items"][0]["signatories"][0]["id"], "iphr");
    assert_eq!(s["items"][0]["people"][0], "anar-one");
    let o: serde_json::Value = serde_json::from_str(&built.read("az/data/organisations.json")).unwrap();
    assert_eq!(o["language"], "az");
    assert_eq!(o["items"][0]["statements"][0], "free-anar");
    assert_eq!(o["items"][0]["country"], "BE");
}

#[test]
fn people_index_links_the_data_and_folds_names_for_search() {
    let site = site();
    let built = site.build();
    let html = built.read("people/index.html");
    assert!(html.contains("/sub/data/profiles.csv") && html.contains("/sub/data/profiles.json"));
    // Both spellings, folded: "Anar Bir" and "Anar One" are both searchable from either page.
    assert!(html.contains("data-search=\"anar one anar bir"), "search names");
    assert!(html.contains("people.js"));
    let az = built.read("az/people/index.html");
    assert!(az.contains("/sub/az/data/profiles.csv"));
}
