//! Stable sorting with one small, shared body, for the wasm's size.
//!
//! `slice::sort_by_key` and its siblings are monomorphised once per element type and closure,
//! and each copy of the standard library's driftsort and quicksort is several kilobytes: the
//! core's 18 sorts were about 50 KB of the app's wasm (twiggy, ARCHITECTURE.md "Size"). Here a
//! sort is a bottom-up merge sort of `u32` positions behind one `&dyn` comparison, compiled
//! once, and the values are then moved into that order: per call site only the comparison and
//! the move are generic. Stable, O(n log n) comparisons, n + n/2 words of scratch; the lists it
//! sorts are findings, evidence lines, records and search hits (at most some thousands), never
//! the paste itself. `order` has no parent import (a leaf); its twin is the standard library's
//! stable sort, checked against it by the property tests below.

use std::cmp::Ordering;

/// Sorts `v` stably by `compare`, as `v.sort_by(compare)` does.
pub(crate) fn sort_by<T>(v: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let cmp = |a: usize, b: usize| compare(&v[a], &v[b]);
    let Some(order) = order_of(v.len(), &cmp) else { return };
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| slots[i as usize].take()));
}

/// Sorts `v` stably by `key`, as `v.sort_by_key(key)` does.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` as `v.sort()` does (stable; for the plain values it is used on, the same result as
/// `sort_unstable`).
pub(crate) fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The positions `0..n` in the stable order `compare` gives them, or `None` when they are in
/// it already (a stable sort leaves them as they are). Two runs in order (evidence merged after
/// a finding's own, a report's records after the paste's) are merged in one pass; anything else
/// is [`positions`]'. Not generic, as [`positions`].
fn order_of(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Option<Vec<u32>> {
    let in_order_from = |from: usize| (from + 1..n).find(|&i| compare(i - 1, i) == Ordering::Greater);
    let k = in_order_from(0)?;
    if in_order_from(k).is_some() {
        return Some(positions(n, compare));
    }
    // `0..k` and `k..n` are each in order: take from the second only when strictly less, so
    // that equal keys keep their order (as the merge sort does).
    let mut out: Vec<u32> = Vec::with_capacity(n);
    let (mut i, mut j) = (0, k);
    while i < k && j < n {
        if compare(j, i) == Ordering::Less {
            out.push(j as u32);
            j += 1;
        } else {
            out.push(i as u32);
            i += 1;
        }
    }
    out.extend((i..k).map(|x| x as u32));
    out.extend((j..n).map(|x| x as u32));
    Some(out)
}

/// The positions `0..n` in the stable order `compare` gives them: a bottom-up merge sort, the
/// one non-generic body every sort above shares.
fn positions(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut a: Vec<u32> = (0..n as u32).collect();
    let mut b: Vec<u32> = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Take from the right run only when it is strictly less: equal keys keep their order.
                if compare(a[j] as usize, a[i] as usize) == Ordering::Less {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + (mid - i)].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + (end - j)].copy_from_slice(&a[j..end]);
            start = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included: the pairs'
        /// second half records where each value started.
        #[test]
        fn sort_by_key_is_std_stable_sort(keys in proptest::collection::vec(0u8..8, 0..300)) {
            let v: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = v;
            std_sorted.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std_sorted);
        }

        /// Input already in order, or two runs in order (merged evidence), or in order but for
        /// a few values at its end: the quick check for order and the one merge say what
        /// sorting says.
        #[test]
        fn sorted_input_is_std_stable_sort(
            mut keys in proptest::collection::vec(0u8..8, 0..64),
            mut tail in proptest::collection::vec(0u8..8, 0..24),
            sorted_tail in any::<bool>(),
        ) {
            keys.sort();
            if sorted_tail {
                tail.sort();
            }
            keys.extend(tail);
            let v: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = v;
            std_sorted.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std_sorted);
        }

        #[test]
        fn sort_by_is_std_sort_by(v in proptest::collection::vec(any::<i32>(), 0..300)) {
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| b.cmp(a));
            let mut std_sorted = v;
            std_sorted.sort_by(|a, b| b.cmp(a));
            prop_assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn sorts_values_that_are_not_copy() {
        let mut v: Vec<String> = ["pear", "fig", "apple", "fig"].iter().map(|s| s.to_string()).collect();
        sort(&mut v);
        assert_eq!(v, ["apple", "fig", "fig", "pear"]);
        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
