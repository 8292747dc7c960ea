//! Pieces every FHIR reader needs: typed access to JSON fields, codes, dates, parties
//! (with references resolved in `contained` resources and in the enclosing Bundle), and the
//! list of extensions a reader does not interpret.
//!
//! Two ways to read a field, on purpose:
//! - lenient ([`str_at`], [`codings`]): a missing or odd value is simply absent. Used for
//!   details inside an element.
//! - strict ([`string`], [`array`], [`object`], [`date`] …): absent or `null` is `None`, but a
//!   value of the wrong JSON type (`"status": 5`, `"dosage": "x"`) or a date that is not a
//!   date is an error. Readers use them for the fields that make an item what it is, so a
//!   damaged item becomes `Item::Unreadable` instead of being shown half-wrong.
//!
//! Error reasons are technical (a field name and what is wrong with it) and never carry a
//! value from the source, so they hold no health data and no SSIN.

use std::collections::HashMap;

use carnet_core::coding::{Coding, Quantity};
use carnet_core::date::PartialDate;
use carnet_core::item::Item;
use carnet_core::party::Party;
use serde_json::Value;

use super::{NIHDI_SYSTEMS, SSIN_SYSTEM};

/// Why an item could not be read: technical, no value from the source.
pub(crate) type Reason = String;

/// The FHIR EventTiming code system (moments of the day in `timing.repeat.when`).
pub(crate) const EVENT_TIMING: &str = "http://hl7.org/fhir/event-timing";
/// The standard translation extension, on `_display`, `_text` …
const EXT_TRANSLATION: &str = "http://hl7.org/fhir/StructureDefinition/translation";
/// Where the eHealth platform publishes its identifier systems (current and legacy paths).
const EHEALTH_NAMING_SYSTEMS: [&str; 2] = [
    "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/",
    "https://www.ehealth.fgov.be/standards/fhir/NamingSystem/",
];
/// How deep references are followed (PractitionerRole → Practitioner …): bounded so a
/// reference cycle in a source's answer cannot loop.
const MAX_REFERENCE_DEPTH: u8 = 3;

// ---------------------------------------------------------------------------------------
// Lenient access
// ---------------------------------------------------------------------------------------

/// A non-empty, trimmed string at `key`; anything else is absent.
pub(crate) fn str_at(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// The codings of a CodeableConcept, without duplicates and without empty ones. A coding
/// without a display takes the first translation of its `_display`, if any (Belgian
/// examples sometimes give the product name only there).
pub(crate) fn codings(concept: &Value) -> Vec<Coding> {
    concept.get("coding").and_then(Value::as_array).into_iter().flatten().filter_map(coding).fold(
        Vec::new(),
        |mut acc, c| {
            if !acc.contains(&c) {
                acc.push(c);
            }
            acc
        },
    )
}

/// One FHIR Coding (also what AuditEvent.type is); `None` when it has neither code nor display.
pub(crate) fn coding(value: &Value) -> Option<Coding> {
    let display = str_at(value, "display").or_else(|| value.get("_display").and_then(first_translation));
    let c = Coding { system: str_at(value, "system"), code: str_at(value, "code"), display };
    (c.code.is_some() || c.display.is_some()).then_some(c)
}

/// The codings of a CodeableConcept, or its text as a display-only coding when it has no
/// coding: so a text-only concept is kept, not dropped.
pub(crate) fn codings_or_text(concept: &Value) -> Vec<Coding> {
    let found = codings(concept);
    if !found.is_empty() {
        return found;
    }
    str_at(concept, "text")
        .map(|text| vec![Coding { system: None, code: None, display: Some(text) }])
        .unwrap_or_default()
}

/// The content of the first `translation` extension of a primitive's `_element`.
fn first_translation(element: &Value) -> Option<String> {
    element
        .get("extension")
        .and_then(Value::as_array)?
        .iter()
        .filter(|e| e.get("url").and_then(Value::as_str) == Some(EXT_TRANSLATION))
        .flat_map(|e| e.get("extension").and_then(Value::as_array).into_iter().flatten())
        .find(|part| part.get("url").and_then(Value::as_str) == Some("content"))
        .and_then(|part| str_at(part, "valueString"))
}

/// The text a human reads for a CodeableConcept: its text, else the first display.
pub(crate) fn concept_text(concept: &Value) -> Option<String> {
    str_at(concept, "text").or_else(|| codings(concept).into_iter().find_map(|c| c.display))
}

/// An amount with its unit (the unit text, else its code), if it has a numeric value.
pub(crate) fn quantity(value: &Value) -> Option<Quantity> {
    Some(Quantity {
        value: value.get("value")?.as_f64()?,
        unit: str_at(value, "unit").or_else(|| str_at(value, "code")),
    })
}

/// The texts of a list of Annotations (`note`), one per line.
pub(crate) fn notes(resource: &Value, key: &str) -> Option<String> {
    let texts: Vec<String> =
        resource.get(key).and_then(Value::as_array).into_iter().flatten().filter_map(|n| str_at(n, "text")).collect();
    (!texts.is_empty()).then(|| texts.join("\n"))
}

/// The resource's id, else the value of its first identifier that is not a national
/// register number: resources in a Bundle often carry only an identifier.
pub(crate) fn item_id(resource: &Value) -> Option<String> {
    str_at(resource, "id").or_else(|| {
        resource
            .get("identifier")
            .and_then(Value::as_array)?
            .iter()
            .find(|i| !i.get("system").and_then(Value::as_str).is_some_and(is_ssin_system))
            .and_then(|i| str_at(i, "value"))
    })
}

/// `Item::Unreadable` with the item's id and a technical reason.
pub(crate) fn unreadable<T>(resource: &Value, reason: impl Into<String>) -> Item<T> {
    Item::Unreadable { id: item_id(resource), reason: reason.into() }
}

/// Checks the resource type, so a reader handed the wrong kind says so.
pub(crate) fn expect_type(resource: &Value, expected: &[&str]) -> Result<(), Reason> {
    match resource.get("resourceType").and_then(Value::as_str) {
        Some(found) if expected.contains(&found) => Ok(()),
        Some(_) => Err(format!("not a {} resource", expected.join("/"))),
        None => Err("no resourceType".into()),
    }
}

// ---------------------------------------------------------------------------------------
// Strict access
// ---------------------------------------------------------------------------------------

/// The present, non-null value at `key`.
fn present<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    value.get(key).filter(|v| !v.is_null())
}

/// A string field: absent is `None`, a non-string is an error. Blank strings are absent.
pub(crate) fn string(value: &Value, key: &str) -> Result<Option<String>, Reason> {
    match present(value, key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_owned()).filter(|s| !s.is_empty())),
        Some(_) => Err(format!("{key} is not a string")),
    }
}

/// A list field: absent is empty, a non-list is an error.
pub(crate) fn array<'a>(value: &'a Value, key: &str) -> Result<&'a [Value], Reason> {
    match present(value, key) {
        None => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(format!("{key} is not a list")),
    }
}

/// A list field whose elements must all be objects.
pub(crate) fn objects<'a>(value: &'a Value, key: &str) -> Result<&'a [Value], Reason> {
    let items = array(value, key)?;
    if items.iter().any(|i| !i.is_object()) {
        return Err(format!("an element of {key} is not an object"));
    }
    Ok(items)
}

/// An object field (a CodeableConcept, a Reference …): absent is `None`, else must be an object.
pub(crate) fn object<'a>(value: &'a Value, key: &str) -> Result<Option<&'a Value>, Reason> {
    match present(value, key) {
        None => Ok(None),
        Some(v @ Value::Object(_)) => Ok(Some(v)),
        Some(_) => Err(format!("{key} is not an object")),
    }
}

/// A date or date-time field: absent is `None`; a non-string or a string that is not a
/// date is an error.
pub(crate) fn date(value: &Value, key: &str) -> Result<Option<PartialDate>, Reason> {
    match string(value, key)? {
        None => Ok(None),
        Some(text) => PartialDate::parse(&text).map(Some).ok_or_else(|| format!("{key} is not a date")),
    }
}

/// The start and end of a Period field.
pub(crate) fn period(value: &Value, key: &str) -> Result<(Option<PartialDate>, Option<PartialDate>), Reason> {
    match object(value, key)? {
        None => Ok((None, None)),
        Some(p) => {
            Ok((date(p, "start").map_err(|e| format!("{key}.{e}"))?, date(p, "end").map_err(|e| format!("{key}.{e}"))?))
        }
    }
}

/// The codings of a CodeableConcept field (strict about the field being an object).
pub(crate) fn concept_at(value: &Value, key: &str) -> Result<Vec<Coding>, Reason> {
    Ok(object(value, key)?.map(codings).unwrap_or_default())
}

/// The codings of every CodeableConcept of a list field, flattened, without duplicates.
pub(crate) fn concepts_at(value: &Value, key: &str) -> Result<Vec<Coding>, Reason> {
    let mut out: Vec<Coding> = Vec::new();
    for concept in array(value, key)? {
        for c in codings_or_text(concept) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Identifiers and parties
// ---------------------------------------------------------------------------------------

/// An identifier system of the national register number (SSIN), current or legacy path.
pub(crate) fn is_ssin_system(system: &str) -> bool {
    system == SSIN_SYSTEM || EHEALTH_NAMING_SYSTEMS.iter().any(|base| system.strip_prefix(base) == Some("ssin"))
}

/// An identifier system of NIHDI (RIZIV/INAMI) numbers: the published ones, their legacy
/// path, and the `nihdi-practitioner` variant real examples use.
pub(crate) fn is_nihdi_system(system: &str) -> bool {
    NIHDI_SYSTEMS.contains(&system)
        || EHEALTH_NAMING_SYSTEMS
            .iter()
            .any(|base| system.strip_prefix(base).is_some_and(|name| name == "nihdi" || name.starts_with("nihdi-")))
}

/// The party an Identifier names: never the SSIN itself.
pub(crate) fn identifier_party(identifier: &Value) -> Option<Party> {
    let value = str_at(identifier, "value")?;
    match identifier.get("system").and_then(Value::as_str) {
        Some(system) if is_ssin_system(system) => Some(Party::Person),
        Some(system) if is_nihdi_system(system) => Some(Party::Nihdi(value)),
        _ => Some(Party::Other(value)),
    }
}

/// The NIHDI number among a resource's identifiers.
pub(crate) fn nihdi_of(resource: &Value) -> Option<String> {
    resource
        .get("identifier")
        .and_then(Value::as_array)?
        .iter()
        .find(|i| i.get("system").and_then(Value::as_str).is_some_and(is_nihdi_system))
        .and_then(|i| str_at(i, "value"))
}

/// Where references are looked up besides the resource's own `contained` list: the Bundle
/// the resource came in, by `fullUrl` and by `Type/id`.
#[derive(Debug, Default)]
pub(crate) struct Context<'a> {
    by_reference: HashMap<String, &'a Value>,
}

impl<'a> Context<'a> {
    /// No enclosing Bundle: only `#id` references to contained resources resolve.
    pub(crate) fn none() -> Self {
        Context::default()
    }

    /// The entries of a Bundle, for references between them.
    pub(crate) fn of_bundle(bundle: &'a Value) -> Self {
        let mut ctx = Context::default();
        ctx.add_bundle(bundle);
        ctx
    }

    /// Adds a Bundle's entries.
    pub(crate) fn add_bundle(&mut self, bundle: &'a Value) {
        for entry in bundle.get("entry").and_then(Value::as_array).into_iter().flatten() {
            let resource = match entry.get("resource").filter(|r| !r.is_null()) {
                Some(resource) => resource,
                None if is_bare_resource(entry) => entry,
                None => continue,
            };
            if !resource.is_object() {
                continue;
            }
            if let Some(url) = str_at(entry, "fullUrl") {
                self.by_reference.insert(url, resource);
            }
            self.add(resource);
        }
    }

    /// Adds one resource, by its `Type/id`.
    pub(crate) fn add(&mut self, resource: &'a Value) {
        if let (Some(kind), Some(id)) = (str_at(resource, "resourceType"), str_at(resource, "id")) {
            self.by_reference.entry(format!("{kind}/{id}")).or_insert(resource);
        }
    }

    /// Does the context hold this `Type/id`?
    pub(crate) fn holds(&self, reference: &str) -> bool {
        self.by_reference.contains_key(reference)
    }

    /// The resource a reference points to, if the answer holds it.
    pub(crate) fn resolve(&self, reference: &str, resource: &'a Value) -> Option<&'a Value> {
        if let Some(local) = reference.strip_prefix('#') {
            return resource
                .get("contained")
                .and_then(Value::as_array)?
                .iter()
                .find(|c| c.get("id").and_then(Value::as_str) == Some(local));
        }
        if let Some(found) = self.by_reference.get(reference) {
            return Some(found);
        }
        // An absolute URL ending in Type/id matches the entry with that Type/id.
        let mut parts = reference.rsplit('/');
        let (id, kind) = (parts.next()?, parts.next()?);
        self.by_reference.get(&format!("{kind}/{id}")).copied()
    }
}

/// Who a Reference designates: its display, else its identifier (NIHDI number, or
/// `Party::Person` for an SSIN, never shown), else the resource it points to when the answer
/// holds it, else the reference itself, raw.
pub(crate) fn party<'a>(reference: &'a Value, resource: &'a Value, ctx: &Context<'a>) -> Option<Party> {
    party_at_depth(reference, resource, ctx, 0)
}

fn party_at_depth<'a>(reference: &'a Value, resource: &'a Value, ctx: &Context<'a>, depth: u8) -> Option<Party> {
    if let Some(name) = str_at(reference, "display") {
        return Some(Party::Named(name));
    }
    if let Some(found) = reference.get("identifier").and_then(identifier_party) {
        return Some(found);
    }
    let target = str_at(reference, "reference")?;
    ctx.resolve(&target, resource)
        .filter(|_| depth < MAX_REFERENCE_DEPTH)
        .and_then(|found| resource_party(found, resource, ctx, depth + 1))
        .or(Some(Party::Unresolved(target)))
}

/// Who a resource (Practitioner, PractitionerRole, Organization, Patient …) is, as a Party:
/// its name, else its NIHDI number, else (for a PractitionerRole) its practitioner or
/// organisation; a person known only by SSIN is `Party::Person`.
fn resource_party<'a>(found: &'a Value, resource: &'a Value, ctx: &Context<'a>, depth: u8) -> Option<Party> {
    if let Some(name) = resource_name(found) {
        return Some(Party::Named(name));
    }
    if let Some(nihdi) = nihdi_of(found) {
        return Some(Party::Nihdi(nihdi));
    }
    // A contained resource's `#id` references are relative to its container; a Bundle
    // entry's to itself.
    let is_contained = resource
        .get("contained")
        .and_then(Value::as_array)
        .is_some_and(|list| list.iter().any(|c| std::ptr::eq(c, found)));
    let holder = if is_contained { resource } else { found };
    for key in ["practitioner", "organization"] {
        if let Some(inner) = found.get(key).filter(|v| v.is_object())
            && let Some(p) = party_at_depth(inner, holder, ctx, depth)
        {
            return Some(p);
        }
    }
    found.get("identifier").and_then(Value::as_array).and_then(|ids| ids.iter().find_map(identifier_party))
}

/// The name of a person or organisation resource: Organization.name, else the best
/// HumanName (official or usual first).
pub(crate) fn resource_name(resource: &Value) -> Option<String> {
    if let Some(name) = resource.get("name").and_then(Value::as_str) {
        return Some(name.trim().to_owned()).filter(|n| !n.is_empty());
    }
    let names = resource.get("name").and_then(Value::as_array)?;
    let preferred = |uses: &[&str]| {
        names.iter().filter(|n| uses.contains(&n.get("use").and_then(Value::as_str).unwrap_or(""))).find_map(human_name)
    };
    preferred(&["official"]).or_else(|| preferred(&["usual", ""])).or_else(|| names.iter().find_map(human_name))
}

/// A HumanName as one line: its text, else prefix, given names, family name and suffix.
pub(crate) fn human_name(name: &Value) -> Option<String> {
    if let Some(text) = str_at(name, "text") {
        return Some(text);
    }
    let list = |key: &str| -> Vec<String> {
        name.get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut parts = list("prefix");
    parts.extend(list("given"));
    parts.extend(str_at(name, "family"));
    parts.extend(list("suffix"));
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A party's label for a text field (an institution): its name, number or reference; a
/// person known only by SSIN has none.
pub(crate) fn party_label(party: Party) -> Option<String> {
    match party {
        Party::Named(s) | Party::Nihdi(s) | Party::Other(s) => Some(s),
        Party::Person | Party::Unresolved(_) => None,
    }
}

/// The party of a Reference field (strict about the field being an object).
pub(crate) fn party_field<'a>(resource: &'a Value, key: &str, ctx: &Context<'a>) -> Result<Option<Party>, Reason> {
    Ok(object(resource, key)?.and_then(|r| party(r, resource, ctx)))
}

// ---------------------------------------------------------------------------------------
// Extensions
// ---------------------------------------------------------------------------------------

/// The resource's top-level extensions (and modifier extensions) as (url, extension).
pub(crate) fn extensions(resource: &Value) -> impl Iterator<Item = (&str, &Value)> {
    ["extension", "modifierExtension"]
        .into_iter()
        .flat_map(|key| resource.get(key).and_then(Value::as_array).into_iter().flatten())
        .filter_map(|e| Some((e.get("url").and_then(Value::as_str)?, e)))
}

/// The first top-level extension with this URL.
pub(crate) fn extension<'a>(resource: &'a Value, url: &str) -> Option<&'a Value> {
    extensions(resource).find(|(u, _)| *u == url).map(|(_, e)| e)
}

/// The URLs of the extensions and modifier extensions the reader does not interpret
/// (`known` lists those it reads or deliberately does not show): kept so nothing is
/// dropped silently. An extension list that is not a list is an error.
pub(crate) fn unknown_extensions(resource: &Value, known: &[&str]) -> Result<Vec<String>, Reason> {
    array(resource, "extension")?;
    array(resource, "modifierExtension")?;
    let mut out: Vec<String> = Vec::new();
    for (url, _) in extensions(resource) {
        if !known.contains(&url) && !out.iter().any(|u| u == url) {
            out.push(url.to_owned());
        }
    }
    Ok(out)
}

/// An entry that is itself a resource, without the `resource` wrapper: some converters
/// write Bundles so (the Recip-e prescriptions rendered as FHIR by the KMEHR test tool).
/// Read as the resource it is, rather than lost.
pub(crate) fn is_bare_resource(entry: &Value) -> bool {
    entry.get("resourceType").is_some() && entry.get("resource").is_none_or(Value::is_null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strict_fields_refuse_the_wrong_json_type_and_accept_absence() {
        let v = json!({"status": 5, "dosage": "x", "note": null, "when": "2024-13-01", "ok": "2024-01-02"});
        assert!(string(&v, "status").is_err());
        assert!(array(&v, "dosage").is_err());
        assert_eq!(string(&v, "note"), Ok(None));
        assert_eq!(array(&v, "missing").map(<[Value]>::len), Ok(0));
        assert!(date(&v, "when").is_err());
        assert_eq!(date(&v, "ok"), Ok(PartialDate::parse("2024-01-02")));
    }

    #[test]
    fn identifiers_give_nihdi_numbers_and_never_the_ssin() {
        let nihdi = json!({"system": "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi-practitioner", "value": "6547432"});
        assert_eq!(identifier_party(&nihdi), Some(Party::Nihdi("6547432".into())));
        let legacy =
            json!({"system": "https://www.ehealth.fgov.be/standards/fhir/NamingSystem/ssin", "value": "64110219106"});
        assert_eq!(identifier_party(&legacy), Some(Party::Person));
        let other = json!({"system": "http://physician-identifiers.com", "value": "7c12"});
        assert_eq!(identifier_party(&other), Some(Party::Other("7c12".into())));
    }

    #[test]
    fn references_resolve_in_contained_resources_and_bundles() {
        let resource = json!({
            "resourceType": "MedicationRequest",
            "contained": [{"resourceType": "PractitionerRole", "id": "r",
                "practitioner": {"identifier": {"system": NIHDI_SYSTEMS[0], "value": "12345678004"}}}],
            "requester": {"reference": "#r"}
        });
        let none = Context::none();
        assert_eq!(party_field(&resource, "requester", &none), Ok(Some(Party::Nihdi("12345678004".into()))));

        let bundle = json!({"resourceType": "Bundle", "entry": [
            {"fullUrl": "urn:x:Practitioner/1", "resource": {"resourceType": "Practitioner",
                "name": [{"family": "Duck", "given": ["Donald"]}]}},
            {"fullUrl": "urn:x:PractitionerRole/1", "resource": {"resourceType": "PractitionerRole",
                "practitioner": {"reference": "urn:x:Practitioner/1"}}},
            {"resource": {"resourceType": "MedicationStatement", "informationSource": {"reference": "urn:x:PractitionerRole/1"}}}
        ]});
        let ctx = Context::of_bundle(&bundle);
        let statement = &bundle["entry"][2]["resource"];
        assert_eq!(party_field(statement, "informationSource", &ctx), Ok(Some(Party::Named("Donald Duck".into()))));
        // Unresolved: the reference kept (the page says "a care provider").
        assert_eq!(
            party(&json!({"reference": "Practitioner/x"}), statement, &ctx),
            Some(Party::Unresolved("Practitioner/x".into()))
        );
    }

    #[test]
    fn a_reference_cycle_does_not_loop() {
        let bundle = json!({"resourceType": "Bundle", "entry": [
            {"fullUrl": "a", "resource": {"resourceType": "PractitionerRole", "practitioner": {"reference": "b"}}},
            {"fullUrl": "b", "resource": {"resourceType": "PractitionerRole", "practitioner": {"reference": "a"}}}
        ]});
        let ctx = Context::of_bundle(&bundle);
        let r = &bundle["entry"][0]["resource"];
        assert!(party(&json!({"reference": "a"}), r, &ctx).is_some());
    }

    #[test]
    fn a_display_only_in_a_translation_is_used() {
        let concept = json!({"coding": [{"code": "2055218", "_display": {"extension": [{
            "url": EXT_TRANSLATION, "extension": [{"url": "lang", "valueCode": "nl-BE"},
            {"url": "content", "valueString": "Crestor"}]}]}}]});
        assert_eq!(codings(&concept).first().and_then(|c| c.display.as_deref()), Some("Crestor"));
    }

    #[test]
    fn unknown_extensions_include_modifier_extensions_once() {
        let v = json!({"extension": [{"url": "a"}, {"url": "k"}, {"url": "a"}], "modifierExtension": [{"url": "m"}]});
        assert_eq!(unknown_extensions(&v, &["k"]), Ok(vec!["a".to_owned(), "m".to_owned()]));
        assert!(unknown_extensions(&json!({"extension": "x"}), &[]).is_err());
    }
}
