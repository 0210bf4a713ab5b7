//! Any text as a statement file and as the lists beside it: a located diagnostic or a document,
//! never a panic; field lookups used for later errors must stay inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigil::load::front::{OrganisationEntry, StatementFile, Table};
use vigil::load::parse_yaml;
use vigil::text::Lang;
use vigil::yaml::{locate, Source};

fn source(text: &str) -> Source {
    Source { path: "content/statements/fuzz.yaml".into(), text: text.into(), yaml_offset: 0 }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match parse_yaml::<StatementFile>(source(text), "fuzz".into(), Lang::DEFAULT) {
        Err(d) => {
            let _ = d.render();
        }
        Ok(doc) => {
            for id in doc.front.signatories.iter().chain(&doc.front.profiles) {
                let (line, col) = locate(text, 0, &["signatories"], Some(id));
                assert!(line >= 1 && col >= 1);
                let _ = doc.src.error(line, col, "unknown").render();
            }
        }
    }
    if let Err(d) = parse_yaml::<Table<OrganisationEntry>>(source(text), "fuzz".into(), Lang::DEFAULT) {
        let _ = d.render();
    }
});
