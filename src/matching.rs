//! Matching words the way a spreadsheet user types them.
//!
//! Sheet names, column headers, codes and enumerated words (roles, degrees,
//! yes/no, totals) are compared after [`fold`]: trimmed, lower-cased, without
//! Czech (and neighbouring) diacritics, without dots, with every run of white
//! space (including no-break spaces) folded to one space.

/// Folds a word for matching: `" Pracovníci. "` → `"pracovnici"`,
/// `"Ohrožen soc.  vyloučením"` → `"ohrozen soc vyloucenim"`.
///
/// # Examples
///
/// ```
/// use homecare_audit::matching::fold;
/// assert_eq!(fold("  Stupeň PnP "), "stupen pnp");
/// assert_eq!(fold("ÚKONY"), fold("úkony"));
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for ch in s.chars() {
        if ch.is_whitespace() || ch == '\u{a0}' || ch == '\u{202f}' {
            pending_space = !out.is_empty();
            continue;
        }
        if ch == '.' {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        for lower in ch.to_lowercase() {
            out.push(strip_diacritic(lower));
        }
    }
    out
}

/// Maps a lower-case letter with a diacritic to its base letter (Czech,
/// Slovak, German and Polish letters; others are kept).
fn strip_diacritic(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ą' | 'ã' | 'å' => 'a',
        'č' | 'ć' | 'ç' => 'c',
        'ď' => 'd',
        'é' | 'ě' | 'è' | 'ê' | 'ë' | 'ę' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ľ' | 'ĺ' | 'ł' => 'l',
        'ň' | 'ń' | 'ñ' => 'n',
        'ó' | 'ô' | 'ö' | 'ò' | 'õ' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'š' | 'ś' => 's',
        'ť' => 't',
        'ú' | 'ů' | 'ü' | 'ù' | 'û' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ž' | 'ź' | 'ż' => 'z',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_dots_and_spaces() {
        let cases = [
            ("Pracovníci", "pracovnici"),
            ("  PRACOVNÍCI ", "pracovnici"),
            ("Ohrožen soc.\u{a0}vyloučením", "ohrozen soc vyloucenim"),
            ("Stupeň  PnP", "stupen pnp"),
            ("Úkon dle vyhlášky", "ukon dle vyhlasky"),
            ("ŘIDIČ", "ridic"),
            ("dpp_dpc", "dpp_dpc"),
            ("", ""),
            ("   ", ""),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "fold({input:?})");
        }
    }
}
