//! The Microsoft Entra Connect release list (`content/releases.json`) and the notices that
//! apply to a known version: a retired 1.x build, a build under the mandatory minimum, the end
//! of support (passed, near, or not yet), a recalled build, and the version-specific password
//! hash sync problems. Pure: the caller passes today's date (the app from the browser's clock,
//! the CLI from the system's), so the same version and day always give the same notices.

use std::fmt;

use crate::connect_version::ConnectVersion;
use crate::knowledge::{self, Severity, Source, Text};

/// A calendar day (UTC), as the release list and the caller's "today" give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub const fn new(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// `2026-09-30`; anything else (or a day the calendar doesn't have) is `None`.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num =
            |r: std::ops::Range<usize>| s.get(r).filter(|p| p.bytes().all(|c| c.is_ascii_digit())).and_then(|p| p.parse::<u16>().ok());
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let d = Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?);
        (d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month)).then_some(d)
    }

    /// The day `days` after 1970-01-01 (negative: before), e.g. from a Unix time divided by
    /// 86,400. (Howard Hinnant's `civil_from_days`.)
    pub fn from_unix_days(days: i64) -> Date {
        let z = days.clamp(-719_528, 2_932_896) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(year.clamp(0, 9999) as u16, month, day)
    }

    /// Days since 1970-01-01 (`days_from_civil`).
    pub fn unix_days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.unix_days() - self.unix_days()
    }
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// What the list says about a build's support.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReleaseStatus {
    /// Retired (out of support); the list has no date for it.
    Retired,
    /// Recalled after its release.
    Withdrawn,
    /// Listed: supported until its `end_of_support` (or, without one, until 12 months after the
    /// next build ships).
    Listed,
}

/// One release of the list.
#[derive(Debug)]
pub struct Release {
    pub version: ConnectVersion,
    /// `2021-07-20`, `2017-05` or `2015`, as precise as the source; `None` when it isn't known.
    pub released: Option<&'static str>,
    pub end_of_support: Option<Date>,
    pub status: ReleaseStatus,
    /// Where the dates come from (a third-party source says so).
    pub source: &'static Source,
    /// The password-hash-sync-relevant changes, each with its source.
    pub changes: &'static [Text],
    pub next_step: Option<Text>,
}

/// A version-specific problem by version range (`releases.json` `notices`).
#[derive(Debug)]
pub struct RangeNotice {
    pub id: &'static str,
    pub severity: Severity,
    pub from: Option<ConnectVersion>,
    pub below: Option<ConnectVersion>,
    /// A range inside that has the fix (a 1.x build with the fix of a 2.x one).
    pub except: Option<(Option<ConnectVersion>, Option<ConnectVersion>)>,
    pub title: &'static str,
    pub text: Text,
    pub details: &'static [Text],
    pub next_step: Option<Text>,
}

fn within(v: ConnectVersion, from: Option<ConnectVersion>, below: Option<ConnectVersion>) -> bool {
    from.is_none_or(|f| v >= f) && below.is_none_or(|b| v < b)
}

impl RangeNotice {
    pub fn applies(&self, v: ConnectVersion) -> bool {
        within(v, self.from, self.below) && !self.except.is_some_and(|(f, b)| within(v, f, b))
    }
}

include!(concat!(env!("OUT_DIR"), "/releases.rs"));

/// Which notice it is (stable words for the CLI's JSON and the tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoticeKind {
    /// Every 1.x build is retired and no longer synchronizes.
    Retired,
    /// Under the mandatory minimum: sync stops (or has stopped) on its date.
    BelowMinimum,
    /// The end of support has passed.
    SupportEnded,
    /// The end of support is within [`NEAR_DAYS`].
    SupportEnding,
    /// In support, as far as the list knows.
    Supported,
    /// Recalled after its release.
    Withdrawn,
    /// Newer than every build of the list: it may be newer than the data.
    NewerThanList,
    /// Within the list's range but not one of its builds.
    NotListed,
    /// A version-specific problem (`RangeNotice`, by its id).
    Known(&'static str),
}

impl NoticeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Retired => "retired",
            NoticeKind::BelowMinimum => "below-minimum",
            NoticeKind::SupportEnded => "support-ended",
            NoticeKind::SupportEnding => "support-ending",
            NoticeKind::Supported => "supported",
            NoticeKind::Withdrawn => "withdrawn",
            NoticeKind::NewerThanList => "newer-than-list",
            NoticeKind::NotListed => "not-listed",
            NoticeKind::Known(id) => id,
        }
    }
}

/// One thing to know about a version: a one-line title (with the version and dates), the text
/// it rests on, more about it (`details`), the release's own changes (`changes`, on the
/// support notice of a listed build), the next step, and the source of the title's facts (a
/// third-party source says so; an inference is labelled as one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub severity: Severity,
    pub title: String,
    pub text: Text,
    pub details: Vec<Text>,
    pub changes: Vec<Text>,
    pub next_step: Option<Text>,
    pub source: &'static Source,
}

impl Notice {
    /// The sources of the title, the text and the next step, each once (in that order).
    pub fn sources(&self) -> Vec<&'static Source> {
        let mut out: Vec<&'static Source> = Vec::new();
        for s in [Some(self.source), Some(self.text.source), self.next_step.map(|t| t.source)].into_iter().flatten() {
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }
}

/// The release `version` exactly, if the list has it.
pub fn release(version: ConnectVersion) -> Option<&'static Release> {
    RELEASES.binary_search_by(|r| r.version.cmp(&version)).ok().map(|i| &RELEASES[i])
}

/// The newest build of the list.
pub fn newest() -> &'static Release {
    RELEASES.last().expect("releases.json lists releases")
}

/// Every notice for `version` on `today`, the most severe first (then in the order above:
/// retirement, the minimum, support, the version-specific problems).
pub fn notices(version: ConnectVersion, today: Date) -> Vec<Notice> {
    let mut out = Vec::new();
    let one_x = version < knowledge::RETIRED_BELOW;
    if one_x {
        let t = knowledge::RETIRED_TEXT;
        out.push(Notice {
            kind: NoticeKind::Retired,
            severity: Severity::Error,
            title: format!("Version {version} is a retired 1.x build: it no longer synchronizes"),
            text: t,
            details: Vec::new(),
            changes: Vec::new(),
            next_step: Some(UPGRADE),
            source: t.source,
        });
    } else if version < MINIMUM {
        let days = today.days_until(MINIMUM_DATE);
        let (severity, title) = if days <= 0 {
            (Severity::Error, format!("Version {version} is below {MINIMUM}, the minimum Microsoft requires: since {MINIMUM_DATE} all synchronization from it fails"))
        } else {
            (
                Severity::Warning,
                format!("Version {version} is below {MINIMUM}, the minimum Microsoft requires: all synchronization from it stops on {MINIMUM_DATE} (in {days} {})", plural(days, "day")),
            )
        };
        out.push(Notice {
            kind: NoticeKind::BelowMinimum,
            severity,
            title,
            text: MINIMUM_TEXT,
            details: Vec::new(),
            changes: Vec::new(),
            next_step: Some(MINIMUM_NEXT),
            source: MINIMUM_TEXT.source,
        });
    }
    let newest = newest();
    match release(version) {
        Some(r) => support(r, one_x, today, &mut out),
        None if version > newest.version => out.push(Notice {
            kind: NoticeKind::NewerThanList,
            severity: Severity::Info,
            title: format!(
                "Version {version} is newer than every build in PHS Doctor's release list (data of {DATA_DATE}, newest {}): its support state isn't known here",
                newest.version
            ),
            text: DATA_NOTE,
            details: Vec::new(),
            changes: Vec::new(),
            next_step: None,
            source: DATA_NOTE.source,
        }),
        // A 1.x build not in the list is retired all the same (said above).
        None if one_x => {}
        None => out.push(Notice {
            kind: NoticeKind::NotListed,
            severity: Severity::Info,
            title: format!(
                "Version {version} isn't in PHS Doctor's release list (data of {DATA_DATE}): check it as Help > About shows it. The notices by version range below still apply"
            ),
            text: DATA_NOTE,
            details: Vec::new(),
            changes: Vec::new(),
            next_step: None,
            source: DATA_NOTE.source,
        }),
    }
    for n in RANGE_NOTICES.iter().filter(|n| n.applies(version)) {
        out.push(Notice {
            kind: NoticeKind::Known(n.id),
            severity: n.severity,
            title: n.title.to_string(),
            text: n.text,
            details: n.details.to_vec(),
            changes: Vec::new(),
            next_step: n.next_step,
            source: n.text.source,
        });
    }
    // Stable: the order above within a severity.
    crate::order::sort_by_key(&mut out, |n| n.severity);
    out
}

fn plural(n: i64, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// The support notice of a listed build.
fn support(r: &'static Release, one_x: bool, today: Date, out: &mut Vec<Notice>) {
    let v = r.version;
    let changes = r.changes.to_vec();
    let notice = |kind, severity, title: String, next_step: Option<Text>| Notice {
        kind,
        severity,
        title,
        text: POLICY,
        details: Vec::new(),
        changes: changes.clone(),
        next_step,
        source: r.source,
    };
    match (r.status, r.end_of_support) {
        (ReleaseStatus::Withdrawn, _) => out.push(notice(
            NoticeKind::Withdrawn,
            Severity::Error,
            format!("Version {v} was recalled after its release"),
            r.next_step.or(Some(UPGRADE)),
        )),
        // The retirement notice says it all for a 1.x build; its changes are in `release`.
        _ if one_x => {}
        (ReleaseStatus::Retired, _) => out.push(notice(
            NoticeKind::SupportEnded,
            Severity::Warning,
            format!("Version {v} is retired: it is out of support and may stop working"),
            Some(UPGRADE),
        )),
        (ReleaseStatus::Listed, Some(end)) => {
            let days = today.days_until(end);
            if days <= 0 {
                out.push(notice(
                    NoticeKind::SupportEnded,
                    Severity::Warning,
                    format!("Version {v} has been out of support since {end}: it may stop working"),
                    Some(UPGRADE),
                ));
            } else if days <= NEAR_DAYS {
                out.push(notice(
                    NoticeKind::SupportEnding,
                    Severity::Warning,
                    format!("Support for version {v} ends on {end} (in {days} {})", plural(days, "day")),
                    Some(UPGRADE),
                ));
            } else {
                out.push(notice(NoticeKind::Supported, Severity::Ok, format!("Version {v} is in support until {end}"), None));
            }
        }
        (ReleaseStatus::Listed, None) => out.push(notice(
            NoticeKind::Supported,
            Severity::Ok,
            if v == newest().version {
                format!("Version {v} is the newest build in PHS Doctor's release list (data of {DATA_DATE}): in support until 12 months after the next build ships")
            } else {
                format!("Version {v} is in support until 12 months after the build that follows it ships")
            },
            None,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::SourceKind;

    fn v(s: &str) -> ConnectVersion {
        ConnectVersion::parse(s).unwrap()
    }

    fn kinds(version: &str, today: Date) -> Vec<&'static str> {
        notices(v(version), today).iter().map(|n| n.kind.as_str()).collect()
    }

    const DAY: Date = Date::new(2026, 12, 2);

    #[test]
    fn dates_parse_print_and_count() {
        assert_eq!(Date::parse("2026-09-30"), Some(Date::new(2026, 9, 30)));
        for bad in ["2026-9-30", "2026-02-30", "2026-13-01", "2026-00-10", "20260930", "2026-09-3x", "", "2026-09-30-"] {
            assert_eq!(Date::parse(bad), None, "{bad:?}");
        }
        assert_eq!(Date::parse("2024-02-29"), Some(Date::new(2024, 2, 29)));
        assert_eq!(Date::parse("2100-02-29"), None);
        assert_eq!(Date::new(2026, 9, 3).to_string(), "2026-09-03");
        assert_eq!(Date::from_unix_days(0), Date::new(1970, 1, 1));
        // 2026-12-02 is day 20,789 of the Unix epoch.
        assert_eq!(Date::from_unix_days(20_789), DAY);
        assert_eq!(DAY.unix_days(), 20_789);
        for d in [-1000, 0, 59, 60, 11_016, 20_789, 40_000] {
            assert_eq!(Date::from_unix_days(d).unix_days(), d, "{d}");
        }
        assert_eq!(Date::new(2026, 9, 29).days_until(Date::new(2026, 9, 30)), 1);
        assert_eq!(Date::new(2024, 2, 28).days_until(Date::new(2024, 3, 1)), 2);
        assert_eq!(Date::from_unix_days(i64::MAX), Date::new(9999, 12, 31));
        assert_eq!(Date::from_unix_days(i64::MIN), Date::new(0, 1, 1));
        // Every day that parses survives the round trip (the fuzz target checks it too).
        for s in ["0000-01-01", "0000-02-29", "1969-12-31", "2000-02-29", "9999-12-31"] {
            let d = Date::parse(s).unwrap();
            assert_eq!((d.to_string(), Date::from_unix_days(d.unix_days())), (s.to_string(), d), "{s}");
        }
    }

    #[test]
    fn the_list_is_sorted_and_knows_its_date() {
        assert!(RELEASES.windows(2).all(|w| w[0].version < w[1].version));
        assert!(DATA_DATE >= Date::new(2026, 11, 1));
        assert_eq!(release(v("2.3.20.0")).map(|r| r.end_of_support), Some(Some(Date::new(2025, 4, 30))));
        assert!(release(v("2.3.21.0")).is_none());
    }

    /// The 1.x builds: retired first, an error, with the upgrade as the next step.
    #[test]
    fn a_1x_build_is_retired() {
        let n = notices(v("1.6.2.4"), DAY);
        assert_eq!(n[0].kind, NoticeKind::Retired);
        assert_eq!(n[0].severity, Severity::Error);
        assert!(n[0].title.contains("1.6.2.4") && n[0].title.contains("no longer synchronizes"), "{}", n[0].title);
        assert_eq!(n[0].next_step, Some(UPGRADE));
        // Not also "below the minimum" or "out of support": retired says it.
        let k = kinds("1.6.2.4", DAY);
        assert!(!k.contains(&"below-minimum") && !k.contains(&"support-ended"), "{k:?}");
        // The fixes it lacks are still said.
        assert!(k.contains(&"domain-rename") && k.contains(&"temporary-passwords"), "{k:?}");
        assert!(kinds("2.0.3.0", DAY).iter().all(|k| *k != "retired"));
    }

    /// The mandatory minimum: before its date a warning with the days left, on and after it an
    /// error; 2.5.79.0 and later are not under it.
    #[test]
    fn below_the_minimum_sync_stops_on_its_date() {
        let before = notices(v("2.4.129.0"), Date::new(2026, 9, 20));
        let m = before.iter().find(|n| n.kind == NoticeKind::BelowMinimum).unwrap();
        assert_eq!(m.severity, Severity::Warning);
        assert!(m.title.contains("stops on 2026-09-30 (in 10 days)"), "{}", m.title);
        for day in [Date::new(2026, 9, 30), DAY] {
            let after = notices(v("2.4.129.0"), day);
            let m = after.iter().find(|n| n.kind == NoticeKind::BelowMinimum).unwrap();
            assert_eq!(m.severity, Severity::Error, "{day}");
            assert!(m.title.contains("since 2026-09-30 all synchronization from it fails"), "{}", m.title);
            assert_eq!(after[0].kind, NoticeKind::BelowMinimum, "the most severe first");
        }
        assert!(m.source.url.contains("learn.microsoft.com"));
        for ok in ["2.5.79.0", "2.5.190.0", "2.6.84.0"] {
            assert!(!kinds(ok, DAY).contains(&"below-minimum"), "{ok}");
        }
        assert!(kinds("2.5.76.0", DAY).contains(&"below-minimum"));
    }

    /// End of support: passed, near (within NEAR_DAYS), or not yet; a third-party date says so.
    #[test]
    fn end_of_support_passed_near_or_not_yet() {
        let n = notices(v("2.5.79.0"), DAY);
        let s = n.iter().find(|n| n.kind == NoticeKind::SupportEnded).expect("2.5.79.0 ended 2026-10-23");
        assert!(s.title.contains("since 2026-10-23"), "{}", s.title);
        assert_eq!(s.source.kind, SourceKind::ThirdParty);
        assert!(s.source.citation().unwrap().starts_with("Third-party source, not Microsoft's"));
        let n = notices(v("2.5.190.0"), DAY);
        let s = n.iter().find(|n| n.kind == NoticeKind::SupportEnding).expect("2.5.190.0 ends 2027-02-02");
        assert!(s.title.contains("ends on 2027-02-02 (in 62 days)"), "{}", s.title);
        assert_eq!(s.severity, Severity::Warning);
        let n = notices(v("2.6.3.0"), DAY);
        let s = n.iter().find(|n| n.kind == NoticeKind::Supported).expect("2.6.3.0 is in support until 2027-07-07");
        assert_eq!(s.severity, Severity::Ok);
        assert!(s.title.contains("until 2027-07-07"), "{}", s.title);
        // The same build a day after its end.
        assert!(kinds("2.6.3.0", Date::new(2027, 7, 8)).contains(&"support-ended"));
        assert!(kinds("2.6.3.0", Date::new(2027, 7, 7)).contains(&"support-ended"));
        assert!(kinds("2.6.3.0", Date::new(2027, 7, 6)).contains(&"support-ending"));
        // A 2.x build retired without a date, from Microsoft's history.
        let n = notices(v("2.0.3.0"), DAY);
        let s = n.iter().find(|n| n.kind == NoticeKind::SupportEnded).unwrap();
        assert_eq!(s.source.kind, SourceKind::Public);
        assert!(!s.changes.is_empty() && s.details.is_empty(), "a release's changes come with it");
        // Its sources, each once: the dates' and the policy's are the same page here.
        assert_eq!(s.sources().len(), 1, "{:?}", s.sources());
        let ended = notices(v("2.5.79.0"), DAY).into_iter().find(|n| n.kind == NoticeKind::SupportEnded).unwrap();
        assert_eq!(ended.sources().iter().map(|s| s.kind).collect::<Vec<_>>(), [SourceKind::ThirdParty, SourceKind::Public]);
    }

    #[test]
    fn a_recalled_build_says_so() {
        let n = notices(v("2.6.79.0"), DAY);
        assert_eq!(n[0].kind, NoticeKind::Withdrawn);
        assert_eq!(n[0].severity, Severity::Error);
        assert!(n[0].next_step.unwrap().plain().contains("Uninstall"));
    }

    /// A version newer than the list: the list's date, never a confident claim of support.
    #[test]
    fn a_version_newer_than_the_list_says_the_list_may_be_older() {
        for newer in ["2.6.92.0", "3.0.0.0", "99.0.0.0"] {
            let n = notices(v(newer), DAY);
            let x = n.iter().find(|n| n.kind == NoticeKind::NewerThanList).unwrap_or_else(|| panic!("{newer}"));
            assert!(x.title.contains(&DATA_DATE.to_string()) && x.title.contains("isn't known here"), "{}", x.title);
            assert!(
                !n.iter().any(|n| matches!(n.kind, NoticeKind::Supported | NoticeKind::SupportEnded | NoticeKind::SupportEnding)),
                "{newer}"
            );
            assert!(n.iter().all(|n| n.severity != Severity::Ok && n.severity != Severity::Error), "{newer}: {n:?}");
        }
        let n = kinds("2.4.130.0", DAY);
        assert!(n.contains(&"not-listed") && n.contains(&"tls12"), "{n:?}");
        // A 1.x build that isn't listed is retired, and nothing else is claimed about it.
        assert!(!kinds("1.5.0.0", DAY).contains(&"not-listed"));
    }

    /// The version-specific problems, at the edges of their ranges.
    #[test]
    fn version_specific_problems_follow_their_ranges() {
        let has = |ver: &str, id: &str| kinds(ver, DAY).contains(&id);
        // Domain rename: fixed in 1.6.13.0 and 2.0.10.0.
        assert!(has("1.6.12.0", "domain-rename") && !has("1.6.13.0", "domain-rename") && !has("1.6.14.2", "domain-rename"));
        assert!(has("2.0.9.0", "domain-rename") && !has("2.0.10.0", "domain-rename"));
        // TLS 1.2 enforcement: 2.3.20.0 through 2.4.129.0.
        assert!(!has("2.3.8.0", "tls12") && has("2.3.20.0", "tls12") && has("2.4.129.0", "tls12") && !has("2.4.131.0", "tls12"));
        // The FIPS config problem: 2.5.190.0 up to 2.6.84.0, which merges the config.
        assert!(!has("2.5.79.0", "fips-config") && has("2.5.190.0", "fips-config") && has("2.6.3.0", "fips-config"));
        assert!(!has("2.6.84.0", "fips-config"));
        // Temporary passwords from 2.0.3.0.
        assert!(has("1.6.16.0", "temporary-passwords") && !has("2.0.3.0", "temporary-passwords"));
        // The tenant feature's self-healing removed in 2.6.84.0.
        assert!(!has("2.6.3.0", "no-self-healing") && has("2.6.84.0", "no-self-healing") && has("2.7.0.0", "no-self-healing"));
        let n = notices(v("2.6.84.0"), DAY);
        let heal = n.iter().find(|n| n.kind == NoticeKind::Known("no-self-healing")).unwrap();
        assert_eq!(heal.source.kind, SourceKind::ThirdParty);
        assert_eq!(heal.next_step.unwrap().source.kind, SourceKind::Inference, "PHS Doctor's advice says so");
        let tls = notices(v("2.3.20.0"), DAY).into_iter().find(|n| n.kind == NoticeKind::Known("tls12")).unwrap();
        assert!(tls.details[0].plain().contains("stopped-extension-dll-exception") && tls.changes.is_empty());
        assert_eq!(tls.sources().len(), 1, "the text and the next step share the TLS article");
        let fips = notices(v("2.6.1.0"), DAY).into_iter().find(|n| n.kind == NoticeKind::Known("fips-config")).unwrap();
        assert!(fips.title.contains("event 667"), "{}", fips.title);
        assert!(fips.next_step.unwrap().plain().contains("2.6.84.0"));
    }

    /// Every notice has a title with the version or a range, a text and a source.
    #[test]
    fn every_notice_is_sourced_and_sorted() {
        for r in RELEASES {
            let n = notices(r.version, DAY);
            assert!(!n.is_empty(), "{}", r.version);
            assert!(n.windows(2).all(|w| w[0].severity <= w[1].severity), "{}", r.version);
            for x in &n {
                assert!(!x.title.is_empty() && !x.text.html.is_empty(), "{}: {x:?}", r.version);
                assert!(x.source.kind == SourceKind::Inference || x.source.url.starts_with("https://"), "{}: {x:?}", r.version);
            }
        }
    }
}
