//! Name search in either script: "Mammadli" finds "Məmmədli", "Khalilov" finds "Xəlilov".
//!
//! Names and the reader's query are both folded to one plain form by the same table: the builder
//! folds the names into the page, and the people index's script gets the table itself, so the two
//! cannot drift apart.

/// Replacements applied in order, after lower-casing.
pub const FOLD: &[(&str, &str)] = &[
    // "İ" lower-cases to "i" and a combining dot.
    ("\u{307}", ""),
    // English spellings of Azerbaijani letters, first, so that their "c" is not taken for a "j".
    ("ch", "ç"),
    ("sh", "ş"),
    ("gh", "ğ"),
    ("kh", "x"),
    ("zh", "z"),
    // Azerbaijani "c" is English "j", "q" is "g".
    ("c", "j"),
    ("q", "g"),
    // Then each letter to its plainest form.
    ("ç", "c"),
    ("ş", "s"),
    ("ğ", "g"),
    ("x", "h"),
    ("ə", "a"),
    ("ı", "i"),
    ("ö", "o"),
    ("ü", "u"),
    // Cyrillic (Russian and Azerbaijani), straight to the same plain forms.
    ("щ", "sc"),
    ("ш", "s"),
    ("ч", "c"),
    ("ж", "z"),
    ("х", "h"),
    ("ц", "ts"),
    ("ю", "yu"),
    ("я", "ya"),
    ("ё", "yo"),
    ("ә", "a"),
    ("ғ", "g"),
    ("ҹ", "j"),
    ("һ", "h"),
    ("ү", "u"),
    ("ө", "o"),
    ("ҝ", "g"),
    ("ј", "y"),
    ("а", "a"),
    ("б", "b"),
    ("в", "v"),
    ("г", "g"),
    ("д", "d"),
    ("е", "e"),
    ("з", "z"),
    ("и", "i"),
    ("й", "y"),
    ("к", "k"),
    ("л", "l"),
    ("м", "m"),
    ("н", "n"),
    ("о", "o"),
    ("п", "p"),
    ("р", "r"),
    ("с", "s"),
    ("т", "t"),
    ("у", "u"),
    ("ф", "f"),
    ("ы", "y"),
    ("э", "e"),
    ("ъ", ""),
    ("ь", ""),
];

pub fn fold(s: &str) -> String {
    let mut out = s.to_lowercase();
    for (from, to) in FOLD {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    }
    out
}

/// Every spelling of a person's name: as written in each of the site's `languages`, the slug and
/// the old slugs, folded and joined, for the search on the people index.
pub fn names(p: &crate::model::Profile, languages: usize) -> String {
    let mut names: Vec<String> = (0..languages as u8)
        .map(|l| fold(p.name.in_lang(crate::text::Lang(l))))
        .collect();
    names.push(p.slug.replace('-', " "));
    names.extend(p.aliases.iter().map(|a| a.replace('-', " ")));
    names.dedup();
    names.join(" ")
}

/// The table as JSON, for the script: `[["c","j"],...]`.
pub fn table_json() -> String {
    serde_json::to_string(FOLD).expect("pairs serialize")
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_both_scripts_and_spellings_together() {
        for (a, b) in [
            ("Mammadli", "Məmmədli"),
            ("Famil Khalilov", "Famil Xəlilov"),
            ("Sevinj Vagifgizi", "Sevinc Vaqifqızı"),
            ("Shamo Eminov", "Şamo Eminov"),
            ("Ruslan Izzatli", "RUSLAN İZZƏTLİ"),
            ("Chingiz", "Çingiz"),
            ("Mammadli", "Мәммәдли"),
            ("Shamo", "Шамо"),
        ] {
            assert_eq!(fold(a), fold(b), "{a} / {b}");
        }
        assert_ne!(fold("Mammadli"), fold("Huseynov"));
    }
}
