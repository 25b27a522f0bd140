pub mod check;
pub mod compare;
pub mod import;
pub mod jd;
pub mod roles;
pub mod show;
pub mod templates;
