//! Criteria sets shipped inside the binary, resolvable by id from an evidence file's
//! `criteria:`. Each is the file of the same name in `criteria/`.

/// `(id, YAML text)` of every embedded set.
const SETS: &[(&str, &str)] = &[
    (
        "dak-nong-district-2022",
        include_str!("../criteria/dak-nong-district-2022.yaml"),
    ),
    (
        "dak-nong-district-2023",
        include_str!("../criteria/dak-nong-district-2023.yaml"),
    ),
    (
        "xa-phuong-2025",
        include_str!("../criteria/xa-phuong-2025.yaml"),
    ),
    (
        "so-ban-nganh-2025",
        include_str!("../criteria/so-ban-nganh-2025.yaml"),
    ),
];

/// The text of the embedded set with this id.
pub fn find(id: &str) -> Option<&'static str> {
    SETS.iter().find(|(i, _)| *i == id).map(|(_, text)| *text)
}

/// The ids of the embedded sets, in order.
pub fn ids() -> impl Iterator<Item = &'static str> {
    SETS.iter().map(|(id, _)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{parse_criteria, Source};

    #[test]
    fn every_embedded_set_loads_cleanly_under_its_own_id() {
        for id in ids() {
            let source = Source::from_text(format!("embedded:{id}"), find(id).unwrap().to_string());
            let (set, warnings) = parse_criteria(&source).unwrap_or_else(|d| panic!("{d}"));
            assert_eq!(set.id, id);
            assert!(warnings.is_empty(), "{warnings:?}");
        }
    }
}
