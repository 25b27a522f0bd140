//! Bytes → text: UTF-8 (BOM or not), UTF-16 with BOM; CRLF and CR become LF so that line
//! numbers mean the same everywhere. Invalid UTF-8 is an error naming the byte offset: a
//! lossy import would silently alter text.

use super::ImportError;

/// The largest document one import accepts (5 MiB): real ladder pages are under 100 KiB.
pub const MAX_DOCUMENT_BYTES: u64 = 5 * 1024 * 1024;

pub fn decode(name: &str, bytes: &[u8]) -> Result<String, ImportError> {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8(name, rest, 3)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(name, rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(name, rest, u16::from_be_bytes)?
    } else {
        utf8(name, bytes, 0)?
    };
    if text.contains('\0') {
        let offset = text.find('\0').unwrap_or(0);
        return Err(ImportError::NotText {
            file: name.into(),
            offset,
        });
    }
    Ok(normalise_newlines(text))
}

pub fn normalise_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

fn utf8(name: &str, bytes: &[u8], skipped: usize) -> Result<String, ImportError> {
    String::from_utf8(bytes.to_vec()).map_err(|e| ImportError::NotText {
        file: name.into(),
        offset: skipped + e.utf8_error().valid_up_to(),
    })
}

fn utf16(name: &str, bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(ImportError::NotText {
            file: name.into(),
            offset: bytes.len() + 1,
        });
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| ImportError::NotText {
        file: name.into(),
        offset: 2,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_boms_and_line_ends() {
        assert_eq!(decode("f", b"\xEF\xBB\xBFa\r\nb").unwrap(), "a\nb");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hé\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode("f", &utf16).unwrap(), "hé\n");
    }

    #[test]
    fn invalid_utf8_names_the_byte_offset() {
        let err = decode("bad.md", b"abc\xFFdef").unwrap_err();
        assert_eq!(err.to_string(), "bad.md: not text: invalid UTF-8 at byte 3");
    }
}
