//! What a form can only be checked against once its criteria set is loaded: that each row's
//! code is the criterion its title names (a code retyped would move a value to another
//! criterion) and that the set id cell names the set.

use super::read::FormText;
use super::write::row_titles;
use crate::diag::{self, Diagnostic, Diagnostics};
use crate::i18n::form as words;
use crate::model::CriteriaSet;

/// Checks `form` (read from the file `name`) against `set`, the set its SHA-256 is of.
pub fn check_against_set(
    form: &FormText,
    set: &CriteriaSet,
    name: &str,
) -> Result<(), Diagnostics> {
    let at = |row: u32, col: u16| format!("{}!{}", form.sheet, super::cell_name(row, col));
    let given_id = form.set_id.trim();
    if given_id != set.id {
        return Err(Diagnostics::one(
            Diagnostic::new(
                diag::FORM_LAYOUT,
                name,
                words::set_id_differs(&diag::shown(given_id), &set.id),
            )
            .in_cell(at(super::ROW_SET_ID, super::COL_TITLE))
            .help(words::HEADER_EDITED_HELP),
        ));
    }
    // The title as either language's form writes it, or an earlier form wrote it.
    let title_of = |i: usize| row_titles(&set.nodes[i]);
    for row in &form.rows {
        // A code the set does not have is reported by the evidence checks, at its cell.
        let Some(i) = set.nodes.iter().position(|n| n.code == row.code) else {
            continue;
        };
        let given = row.title.as_deref().unwrap_or("").trim();
        // The maximum is the set's (the form's SHA-256 says which): one edited would have the
        // reader of the sheet weigh the row wrongly, though the score uses the set's.
        let max = row.max.as_deref().map(str::trim);
        if max.and_then(|m| crate::decimal::parse_decimal(m).ok()) != Some(set.nodes[i].max) {
            return Err(Diagnostics::one(
                Diagnostic::new(
                    diag::FORM_LAYOUT,
                    name,
                    words::max_edited(
                        &diag::shown(max.unwrap_or("")),
                        &set.nodes[i].max.to_string(),
                    ),
                )
                .criterion(row.code.clone())
                .in_cell(at(row.row, super::COL_MAX))
                .help(words::MAX_EDITED_HELP),
            ));
        }
        if title_of(i).iter().any(|t| t == given) {
            continue;
        }
        let other = (!given.is_empty())
            .then(|| {
                (0..set.nodes.len())
                    .find(|&j| title_of(j).iter().any(|t| t == given))
                    .map(|j| set.nodes[j].code.as_str())
            })
            .flatten();
        return Err(Diagnostics::one(
            Diagnostic::new(
                diag::FORM_CODE_TITLE,
                name,
                words::code_title_differ(
                    &diag::shown(&row.code),
                    &diag::shown(given),
                    &diag::shown(set.nodes[i].title.trim()),
                    other,
                ),
            )
            .criterion(row.code.clone())
            .in_cell(at(row.row, super::COL_CODE))
            .help(words::CODE_TITLE_DIFFER_HELP),
        ));
    }
    Ok(())
}
