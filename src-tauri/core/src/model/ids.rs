//! Role ids and the file names they become. One rule decides both:
//!
//! - [`role_id`] makes an id from a title: Unicode NFC, transliterated to ASCII (`Café` →
//!   `cafe`, `工程师` → `gong-cheng-shi`), `+` and `#` right after a letter spelt out
//!   (`C++` → `c-plus-plus`, `C#` → `c-sharp`, so "C++ Engineer", "C# Engineer" and
//!   "C Engineer" stay apart), lower-case, `a-z0-9` runs joined by `-`, at most
//!   [`MAX_ID_LEN`] bytes, never a Windows reserved device name.
//! - [`check_id`] accepts exactly the ids `role_id` can make: an id from a role JSON file that
//!   does not pass is refused (it would otherwise become a path: `../../x`, `/etc/x`, `./cto`).
//! - [`file_name`] is the only way a role's file name is made: `<valid id>.json`.
//! - [`id_key`] folds an id for clash checks (NFC, transliterated, lower-case), so ids that
//!   differ only by case or normalisation are the same role.

use unicode_normalization::UnicodeNormalization;

/// The longest id (bytes). File systems allow 255 bytes per name; ids stay far below.
pub const MAX_ID_LEN: usize = 80;

/// Names Windows reserves for devices, with any extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Why a string is not a role id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("the id is empty")]
    Empty,
    #[error("the id \"{id}\" is longer than {MAX_ID_LEN} bytes")]
    TooLong { id: String },
    #[error("the id \"{id}\" is not a slug (lower-case a-z, 0-9 and single '-' between them; suggested: \"{suggested}\")")]
    NotASlug { id: String, suggested: String },
    #[error("the id \"{id}\" is a name Windows reserves for a device")]
    Reserved { id: String },
}

/// The id for a role titled `title` ("untitled-role" when the title has no letters or digits).
pub fn role_id(title: &str) -> String {
    let id = slug_of(title, '-');
    if id.is_empty() {
        "untitled-role".to_string()
    } else {
        id
    }
}

/// The slug rule (may be empty): see the module documentation.
pub(crate) fn slug_of(title: &str, sep: char) -> String {
    let nfc: String = title.nfc().collect();
    let ascii = deunicode::deunicode_with_tofu(&spell_symbols(&nfc), "-");
    let mut out = String::with_capacity(ascii.len());
    for ch in ascii.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with(sep) {
            out.push(sep);
        }
    }
    while out.ends_with(sep) {
        out.pop();
    }
    if out.len() > MAX_ID_LEN {
        // Cut at a separator when there is one in the second half, so words stay whole.
        let cut = out[..MAX_ID_LEN]
            .rfind(sep)
            .filter(|&i| i > MAX_ID_LEN / 2)
            .unwrap_or(MAX_ID_LEN);
        out.truncate(cut);
        while out.ends_with(sep) {
            out.pop();
        }
    }
    if RESERVED.contains(&out.as_str()) {
        out.push(sep);
        out.push_str("role");
    }
    out
}

/// `C++` → `C plus plus`, `C#`/`F#` → `C sharp`: a `+` or `#` right after a letter, digit or
/// another such `+`, and not followed by a letter or digit, is a word of its own.
fn spell_symbols(text: &str) -> String {
    if !text.contains(['+', '#']) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    for (i, &ch) in chars.iter().enumerate() {
        let spelt = match ch {
            '+' => Some("plus"),
            '#' => Some("sharp"),
            _ => None,
        };
        let Some(word) = spelt else {
            out.push(ch);
            continue;
        };
        let mut j = i;
        while j > 0 && chars[j - 1] == ch {
            j -= 1;
        }
        let after_word = j > 0 && chars[j - 1].is_alphanumeric();
        let mut k = i + 1;
        while k < chars.len() && chars[k] == ch {
            k += 1;
        }
        let ends_word = chars.get(k).is_none_or(|c| !c.is_alphanumeric());
        if after_word && ends_word {
            out.push(' ');
            out.push_str(word);
            out.push(' ');
        } else {
            out.push(' ');
        }
    }
    out
}

/// Accepts an id only when it is already in the form [`role_id`] gives.
pub fn check_id(id: &str) -> Result<(), IdError> {
    if id.is_empty() {
        return Err(IdError::Empty);
    }
    if id.len() > MAX_ID_LEN {
        return Err(IdError::TooLong { id: shorten(id) });
    }
    let slug_shaped = id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--");
    if !slug_shaped {
        return Err(IdError::NotASlug {
            id: shorten(id),
            suggested: role_id(id),
        });
    }
    if RESERVED.contains(&id) {
        return Err(IdError::Reserved { id: id.to_string() });
    }
    Ok(())
}

/// The file a role with this id is saved in: `<id>.json`, for a valid id only.
pub fn file_name(id: &str) -> Result<String, IdError> {
    check_id(id)?;
    Ok(format!("{id}.json"))
}

/// The form two ids are compared in for clashes: ids equal here are the same role (case,
/// Unicode normalisation and transliteration ignored).
pub fn id_key(id: &str) -> String {
    let nfc: String = id.nfc().collect();
    deunicode::deunicode_with_tofu(&nfc, "\u{fffd}").to_lowercase()
}

/// An id as shown in a message: control characters escaped, at most 100 characters.
fn shorten(id: &str) -> String {
    let mut out: String = id.chars().take(100).flat_map(char::escape_debug).collect();
    if id.chars().count() > 100 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_ascii_slugs() {
        assert_eq!(role_id("VP of Engineering"), "vp-of-engineering");
        assert_eq!(role_id("EM/TL Hybrid"), "em-tl-hybrid");
        assert_eq!(role_id("  CTO  "), "cto");
        assert_eq!(role_id("Café Manager"), "cafe-manager");
        assert_eq!(role_id("Cafe\u{301} Manager"), "cafe-manager");
        assert_eq!(role_id("Ingénieur logiciel"), "ingenieur-logiciel");
        assert_eq!(role_id("工程师"), "gong-cheng-shi");
        assert_eq!(role_id("!!!"), "untitled-role");
        assert_eq!(role_id("R&D Lead"), "r-d-lead");
    }

    #[test]
    fn c_plus_plus_c_sharp_and_c_stay_apart() {
        assert_eq!(role_id("C++ Engineer"), "c-plus-plus-engineer");
        assert_eq!(role_id("C# Engineer"), "c-sharp-engineer");
        assert_eq!(role_id("C Engineer"), "c-engineer");
        assert_eq!(role_id("Engineer #2"), "engineer-2");
        assert_eq!(role_id("A+B"), "a-b");
    }

    #[test]
    fn ids_are_capped_and_never_reserved_names() {
        let long = "word ".repeat(100);
        let id = role_id(&long);
        assert!(id.len() <= MAX_ID_LEN && !id.ends_with('-'), "{id}");
        assert_eq!(check_id(&id), Ok(()));
        assert_eq!(role_id("CON"), "con-role");
        assert_eq!(role_id("lpt1"), "lpt1-role");
        assert!(matches!(check_id("nul"), Err(IdError::Reserved { .. })));
    }

    #[test]
    fn only_slugs_are_valid_ids() {
        for bad in [
            "",
            "../../escaped",
            "/etc/passwd",
            "./cto",
            "CTO",
            "cto.json",
            "a--b",
            "-a",
            "a-",
            "café",
            "a b",
            "a\u{0}b",
            "a\\b",
        ] {
            assert!(check_id(bad).is_err(), "{bad:?}");
            assert!(file_name(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            file_name("vp-of-engineering").as_deref(),
            Ok("vp-of-engineering.json")
        );
        let err = check_id("../../x").unwrap_err().to_string();
        assert!(err.contains("suggested: \"x\""), "{err}");
    }

    #[test]
    fn case_and_normalisation_fold_to_one_key() {
        assert_eq!(id_key("CTO"), id_key("cto"));
        assert_eq!(id_key("caf\u{e9}"), id_key("cafe\u{301}"));
        assert_eq!(id_key("café"), id_key("cafe"));
        assert_ne!(id_key("cto"), id_key("ceo"));
    }

    #[test]
    fn every_made_id_is_valid() {
        for title in [
            "VP",
            "x".repeat(300).as_str(),
            "é",
            "-a-",
            "C++",
            "#",
            "a#b",
        ] {
            assert_eq!(check_id(&role_id(title)), Ok(()), "{title:?}");
        }
    }
}
