//! Rolecraft's core, in layers (each uses only those listed before it; `tests/layers.rs` checks):
//!
//! 1. [`model`]: the role data types.
//! 2. The bottom layer: [`text`] (normalising, similarity), [`markdown`] (parser options),
//!    [`fs`] (atomic writes), [`time`] (dates), [`html_page`] (the one exported HTML document),
//!    [`data_dir`] (where the user's roles, templates and drafts live).
//! 3. [`import`] and [`search`] (the in-memory word index), 4. [`library`], 5. [`compare`], and beside it [`authoring`] (undoable edits,
//!    saves that detect changes on disk) and [`history`] (a role file's git history),
//!    6. [`drafts`], 7. [`render`], 8. [`review`] (an import's plan, decisions and apply) and
//!    [`checks`] (the posting checks).

pub mod authoring;
pub mod checks;
pub mod compare;
pub mod data_dir;
pub mod drafts;
pub mod fs;
#[cfg(feature = "git")]
pub mod history;
pub mod html_page;
pub mod import;
pub mod library;
pub mod markdown;
pub mod model;
pub mod render;
pub mod review;
pub mod search;
pub mod section_notes;
pub mod text;
pub mod time;

#[cfg(test)]
mod testing;
