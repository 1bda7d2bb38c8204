//! Exact decimal arithmetic for scores: parsing from text, checked operations, rounding.
//!
//! Every figure in a criteria set or an evidence file is read from its text, never through a
//! binary float, and every operation on it is checked: a number too large for a decimal is an
//! input error, not an overflow panic.

use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;
use std::str::FromStr;

/// Why a piece of text is not a usable decimal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// Not written as a number at all.
    NotANumber,
    /// Beyond the range of a decimal (about ±7.9 × 10^28).
    TooLarge,
    /// Within the range, but with more places than a decimal keeps (28).
    TooPrecise,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            NumberError::NotANumber => f.write_str("not a number"),
            NumberError::TooLarge => f.write_str("number too large for an exact decimal"),
            NumberError::TooPrecise => f.write_str(
                "number too large or too precise (more than 28 decimal places) for an exact decimal",
            ),
        }
    }
}

/// Parses a decimal written in plain notation (`12`, `-0.5`, `97.29`), exactly.
///
/// Exponents (`1e3`) are accepted only so that a huge number gets the right message.
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    if let Some(d) = short_plain(text.as_bytes()) {
        return Ok(d);
    }
    let t = text.trim();
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let mut parts = mantissa.splitn(2, '.');
    let int_part = parts.next().unwrap_or("");
    let frac_part = parts.next();
    let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int_part.is_empty() && frac_part.is_none_or(str::is_empty)
        || !digits_ok(int_part)
        || !frac_part.is_none_or(digits_ok)
    {
        return Err(NumberError::NotANumber);
    }
    if let Some(exp) = exponent {
        let e = exp.strip_prefix('+').unwrap_or(exp);
        let e_digits = e.strip_prefix('-').unwrap_or(e);
        if e_digits.is_empty() || !digits_ok(e_digits) {
            return Err(NumberError::NotANumber);
        }
        // A negative exponent makes places, a positive one makes size.
        return Decimal::from_scientific(t).map_err(|_| {
            if e.starts_with('-') {
                NumberError::TooPrecise
            } else {
                NumberError::TooLarge
            }
        });
    }
    Decimal::from_str_exact(t).map_err(|_| {
        // The whole part fits: the places are what a decimal cannot keep.
        let whole = if int_part.is_empty() { "0" } else { int_part };
        if Decimal::from_str_exact(whole).is_ok() {
            NumberError::TooPrecise
        } else {
            NumberError::TooLarge
        }
    })
}

/// The common case read directly: at most 18 digits, an optional `.` between digits, no sign
/// or spaces (`2`, `97.3`, `4290`). The digits become the mantissa and the places after the
/// point the scale, exactly as `Decimal::from_str_exact` would read them, at a tenth of its
/// cost; anything else takes the general path.
fn short_plain(b: &[u8]) -> Option<Decimal> {
    let (mantissa, scale) = short_parts(b)?;
    Some(Decimal::from_i128_with_scale(i128::from(mantissa), scale))
}

/// The mantissa and scale of a short plain decimal (see [`short_plain`]): `97.30` is
/// `(9730, 2)`. Callers that only need a bound checked (a percentage within 0–100, a count
/// that is whole) read it here without decimal arithmetic.
pub fn short_parts(b: &[u8]) -> Option<(u64, u32)> {
    if b.is_empty() || b.len() > 19 {
        return None;
    }
    let (mut mantissa, mut scale, mut point, mut digits) = (0u64, 0u32, false, 0usize);
    for &c in b {
        match c {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(c - b'0');
                digits += 1;
                if point {
                    scale += 1;
                }
            }
            b'.' if !point && digits > 0 => point = true,
            _ => return None,
        }
    }
    if digits > 18 || (point && scale == 0) {
        return None;
    }
    Some((mantissa, scale))
}

/// An arithmetic result that does not fit a decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

impl fmt::Display for Overflow {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("arithmetic overflow: a figure is too large for an exact decimal")
    }
}

impl std::error::Error for Overflow {}

/// Exact addition: rust_decimal keeps the larger scale of the two unless the sum needs more
/// digits than a decimal holds, and then rounds it to fewer places; that is refused here, as
/// a sum too large (a total of 28-place scores is exact or an error, never silently rounded).
#[inline]
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    exact_sum(a.checked_add(b), a, b, false)
}

/// Exact subtraction, as [`add`].
#[inline]
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    exact_sum(a.checked_sub(b), a, b, true)
}

#[inline]
fn exact_sum(
    result: Option<Decimal>,
    a: Decimal,
    b: Decimal,
    subtract: bool,
) -> Result<Decimal, Overflow> {
    // With a zero operand the other comes back as it is (`0.000 + 0` is `0`): exact.
    let places = |x: Decimal| if x.is_zero() { 0 } else { x.scale() };
    match result {
        Some(r) if r.scale() >= places(a).max(places(b)) => Ok(r),
        // Fewer places than the operands: exact still if only zeros were dropped
        // (8.0000000000000000000000000000 + 1), which the integers tell.
        Some(r) if is_sum(r, a, b, subtract) => Ok(r),
        _ => Err(Overflow),
    }
}

/// Whether `r` is exactly `a + b` (`a − b` when `subtract`): compared as integers at the
/// largest of the three scales.
#[cold]
fn is_sum(r: Decimal, a: Decimal, b: Decimal, subtract: bool) -> bool {
    use num_bigint::BigInt;
    let scale = r.scale().max(a.scale()).max(b.scale());
    let at = |x: Decimal| BigInt::from(x.mantissa()) * BigInt::from(10u8).pow(scale - x.scale());
    let exact = if subtract {
        at(a) - at(b)
    } else {
        at(a) + at(b)
    };
    at(r) == exact
}

/// 10^k for every k a 64-bit integer holds.
const POW10_U64: [u64; 20] = {
    let mut t = [1u64; 20];
    let mut k = 1;
    while k < 20 {
        t[k] = t[k - 1] * 10;
        k += 1;
    }
    t
};

/// A decimal's mantissa and scale where the mantissa fits 64 bits (every figure of a real
/// table), for the integer fast paths below.
#[inline]
fn small(x: Decimal) -> Option<(i64, u32)> {
    Some((i64::try_from(x.mantissa()).ok()?, x.scale()))
}

/// `x / 10^sx` against `y / 10^sy`, as integers at the larger scale; `None` where raising
/// the other side could overflow (the caller then compares the long way).
#[inline]
fn cmp_at_common_scale(x: i128, sx: u32, y: i128, sy: u32) -> Option<std::cmp::Ordering> {
    let raise = |v: i128, by: u32| -> Option<i128> {
        let p = i128::from(*POW10_U64.get(by as usize)?);
        match i64::try_from(v) {
            // 2^63 × 10^19 < 2^127: exact.
            Ok(v) => Some(i128::from(v) * p),
            Err(_) => v.checked_mul(p),
        }
    };
    Some(match sx.cmp(&sy) {
        std::cmp::Ordering::Equal => x.cmp(&y),
        std::cmp::Ordering::Less => raise(x, sy - sx)?.cmp(&y),
        std::cmp::Ordering::Greater => x.cmp(&raise(y, sx - sy)?),
    })
}

/// `a` against `b`, exactly as rust_decimal compares them: as integers where both mantissas
/// fit 64 bits (its own comparison rescales through 96-bit arithmetic on every call).
#[inline]
pub fn cmp(a: Decimal, b: Decimal) -> std::cmp::Ordering {
    if let (Some((ma, sa)), Some((mb, sb))) = (small(a), small(b)) {
        if let Some(o) = cmp_at_common_scale(i128::from(ma), sa, i128::from(mb), sb) {
            return o;
        }
    }
    a.cmp(&b)
}

/// Exact multiplication: rust_decimal rounds a product with more than 28 places or a
/// mantissa past 96 bits; a product it would change is refused, as [`add`] refuses a sum.
#[inline]
pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    if let Some(p) = exact_mul(a, b) {
        return Ok(p);
    }
    // Past those bounds the product may still be exact (1.0…0 × 1.0…0, written with 28
    // places each): kept where multiplying back the integers agrees.
    let p = a.checked_mul(b).ok_or(Overflow)?;
    if cmp_products(p, Decimal::ONE, a, b) == std::cmp::Ordering::Equal {
        Ok(p)
    } else {
        Err(Overflow)
    }
}

/// `a × b` exactly, or `None` where rust_decimal would round the product (more than 28 places,
/// or a mantissa past 96 bits): within those bounds its product is exact.
#[inline]
pub fn exact_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    // Both mantissas within 64 bits (every real table's figures): one widening multiply, the
    // product rust_decimal gives, without its 96-bit long multiplication. A zero product goes
    // the long way, which keeps its sign as rust_decimal does.
    if let (Some((ma, sa)), Some((mb, sb))) = (small(a), small(b)) {
        let p = i128::from(ma) * i128::from(mb);
        let scale = sa + sb;
        if p != 0 && scale <= Rounding::MAX_DECIMALS {
            if let Ok(product) = Decimal::try_from_i128_with_scale(p, scale) {
                return Some(product);
            }
        }
    }
    let fits = a.scale() + b.scale() <= Rounding::MAX_DECIMALS
        && a.mantissa()
            .unsigned_abs()
            .checked_mul(b.mantissa().unsigned_abs())
            .is_some_and(|p| p < 1u128 << 96);
    if fits {
        a.checked_mul(b)
    } else {
        None
    }
}

/// Compares `a × b` with `c × d` exactly, however many digits the products take (as integers
/// at their common scale where a decimal would round them).
pub fn cmp_products(a: Decimal, b: Decimal, c: Decimal, d: Decimal) -> std::cmp::Ordering {
    // Mantissas within 64 bits (a rate against a tier's threshold): each product one widening
    // multiply, the side with fewer places raised by a power of ten from the table.
    if let (Some((ma, sa)), Some((mb, sb)), Some((mc, sc)), Some((md, sd))) =
        (small(a), small(b), small(c), small(d))
    {
        let (x, y) = (
            i128::from(ma) * i128::from(mb),
            i128::from(mc) * i128::from(md),
        );
        if let Some(o) = cmp_at_common_scale(x, sa + sb, y, sc + sd) {
            return o;
        }
    }
    let (left, right) = (a.scale() + b.scale(), c.scale() + d.scale());
    let common = left.max(right);
    // As 128-bit integers where they fit (a rate against a tier's threshold, a total against
    // a grade's band): no decimal product and no comparison of differing scales per leaf.
    let at = |x: Decimal, y: Decimal, scale: u32| {
        x.mantissa()
            .checked_mul(y.mantissa())?
            .checked_mul(10i128.checked_pow(common - scale)?)
    };
    if let (Some(x), Some(y)) = (at(a, b, left), at(c, d, right)) {
        return x.cmp(&y);
    }
    use num_bigint::BigInt;
    let at_common = |x: Decimal, y: Decimal, scale: u32| {
        BigInt::from(x.mantissa())
            * BigInt::from(y.mantissa())
            * BigInt::from(10u8).pow(common - scale)
    };
    at_common(a, b, left).cmp(&at_common(c, d, right))
}

/// `a × b / c` rounded once, from the exact quotient, to `rounding`'s places by its mode. A
/// quotient divided to a decimal's 28 digits and then rounded again can cross a midpoint:
/// 500000000000000000000000/1000000000000000000000000001 of a max of 1 is 0.000499…9995,
/// which 28 digits make 0.0005 and half-up rounding then 0.001. `c` must not be zero.
/// [`Overflow`] where the rounded quotient does not fit a decimal.
pub fn round_quotient(
    a: Decimal,
    b: Decimal,
    c: Decimal,
    rounding: Rounding,
) -> Result<Decimal, Overflow> {
    if c.is_zero() {
        return Err(Overflow);
    }
    let places = rounding.decimals;
    let negative = (a.is_sign_negative() != b.is_sign_negative()) != c.is_sign_negative()
        && !a.is_zero()
        && !b.is_zero();
    // a·b/c × 10^places = ma·mb·10^e / mc, with e = places + sc − sa − sb.
    let e = i64::from(places) + i64::from(c.scale()) - i64::from(a.scale()) - i64::from(b.scale());
    let (ma, mb, mc) = (
        a.mantissa().unsigned_abs(),
        b.mantissa().unsigned_abs(),
        c.mantissa().unsigned_abs(),
    );
    // Whole numbers where they fit 128 bits (every real table's figures), else big integers.
    let small = || -> Option<(u128, std::cmp::Ordering)> {
        // Powers of ten from the table, and each product one widening multiply where its
        // factors fit 64 bits (every real table's figures), else a checked 128-bit one.
        let ten = |k: i64| {
            let k = u32::try_from(k).ok()?;
            match POW10_U64.get(k as usize) {
                Some(&p) => Some(u128::from(p)),
                None => 10u128.checked_pow(k),
            }
        };
        let times = |x: u128, y: u128| match (u64::try_from(x), u64::try_from(y)) {
            (Ok(x), Ok(y)) => Some(u128::from(x) * u128::from(y)),
            _ => x.checked_mul(y),
        };
        let product = times(ma, mb)?;
        let (n, d) = if e >= 0 {
            (times(product, ten(e)?)?, mc)
        } else {
            (product, times(mc, ten(-e)?)?)
        };
        // One division, in 64 bits where both fit (a percentage's 71.5 of 100, a count's
        // 226 of 271): a 128-bit division is a library call, several times slower.
        let (q, r) = match (u64::try_from(n), u64::try_from(d)) {
            (Ok(n), Ok(d)) => (u128::from(n / d), u128::from(n % d)),
            _ => {
                let q = n / d;
                (q, n - q * d)
            }
        };
        // 2r against d, without overflowing 2r.
        let half = if r > d - r {
            std::cmp::Ordering::Greater
        } else {
            r.cmp(&(d - r))
        };
        Some((q, half))
    };
    // `half` is 2r against d: an exact quotient (r = 0) is below half in every mode.
    let (q, half) = match small() {
        Some(found) => found,
        None => {
            use num_bigint::BigUint;
            let ten = |k: i64| BigUint::from(10u8).pow(k.unsigned_abs() as u32);
            let product = BigUint::from(ma) * BigUint::from(mb);
            let (n, d) = if e >= 0 {
                (product * ten(e), BigUint::from(mc))
            } else {
                (product, BigUint::from(mc) * ten(e))
            };
            let (q, r) = (&n / &d, &n % &d);
            let half = (&r * 2u8).cmp(&d);
            (u128::try_from(q).map_err(|_| Overflow)?, half)
        }
    };
    let up = match rounding.mode {
        RoundingMode::Down => false,
        RoundingMode::HalfUp => half != std::cmp::Ordering::Less,
        RoundingMode::HalfEven => {
            half == std::cmp::Ordering::Greater || (half == std::cmp::Ordering::Equal && q % 2 == 1)
        }
    };
    let mut q = q + u128::from(up);
    // Without trailing zeros: an exact 1.5 at 28 places is 1.5, not 1.5000…0, whose 29 digits
    // would leave no room to add 8 to it.
    let mut scale = places;
    if q == 0 {
        scale = 0;
    } else if let Ok(mut small) = u64::try_from(q) {
        // In 64 bits, as the division above: nearly every score fits.
        while scale > 0 && small % 10 == 0 {
            small /= 10;
            scale -= 1;
        }
        q = u128::from(small);
    } else {
        while scale > 0 && q % 10 == 0 {
            q /= 10;
            scale -= 1;
        }
    }
    let q = i128::try_from(q).map_err(|_| Overflow)?;
    let signed = if negative && q != 0 { -q } else { q };
    Decimal::try_from_i128_with_scale(signed, scale).map_err(|_| Overflow)
}

/// `a × b / c` cut (toward zero) to as many places as a decimal holds, at most 28: for showing
/// a quotient beside its rounding. Cut, not rounded: 0.000499…9995 shows as 0.0004999…, not as
/// the 0.0005 that would seem to round up. Zero where `c` is zero.
pub fn approx_quotient(a: Decimal, b: Decimal, c: Decimal) -> Decimal {
    (0..=Rounding::MAX_DECIMALS)
        .rev()
        .find_map(|decimals| {
            let rounding = Rounding {
                decimals,
                mode: RoundingMode::Down,
            };
            round_quotient(a, b, c, rounding).ok()
        })
        .unwrap_or(Decimal::ZERO)
}

/// Division; the caller guarantees a non-zero divisor (zero is reported as overflow).
#[inline]
pub fn div(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    // Dividing by a power of ten (a percentage's 100) only moves the point: the same value
    // as the long division, without it (ten thousand files hold a million percentages).
    if let Some(k) = power_of_ten(b) {
        let scale = i64::from(a.scale()) + k;
        if (0..=i64::from(Rounding::MAX_DECIMALS)).contains(&scale) {
            return Ok(Decimal::from_i128_with_scale(a.mantissa(), scale as u32));
        }
    }
    a.checked_div(b).ok_or(Overflow)
}

/// `k` where `d` is 10^k (`100` → 2, `1.0` → 0, `0.01` → −2).
#[inline]
fn power_of_ten(d: Decimal) -> Option<i64> {
    let mut m = d.mantissa();
    if m <= 0 {
        return None;
    }
    let mut k = 0i64;
    while m % 10 == 0 {
        m /= 10;
        k += 1;
    }
    (m == 1).then(|| k - i64::from(d.scale()))
}

/// Sums exactly, failing on overflow.
#[inline]
pub fn sum<I: IntoIterator<Item = Decimal>>(items: I) -> Result<Decimal, Overflow> {
    items.into_iter().try_fold(Decimal::ZERO, add)
}

/// [`sum`] of `items` (a parent's children's scores, rounded to a few places): where every
/// mantissa fits 64 bits and every scale is at most [`SHORT_SCALE`], added as one integer at
/// the largest scale, as rust_decimal's own addition aligns them (the same value and the same
/// scale, without a call and a rescale per child); otherwise [`sum`].
pub fn sum_short(items: impl Iterator<Item = Decimal> + Clone) -> Result<Decimal, Overflow> {
    let mut scale = 0;
    for d in items.clone() {
        if d.scale() > SHORT_SCALE || i64::try_from(d.mantissa()).is_err() {
            return sum(items);
        }
        scale = scale.max(d.scale());
    }
    // At most 2^63 × 10^6 per item: ten thousand children stay far inside an i128.
    let mut total: i128 = 0;
    for d in items.clone() {
        total += d.mantissa() * 10i128.pow(scale - d.scale());
    }
    Decimal::try_from_i128_with_scale(total, scale).or_else(|_| sum(items))
}

/// The most places [`sum_short`] adds as integers.
const SHORT_SCALE: u32 = 6;

/// How a leaf score is rounded (the contract's `rounding.mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RoundingMode {
    /// Midpoint away from zero: 0.0625 → 0.063.
    #[default]
    HalfUp,
    /// Midpoint to the even neighbour (banker's rounding): 0.0625 → 0.062.
    HalfEven,
    /// Toward zero (truncation): 0.0625 → 0.062.
    Down,
}

impl RoundingMode {
    pub const NAMES: [&'static str; 3] = ["half-up", "half-even", "down"];

    pub fn name(self) -> &'static str {
        match self {
            RoundingMode::HalfUp => "half-up",
            RoundingMode::HalfEven => "half-even",
            RoundingMode::Down => "down",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "half-up" => Some(RoundingMode::HalfUp),
            "half-even" => Some(RoundingMode::HalfEven),
            "down" => Some(RoundingMode::Down),
            _ => None,
        }
    }

    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Down => RoundingStrategy::ToZero,
        }
    }
}

/// The rounding applied to each leaf score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounding {
    pub decimals: u32,
    pub mode: RoundingMode,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding {
            decimals: 3,
            mode: RoundingMode::HalfUp,
        }
    }
}

impl Rounding {
    /// The most places a decimal can hold; more is a criteria-set error.
    pub const MAX_DECIMALS: u32 = 28;

    pub fn apply(self, value: Decimal) -> Decimal {
        // Nothing to round (a whole score, a tier's points): skip the arithmetic.
        if value.scale() <= self.decimals {
            return value;
        }
        value.round_dp_with_strategy(self.decimals, self.mode.strategy())
    }
}

impl fmt::Display for Rounding {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} decimals, {}", self.decimals, self.mode.name())
    }
}

/// `score / max × 100`, exact until one final half-up rounding to 2 places; `None` when the
/// maximum is zero (every leaf below it excluded as n/a).
pub fn percent(score: Decimal, max: Decimal) -> Result<Option<Decimal>, Overflow> {
    if max.is_zero() {
        return Ok(None);
    }
    let two_places = Rounding {
        decimals: 2,
        mode: RoundingMode::HalfUp,
    };
    round_quotient(score, Decimal::ONE_HUNDRED, max, two_places).map(Some)
}

/// A decimal as people write it: no trailing zeros, no exponent (`10.500` → `10.5`).
pub fn show(value: Decimal) -> String {
    Shown(value).to_string()
}

/// [`show`] without the allocation: written straight into a formatter or a JSON document
/// (as a string), as a league of ten thousand rows writes some 300,000 figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown(pub Decimal);

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let d = self.0.normalize();
        match plain_parts(&d, f) {
            Some((negative, mantissa)) => write_point(f, negative, mantissa, d.scale()),
            None => fmt::Display::fmt(&d, f),
        }
    }
}

/// A figure's sign and mantissa where it fits 64 bits and `f` asks for no width or precision
/// (nearly every figure written): then [`write_point`] writes it.
fn plain_parts(d: &Decimal, f: &fmt::Formatter) -> Option<(bool, u64)> {
    if f.width().is_some() || f.precision().is_some() || f.sign_plus() {
        return None;
    }
    sign_and_mantissa(d)
}

/// A figure's sign and mantissa where the mantissa fits 64 bits.
fn sign_and_mantissa(d: &Decimal) -> Option<(bool, u64)> {
    let mantissa = u64::try_from(d.mantissa().unsigned_abs()).ok()?;
    Some((d.is_sign_negative(), mantissa))
}

/// Writes `mantissa × 10^−scale` (negated) as rust_decimal's `Display` does: see [`PointText`].
fn write_point(f: &mut fmt::Formatter, negative: bool, mantissa: u64, scale: u32) -> fmt::Result {
    f.write_str(PointText::new(negative, mantissa, scale).as_str())
}

/// `mantissa × 10^−scale` (negated) written as rust_decimal's `Display` writes it, in a buffer
/// on the stack: the integer's digits (itoa) with the point placed by the scale, without
/// rust_decimal's 96-bit digit loop, and handed to a writer whole (a league of ten thousand
/// units writes some 300,000 figures; JSON would escape each piece of a formatted one).
struct PointText {
    /// A sign, "0.", up to 28 zeros before the digits and 20 digits: 51 bytes at most.
    buf: [u8; 64],
    len: usize,
}

impl PointText {
    fn new(negative: bool, mantissa: u64, scale: u32) -> PointText {
        let mut out = PointText {
            buf: [0; 64],
            len: 0,
        };
        let mut itoa = itoa::Buffer::new();
        let digits = itoa.format(mantissa).as_bytes();
        // More places than a decimal holds never reach here; kept in bounds whatever comes.
        let scale = (scale as usize).min(Rounding::MAX_DECIMALS as usize);
        if negative {
            out.push(b"-");
        }
        if scale == 0 {
            out.push(digits);
        } else if digits.len() > scale {
            let (whole, fraction) = digits.split_at(digits.len() - scale);
            out.push(whole);
            out.push(b".");
            out.push(fraction);
        } else {
            out.push(b"0.");
            for _ in digits.len()..scale {
                out.push(b"0");
            }
            out.push(digits);
        }
        out
    }

    fn push(&mut self, bytes: &[u8]) {
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).expect("digits, a sign and a point are ASCII")
    }
}

impl serde::Serialize for Shown {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0.normalize();
        match sign_and_mantissa(&d) {
            Some((negative, m)) => s.serialize_str(PointText::new(negative, m, d.scale()).as_str()),
            None => s.collect_str(self),
        }
    }
}

/// [`show_percent`] without the allocation, as [`Shown`] is to [`show`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShownPercent(pub Decimal);

impl ShownPercent {
    /// `{:.2}` alone cuts digits off (63.2075 would show as 63.20): rounded half-up first.
    fn rounded(&self) -> Decimal {
        self.0
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    }

    /// The sign and the mantissa at two places (the rounded figure has at most two), where it
    /// fits 64 bits.
    fn at_two(rounded: Decimal) -> Option<(bool, u64)> {
        let (negative, m) = sign_and_mantissa(&rounded)?;
        let m = m.checked_mul(10u64.pow(2u32.saturating_sub(rounded.scale())))?;
        Some((negative, m))
    }
}

impl fmt::Display for ShownPercent {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let rounded = self.rounded();
        let at_two = plain_parts(&rounded, f).and_then(|_| ShownPercent::at_two(rounded));
        match at_two {
            Some((negative, m)) => write_point(f, negative, m, 2),
            None => write!(f, "{rounded:.2}"),
        }
    }
}

impl serde::Serialize for ShownPercent {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match ShownPercent::at_two(self.rounded()) {
            Some((negative, m)) => s.serialize_str(PointText::new(negative, m, 2).as_str()),
            None => s.collect_str(self),
        }
    }
}

/// A percentage with its two places kept (`87.69`, `100.00`).
pub fn show_percent(value: Decimal) -> String {
    ShownPercent(value).to_string()
}

/// Compares `score / max` with a percentage threshold exactly (no division):
/// `score × 100 ≥ min × max`.
pub fn ratio_at_least(
    score: Decimal,
    max: Decimal,
    min_percent: Decimal,
) -> Result<bool, Overflow> {
    // Compared exactly whatever the products' digits: a grade is never refused for them.
    Ok(cmp_products(score, Decimal::ONE_HUNDRED, min_percent, max) != std::cmp::Ordering::Less)
}

#[cfg(test)]
#[test]
fn show_percent_rounds_half_up_rather_than_cutting() {
    assert_eq!(show_percent(dec("63.2075")), "63.21");
    assert_eq!(show_percent(dec("87.685")), "87.69");
    assert_eq!(show_percent(dec("100")), "100.00");
    assert_eq!(show_percent(dec("-0.005")), "-0.01");
}

#[cfg(test)]
#[test]
fn figures_written_into_json_read_as_shown() {
    // JSON writes `Shown` and `ShownPercent` without a String between: the same text.
    let written_alike = |d: Decimal| {
        assert_eq!(show(d), d.normalize().to_string(), "{d:?}");
        assert_eq!(
            serde_json::to_string(&Shown(d)).unwrap(),
            format!("\"{}\"", show(d))
        );
        assert_eq!(
            serde_json::to_string(&ShownPercent(d)).unwrap(),
            format!("\"{}\"", show_percent(d))
        );
    };
    for t in [
        "10.500",
        "0",
        "-0.000",
        "0.0005",
        "79228162514264337593543950335",
        "1e-28",
    ] {
        let d = Decimal::from_scientific(t)
            .or_else(|_| Decimal::from_str(t))
            .unwrap();
        written_alike(d);
    }
    assert_eq!(show(dec("10.500")), "10.5");
    assert_eq!(
        serde_json::to_string(&ShownPercent(dec("63.2075"))).unwrap(),
        "\"63.21\""
    );
    // Any sign, scale and size: the text JSON gets whole is the text `Display` writes.
    let mut lcg = Lcg(23);
    for _ in 0..20_000 {
        let m = match lcg.below(3) {
            0 => lcg.below(100_000) as i128,
            1 => i128::from(lcg.raw()),
            _ => (lcg.raw() as i128) << lcg.below(32),
        };
        let m = if lcg.below(2) == 0 { -m } else { m };
        let d = Decimal::from_i128_with_scale(m, lcg.below(29) as u32);
        written_alike(d);
        let rounded =
            d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        assert_eq!(show_percent(d), format!("{rounded:.2}"), "{d:?}");
    }
}

/// A small deterministic generator (Knuth's MMIX LCG) for the property tests of this crate.
#[cfg(test)]
pub(crate) struct Lcg(pub u64);

#[cfg(test)]
impl Lcg {
    /// The next state.
    pub fn raw(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0
    }

    /// A number below `n`, from the state's high bits.
    pub fn below(&mut self, n: u64) -> u64 {
        (self.raw() >> 33) % n
    }
}

/// Parses a decimal from a string literal; for tests and constants only.
pub fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("a valid decimal literal")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_and_products_are_exact_or_refused() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(add(d("1.5"), d("2.25")), Ok(d("3.75")));
        assert_eq!(add(d("1.5"), d("2.25")).unwrap().scale(), 2);
        assert_eq!(sub(d("1"), d("0.001")), Ok(d("0.999")));
        // 28 places and a two-digit whole part do not fit: rust_decimal would round the sum.
        let fine = d("0.1234567890123456789012345678");
        assert_eq!(add(fine, d("1000")), Err(Overflow));
        assert_eq!(sub(d("-1000"), fine), Err(Overflow));
        assert_eq!(add(fine, d("1")), Ok(d("1.1234567890123456789012345678")));
        assert_eq!(add(Decimal::MAX, Decimal::ONE), Err(Overflow));
        // A zero operand gives the other back as it is, whatever the zero's places.
        assert_eq!(add(d("0.000"), Decimal::ZERO), Ok(Decimal::ZERO));
        assert_eq!(sub(d("0.000"), d("2")), Ok(d("-2")));
        assert_eq!(sub(d("1.50"), d("1.5")), Ok(d("0")));
        // Products: exact within a decimal's bounds, `None` past them.
        assert_eq!(exact_mul(d("0.25"), d("83.5")), Some(d("20.875")));
        assert_eq!(
            exact_mul(d("0.0000000000000001"), d("0.0000000000001")),
            None
        );
        assert_eq!(exact_mul(fine, fine), None);
        let third = d("0.3333333333333333333333333333");
        assert_eq!(
            cmp_products(third, d("3"), Decimal::ONE, Decimal::ONE),
            std::cmp::Ordering::Less
        );
        // Past 28 digits the products are compared as integers: 1e-28 × 1e-28 > 0.
        let tiny = d("0.0000000000000000000000000001");
        assert_eq!(
            cmp_products(tiny, tiny, Decimal::ZERO, Decimal::ONE),
            std::cmp::Ordering::Greater
        );
        assert_eq!(
            cmp_products(
                d("3.0000000000000000000000000001"),
                d("3"),
                Decimal::ONE,
                d("9")
            ),
            std::cmp::Ordering::Greater
        );
        assert_eq!(
            cmp_products(fine, d("-7"), fine, d("-7")),
            std::cmp::Ordering::Equal
        );
    }

    #[test]
    fn figures_are_written_as_rust_decimal_writes_them() {
        let mut lcg = Lcg(11);
        let mut next = || lcg.raw() >> 11;
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "-0.000",
            "0.001",
            "-0.001",
            "-0.004",
            "-0.005",
            "10.500",
            "100",
            "99.995",
            "0.0000000000000000000000000001",
            "18446744073709551615",
            "18446744073709551616",
            "-18446744073709551616.5",
            "79228162514264337593543950335",
            "63.2075",
            "1e-28",
        ]
        .iter()
        .map(|t| {
            Decimal::from_scientific(t)
                .or_else(|_| Decimal::from_str(t))
                .unwrap()
        })
        .collect();
        for _ in 0..20_000 {
            let m = (next() as i64) >> (next() % 60);
            let m = if next() % 2 == 0 { m } else { -m };
            values.push(Decimal::new(m, (next() % 29) as u32));
        }
        for d in values {
            assert_eq!(Shown(d).to_string(), d.normalize().to_string(), "{d:?}");
            let rounded = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            assert_eq!(
                ShownPercent(d).to_string(),
                format!("{rounded:.2}"),
                "{d:?}"
            );
            assert_eq!(format!("{:>8}", Shown(d)), format!("{:>8}", d.normalize()));
        }
    }

    #[test]
    fn short_sums_are_the_sums() {
        let lists: [&[&str]; 7] = [
            &[],
            &["0.5", "0.25", "1", "0.125"],
            &["1.000", "2", "0.001"],
            &["-0.5", "0.5"],
            &["9223372036854775807", "9223372036854775807", "1"],
            &["0.1234567", "1"],
            &["79228162514264337593543950335", "1"],
        ];
        for list in lists {
            let items: Vec<Decimal> = list.iter().map(|t| dec(t)).collect();
            let (short, long) = (sum_short(items.iter().copied()), sum(items.iter().copied()));
            assert_eq!(short, long, "{list:?}");
            if let (Ok(a), Ok(b)) = (short, long) {
                assert_eq!(a.to_string(), b.to_string(), "{list:?}: same scale");
            }
        }
    }

    #[test]
    fn dividing_by_a_power_of_ten_moves_the_point_to_the_same_value() {
        let tens = [
            "100",
            "1",
            "10",
            "1.0",
            "0.01",
            "100.00",
            "1000000",
            "0.0000001",
        ];
        let others = ["3", "7.5", "0.3", "1.01", "99.9"];
        let values = [
            "83.5",
            "0",
            "-12.345",
            "1",
            "0.0000000000000000000000000001",
            "50",
            "79228162514264337593543950335",
            "-0.5",
            "140",
        ];
        for a in values {
            for b in tens.iter().chain(&others) {
                let (a, b) = (dec(a), dec(b));
                match (div(a, b), a.checked_div(b)) {
                    (Ok(fast), Some(long)) => assert_eq!(fast, long, "{a} / {b}"),
                    (fast, long) => assert_eq!(fast.ok(), long, "{a} / {b}"),
                }
            }
        }
        assert_eq!(power_of_ten(dec("100")), Some(2));
        assert_eq!(power_of_ten(dec("0.01")), Some(-2));
        assert_eq!(power_of_ten(dec("-100")), None);
        assert_eq!(power_of_ten(dec("0")), None);
        assert_eq!(power_of_ten(dec("20")), None);
    }

    #[test]
    fn parses_plain_decimals_exactly() {
        assert_eq!(parse_decimal("1.50").unwrap().to_string(), "1.50");
        // The short path reads exactly what the general one does.
        for t in [
            "0",
            "7",
            "97.3",
            "0.0005",
            "4290",
            "100.00",
            "123456789012345678",
            "1.23456789012345678",
        ] {
            assert_eq!(
                short_plain(t.as_bytes()),
                Some(Decimal::from_str_exact(t).unwrap()),
                "{t}"
            );
            assert_eq!(
                short_plain(t.as_bytes()).unwrap().scale(),
                Decimal::from_str_exact(t).unwrap().scale()
            );
        }
        for t in [
            "",
            ".5",
            "5.",
            "1.2.3",
            "-1",
            "+1",
            " 1",
            "1e3",
            "1234567890123456789",
            "1,5",
        ] {
            assert_eq!(short_plain(t.as_bytes()), None, "{t}");
        }
        assert_eq!(
            parse_decimal("12345678901234567.89").unwrap().to_string(),
            "12345678901234567.89"
        );
        assert_eq!(parse_decimal("-0.5").unwrap(), dec("-0.5"));
        assert_eq!(parse_decimal(".5").unwrap(), dec("0.5"));
    }

    #[test]
    fn rejects_non_numbers() {
        for text in ["", "abc", "1,5", "1.2.3", "12%", "1_000", "--1", "1e", "."] {
            assert_eq!(parse_decimal(text), Err(NumberError::NotANumber), "{text}");
        }
    }

    #[test]
    fn huge_numbers_are_errors_not_panics() {
        assert_eq!(parse_decimal("1e40"), Err(NumberError::TooLarge));
        assert_eq!(
            parse_decimal("123456789012345678901234567890123"),
            Err(NumberError::TooLarge)
        );
        assert_eq!(
            parse_decimal("0.12345678901234567890123456789012"),
            Err(NumberError::TooPrecise)
        );
        assert_eq!(
            parse_decimal("0.99999999999999999999999999999999"),
            Err(NumberError::TooPrecise)
        );
        assert_eq!(parse_decimal("1e-30"), Err(NumberError::TooPrecise));
        assert_eq!(parse_decimal("1e30"), Err(NumberError::TooLarge));
        assert_eq!(parse_decimal("1e3").unwrap(), dec("1000"));
    }

    #[test]
    fn checked_operations_report_overflow() {
        assert_eq!(mul(Decimal::MAX, dec("2")), Err(Overflow));
        assert_eq!(add(Decimal::MAX, Decimal::ONE), Err(Overflow));
        assert_eq!(sum([Decimal::MAX, Decimal::MAX]), Err(Overflow));
        assert_eq!(div(Decimal::ONE, Decimal::ZERO), Err(Overflow));
    }

    #[test]
    fn each_rounding_mode_at_a_midpoint() {
        let midpoint = dec("0.0625");
        let at = |mode| Rounding { decimals: 3, mode }.apply(midpoint).to_string();
        assert_eq!(at(RoundingMode::HalfUp), "0.063");
        assert_eq!(at(RoundingMode::HalfEven), "0.062");
        assert_eq!(at(RoundingMode::Down), "0.062");
        let odd = dec("0.0635");
        let at = |mode| Rounding { decimals: 3, mode }.apply(odd).to_string();
        assert_eq!(at(RoundingMode::HalfUp), "0.064");
        assert_eq!(at(RoundingMode::HalfEven), "0.064");
        assert_eq!(at(RoundingMode::Down), "0.063");
    }

    #[test]
    fn percent_rounds_once_half_up() {
        assert_eq!(
            percent(dec("78.046"), dec("89")).unwrap(),
            Some(dec("87.69"))
        );
        assert_eq!(
            percent(dec("10.973"), dec("13")).unwrap(),
            Some(dec("84.41"))
        );
        assert_eq!(percent(dec("1"), dec("8")).unwrap(), Some(dec("12.50")));
        // 0.125 % exactly: half-up gives 0.13, not banker's 0.12
        assert_eq!(percent(dec("1"), dec("800")).unwrap(), Some(dec("0.13")));
        assert_eq!(percent(dec("0"), dec("0")).unwrap(), None);
        assert_eq!(show_percent(dec("100")), "100.00");
    }

    fn rounding(decimals: u32, mode: RoundingMode) -> Rounding {
        Rounding { decimals, mode }
    }

    #[test]
    fn a_quotient_is_rounded_once_from_its_exact_value() {
        let q = |a: &str, b: &str, c: &str, r: Rounding| {
            round_quotient(dec(a), dec(b), dec(c), r).map(|d| d.to_string())
        };
        let half_up = rounding(3, RoundingMode::HalfUp);
        // 0.000499…9995: 28 digits would make it 0.0005, and half-up then 0.001.
        let (num, den) = ("500000000000000000000000", "1000000000000000000000000001");
        assert_eq!(q("1", num, den, half_up).as_deref(), Ok("0"));
        assert_eq!(
            dec(num).checked_div(dec(den)).map(|d| half_up.apply(d)),
            Some(dec("0.001")),
            "the two roundings this replaces"
        );
        // Just above the midpoint: up.
        assert_eq!(
            q(
                "1",
                "500000000000000000000001",
                "1000000000000000000000000000",
                half_up
            )
            .as_deref(),
            Ok("0.001")
        );
        // Midpoints by each mode, and a negative quotient rounded by its magnitude.
        for (mode, want) in [
            (RoundingMode::HalfUp, ["0.13", "0.14", "-0.13"]),
            (RoundingMode::HalfEven, ["0.12", "0.14", "-0.12"]),
            (RoundingMode::Down, ["0.12", "0.13", "-0.12"]),
        ] {
            let r = rounding(2, mode);
            assert_eq!(q("1", "1", "8", r).unwrap(), want[0], "{mode:?}");
            assert_eq!(q("1", "1.35", "10", r).unwrap(), want[1], "{mode:?}");
            assert_eq!(q("-1", "1", "8", r).unwrap(), want[2], "{mode:?}");
        }
        // Mantissas past 128 bits when multiplied: the big-integer route, same rules.
        let big = "79228162514264337593543950335";
        assert_eq!(
            q(big, big, big, rounding(0, RoundingMode::HalfUp)).as_deref(),
            Ok(big)
        );
        assert_eq!(
            q(
                "0.0000000000000000000000000001",
                "0.0000000000000000000000000003",
                "0.0000000000000000000000000002",
                rounding(28, RoundingMode::HalfUp)
            )
            .as_deref(),
            Ok("0.0000000000000000000000000002")
        );
        assert_eq!(q(big, "2", "1", half_up), Err(Overflow));
        assert_eq!(q("1", "1", "0", half_up), Err(Overflow));
    }

    #[test]
    fn rounded_quotients_lie_within_half_a_place_of_the_exact_one() {
        // Checked by inequalities between integers, not by dividing: for the exact x = a·b/c
        // and the result r with one unit u = 10^-places, |x − r| ≤ u/2 (half-up and
        // half-even, a tie going away from zero or to an even last digit) or 0 ≤ |x| − |r|
        // < u (down).
        use num_bigint::BigInt;
        let mut lcg = Lcg(11);
        let mut next = |n: u64| lcg.below(n);
        let draw = |next: &mut dyn FnMut(u64) -> u64| {
            let digits = 1 + next(28) as u32;
            let mut m: i128 = 0;
            for _ in 0..digits {
                m = m * 10 + next(10) as i128;
            }
            let m = if next(4) == 0 { -m } else { m };
            Decimal::from_i128_with_scale(m, next(u64::from(digits) + 1) as u32)
        };
        let mut ties = 0;
        for _ in 0..20_000 {
            let (a, b) = (draw(&mut next), draw(&mut next));
            // Half the divisors small powers of two: their quotients end in a 5, ties to round.
            let c = match next(8) {
                0..=3 => draw(&mut next),
                k => Decimal::from(1u64 << k),
            };
            let places = match next(2) {
                0 => next(29) as u32,
                _ => (a.scale() + b.scale() + next(4) as u32).min(28),
            };
            if c.is_zero() {
                continue;
            }
            let mode = [
                RoundingMode::HalfUp,
                RoundingMode::HalfEven,
                RoundingMode::Down,
            ][next(3) as usize];
            let Ok(r) = round_quotient(a, b, c, rounding(places, mode)) else {
                continue;
            };
            // x = X / D with D > 0; x − r = (X·10^places − R·D) / (D·10^places), with R
            // r's mantissa: compare 2·|that numerator| with D (one unit u).
            let mut big_x = BigInt::from(a.mantissa())
                * BigInt::from(b.mantissa())
                * BigInt::from(10u8).pow(c.scale());
            let mut big_d =
                BigInt::from(c.mantissa()) * BigInt::from(10u8).pow(a.scale() + b.scale());
            if big_d < BigInt::from(0) {
                (big_x, big_d) = (-big_x, -big_d);
            }
            // At most `places`, trailing zeros dropped: R is r's mantissa at `places`.
            assert!(r.scale() <= places, "{r} at {places}");
            assert!(
                r.is_zero() || r.scale() == 0 || r.mantissa() % 10 != 0,
                "{r}"
            );
            let big_r = BigInt::from(r.mantissa()) * BigInt::from(10u8).pow(places - r.scale());
            let diff = &big_x * BigInt::from(10u8).pow(places) - &big_r * &big_d;
            let zero = BigInt::from(0);
            let twice = BigInt::from(2) * &diff;
            let twice = if twice < zero { -twice } else { twice };
            let x_positive = big_x > zero;
            let what = format!("{a} × {b} / {c} to {places}, {mode:?}: {r}");
            ties += usize::from(twice == big_d);
            match mode {
                RoundingMode::Down => {
                    // r between 0 and x (the difference on x's side), less than a unit off.
                    assert!(diff == zero || (diff > zero) == x_positive, "{what}");
                    assert!(twice < BigInt::from(2) * &big_d, "{what}");
                }
                _ => {
                    assert!(twice <= big_d, "{what}");
                    if twice == big_d {
                        if mode == RoundingMode::HalfUp {
                            // A tie goes away from zero: r beyond x.
                            assert!((diff < zero) == x_positive, "{what}");
                        } else {
                            assert_eq!(&big_r % 2, zero, "{what}");
                        }
                    }
                }
            }
        }
        assert!(ties > 100, "ties drawn: {ties}");
    }

    #[test]
    fn products_compare_as_their_exact_integers() {
        // The 128-bit path and the big-integer one give the same order, ties included.
        use num_bigint::BigInt;
        let mut lcg = Lcg(5);
        let draw = |lcg: &mut Lcg| {
            let digits = 1 + lcg.below(28) as u32;
            let mut m: i128 = 0;
            for _ in 0..digits {
                m = m * 10 + lcg.below(10) as i128;
            }
            let m = if lcg.below(4) == 0 { -m } else { m };
            Decimal::from_i128_with_scale(m, lcg.below(u64::from(digits) + 1) as u32)
        };
        let small = |lcg: &mut Lcg| Decimal::new(lcg.below(2000) as i64, lcg.below(4) as u32);
        for i in 0..20_000 {
            let pick = |lcg: &mut Lcg| if i % 2 == 0 { small(lcg) } else { draw(lcg) };
            let (a, b, c, d) = (
                pick(&mut lcg),
                pick(&mut lcg),
                pick(&mut lcg),
                pick(&mut lcg),
            );
            let scale = a.scale() + b.scale() + c.scale() + d.scale();
            let at = |x: Decimal, y: Decimal| {
                BigInt::from(x.mantissa())
                    * BigInt::from(y.mantissa())
                    * BigInt::from(10u8).pow(scale - x.scale() - y.scale())
            };
            assert_eq!(
                cmp_products(a, b, c, d),
                at(a, b).cmp(&at(c, d)),
                "{a}·{b} vs {c}·{d}"
            );
        }
        assert_eq!(
            cmp_products(dec("0.9"), dec("100"), dec("90"), dec("1.0")),
            std::cmp::Ordering::Equal
        );
    }

    #[test]
    fn fast_comparisons_and_products_agree_with_rust_decimal() {
        // The 64-bit paths of `cmp` and `exact_mul` against rust_decimal's own comparison and
        // product, bit for bit (sign, scale and mantissa), around the 64-bit border too.
        let mut lcg = Lcg(17);
        let draw = |lcg: &mut Lcg| {
            let m: i128 = match lcg.below(4) {
                0 => lcg.below(2000) as i128,
                1 => i128::from(i64::MAX) - lcg.below(3) as i128 + lcg.below(3) as i128,
                2 => (lcg.raw() as i128) << lcg.below(32),
                _ => lcg.raw() as i128 % 1_000_000,
            };
            let m = if lcg.below(3) == 0 { -m } else { m };
            Decimal::from_i128_with_scale(m, lcg.below(29) as u32)
        };
        for _ in 0..50_000 {
            let (a, b) = (draw(&mut lcg), draw(&mut lcg));
            assert_eq!(cmp(a, b), a.cmp(&b), "{a} vs {b}");
            let long = (a.scale() + b.scale() <= Rounding::MAX_DECIMALS
                && a.mantissa()
                    .unsigned_abs()
                    .checked_mul(b.mantissa().unsigned_abs())
                    .is_some_and(|p| p < 1u128 << 96))
            .then(|| a.checked_mul(b))
            .flatten();
            assert_eq!(
                exact_mul(a, b).map(|p| p.serialize()),
                long.map(|p| p.serialize()),
                "{a} × {b}"
            );
        }
        assert_eq!(cmp(dec("71.5"), dec("71.50")), std::cmp::Ordering::Equal);
        assert_eq!(cmp(dec("-0"), dec("0.000")), std::cmp::Ordering::Equal);
    }

    #[test]
    fn exact_figures_keep_no_trailing_zeros_and_still_add_up() {
        // Review finding: at 28 places an exact 1.5 came back as 1.5 and 27 zeros, and a
        // section's sum of such scores (8.5) no longer fitted: E213 on a valid file.
        let at_28 = rounding(28, RoundingMode::HalfUp);
        let half = round_quotient(dec("5"), dec("50"), dec("100"), at_28).unwrap();
        assert_eq!(half.to_string(), "2.5");
        assert_eq!(add(half, dec("6")), Ok(dec("8.5")));
        assert_eq!(
            round_quotient(dec("0"), dec("1"), dec("3"), at_28).map(|d| d.to_string()),
            Ok("0".into())
        );
        // A sum that drops only zeros is exact; one that drops a digit is not.
        let seven = dec("7.0000000000000000000000000000");
        assert_eq!(seven.scale(), 28);
        assert_eq!(add(seven, dec("1")), Ok(dec("8")));
        assert_eq!(sub(seven, dec("-1")), Ok(dec("8")));
        assert_eq!(
            add(dec("7.0000000000000000000000000001"), dec("1")),
            Err(Overflow)
        );
    }

    #[test]
    fn products_are_exact_or_refused() {
        assert_eq!(mul(dec("1.5"), dec("2")), Ok(dec("3.0")));
        // 56 places, exact all the same once its zeros are dropped.
        let one = "1.0000000000000000000000000000";
        assert_eq!(mul(dec(one), dec(one)), Ok(dec("1")));
        // 0.1234… × 0.1234… needs 56 places: rust_decimal would round it.
        let long = "0.1234567890123456789012345678";
        assert!(dec(long).checked_mul(dec(long)).is_some());
        assert_eq!(mul(dec(long), dec(long)), Err(Overflow));
    }

    #[test]
    fn ratio_comparison_is_exact() {
        // 79.999…% is not 80%
        assert!(!ratio_at_least(dec("71.199"), dec("89"), dec("80")).unwrap());
        assert!(ratio_at_least(dec("71.2"), dec("89"), dec("80")).unwrap());
    }
}
