//! Telling a returned form from any other workbook in a folder (a unit's result workbook
//! written by `score -f xlsx`, a spreadsheet of notes): a workbook is a form when it has the
//! form's sheet, the same test the reader ([`super::read_form`]) starts with.
//!
//! The answer is read from the zip's directory and `xl/workbook.xml` alone, at most
//! [`MAX_WORKBOOK_XML`] bytes of it: no sheet and no shared string is unpacked, so a huge or
//! hostile workbook in the folder costs no more than a small one to pass over. A workbook that
//! is a form is then read in full, with the reader's caps, and its problems reported.

use crate::i18n::form::SHEET_FORM;
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// The most bytes of `xl/workbook.xml` read to find the sheets' names (a form's is under
/// 2 KiB; a workbook with more to say there is not a form).
pub const MAX_WORKBOOK_XML: u64 = 256 * 1024;

/// Whether `bytes` (a file's content) is a workbook with the form's sheet. Anything that does
/// not read as a workbook (not a zip, no workbook part, an oversized part) is not a form; a
/// workbook part that is not well-formed XML is taken for one, and the reader refuses it.
pub fn is_form(bytes: &[u8]) -> bool {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    if zip.len() > super::structure::MAX_MEMBERS {
        return false;
    }
    // Found as calamine finds it (any case, `\\` as `/`): a form whose part is spelled
    // `xl/Workbook.xml` is read by `score`, so `rank` must not pass it over.
    let Some(name) = zip
        .file_names()
        .find(|n| super::structure::part_key(n) == "xl/workbook.xml")
        .map(str::to_string)
    else {
        return false;
    };
    let Ok(part) = zip.by_name(&name) else {
        return false;
    };
    let mut xml = Vec::new();
    if part
        .take(MAX_WORKBOOK_XML + 1)
        .read_to_end(&mut xml)
        .is_err()
        || xml.len() as u64 > MAX_WORKBOOK_XML
    {
        return false;
    }
    has_form_sheet(&xml)
}

/// Whether the workbook part names a sheet as the form does, in either language.
fn has_form_sheet(xml: &[u8]) -> bool {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"sheet" => {
                let named = e.attributes().flatten().any(|a| {
                    a.key.local_name().as_ref() == b"name"
                        && a.decode_and_unescape_value(reader.decoder())
                            .is_ok_and(|v| {
                                v.as_ref() == SHEET_FORM.vi || v.as_ref() == SHEET_FORM.en
                            })
                });
                if named {
                    return true;
                }
            }
            Ok(Event::Eof) => return false,
            // A workbook part that does not parse is read as a form, so that the reader says
            // what is wrong with it: skipped, a unit's form would leave the league unsaid.
            Err(_) => return true,
            Ok(_) => {}
        }
        buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn book(sheet: &str) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet().set_name(sheet).unwrap();
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_workbook_is_a_form_by_its_sheet_in_either_language() {
        assert!(is_form(&book(SHEET_FORM.vi)));
        assert!(is_form(&book(SHEET_FORM.en)));
        assert!(!is_form(&book("Lĩnh vực")));
        assert!(!is_form(b"not a zip at all"));
        assert!(!is_form(b""));
    }

    #[test]
    fn a_huge_workbook_part_is_not_unpacked_to_decide() {
        // A workbook part that unpacks to 64 MiB of blanks before naming the form's sheet:
        // a few hundred KiB are read, and the answer is no.
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/workbook.xml", opts).unwrap();
        zip.write_all(b"<workbook><sheets>").unwrap();
        let blanks = vec![b' '; 1024 * 1024];
        for _ in 0..64 {
            zip.write_all(&blanks).unwrap();
        }
        zip.write_all(
            b"<sheet name=\"T\xe1\xbb\xb1 \xc4\x91\xc3\xa1nh gi\xc3\xa1\"/></sheets></workbook>",
        )
        .unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 1024 * 1024);
        assert!(!is_form(&bytes));
    }
}
