//! Name search in either script: "Mammadli" finds "Məmmədli", "Khalilov" finds "Xəlilov".
//!
//! Names and the reader's query are both folded to one plain form by the same table: the builder
//! folds the names into the page, and the people index's script gets the table itself, so the two
//! cannot drift apart.

/// Replacements applied in order, after lower-casing.
pub const FOLD: &[(&str, &str)] = &[
    // "İ" lower-cases to "i" and a combining dot.
    ("\u{307}", ""),
    // Azerbaijani Latin letters whose English spelling differs, before "ç" brings in a "c".
    ("c", "j"),
    ("q", "g"),
    ("x", "kh"),
    ("ç", "ch"),
    ("ş", "sh"),
    ("ğ", "gh"),
    ("ə", "a"),
    ("ı", "i"),
    ("ö", "o"),
    ("ü", "u"),
    // Cyrillic (Russian and Azerbaijani), letter by letter.
    ("щ", "shch"),
    ("ш", "sh"),
    ("ч", "ch"),
    ("ж", "zh"),
    ("х", "kh"),
    ("ц", "ts"),
    ("ю", "yu"),
    ("я", "ya"),
    ("ё", "yo"),
    ("ә", "a"),
    ("ғ", "gh"),
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
    // Two letters for one sound, written either way: fold both to one letter.
    ("sh", "s"),
    ("ch", "c"),
    ("gh", "g"),
    ("kh", "h"),
    ("zh", "z"),
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
