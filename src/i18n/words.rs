//! Words every command shares.

use super::{text, Text};

pub const YES: Text = text("yes", "có");
pub const NO: Text = text("no", "không");
pub const NOT_APPLICABLE: Text = text("n/a", "không áp dụng");
