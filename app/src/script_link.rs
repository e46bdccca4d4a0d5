//! The script fields in the Scripts page's link, on request only: connector names and a DN are
//! not secrets, but they name the admin's directory, so they go into the route's query only
//! while "Include the values in the link" is ticked (never by default; pasted text never).

use phs_doctor_core::script::{Field, ScriptInput, ScriptKind};

use crate::route::{query_value, VersionQuery};

/// The query of a Scripts link: the version (when there is one), then the values of `kind`'s
/// fields that are filled in, by `Field::id` (`?ad-connector=…&dn=…`).
pub fn query(version: Option<phs_doctor_core::ConnectVersion>, kind: ScriptKind, input: &ScriptInput) -> VersionQuery {
    let mut q = crate::route::version_query(version).unwrap_or_default();
    for &field in kind.fields() {
        let value = input.get(field);
        if !value.is_empty() {
            q.push((field.id(), value.to_string()));
        }
    }
    q
}

/// The field values a link carries (form-decoded), for `kind`'s fields.
pub fn values(query: &str, kind: ScriptKind) -> Vec<(Field, String)> {
    kind.fields().iter().filter_map(|&f| query_value(query, f.id()).map(|v| (f, v))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::nav_link;
    use crate::route::Route;

    #[test]
    fn values_round_trip_through_the_link() {
        let kind = ScriptKind::ALL.into_iter().find(|k| k.fields().contains(&Field::DistinguishedName)).unwrap();
        let mut input = ScriptInput::default();
        input.set(Field::AdConnector, "contoso.com & co".into());
        input.set(Field::DistinguishedName, "CN=Jane O'Neil,OU=Users,DC=contoso,DC=com".into());
        let q = query(None, kind, &input);
        let href = nav_link::href(&Route::Script { kind: kind.id().to_string() }, Some(&q));
        assert!(!href.contains(' ') && !href.contains('\''), "{href}");
        let query_str = href.split_once('?').unwrap().1;
        let back = values(query_str, kind);
        assert!(back.contains(&(Field::AdConnector, "contoso.com & co".to_string())), "{back:?}");
        assert!(back.contains(&(Field::DistinguishedName, "CN=Jane O'Neil,OU=Users,DC=contoso,DC=com".to_string())));
        // An empty field is left out, and a link without values gives none.
        assert!(!q.iter().any(|(k, _)| *k == Field::AadConnector.id()));
        assert!(values("v=2.4.129.0", kind).is_empty());
        // The version stays first.
        let v = phs_doctor_core::ConnectVersion::parse("2.4.129.0").ok();
        assert_eq!(query(v, kind, &input)[0], ("v", "2.4.129.0".to_string()));
    }
}
