pub mod compare;
pub mod import;
pub mod roles;
pub mod show;
