//! Reads person and organisation resources — `Patient`, `Practitioner`, `PractitionerRole`,
//! `Organization`, `RelatedPerson` — into party records (HL7 Belgium core profiles).
//!
//! The national register number (SSIN) among a person's identifiers is never read into the
//! record: only the NIHDI number is. A Patient that only points to a contained Patient (the
//! pseudonymised shape of HL7 Belgium infsec) is read from the one it points to.

use carnet_core::coding::Coding;
use carnet_core::date::PartialDate;
use carnet_core::item::Item;
use carnet_core::party::{Party, PartyRecord};
use serde_json::Value;

use super::common::{
    Context, Reason, array, codings_or_text, concepts_at, date, expect_type, identifier_party, nihdi_of, object,
    objects, party, party_label, resource_name, str_at,
};

const KINDS: [&str; 5] = ["Patient", "Practitioner", "PractitionerRole", "Organization", "RelatedPerson"];

/// Reads one resource that should be a Patient, Practitioner, PractitionerRole,
/// Organization or RelatedPerson.
pub fn read_party(resource: &Value) -> Item<PartyRecord> {
    read_party_in(resource, &Context::none())
}

/// Reads a party resource that came in a Bundle: references to other entries resolve.
pub(crate) fn read_party_in<'a>(resource: &'a Value, ctx: &Context<'a>) -> Item<PartyRecord> {
    match read(resource, ctx) {
        Ok(record) => Item::Read(record),
        // Only the resource id: a person's identifiers may be their SSIN.
        Err(reason) => Item::Unreadable { id: str_at(resource, "id"), reason },
    }
}

fn read<'a>(resource: &'a Value, ctx: &Context<'a>) -> Result<PartyRecord, Reason> {
    expect_type(resource, &KINDS)?;
    let kind = str_at(resource, "resourceType").unwrap_or_default();
    // Type checks on the fields read below, so a damaged record is not shown half-read.
    array(resource, "identifier")?;
    let subject = linked(resource, ctx).unwrap_or(resource);
    let mut record = PartyRecord {
        kind: kind.clone(),
        name: name(subject)?,
        nihdi: nihdi_of(subject),
        role: role(resource, &kind)?,
        birth_date: date(subject, "birthDate")?,
        organisation: organisation(resource, ctx)?,
    };
    if kind == "PractitionerRole" {
        fill_from_practitioner(resource, ctx, &mut record)?;
    }
    Ok(record)
}

/// The name: Organization.name, or the best HumanName. A name whose parts are absent
/// (`data-absent-reason`: masked) is no name.
fn name(resource: &Value) -> Result<Option<String>, Reason> {
    match resource.get("name") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(_) | Value::Array(_)) => Ok(resource_name(resource)),
        Some(_) => Err("name is neither a string nor a list".into()),
    }
}

/// The role, coded: a practitioner's qualifications, a role's code and specialty, an
/// organisation's type, a related person's relationship.
fn role(resource: &Value, kind: &str) -> Result<Vec<Coding>, Reason> {
    let mut found: Vec<Coding> = Vec::new();
    match kind {
        "Practitioner" => {
            for qualification in objects(resource, "qualification")? {
                found.extend(qualification.get("code").map(codings_or_text).unwrap_or_default());
            }
        }
        "PractitionerRole" => {
            found = concepts_at(resource, "code")?;
            found.extend(concepts_at(resource, "specialty")?);
        }
        "Organization" => found = concepts_at(resource, "type")?,
        "RelatedPerson" => found = concepts_at(resource, "relationship")?,
        _ => {}
    }
    let mut out: Vec<Coding> = Vec::new();
    for c in found {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    Ok(out)
}

/// The organisation a professional works for (PractitionerRole), or that manages a
/// patient's record, or that an organisation is part of: by name.
fn organisation<'a>(resource: &'a Value, ctx: &Context<'a>) -> Result<Option<String>, Reason> {
    for key in ["organization", "managingOrganization", "partOf"] {
        if let Some(found) = object(resource, key)?.and_then(|r| party(r, resource, ctx)).and_then(party_label) {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// A PractitionerRole names its practitioner by reference: name and NIHDI number come from
/// the Practitioner when the answer holds it, else from the reference itself.
fn fill_from_practitioner<'a>(resource: &'a Value, ctx: &Context<'a>, record: &mut PartyRecord) -> Result<(), Reason> {
    let Some(reference) = object(resource, "practitioner")? else { return Ok(()) };
    let practitioner = str_at(reference, "reference").and_then(|r| ctx.resolve(&r, resource));
    if let Some(p) = practitioner {
        record.name = record.name.take().or_else(|| resource_name(p));
        record.nihdi = record.nihdi.take().or_else(|| nihdi_of(p));
        record.birth_date = record
            .birth_date
            .take()
            .or_else(|| p.get("birthDate").and_then(Value::as_str).and_then(PartialDate::parse));
    }
    record.name = record.name.take().or_else(|| str_at(reference, "display"));
    if record.nihdi.is_none()
        && let Some(Party::Nihdi(number)) = reference.get("identifier").and_then(identifier_party)
    {
        record.nihdi = Some(number);
    }
    Ok(())
}

/// The Patient a nameless Patient links to (`link.other`), when the answer holds it: the
/// HL7 Belgium infsec shape keeps the real record as a contained resource.
fn linked<'a>(resource: &'a Value, ctx: &Context<'a>) -> Option<&'a Value> {
    if resource.get("name").is_some() {
        return None;
    }
    resource
        .get("link")
        .and_then(Value::as_array)?
        .iter()
        .filter_map(|l| l.get("other").and_then(|o| str_at(o, "reference")))
        .find_map(|r| ctx.resolve(&r, resource))
        .filter(|found| found.get("resourceType") == resource.get("resourceType"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read_fixture(dir: &str, name: &str) -> PartyRecord {
        let json = crate::fixtures::json(&format!("fhir/{dir}/{name}"));
        match read_party(&json) {
            Item::Read(p) => p,
            Item::Unreadable { reason, .. } => panic!("{name} was not read: {reason}"),
        }
    }

    fn codes(list: &[Coding]) -> Vec<&str> {
        list.iter().filter_map(|c| c.code.as_deref()).collect()
    }

    #[test]
    fn a_practitioner_gives_name_nihdi_and_birth_date_never_the_ssin() {
        let p = read_fixture("practitioner", "hl7be-core-Practitioner-practitioner1.json");
        assert_eq!(p.kind, "Practitioner");
        assert_eq!(p.name.as_deref(), Some("Katherine Pulaski MD"));
        assert_eq!(p.nihdi.as_deref(), Some("18749704477"));
        assert_eq!(p.birth_date, PartialDate::parse("1979-12-11"));
        assert!(!format!("{p:?}").contains("79121137740"));
        let short = read_fixture("practitioner", "hl7be-core-Practitioner-practitioner2.json");
        assert_eq!(short.nihdi.as_deref(), Some("18749704"));
    }

    #[test]
    fn a_practitioner_role_gives_its_practitioner_and_role() {
        let r = read_fixture("practitioner", "hl7be-core-PractitionerRole-practitionerrole1.json");
        assert_eq!(r.kind, "PractitionerRole");
        assert_eq!(r.name.as_deref(), Some("Dr Katherine Pulaski"));
        assert_eq!(codes(&r.role), vec!["persphysician", "419772000"]);
        assert_eq!(r.nihdi, None);
    }

    #[test]
    fn organisations_give_name_nihdi_and_type() {
        let o = read_fixture("organization", "hl7be-core-Organization-organization1.json");
        assert_eq!(o.name.as_deref(), Some("Enterprise Hospital Ziekenhuis"));
        assert_eq!(o.nihdi.as_deref(), Some("99999999999"));
        assert_eq!(codes(&o.role), vec!["orghospital"]);
        let pharmacy = read_fixture("organization", "hl7be-medication-Organization-apotheek-onder-de-toren.json");
        assert_eq!(pharmacy.name, None);
        assert_eq!(pharmacy.nihdi.as_deref(), Some("27457532"));
        assert_eq!(codes(&pharmacy.role), vec!["orgpharmacy"]);
    }

    #[test]
    fn patients_give_name_and_birth_date() {
        let p = read_fixture("patient", "hl7be-core-Patient-patient1.json");
        assert_eq!(p.name.as_deref(), Some("Josephine Nessa La Paradisio"));
        assert_eq!(p.birth_date, PartialDate::parse("1979-12-11"));
        assert_eq!(p.nihdi, None);
        assert!(!format!("{p:?}").contains("79121137740"));
        let jane = read_fixture("patient", "hl7be-patientcare-Patient-patient1.json");
        assert_eq!(jane.name.as_deref(), Some("Jane Doe"));
        assert_eq!(jane.birth_date, PartialDate::parse("1956-05-27"));
    }

    #[test]
    fn a_patient_pointing_to_a_contained_patient_is_read_from_it() {
        let p = read_fixture("patient", "hl7be-infsec-Patient-contained1.json");
        assert_eq!(p.name.as_deref(), Some("Josephine Nessa La Paradisio"));
        assert_eq!(p.birth_date, PartialDate::parse("1979-12-11"));
        assert!(!format!("{p:?}").contains("pseudo"));
    }

    #[test]
    fn a_masked_name_is_no_name() {
        let p = read_fixture("patient", "hl7be-pss-Patient-30551ce1-5a28-4356-b684-2e639094ad48.json");
        assert_eq!(p.name, None);
        assert_eq!(p.birth_date, None);
    }

    #[test]
    fn a_related_person_gives_the_relationship() {
        let r = read_fixture("other", "hl7be-core-RelatedPerson-relatedperson.json");
        assert_eq!(r.kind, "RelatedPerson");
        assert_eq!(codes(&r.role), vec!["444191003"]);
    }

    #[test]
    fn a_qualification_is_a_role() {
        let json = json!({"resourceType": "Practitioner", "name": [{"text": "Dr. A"}],
            "qualification": [{"code": {"coding": [{"system": "https://www.ehealth.fgov.be/standards/fhir/core/CodeSystem/cd-hcparty", "code": "persnurse"}]}}]});
        let Item::Read(p) = read_party(&json) else { panic!("should read") };
        assert_eq!(codes(&p.role), vec!["persnurse"]);
    }

    #[test]
    fn broken_parties_become_unreadable() {
        let cases = [
            json!({"resourceType": "Patient", "name": "x", "birthDate": "soon"}),
            json!({"resourceType": "Patient", "name": 5}),
            json!({"resourceType": "Organization", "type": "x"}),
            json!({"resourceType": "Practitioner", "identifier": {}}),
            json!({"resourceType": "Immunization"}),
        ];
        for case in cases {
            assert!(read_party(&case).is_unreadable(), "{case}");
        }
    }
}
