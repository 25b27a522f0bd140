//! Drafts: job postings in progress, a sibling of the library. A [`Draft`] points at a library
//! role and holds only what this posting changes (posting fields, chosen sections,
//! switched-off items, edited texts), so editing a draft never changes the library role.
//!
//! - [`Draft`], [`Posting`]: the saved document.
//! - [`DraftStore`]: the folder of drafts (`<data dir>/drafts`), atomic writes.
//! - [`outline`], [`chosen_section_keys`]: what a draft shows of its role.
//!
//! The renderer reads drafts; nothing here knows about templates.

mod draft;
pub mod fields;
mod outline;
mod posting;
mod store;

pub use draft::{Draft, ItemEdit, ItemRef};
pub use fields::{
    EmploymentType, Location, PayPeriod, Salary, SalaryShape, Workplace, WorkplaceKind,
};
pub use outline::{
    chosen_keys, chosen_section_keys, is_internal_section, outline, OutlineItem, OutlineSection,
    INTERNAL_SECTIONS,
};
pub use posting::{Posting, PostingField, STRUCTURED_KEYS};
pub use store::{DraftError, DraftStore, DraftSummary};

/// A draft's choice its role or the posting fields do not allow. The renderer reports these as
/// `RenderError::UnknownSection` and `RenderError::UnknownField`, with the same messages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChoiceError {
    #[error("role \"{role}\" has no section \"{key}\" (it has: {known})")]
    UnknownSection {
        key: String,
        role: String,
        known: String,
    },
    #[error("unknown posting field \"{key}\"; use KEY=VALUE with KEY one of: {known}")]
    UnknownField { key: String, known: String },
    #[error("posting field \"{key}\": \"{value}\" is not {expected}")]
    InvalidField {
        key: String,
        value: String,
        expected: String,
    },
}
