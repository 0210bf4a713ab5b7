//! vigil builds a campaign's site about political prisoners from Markdown and YAML.
//!
//! The build is one pipeline, a module per stage:
//! `config` -> `load` (walk and parse) -> `validate` (check everything, build the typed `model::Site`)
//! -> `render` (Tera over compact templates, in parallel, over the frozen site) -> `write` (swap
//! into `public/`).
//! `build` runs the stages in order; `diag` carries every problem with its file, line and column.
//!
//! Around the pipeline: `serve` (a preview that rebuilds what a save changed and reloads the page),
//! `linkcheck` (external links, on request), `translations` (what is not translated yet),
//! `scaffold` (`vigil new`), `archive` (the portable site as a zip).

pub mod archive;
pub mod build;
pub mod cards;
pub mod charts;
pub mod config;
pub mod date;
pub mod diag;
pub mod i18n;
pub mod images;
pub mod linkcheck;
pub mod load;
pub mod markdown;
pub mod model;
pub mod opendata;
pub mod render;
pub mod sanitize;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod text;
pub mod translations;
pub mod translit;
pub mod urls;
pub mod validate;
pub mod write;
pub mod yaml;
