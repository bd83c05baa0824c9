//! The text of a Word (.docx) file, for interview notes: the archive's
//! `word/document.xml`, its runs of text (`<w:t>`) joined and a blank line at each
//! paragraph's end (`</w:p>`), XML entities decoded. Only with the `workbooks` feature:
//! in the browser the workbook worker, which links the zip reader, reads it.

use std::io::{Cursor, Read};

use super::{NotesError, MAX_NOTES_BYTES};

/// The most bytes of `word/document.xml` expanded (a zip bomb stops here).
const MAX_XML_BYTES: u64 = 32 * 1024 * 1024;

/// The paragraphs of a .docx file as plain text, separated by blank lines.
pub fn docx_text(bytes: &[u8]) -> Result<String, NotesError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| NotesError::NotText)?;
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| NotesError::NotText)?;
    let mut xml = String::new();
    entry
        .take(MAX_XML_BYTES + 1)
        .read_to_string(&mut xml)
        .map_err(|_| NotesError::NotText)?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(NotesError::TooLarge {
            max_kib: MAX_NOTES_BYTES / 1024,
        });
    }
    let text = paragraphs(&xml);
    if text.len() > MAX_NOTES_BYTES {
        return Err(NotesError::TooLarge {
            max_kib: MAX_NOTES_BYTES / 1024,
        });
    }
    Ok(text)
}

/// The text inside `<w:t …>…</w:t>` elements, a blank line after each `</w:p>`.
fn paragraphs(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(at) = rest.find('<') {
        let after = &rest[at..];
        let Some(end) = after.find('>') else { break };
        let tag = &after[1..end];
        rest = &after[end + 1..];
        if tag == "/w:p" {
            out.push_str("\n\n");
        } else if tag.starts_with("w:tab") {
            out.push(' ');
        } else if (tag == "w:t" || tag.starts_with("w:t ")) && !tag.ends_with('/') {
            let close = rest.find("</w:t>").unwrap_or(rest.len());
            out.push_str(&unescape(&rest[..close]));
            rest = &rest[close..];
        }
    }
    out
}

/// XML's five named entities and numeric character references.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let Some(end) = after.find(';') else {
            out.push_str(after);
            return out;
        };
        let entity = &after[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => out.push(c),
            None => out.push_str(&after[..=end]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn docx(document: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(document.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn a_word_files_paragraphs_come_out_as_text() {
        let xml = r#"<?xml version="1.0"?><w:document><w:body>
            <w:p><w:r><w:t>The bus takes</w:t></w:r><w:r><w:t xml:space="preserve"> an hour &amp; more.</w:t></w:r></w:p>
            <w:p><w:r><w:t>Ring 07700 900123</w:t><w:tab/><w:t>&#8212;&#x41;</w:t></w:r></w:p>
            <w:p><w:r><w:t/></w:r></w:p></w:body></w:document>"#;
        let text = docx_text(&docx(xml)).unwrap();
        assert_eq!(
            text.trim_end(),
            "The bus takes an hour & more.\n\nRing 07700 900123 —A"
        );
        let notes = super::super::read_notes("notes.docx", text.as_bytes()).unwrap();
        assert_eq!(notes.passages.len(), 2);
        assert!(!notes.passages[1].text.contains("07700"));
    }

    #[test]
    fn other_archives_and_bytes_are_not_word_files() {
        assert_eq!(docx_text(b"not a zip"), Err(NotesError::NotText));
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("other.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert_eq!(docx_text(&bytes), Err(NotesError::NotText));
    }
}
