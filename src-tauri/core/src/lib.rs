pub mod compare;
pub mod import;
pub mod library;
pub mod model;
pub mod checks;
pub mod render;
