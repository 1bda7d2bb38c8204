//! `parindex criteria list`: the embedded criteria sets.

use super::{text, Text};

pub const ID: Text = text("Id", "Mã bộ tiêu chí");
pub const YEAR: Text = text("Year", "Năm");
pub const TITLE: Text = text("Title", "Tên");
pub const SECTIONS: Text = text("Sections", "Số lĩnh vực");
pub const LEAVES: Text = text("Leaves", "Số tiêu chí chấm điểm");
