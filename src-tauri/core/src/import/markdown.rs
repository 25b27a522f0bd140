use super::{Document, ImportError, Imported};
pub fn detect(_text: &str) -> bool { false }
pub fn parse(_doc: &Document) -> Result<Imported, ImportError> { Ok(Imported::default()) }
