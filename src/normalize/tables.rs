//! The character tables of normalisation (listed in NORMALIZATION.md).

/// What normalisation does with one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Replacement {
    /// Replaced by this character in both views.
    Char(char),
    /// Kept as it is by `normalize`, replaced by this text in the folded key.
    Fold(&'static str),
    /// Removed from both views (invisible characters).
    Remove,
}

/// The replacement of `c`, or `None` when the general rules apply (NFC for
/// `normalize`; compatibility decomposition, accent removal and lowercase for
/// `fold`).
#[inline]
pub(crate) fn replacement(c: char) -> Option<Replacement> {
    use Replacement::*;
    Some(match c {
        // apostrophes and primes
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '\u{0060}' | '\u{02B9}' | '\u{201B}' => Char('\''),
        // guillemets and curly double quotes
        '\u{00AB}' | '\u{00BB}' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2039}' | '\u{203A}' | '\u{2033}' => Char('"'),
        // no-break, narrow no-break, thin and other fixed-width spaces
        '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2000}'..='\u{2008}' | '\u{200A}' | '\u{205F}' | '\u{3000}' => Char(' '),
        // line and paragraph separators
        '\u{2028}' | '\u{2029}' | '\u{0085}' => Char('\n'),
        // hyphens, dashes, minus signs
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '\u{2043}' => Char('-'),
        // invisible: zero-width space and joiners, word joiner, BOM, soft hyphen
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Remove,
        // ligatures and letters without a canonical decomposition
        'œ' | 'Œ' => Fold("oe"),
        'æ' | 'Æ' => Fold("ae"),
        'ß' | 'ẞ' => Fold("ss"),
        'ø' | 'Ø' => Fold("o"),
        'ł' | 'Ł' => Fold("l"),
        'đ' | 'Đ' => Fold("d"),
        'ı' => Fold("i"),
        'ð' | 'Ð' => Fold("d"),
        'þ' | 'Þ' => Fold("th"),
        '…' => Fold("..."),
        _ => return None,
    })
}

/// Whether `c` is a combining mark that belongs to the preceding character
/// (Unicode general category Mn in the ranges that occur in Latin, Greek and
/// Cyrillic text, plus the generic combining blocks).
#[inline]
pub(crate) fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}
