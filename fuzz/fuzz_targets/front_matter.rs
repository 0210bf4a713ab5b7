//! Any text as a profile (and its translation, and a page): parsing must return a located
//! diagnostic or a document, never panic, and the diagnostic must render.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigil::load::front::{PageFront, ProfileFront, ProfileTranslationFront};
use vigil::load::parse_markdown;
use vigil::text::Lang;
use vigil::yaml::Source;

fn source(text: &str) -> Source {
    Source { path: "profiles/fuzz.md".into(), text: text.into(), yaml_offset: 1 }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let text = text.replace("\r\n", "\n");
    if let Err(d) = parse_markdown::<ProfileFront>(source(&text), "fuzz".into(), Lang::DEFAULT) {
        let _ = d.render();
    }
    if let Err(d) = parse_markdown::<ProfileTranslationFront>(source(&text), "fuzz".into(), Lang(1)) {
        let _ = d.render();
    }
    if let Err(d) = parse_markdown::<PageFront>(source(&text), "fuzz".into(), Lang::DEFAULT) {
        let _ = d.render();
    }
});
