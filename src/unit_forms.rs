//! A form for every unit on a units file (`template SET --units UNITS -o forms/`): one file per
//! unit, named after it ([`crate::units::form_stem`]), with its name and the period filled in.
//!
//! All or nothing: every file name is checked before the first form is written (a folder, or
//! a file this run read, in a form's place stops it there); each is written atomically; and if
//! one cannot be made or written, those this run had created are removed and those it had
//! replaced (`--force`) are put back from a copy kept beside them until the run ends. The format is a parameter ([`FormFormat`]): the xlsx form plugs in
//! as another variant beside YAML.

use crate::form::{write_form, FormFill};
use crate::i18n::Lang;
use crate::model::CriteriaSet;
use crate::output::{write_atomic, WriteError};
use crate::template::{form, FormFields};
use crate::units::{form_stem, Unit};
use std::path::{Path, PathBuf};

/// The kind of form written for each unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormFormat {
    /// The evidence YAML, comments (in this language) giving each criterion's rule.
    Yaml(Lang),
    /// The Excel form ([`crate::form`]), its words in this language.
    Xlsx(Lang),
}

impl FormFormat {
    pub fn extension(self) -> &'static str {
        match self {
            FormFormat::Yaml(_) => "yaml",
            FormFormat::Xlsx(_) => "xlsx",
        }
    }

    /// One unit's form. `criteria_ref` is what the form's `criteria:` names (an embedded id,
    /// or a path relative to the forms folder).
    pub fn render(
        self,
        set: &CriteriaSet,
        criteria_ref: &str,
        fields: FormFields,
    ) -> Result<Vec<u8>, String> {
        match self {
            FormFormat::Yaml(lang) => Ok(form(set, criteria_ref, Some(fields), lang).into_bytes()),
            FormFormat::Xlsx(lang) => {
                let fill = FormFill {
                    unit: Some(fields.unit).filter(|u| !u.is_empty()),
                    period: Some(fields.period).filter(|p| !p.is_empty()),
                    evidence: None,
                    lang,
                };
                write_form(set, criteria_ref, &fill).map_err(|e| e.to_string())
            }
        }
    }
}

/// Where each unit's form goes: `dir/STEM.EXT`, in the units' order.
pub fn form_paths<'u>(
    units: &[&'u Unit],
    dir: &Path,
    format: FormFormat,
) -> Vec<(&'u Unit, PathBuf)> {
    units
        .iter()
        .map(|u| {
            let stem = form_stem(&u.name, u.code.as_deref());
            (*u, dir.join(format!("{stem}.{}", format.extension())))
        })
        .collect()
}

/// Why the forms were not written.
#[derive(Debug)]
pub enum FormsError {
    /// Forms already there (and overwriting was not asked for): nothing was written.
    Exist(Vec<PathBuf>),
    /// A form could not be made: the forms this run created were removed.
    Render(PathBuf, String),
    /// A form could not be written: the forms this run created were removed.
    Write(PathBuf, WriteError),
}

/// Writes each `(path, bytes)` made by `render`, all or nothing (see the module's note).
/// Returns how many were written.
pub fn write_forms(
    forms: &[(&Unit, PathBuf)],
    overwrite: bool,
    render: impl Fn(&Unit) -> Result<Vec<u8>, String>,
) -> Result<usize, FormsError> {
    // `symlink_metadata`: a dangling link is a file there too.
    let existing: std::collections::HashSet<&PathBuf> = forms
        .iter()
        .filter(|(_, p)| std::fs::symlink_metadata(p).is_ok())
        .map(|(_, p)| p)
        .collect();
    if !overwrite && !existing.is_empty() {
        // In the list's order, so that the first named is the first on the list.
        let paths = forms
            .iter()
            .filter(|(_, p)| existing.contains(p))
            .map(|(_, p)| p.clone())
            .collect();
        return Err(FormsError::Exist(paths));
    }
    // What cannot be replaced is found before anything is written.
    for (_, path) in forms.iter().filter(|(_, p)| existing.contains(p)) {
        if crate::output::is_input(path) {
            return Err(FormsError::Write(
                path.clone(),
                WriteError::IsInput(path.clone()),
            ));
        }
        if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            return Err(FormsError::Write(
                path.clone(),
                WriteError::Io(path.clone(), std::io::Error::other("it is a folder")),
            ));
        }
    }
    // Made and written one at a time (ten thousand forms are never all in memory); a form
    // that cannot be made or written takes back those this run created, and puts back those
    // it replaced from their copies.
    let mut created: Vec<&PathBuf> = Vec::new();
    let mut copies: Vec<(&PathBuf, PathBuf)> = Vec::new();
    let undo = |created: &[&PathBuf], copies: &[(&PathBuf, PathBuf)]| {
        for p in created {
            let _ = std::fs::remove_file(p);
        }
        for (p, copy) in copies {
            if std::fs::copy(copy, p).is_ok() {
                let _ = std::fs::remove_file(copy);
            }
        }
    };
    for (unit, path) in forms {
        let bytes = match render(unit) {
            Ok(b) => b,
            Err(e) => {
                undo(&created, &copies);
                return Err(FormsError::Render(path.clone(), e));
            }
        };
        if existing.contains(path) && std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
            let copy = kept_copy(path);
            if let Err(e) = std::fs::copy(path, &copy) {
                undo(&created, &copies);
                return Err(FormsError::Write(
                    path.clone(),
                    WriteError::Io(path.clone(), e),
                ));
            }
            copies.push((path, copy));
        }
        if let Err(e) = write_atomic(path, bytes, overwrite) {
            undo(&created, &copies);
            return Err(FormsError::Write(path.clone(), e));
        }
        if !existing.contains(path) {
            created.push(path);
        }
    }
    for (_, copy) in &copies {
        let _ = std::fs::remove_file(copy);
    }
    Ok(forms.len())
}

/// Where the form at `path` is copied before it is replaced: beside it, hidden, named after
/// it and this process.
fn kept_copy(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.parindex-{}.old", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Position;

    fn unit(name: &str) -> Unit {
        Unit {
            name: name.into(),
            code: None,
            group: None,
            at: Position { line: 1, column: 1 },
        }
    }

    #[test]
    fn existing_forms_stop_the_run_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (unit("Sở A"), unit("Sở B"));
        let forms = form_paths(&[&a, &b], dir.path(), FormFormat::Yaml(Lang::En));
        std::fs::write(&forms[1].1, "kept").unwrap();
        let r = write_forms(&forms, false, |u| Ok(u.name.clone().into_bytes()));
        assert!(matches!(r, Err(FormsError::Exist(ref p)) if p.len() == 1));
        assert!(!forms[0].1.exists());
        assert_eq!(std::fs::read_to_string(&forms[1].1).unwrap(), "kept");
        assert_eq!(
            write_forms(&forms, true, |u| Ok(u.name.clone().into_bytes())).unwrap(),
            2
        );
        assert_eq!(std::fs::read_to_string(&forms[1].1).unwrap(), "Sở B");
    }

    #[test]
    fn a_form_that_cannot_be_written_takes_back_the_ones_written_before() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (unit("Sở A"), unit("Sở B"));
        let mut forms = form_paths(&[&a, &b], dir.path(), FormFormat::Yaml(Lang::En));
        forms[1].1 = dir.path().join("no-such-folder/so-b.yaml");
        let r = write_forms(&forms, false, |u| Ok(u.name.clone().into_bytes()));
        assert!(matches!(r, Err(FormsError::Write(..))));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn with_force_a_failed_run_puts_back_the_forms_it_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (unit("Sở A"), unit("Sở B"), unit("Sở C"));
        let forms = form_paths(&[&a, &b, &c], dir.path(), FormFormat::Yaml(Lang::En));
        std::fs::write(&forms[0].1, "filled by Sở A").unwrap();
        let r = write_forms(&forms, true, |u| match u.name.as_str() {
            "Sở C" => Err("the workbook could not be built".into()),
            name => Ok(name.as_bytes().to_vec()),
        });
        assert!(matches!(r, Err(FormsError::Render(..))));
        assert_eq!(
            std::fs::read_to_string(&forms[0].1).unwrap(),
            "filled by Sở A"
        );
        // Nothing else is left: not B's new form, not the copy.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // A folder in a form's place stops the run before anything is written.
        std::fs::create_dir(&forms[2].1).unwrap();
        let r = write_forms(&forms, true, |u| Ok(u.name.clone().into_bytes()));
        assert!(matches!(r, Err(FormsError::Write(..))));
        assert_eq!(
            std::fs::read_to_string(&forms[0].1).unwrap(),
            "filled by Sở A"
        );
        assert!(!forms[1].1.exists());
        // And a run that succeeds leaves no copy behind.
        std::fs::remove_dir(&forms[2].1).unwrap();
        write_forms(&forms, true, |u| Ok(u.name.clone().into_bytes())).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
        assert_eq!(std::fs::read_to_string(&forms[0].1).unwrap(), "Sở A");
    }

    #[test]
    fn a_form_that_cannot_be_made_takes_back_the_ones_written_before() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (unit("Sở A"), unit("Sở B"));
        let forms = form_paths(&[&a, &b], dir.path(), FormFormat::Yaml(Lang::En));
        let r = write_forms(&forms, false, |u| match u.name.as_str() {
            "Sở A" => Ok(b"a".to_vec()),
            _ => Err("the workbook could not be built".into()),
        });
        assert!(matches!(r, Err(FormsError::Render(..))));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
