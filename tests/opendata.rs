//! The open-data files over the standard fixture: they round-trip through JSON and CSV readers,
//! list exactly the published people, and never carry a draft or a hidden field.

mod common;

use common::{Site, page, snapshot};

fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn json(out: &std::path::Path, rel: &str) -> serde_json::Value {
    serde_json::from_str(&page(out, rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn profiles_json_and_csv_round_trip_and_agree() {
    let site = Site::new();
    let out = site.built();
    for (dir, name) in [("", "Alice Aliyeva"), ("az/", "Alisa Əliyeva")] {
        let data = json(&out, &format!("{dir}data/profiles.json"));
        assert_eq!(data["schema"], "vigil.profiles/1");
        assert_eq!(data["generated"], "2024-01-11");
        let items = data["items"].as_array().unwrap();
        let slugs: Vec<&str> = items.iter().map(|p| p["slug"].as_str().unwrap()).collect();
        assert_eq!(
            slugs,
            [
                "alice-aliyeva",
                "bob-bakirov",
                "carol-karimova",
                "dan-davudov"
            ]
        );
        let alice = &items[0];
        assert_eq!(alice["name"], name);
        assert_eq!(alice["born"], "1985-07-14");
        assert_eq!(alice["profession"]["id"], "journalist");
        assert_eq!(alice["prison"]["id"], "pretrial-one");
        assert_eq!(alice["charges"][0]["article"], "206.3.2");
        assert_eq!(alice["days_held"], 10);
        assert_eq!(alice["held"], true);
        let url = format!("https://example.org/sub/path/{dir}people/alice-aliyeva/");
        assert_eq!(alice["url"], url.as_str());

        let (header, rows) = csv_rows(&page(&out, &format!("{dir}data/profiles.csv")));
        assert_eq!(rows.len(), items.len());
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        for (row, item) in rows.iter().zip(items) {
            for field in ["slug", "name", "status", "arrested"] {
                assert_eq!(row[col(field)], item[field].as_str().unwrap(), "{field}");
            }
            assert_eq!(row[col("born")], item["born"].as_str().unwrap_or(""));
            assert_eq!(
                row[col("days_held")],
                item["days_held"]
                    .as_i64()
                    .map(|d| d.to_string())
                    .unwrap_or_default()
            );
        }
        assert_eq!(rows[0][col("charges")], "smuggling;hooliganism");
    }
}

#[test]
fn drafts_and_hidden_fields_appear_in_no_data_file() {
    let site = Site::new();
    let out = site.built();
    let carol = &json(&out, "data/profiles.json")["items"][2];
    assert_eq!(carol["slug"], "carol-karimova");
    assert!(carol["born"].is_null() && carol["prison"].is_null());
    let mut checked = 0;
    for (name, bytes) in snapshot(&out) {
        if name.contains("data/") {
            checked += 1;
            let text = String::from_utf8(bytes).unwrap();
            for secret in [
                "drafty",
                "Drafty",
                "Secret Draft Appeal",
                "1971",
                "Zyxwv",
                "zyxwv",
                "Qwerty",
            ] {
                assert!(!text.contains(secret), "{name} holds `{secret}`");
            }
        }
    }
    assert_eq!(checked, 8, "four files in each of two languages");
}

#[test]
fn statements_and_organisations_list_their_links() {
    let site = Site::new();
    let out = site.built();
    let s = json(&out, "data/statements.json");
    let slugs: Vec<&str> = s["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["first-appeal", "second-appeal"]);
    assert_eq!(s["items"][0]["signatories"][1]["id"], "org-beta");
    assert_eq!(
        s["items"][0]["people"],
        serde_json::json!(["alice-aliyeva", "bob-bakirov"])
    );
    let o = json(&out, "az/data/organisations.json");
    assert_eq!(o["language"], "az");
    let beta = o["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "org-beta")
        .unwrap();
    assert_eq!(beta["name"], "Beta Hüquq Mərkəzi");
    assert_eq!(beta["statements"], serde_json::json!(["first-appeal"]));
    assert_eq!(beta["country"], "AZ");
}

#[test]
fn people_index_links_the_data_and_folds_names_for_search() {
    let site = Site::new();
    let out = site.built();
    let html = page(&out, "people/index.html");
    assert!(
        html.contains("/sub/path/data/profiles.csv")
            && html.contains("/sub/path/data/profiles.json")
    );
    // Both spellings, folded: "Alisa Əliyeva" is found as "aliyeva" from either page.
    assert!(
        html.contains("data-search=\"alije aliyeva alisa aliyeva"),
        "search names:\n{html}"
    );
    assert!(html.contains("people.js"));
    assert!(page(&out, "az/people/index.html").contains("/sub/path/az/data/profiles.csv"));
}
