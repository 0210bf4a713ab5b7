//! vigil builds a campaign's site about political prisoners from Markdown and YAML.
//!
//! The build is one pipeline, a module per stage:
//! `config` -> `load` (walk and parse) -> `validate` (check everything, build the typed `model::Site`)
//! -> `render` (Tera, in parallel, over the frozen site) -> `write` (minify, swap into `public/`).
//! `build` runs the stages in order; `diag` carries every problem with its file, line and column.

pub mod build;
pub mod charts;
pub mod config;
pub mod date;
pub mod diag;
pub mod i18n;
pub mod load;
pub mod markdown;
pub mod model;
pub mod opendata;
pub mod search;
pub mod render;
pub mod text;
pub mod urls;
pub mod validate;
pub mod write;
pub mod yaml;
