//! A child's peak memory and processor time, from `wait4` (Linux): for the bench and for
//! the tests that hold hostile input to a memory bound.

use std::os::raw::{c_int, c_long};

#[repr(C)]
pub struct Timeval {
    pub sec: c_long,
    pub usec: c_long,
}

/// `struct rusage` of Linux: two timevals, then fourteen longs, `ru_maxrss` first.
#[repr(C)]
pub struct Rusage {
    pub utime: Timeval,
    pub stime: Timeval,
    pub maxrss: c_long,
    pub rest: [c_long; 13],
}

extern "C" {
    pub fn wait4(pid: c_int, status: *mut c_int, options: c_int, usage: *mut Rusage) -> c_int;
}

/// Waits for child `pid`: whether it exited with 0, its peak resident set in KiB, the
/// processor time it used (user + system, in seconds), and its exit code (`None` if a signal
/// ended it).
pub fn wait(pid: u32) -> (bool, u64, f64, Option<i32>) {
    let mut status: c_int = 0;
    let mut usage = Rusage {
        utime: Timeval { sec: 0, usec: 0 },
        stime: Timeval { sec: 0, usec: 0 },
        maxrss: 0,
        rest: [0; 13],
    };
    // SAFETY: both pointers are to live, correctly laid out values for the whole call.
    let got = unsafe { wait4(pid as c_int, &mut status, 0, &mut usage) };
    assert_eq!(got, pid as c_int, "wait4 failed");
    let secs = |t: &Timeval| t.sec as f64 + t.usec as f64 / 1e6;
    // A normal exit has no signal in the low seven bits; its code is the next byte.
    let code = (status & 0x7f == 0).then_some((status >> 8) & 0xff);
    (
        status == 0,
        usage.maxrss.max(0) as u64,
        secs(&usage.utime) + secs(&usage.stime),
        code,
    )
}
