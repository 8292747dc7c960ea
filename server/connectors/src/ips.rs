//! The International Patient Summary as a FHIR R4 document Bundle (HL7 IPS 2.0.0): the
//! record a citizen takes along, written from what the policy let the export read.
//!
//! `Bundle.type = document`; the `Composition` first (LOINC 60591-5, its sections in
//! [`IPS_SECTIONS`]' order, each with its narrative), the `Patient` with the SSIN, the
//! device that assembled it (Carnet, the author), then the entries, each saying which
//! source it came from (`meta.source`, `urn:carnet:source:<id>`), and the practitioners
//! they name, by name. A required section with nothing in it carries the IPS "no
//! information" statement; a source that failed, an answer shown from before, an item
//! that could not be read are said in the section's narrative, never left out silently.
//! The narrative is escaped: source data is hostile.

use std::collections::BTreeMap;

use carnet_core::allergy::{Allergy, AllergyKind, Criticality};
use carnet_core::coding::{Coding, Quantity};
use carnet_core::date::PartialDate;
use carnet_core::export::{ABSENT_UNKNOWN, IPS_DOCUMENT, IPS_SECTIONS, IpsSection};
use carnet_core::item::Item;
use carnet_core::kind::Scope;
use carnet_core::markup::escape;
use carnet_core::medication::{LineStatus, MedicationLine};
use carnet_core::party::Party;
use carnet_core::source_answer::{Answers, SourceAnswer};
use carnet_core::sumehr::{HealthIssue, SumEhr};
use carnet_core::vaccination::{Occurrence, Vaccination, VaccinationStatus};
use serde_json::{Map, Value, json};

use crate::fhir::SSIN_SYSTEM;

/// The NIHDI (RIZIV/INAMI) numbers' system.
const NIHDI_SYSTEM: &str = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi";
const LOINC: &str = "http://loinc.org";
const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// Whose summary.
#[derive(Debug, Clone)]
pub struct Person<'a> {
    pub ssin: &'a str,
    pub name: &'a str,
    pub birth_date: Option<PartialDate>,
}

/// What the export read, part by part. `None`: the part is not in this export (not chosen,
/// or not the reader's to see): a required section says so.
#[derive(Debug, Clone, Copy, Default)]
pub struct Parts<'a> {
    pub medication: Option<&'a Answers<MedicationLine>>,
    pub allergies: Option<&'a Answers<Allergy>>,
    /// The problems come from the GPs' summaries (SumEHR).
    pub sumehr: Option<&'a Answers<SumEhr>>,
    pub vaccinations: Option<&'a Answers<Vaccination>>,
}

/// One export.
#[derive(Debug, Clone)]
pub struct Summary<'a> {
    pub person: Person<'a>,
    pub parts: Parts<'a>,
    /// When it was made (RFC 3339).
    pub at: &'a str,
    /// Random bytes of this export: its identifier, and its entries' uuids, come from them.
    pub seed: [u8; 16],
}

/// The summary as a FHIR document Bundle.
pub fn bundle(summary: &Summary<'_>) -> Value {
    let mut doc = Document { seed: summary.seed, next: 0, entries: Vec::new(), practitioners: BTreeMap::new() };
    let composition_url = doc.uuid();
    let patient_url = doc.uuid();
    let device_url = doc.uuid();
    let mut patient = json!({
        "resourceType": "Patient",
        "identifier": [{"system": SSIN_SYSTEM, "value": summary.person.ssin}],
        "name": [{"text": summary.person.name}],
    });
    match summary.person.birth_date {
        Some(birth) => put(&mut patient, "birthDate", json!(birth.to_string())),
        // The IPS requires it: unknown, said so.
        None => put(
            &mut patient,
            "_birthDate",
            json!({"extension": [{
                "url": "http://hl7.org/fhir/StructureDefinition/data-absent-reason", "valueCode": "unknown",
            }]}),
        ),
    }
    doc.add_at(&patient_url, patient);
    doc.add_at(
        &device_url,
        json!({"resourceType": "Device", "deviceName": [{"name": "Carnet", "type": "user-friendly-name"}]}),
    );
    let sections: Vec<Value> =
        IPS_SECTIONS.iter().filter_map(|section| doc.section(section, &summary.parts, &patient_url)).collect();
    let composition = json!({
        "resourceType": "Composition",
        "status": "final",
        "type": {"coding": [{"system": LOINC, "code": IPS_DOCUMENT, "display": "Patient summary Document"}]},
        "subject": {"reference": patient_url, "display": summary.person.name},
        "date": summary.at,
        "author": [{"reference": device_url, "display": "Carnet"}],
        "title": format!("Patient summary of {}", summary.person.name),
        "confidentiality": "N",
        "section": sections,
    });
    let mut entries = vec![json!({"fullUrl": composition_url, "resource": composition})];
    entries.append(&mut doc.entries);
    json!({
        "resourceType": "Bundle",
        "identifier": {"system": "urn:ietf:rfc:3986", "value": uuid(summary.seed, u64::MAX)},
        "type": "document",
        "timestamp": summary.at,
        "entry": entries,
    })
}

/// The Bundle's entries as they are written.
struct Document {
    seed: [u8; 16],
    next: u64,
    entries: Vec<Value>,
    /// Practitioners named by the entries, once each: their key, their entry's URL.
    practitioners: BTreeMap<String, String>,
}

/// A `urn:uuid:` of the export's seed and a number (a version 4 uuid's form).
fn uuid(seed: [u8; 16], n: u64) -> String {
    let mut bytes = seed;
    for (byte, n) in bytes.iter_mut().skip(8).zip(n.to_be_bytes()) {
        *byte ^= n;
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let part = |range: std::ops::Range<usize>| hex.get(range).unwrap_or_default().to_owned();
    format!("urn:uuid:{}-{}-{}-{}-{}", part(0..8), part(8..12), part(12..16), part(16..20), part(20..32))
}

/// What a section found at one source, for its narrative.
#[derive(Default)]
struct Found {
    /// One line per item written.
    lines: Vec<String>,
    /// What the reader must know about the sources (failures, old answers, unreadable items).
    notes: Vec<String>,
    entries: Vec<String>,
}

impl Document {
    fn uuid(&mut self) -> String {
        self.next += 1;
        uuid(self.seed, self.next)
    }

    fn add_at(&mut self, url: &str, resource: Value) {
        self.entries.push(json!({"fullUrl": url, "resource": resource}));
    }

    fn add(&mut self, resource: Value) -> String {
        let url = self.uuid();
        self.add_at(&url, resource);
        url
    }

    /// A reference to the practitioner `party` names (written into the Bundle once), with
    /// their name; `None` for someone only known by a national number, which is not shown.
    fn practitioner(&mut self, party: &Party) -> Option<Value> {
        let (key, display, resource) = match party {
            Party::Named(name) => (
                format!("name:{name}"),
                name.clone(),
                json!({"resourceType": "Practitioner", "name": [{"text": name}]}),
            ),
            Party::Nihdi(number) => (
                format!("nihdi:{number}"),
                format!("NIHDI {number}"),
                json!({"resourceType": "Practitioner", "identifier": [{"system": NIHDI_SYSTEM, "value": number}]}),
            ),
            Party::Other(text) => (
                format!("other:{text}"),
                text.clone(),
                json!({"resourceType": "Practitioner", "identifier": [{"value": text}]}),
            ),
            // Someone known only by a national number, or by a reference nothing resolved.
            Party::Person | Party::Unresolved(_) => return None,
        };
        let url = match self.practitioners.get(&key) {
            Some(url) => url.clone(),
            None => {
                let url = self.add(resource);
                self.practitioners.insert(key, url.clone());
                url
            }
        };
        Some(json!({"reference": url, "display": display}))
    }

    /// One section, or `None` for an optional one that is not part of the export.
    fn section(&mut self, section: &IpsSection, parts: &Parts<'_>, patient: &str) -> Option<Value> {
        let scope = section.from.first().copied()?;
        let found = match scope {
            Scope::Medication => {
                parts.medication.map(|a| self.write(a, |d, line, src| Ok(d.medication(line, patient, src))))
            }
            Scope::Allergies => {
                parts.allergies.map(|a| self.write(a, |d, allergy, src| Ok(d.allergy(allergy, patient, src))))
            }
            Scope::SumEhr => parts.sumehr.map(|answers| self.problems(answers, patient)),
            Scope::Vaccinations => parts
                .vaccinations
                .map(|a| self.write(a, |d, vaccination, src| d.immunization(vaccination, patient, src))),
            _ => None,
        };
        let in_export = found.is_some();
        if !in_export && !section.required {
            return None;
        }
        let mut found = found.unwrap_or(Found::default());
        if !in_export {
            found.notes.push("Not part of this export.".to_owned());
        }
        let mut value = json!({
            "title": section.title,
            "code": {"coding": [{"system": LOINC, "code": section.loinc, "display": section.display}]},
        });
        if found.entries.is_empty() {
            match section.absent {
                Some(code) => {
                    let statement = self.absent(scope, code, patient);
                    found.entries.push(statement);
                    found.lines.push(format!("No information about {}.", section.title.to_lowercase()));
                }
                None => {
                    put(
                        &mut value,
                        "emptyReason",
                        json!({"coding": [{
                            "system": "http://terminology.hl7.org/CodeSystem/list-empty-reason",
                            "code": "unavailable",
                        }]}),
                    );
                    found.lines.push("Nothing recorded.".to_owned());
                }
            }
        }
        put(&mut value, "text", narrative(&found.lines, &found.notes));
        if !found.entries.is_empty() {
            put(&mut value, "entry", found.entries.iter().map(|url| json!({"reference": url})).collect());
        }
        Some(value)
    }

    /// Writes every item read of one kind, source by source.
    fn write<T>(
        &mut self,
        answers: &Answers<T>,
        mut entry: impl FnMut(&mut Document, &T, &str) -> Result<(Value, String), &'static str>,
    ) -> Found {
        let mut found = Found::default();
        for answer in answers {
            note_source(answer, &mut found.notes);
            let Ok(items) = &answer.result else { continue };
            for item in items {
                match item {
                    Item::Read(read) => match entry(self, read, &answer.source_id) {
                        Ok((resource, line)) => {
                            found.entries.push(self.add(resource));
                            found.lines.push(format!("{line} ({})", answer.source_name));
                        }
                        Err(why) => found.notes.push(format!("{}: {why}", answer.source_name)),
                    },
                    Item::Unreadable { .. } => {}
                }
            }
        }
        found
    }

    /// The problems of every GP summary read (SumEHR), as `Condition`s.
    fn problems(&mut self, answers: &Answers<SumEhr>, patient: &str) -> Found {
        let mut found = Found::default();
        for answer in answers {
            note_source(answer, &mut found.notes);
            let Ok(summaries) = &answer.result else { continue };
            for summary in summaries.iter().filter_map(|item| match item {
                Item::Read(summary) => Some(summary),
                Item::Unreadable { .. } => None,
            }) {
                let unreadable = summary.problems.iter().filter(|p| matches!(p, Item::Unreadable { .. })).count();
                if unreadable > 0 {
                    found.notes.push(format!("{}: {unreadable} problem(s) could not be read.", answer.source_name));
                }
                for problem in summary.problems.iter().filter_map(|item| match item {
                    Item::Read(problem) => Some(problem),
                    Item::Unreadable { .. } => None,
                }) {
                    let (resource, line) = condition(problem, patient, &answer.source_id);
                    found.entries.push(self.add(resource));
                    found.lines.push(format!("{line} ({})", answer.source_name));
                }
            }
        }
        found
    }

    /// The IPS statement "no information about …", as the section's kind of resource.
    fn absent(&mut self, scope: Scope, code: &str, patient: &str) -> String {
        let concept = json!({"coding": [{"system": ABSENT_UNKNOWN, "code": code}]});
        let resource = match scope {
            Scope::Medication => json!({
                "resourceType": "MedicationStatement", "status": "unknown",
                "medicationCodeableConcept": concept, "subject": {"reference": patient},
            }),
            Scope::Allergies => json!({
                "resourceType": "AllergyIntolerance", "code": concept, "patient": {"reference": patient},
                "clinicalStatus": {"coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "code": "active",
                }]},
            }),
            _ => json!({
                "resourceType": "Condition", "code": concept, "subject": {"reference": patient},
            }),
        };
        self.add(resource)
    }

    fn medication(&mut self, line: &MedicationLine, patient: &str, source_id: &str) -> (Value, String) {
        let status = match line.status {
            LineStatus::Active => "active",
            LineStatus::Suspended => "on-hold",
            LineStatus::Stopped => "stopped",
            LineStatus::Completed => "completed",
            LineStatus::EnteredInError => "entered-in-error",
            LineStatus::Unknown | LineStatus::Other(_) => "unknown",
        };
        let mut resource = json!({
            "resourceType": "MedicationStatement",
            "meta": meta(source_id),
            "status": status,
            "medicationCodeableConcept": concept(&line.medicine, line.medicine_text.as_deref()),
            "subject": {"reference": patient},
        });
        put_period(&mut resource, "effectivePeriod", line.start, line.end);
        let dosage: Vec<Value> = line
            .dosage
            .iter()
            .filter_map(|d| d.text.as_deref())
            .chain(line.instructions.as_deref())
            .map(|text| json!({"text": text}))
            .collect();
        if !dosage.is_empty() {
            put(&mut resource, "dosage", json!(dosage));
        }
        if let Some(author) = line.author.as_ref().and_then(|a| self.practitioner(a)) {
            put(&mut resource, "informationSource", author);
        }
        (resource, name_of(&line.medicine, line.medicine_text.as_deref()))
    }

    fn allergy(&mut self, allergy: &Allergy, patient: &str, source_id: &str) -> (Value, String) {
        let mut resource = json!({
            "resourceType": "AllergyIntolerance",
            "meta": meta(source_id),
            "code": concept(&allergy.substance, allergy.substance_text.as_deref()),
            "patient": {"reference": patient},
        });
        let status = |system: &str, allowed: &[&str], value: &Option<String>| {
            let value = value.as_deref().map(str::to_ascii_lowercase)?;
            allowed.contains(&value.as_str()).then(|| json!({"coding": [{"system": system, "code": value}]}))
        };
        let verification = status(
            "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
            &["unconfirmed", "confirmed", "refuted", "entered-in-error"],
            &allergy.verification,
        );
        let in_error = allergy.verification.as_deref().is_some_and(|v| v.eq_ignore_ascii_case("entered-in-error"));
        // FHIR wants a clinical status unless the record is in error (ait-1, ait-2): a
        // recorded allergy without one is taken as active, as the pages show it.
        if !in_error {
            const CLINICAL: &str = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
            let clinical = status(CLINICAL, &["active", "inactive", "resolved"], &allergy.clinical_status)
                .unwrap_or_else(|| json!({"coding": [{"system": CLINICAL, "code": "active"}]}));
            put(&mut resource, "clinicalStatus", clinical);
        }
        if let Some(verification) = verification {
            put(&mut resource, "verificationStatus", verification);
        }
        match allergy.kind {
            AllergyKind::Allergy => put(&mut resource, "type", json!("allergy")),
            AllergyKind::Intolerance => put(&mut resource, "type", json!("intolerance")),
            AllergyKind::Unknown => {}
        }
        let categories: Vec<&str> = allergy
            .categories
            .iter()
            .map(String::as_str)
            .filter(|c| ["food", "medication", "environment", "biologic"].contains(c))
            .collect();
        if !categories.is_empty() {
            put(&mut resource, "category", json!(categories));
        }
        match allergy.criticality {
            Criticality::Low => put(&mut resource, "criticality", json!("low")),
            Criticality::High => put(&mut resource, "criticality", json!("high")),
            Criticality::UnableToAssess => put(&mut resource, "criticality", json!("unable-to-assess")),
            Criticality::Unknown | Criticality::Other(_) => {}
        }
        if let Some(onset) = allergy.onset {
            put(&mut resource, "onsetDateTime", json!(onset.to_string()));
        }
        if let Some(recorded) = allergy.recorded {
            put(&mut resource, "recordedDate", json!(recorded.to_string()));
        }
        if let Some(recorder) = allergy.recorder.as_ref().and_then(|r| self.practitioner(r)) {
            put(&mut resource, "recorder", recorder);
        }
        let reactions: Vec<Value> = allergy
            .reactions
            .iter()
            .map(|reaction| {
                let mut manifestation: Vec<Value> =
                    reaction.manifestation.iter().map(|c| concept(std::slice::from_ref(c), None)).collect();
                if manifestation.is_empty() {
                    manifestation.push(json!({"text": reaction.text.as_deref().unwrap_or("reaction")}));
                }
                let mut value = json!({"manifestation": manifestation});
                if let Some(severity) =
                    reaction.severity.as_deref().filter(|s| ["mild", "moderate", "severe"].contains(s))
                {
                    put(&mut value, "severity", json!(severity));
                }
                if let Some(text) = &reaction.text {
                    put(&mut value, "description", json!(text));
                }
                value
            })
            .collect();
        if !reactions.is_empty() {
            put(&mut resource, "reaction", json!(reactions));
        }
        if let Some(note) = &allergy.note {
            put(&mut resource, "note", json!([{"text": note}]));
        }
        (resource, name_of(&allergy.substance, allergy.substance_text.as_deref()))
    }

    fn immunization(
        &mut self,
        vaccination: &Vaccination,
        patient: &str,
        source_id: &str,
    ) -> Result<(Value, String), &'static str> {
        let status = match vaccination.status {
            VaccinationStatus::Completed => "completed",
            VaccinationStatus::NotDone => "not-done",
            VaccinationStatus::EnteredInError => "entered-in-error",
            // FHIR knows no other: rather left out, and said, than given a status it had not.
            VaccinationStatus::Other(_) => {
                return Err("a vaccination whose status Carnet cannot read is not in this summary.");
            }
        };
        let mut resource = json!({
            "resourceType": "Immunization",
            "meta": meta(source_id),
            "status": status,
            "vaccineCode": concept(&vaccination.vaccine, vaccination.vaccine_text.as_deref()),
            "patient": {"reference": patient},
        });
        let when = match &vaccination.occurrence {
            Occurrence::Date(date) => {
                put(&mut resource, "occurrenceDateTime", json!(date.to_string()));
                date.to_string()
            }
            Occurrence::Text(text) => {
                put(&mut resource, "occurrenceString", json!(text));
                text.clone()
            }
            Occurrence::Unknown => {
                put(&mut resource, "occurrenceString", json!("unknown"));
                "date unknown".to_owned()
            }
        };
        if let Some(lot) = &vaccination.lot_number {
            put(&mut resource, "lotNumber", json!(lot));
        }
        if let Some(quantity) = &vaccination.dose_quantity {
            put(&mut resource, "doseQuantity", quantity_of(quantity));
        }
        if let Some(reason) = &vaccination.status_reason {
            put(&mut resource, "statusReason", concept(std::slice::from_ref(reason), None));
        }
        if let Some(dose) = &vaccination.dose_number {
            put(&mut resource, "protocolApplied", json!([{"doseNumberString": dose}]));
        }
        if let Some(actor) = vaccination.performer.as_ref().and_then(|p| self.practitioner(p)) {
            put(&mut resource, "performer", json!([{"actor": actor}]));
        }
        Ok((resource, format!("{}, {when}", name_of(&vaccination.vaccine, vaccination.vaccine_text.as_deref()))))
    }
}

/// A health problem as a `Condition`: its clinical status as the source gave it, else
/// resolved when it has an end, active when it has none (a SumEHR lists current problems);
/// one that ended is never active (FHIR's con-4).
fn condition(problem: &HealthIssue, patient: &str, source_id: &str) -> (Value, String) {
    let given = problem.status.as_deref().map(str::to_ascii_lowercase);
    let allowed: &[&str] = if problem.until.is_some() {
        &["inactive", "remission", "resolved"]
    } else {
        &["active", "recurrence", "relapse", "inactive", "remission", "resolved"]
    };
    let status = match given.as_deref() {
        Some(status) if allowed.contains(&status) => status.to_owned(),
        _ if problem.until.is_some() => "resolved".to_owned(),
        _ => "active".to_owned(),
    };
    let mut resource = json!({
        "resourceType": "Condition",
        "meta": meta(source_id),
        "clinicalStatus": {"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": status,
        }]},
        "code": concept(&problem.codes, problem.text.as_deref()),
        "subject": {"reference": patient},
    });
    if let Some(since) = problem.since {
        put(&mut resource, "onsetDateTime", json!(since.to_string()));
    }
    if let Some(until) = problem.until {
        put(&mut resource, "abatementDateTime", json!(until.to_string()));
    }
    (resource, name_of(&problem.codes, problem.text.as_deref()))
}

/// What a section's narrative says of a source's answer: that it failed, or is old.
fn note_source<T>(answer: &SourceAnswer<Vec<Item<T>>>, notes: &mut Vec<String>) {
    match &answer.result {
        Err(_) => notes.push(format!("{} did not answer: its items are missing.", answer.source_name)),
        Ok(items) => {
            if let Some(stale) = &answer.stale {
                notes.push(format!(
                    "{} did not answer: its items are as it sent them {} minutes earlier.",
                    answer.source_name, stale.age_minutes
                ));
            }
            let unreadable = items.iter().filter(|item| matches!(item, Item::Unreadable { .. })).count();
            if unreadable > 0 {
                notes.push(format!("{}: {unreadable} item(s) could not be read.", answer.source_name));
            }
        }
    }
}

/// Sets `key` of a JSON object (nothing for anything else).
fn put(object: &mut Value, key: &str, value: Value) {
    if let Some(map) = object.as_object_mut() {
        map.insert(key.to_owned(), value);
    }
}

fn meta(source_id: &str) -> Value {
    json!({"source": format!("urn:carnet:source:{source_id}")})
}

fn concept(codings: &[Coding], text: Option<&str>) -> Value {
    let mut value = Map::new();
    let codings: Vec<Value> = codings
        .iter()
        // A coding says something by its code or its display; a system alone says nothing.
        .filter(|c| [&c.code, &c.display].iter().any(|f| f.as_deref().is_some_and(|f| !f.is_empty())))
        .map(|c| {
            let mut coding = Map::new();
            for (key, field) in [("system", &c.system), ("code", &c.code), ("display", &c.display)] {
                if let Some(field) = field.as_deref().filter(|f| !f.is_empty()) {
                    coding.insert(key.to_owned(), json!(field));
                }
            }
            Value::Object(coding)
        })
        .collect();
    if !codings.is_empty() {
        value.insert("coding".to_owned(), json!(codings));
    }
    // Never an empty concept (FHIR's ele-1): with nothing to say, "not named".
    let text = text.filter(|t| !t.is_empty()).or(if value.is_empty() { Some("(not named)") } else { None });
    if let Some(text) = text {
        value.insert("text".to_owned(), json!(text));
    }
    Value::Object(value)
}

/// The name a person reads: the source's text, else a code's display, else a code.
fn name_of(codings: &[Coding], text: Option<&str>) -> String {
    text.map(str::to_owned)
        .or_else(|| codings.iter().find_map(|c| c.display.clone()))
        .or_else(|| codings.iter().find_map(|c| c.code.clone()))
        .unwrap_or_else(|| "(not named)".to_owned())
}

fn quantity_of(quantity: &Quantity) -> Value {
    let mut value = json!({"value": quantity.value});
    if let Some(unit) = &quantity.unit {
        put(&mut value, "unit", json!(unit));
    }
    value
}

fn put_period(resource: &mut Value, key: &str, start: Option<PartialDate>, end: Option<PartialDate>) {
    let mut period = Map::new();
    if let Some(start) = start {
        period.insert("start".to_owned(), json!(start.to_string()));
    }
    if let Some(end) = end {
        period.insert("end".to_owned(), json!(end.to_string()));
    }
    if !period.is_empty() {
        put(resource, key, Value::Object(period));
    }
}

/// A section's narrative: its lines and what the reader must know about the sources,
/// escaped.
fn narrative(lines: &[String], notes: &[String]) -> Value {
    // XML allows no control characters but tab and line ends: a source's are dropped.
    let text = |line: &String| {
        escape(&line.chars().filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).collect::<String>())
    };
    let list: String = lines.iter().map(|line| format!("<li>{}</li>", text(line))).collect();
    let notes: String = notes.iter().map(|note| format!("<p>{}</p>", text(note))).collect();
    json!({"status": "generated", "div": format!("<div xmlns=\"{XHTML}\"><ul>{list}</ul>{notes}</div>")})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fhir::common::Context;
    use carnet_core::source_answer::{SourceFailure, Stale};

    fn answer<T>(id: &str, name: &str, items: Vec<Item<T>>) -> SourceAnswer<Vec<Item<T>>> {
        SourceAnswer { source_id: id.into(), source_name: name.into(), result: Ok(items), stale: None }
    }

    fn coding(system: &str, code: &str, display: &str) -> Coding {
        Coding { system: Some(system.into()), code: Some(code.into()), display: Some(display.into()) }
    }

    fn vaccination(day: &str, code: &str, name: &str) -> Vaccination {
        Vaccination {
            id: Some("v1".into()),
            status: VaccinationStatus::Completed,
            vaccine: vec![coding(carnet_core::coding::SNOMED_CT, code, name)],
            vaccine_text: None,
            product: None,
            occurrence: PartialDate::parse(day).map(Occurrence::Date).unwrap_or(Occurrence::Unknown),
            dose_number: Some("2".into()),
            dose_quantity: None,
            performer: Some(Party::Named("Dr. An Peeters".into())),
            lot_number: Some("AB12".into()),
            status_reason: None,
            unknown_extensions: Vec::new(),
        }
    }

    const SSIN: &str = "85041212468";

    fn summary<'a>(parts: Parts<'a>) -> Summary<'a> {
        Summary {
            person: Person { ssin: SSIN, name: "Sofie Janssens", birth_date: PartialDate::parse("1985-04-12") },
            parts,
            at: "2026-12-07T10:00:00+01:00",
            seed: [7; 16],
        }
    }

    fn resources<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
        bundle["entry"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| &e["resource"])
            .filter(|r| r["resourceType"] == kind)
            .collect()
    }

    fn section<'a>(bundle: &'a Value, loinc: &str) -> Option<&'a Value> {
        bundle["entry"][0]["resource"]["section"].as_array()?.iter().find(|s| s["code"]["coding"][0]["code"] == loinc)
    }

    /// Every `reference` anywhere in `value`.
    fn references(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, field) in map {
                    match (key.as_str(), field) {
                        ("reference", Value::String(to)) => out.push(to.clone()),
                        _ => references(field, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|item| references(item, out)),
            _ => {}
        }
    }

    #[test]
    fn a_summary_is_a_document_bundle_whose_references_all_resolve_inside_it() {
        let vaccinations = vec![answer(
            "vitalink",
            "Vitalink",
            vec![
                Item::Read(vaccination("2019-05-20", "871878008", "Measles, mumps and rubella vaccine")),
                Item::Read(vaccination("2021-03-01", "1119349007", "COVID-19 mRNA vaccine")),
            ],
        )];
        let bundle = bundle(&summary(Parts { vaccinations: Some(&vaccinations), ..Parts::default() }));
        assert_eq!(bundle["type"], "document");
        let composition = &bundle["entry"][0]["resource"];
        assert_eq!(composition["resourceType"], "Composition", "the Composition comes first");
        assert_eq!(composition["type"]["coding"][0]["code"], "60591-5");
        let patient = resources(&bundle, "Patient");
        assert_eq!(patient.len(), 1);
        assert_eq!(patient[0]["identifier"][0], json!({"system": SSIN_SYSTEM, "value": SSIN}));
        assert_eq!(patient[0]["birthDate"], "1985-04-12");
        // The sections in the IPS's order: the three required, then immunizations.
        let codes: Vec<&str> = composition["section"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s["code"]["coding"][0]["code"].as_str())
            .collect();
        assert_eq!(codes, ["10160-0", "48765-2", "11450-4", "11369-6"]);
        let urls: Vec<&str> =
            bundle["entry"].as_array().into_iter().flatten().filter_map(|e| e["fullUrl"].as_str()).collect();
        let mut unique = urls.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), urls.len(), "each entry its own URL");
        assert!(urls.iter().all(|u| u.starts_with("urn:uuid:") && u.len() == 45), "{urls:?}");
        let mut to = Vec::new();
        references(&bundle, &mut to);
        assert!(!to.is_empty());
        for reference in &to {
            assert!(urls.contains(&reference.as_str()), "{reference} resolves inside the Bundle");
        }
        assert_eq!(composition["subject"]["reference"].as_str(), patient_url(&bundle));
        // Names, not references: the performer is in the Bundle, once for both vaccinations.
        let practitioners = resources(&bundle, "Practitioner");
        assert_eq!(practitioners.len(), 1);
        assert_eq!(practitioners[0]["name"][0]["text"], "Dr. An Peeters");
        let immunizations = resources(&bundle, "Immunization");
        assert_eq!(immunizations.len(), 2);
        assert!(immunizations.iter().all(|i| i["meta"]["source"] == "urn:carnet:source:vitalink"));
        assert_eq!(section(&bundle, "11369-6").map(|s| s["entry"].as_array().map_or(0, Vec::len)), Some(2));
    }

    fn patient_url(bundle: &Value) -> Option<&str> {
        bundle["entry"].as_array()?.iter().find(|e| e["resource"]["resourceType"] == "Patient")?["fullUrl"].as_str()
    }

    #[test]
    fn what_the_sections_hold_reads_back_as_the_same_items() {
        let vaccinations = vec![answer(
            "vitalink",
            "Vitalink",
            vec![Item::Read(vaccination("2019-05-20", "871878008", "MMR vaccine"))],
        )];
        let bundle = bundle(&summary(Parts { vaccinations: Some(&vaccinations), ..Parts::default() }));
        let ctx = Context::of_bundle(&bundle);
        let read: Vec<Item<Vaccination>> = resources(&bundle, "Immunization")
            .into_iter()
            .map(|r| crate::vaccination::fhir::read_immunization_in(r, &ctx))
            .collect();
        let [Item::Read(back)] = read.as_slice() else { panic!("one immunization, readable: {read:?}") };
        assert_eq!(
            back.vaccine,
            vaccinations[0]
                .result
                .as_ref()
                .map(|i| match &i[0] {
                    Item::Read(v) => v.vaccine.clone(),
                    Item::Unreadable { .. } => Vec::new(),
                })
                .unwrap_or_default()
        );
        assert_eq!(back.occurrence, Occurrence::Date(PartialDate { year: 2019, month: Some(5), day: Some(20) }));
        assert_eq!(back.lot_number.as_deref(), Some("AB12"));
        assert_eq!(back.dose_number.as_deref(), Some("2"));
    }

    #[test]
    fn an_empty_required_section_says_no_information_and_a_part_left_out_says_so() {
        let none: Answers<Allergy> = vec![answer("rsw", "Réseau Santé Wallon", Vec::new())];
        let bundle = bundle(&summary(Parts { allergies: Some(&none), ..Parts::default() }));
        for (loinc, code) in
            [("10160-0", "no-medication-info"), ("48765-2", "no-allergy-info"), ("11450-4", "no-problem-info")]
        {
            let Some(section) = section(&bundle, loinc) else { panic!("{loinc} is always there") };
            let Some(entry) = section["entry"][0]["reference"].as_str() else { panic!("{loinc}: a statement") };
            let statement = bundle["entry"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|e| e["fullUrl"] == entry)
                .map(|e| &e["resource"]);
            let coded = statement.map(|r| {
                let concept = if r["resourceType"] == "MedicationStatement" {
                    &r["medicationCodeableConcept"]
                } else {
                    &r["code"]
                };
                (concept["coding"][0]["system"].clone(), concept["coding"][0]["code"].clone())
            });
            assert_eq!(coded, Some((json!(ABSENT_UNKNOWN), json!(code))), "{loinc}");
        }
        let text = |loinc: &str| {
            section(&bundle, loinc).and_then(|s| s["text"]["div"].as_str()).unwrap_or_default().to_owned()
        };
        assert!(text("10160-0").contains("Not part of this export."), "{}", text("10160-0"));
        assert!(!text("48765-2").contains("Not part of this export."), "allergies were read: none");
        assert!(section(&bundle, "11369-6").is_none(), "an optional part left out is not there");
        let no_vaccinations: Answers<Vaccination> = vec![answer("vitalink", "Vitalink", Vec::new())];
        let bundle = super::bundle(&summary(Parts { vaccinations: Some(&no_vaccinations), ..Parts::default() }));
        let Some(empty) = section(&bundle, "11369-6") else { panic!("read, and empty") };
        assert_eq!(empty["emptyReason"]["coding"][0]["code"], "unavailable");
        assert!(empty.get("entry").is_none(), "no empty array (FHIR's JSON has none)");
    }

    #[test]
    fn a_source_that_failed_an_old_answer_and_unreadable_items_are_said_and_text_is_escaped() {
        let mut stale = answer(
            "cozo",
            "CoZo",
            vec![
                Item::Read(vaccination("2020-01-02", "1", "<script>alert(1)</script> & co")),
                Item::Unreadable { id: None, reason: "no date".into() },
            ],
        );
        stale.stale = Some(Stale { failure: SourceFailure::Timeout, age_minutes: 12 });
        let failed: SourceAnswer<Vec<Item<Vaccination>>> = SourceAnswer {
            source_id: "rsb".into(),
            source_name: "Brussels Health Network".into(),
            result: Err(SourceFailure::Unreachable),
            stale: None,
        };
        let answers = vec![stale, failed];
        let bundle = bundle(&summary(Parts { vaccinations: Some(&answers), ..Parts::default() }));
        let div = section(&bundle, "11369-6").and_then(|s| s["text"]["div"].as_str()).unwrap_or_default();
        assert!(div.contains("Brussels Health Network did not answer: its items are missing."), "{div}");
        assert!(div.contains("CoZo did not answer: its items are as it sent them 12 minutes earlier."), "{div}");
        assert!(div.contains("CoZo: 1 item(s) could not be read."), "{div}");
        assert!(div.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), "{div}");
        assert!(!div.contains("<script>"), "{div}");
        assert!(div.starts_with("<div xmlns=\"http://www.w3.org/1999/xhtml\">"));
        let bell = vec![answer("cozo", "CoZo\u{7}", vec![Item::Read(vaccination("2020-01-02", "", ""))])];
        let bundle = super::bundle(&summary(Parts { vaccinations: Some(&bell), ..Parts::default() }));
        let div = section(&bundle, "11369-6").and_then(|s| s["text"]["div"].as_str()).unwrap_or_default();
        assert!(!div.contains('\u{7}'), "no control character in the XHTML");
        let immunization = resources(&bundle, "Immunization");
        assert_eq!(immunization[0]["vaccineCode"], json!({"text": "(not named)"}));
    }

    fn problem_with_end() -> HealthIssue {
        HealthIssue {
            id: None,
            codes: Vec::new(),
            text: Some("Fractured wrist".into()),
            since: PartialDate::parse("2018-05"),
            until: PartialDate::parse("2018-06"),
            status: None,
        }
    }

    #[test]
    fn problems_come_from_the_gp_summaries_with_a_clinical_status() {
        let problem = |text: &str, until: Option<&str>| {
            Item::Read(HealthIssue {
                id: None,
                codes: Vec::new(),
                text: Some(text.into()),
                since: PartialDate::parse("2015"),
                until: until.and_then(PartialDate::parse),
                status: None,
            })
        };
        let sumehr = SumEhr {
            problems: vec![problem("Asthma", None), problem("Fractured wrist", Some("2018-06"))],
            ..SumEhr::default()
        };
        let answers = vec![answer("rsw", "Réseau Santé Wallon", vec![Item::Read(sumehr)])];
        let bundle = bundle(&summary(Parts { sumehr: Some(&answers), ..Parts::default() }));
        let conditions = resources(&bundle, "Condition");
        let statuses: Vec<(&str, &str)> = conditions
            .iter()
            .filter_map(|c| Some((c["code"]["text"].as_str()?, c["clinicalStatus"]["coding"][0]["code"].as_str()?)))
            .collect();
        assert_eq!(statuses, [("Asthma", "active"), ("Fractured wrist", "resolved")]);
        // Ended, whatever the source says: never active.
        let ended = HealthIssue { status: Some("active".into()), ..problem_with_end() };
        assert_eq!(condition(&ended, "urn:uuid:p", "rsw").0["clinicalStatus"]["coding"][0]["code"], "resolved");
        assert_eq!(conditions[1]["abatementDateTime"], "2018-06");
    }
}
