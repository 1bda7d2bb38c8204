//! The starting sets for today's units (since 1 July 2025: departments and communes/wards),
//! embedded in the binary: listed, resolvable by id, shaped like the national index, and each
//! node saying what it is modelled on.

mod common;

use common::{parindex, stdout_of};
use serde_json::Value as Json;
use std::fs;

const SETS: [&str; 2] = ["xa-phuong-2025", "so-ban-nganh-2025"];
const TEMPLATE: &str = "Mẫu để điều chỉnh theo quyết định của tỉnh";

#[test]
fn criteria_list_shows_the_starting_sets_and_show_prints_them_verbatim() {
    let list = stdout_of(&["criteria", "list"]);
    for id in SETS {
        assert!(list.contains(id), "{list}");
        let shown = stdout_of(&["criteria", "show", id]);
        assert_eq!(
            shown,
            fs::read_to_string(format!("criteria/{id}.yaml")).unwrap()
        );
    }
}

#[test]
fn every_node_says_what_it_is_modelled_on_and_that_the_set_is_a_template() {
    for id in SETS {
        let text = fs::read_to_string(format!("criteria/{id}.yaml")).unwrap();
        let nodes = text
            .lines()
            .filter(|l| l.trim_start().starts_with("- code:"))
            .count();
        let notes: Vec<&str> = text
            .lines()
            .filter(|l| l.trim_start().starts_with("note:"))
            .collect();
        assert_eq!(nodes, notes.len(), "{id}: a node without a note");
        for note in notes {
            assert!(note.contains(TEMPLATE), "{id}: {note}");
            assert!(
                ["QĐ 1666/QĐ-UBND", "Hà Nội", "QĐ 876/QĐ-BNV"]
                    .iter()
                    .any(|s| note.contains(s)),
                "{id}: the note names no source: {note}"
            );
        }
        assert!(text.contains("source: >-\n  Bộ tiêu chí mẫu, không phải bảng tiêu chí đã công bố"));
        // Modest: about 40 to 60 leaves.
        let leaves = text
            .lines()
            .filter(|l| l.trim_start().starts_with("rule:"))
            .count();
        assert!((40..=60).contains(&leaves), "{id}: {leaves} leaves");
    }
}

/// `(id, score, max)` of a component.
type Component = (String, String, String);

/// `(total, max, percent, grade, components)` of an example's JSON result.
fn result(file: &str) -> (String, String, String, String, Vec<Component>) {
    let json: Json = serde_json::from_str(&stdout_of(&["score", file, "-f", "json"])).unwrap();
    let t = &json["total"];
    let s = |v: &Json| v.as_str().unwrap().to_string();
    let components = t["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (s(&c["id"]), s(&c["score"]), s(&c["max"])))
        .collect();
    (
        s(&t["score"]),
        s(&t["max"]),
        s(&t["percent"]),
        s(&t["grade"]),
        components,
    )
}

fn c(id: &str, score: &str, max: &str) -> Component {
    (id.into(), score.into(), max.into())
}

#[test]
fn the_ward_example_scores_70_appraised_and_30_survey_points_with_bonus_and_penalty() {
    // Sections 1–7 appraised (70, of which 1.5 excluded as n/a: 2.1), section 8 the survey
    // (30); + 1 bonus (9.1 cấp tỉnh) − 0.5 penalty (10.2: two late reports).
    let (total, max, percent, grade, components) = result("examples/xa-phuong-2025.yaml");
    assert_eq!((total.as_str(), max.as_str()), ("79.3", "98.5"));
    assert_eq!((percent.as_str(), grade.as_str()), ("80.51", "Tốt"));
    assert_eq!(
        components,
        vec![c("assessment", "55.92", "68.5"), c("survey", "22.88", "30")]
    );
}

#[test]
fn the_department_example_scores_against_its_embedded_set_by_id() {
    let (total, max, percent, grade, components) = result("examples/so-ban-nganh-2025.yaml");
    assert_eq!((total.as_str(), max.as_str()), ("75.77", "94"));
    assert_eq!((percent.as_str(), grade.as_str()), ("80.61", "Tốt"));
    assert_eq!(
        components,
        vec![c("assessment", "50.1", "64"), c("survey", "23.67", "30")]
    );
    // The appraisal council's value is scored, the unit's own is the self stage.
    let own: Json = serde_json::from_str(&stdout_of(&[
        "score",
        "examples/so-ban-nganh-2025.yaml",
        "--stage",
        "self",
        "-f",
        "json",
    ]))
    .unwrap();
    assert_eq!(own["total"]["score"], "78.77");
}

#[test]
fn a_fresh_form_for_each_starting_set_names_every_leaf() {
    for id in SETS {
        let form = stdout_of(&["template", id]);
        assert!(form.contains(&format!("criteria: \"{id}\"")), "{form}");
        assert!(form.contains("\"8.1.1\""));
        assert!(form.contains("\"10.3\""));
    }
    parindex()
        .args([
            "check",
            "examples/xa-phuong-2025.yaml",
            "examples/so-ban-nganh-2025.yaml",
        ])
        .assert()
        .success();
}
