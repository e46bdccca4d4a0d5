//! "Did you mean" suggestions for look-ups by name.

/// Edit distance between two strings, compared case-insensitively.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest candidate, if it is close enough to be a plausible typo (or `query` is a prefix).
pub fn closest<'a>(query: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let q = query.trim();
    if q.is_empty() || q.chars().count() > 200 {
        return None;
    }
    let ql = q.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = if c.to_lowercase().starts_with(&ql) { 1 } else { distance(q, c) };
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let limit = (q.chars().count() / 3).max(2);
    best.filter(|(d, _)| *d <= limit).map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_cases() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("Success", "success"), 0);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn closest_cases() {
        let c = ["Success", "FilteredByTarget", "Error", "Unknown"];
        assert_eq!(closest("FilterByTarget", c), Some("FilteredByTarget"));
        assert_eq!(closest("filtered", c), Some("FilteredByTarget"));
        assert_eq!(closest("Sucess", c), Some("Success"));
        assert_eq!(closest("zzzzzzzzzzzz", c), None);
        assert_eq!(closest("", c), None);
    }
}
