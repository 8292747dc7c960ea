//! Reads medication lines: `MedicationRequest` (a prescription), `MedicationDispense` (a
//! pharmacy delivery) and `MedicationStatement` (a line of the medication schema), in the
//! HL7 Belgium medication and medication-record shapes.
//!
//! - The medicine: `medicationCodeableConcept`, or `medicationReference` to a `Medication`
//!   (contained, `#id`, or another entry of the Bundle; a Medication without a code is
//!   named by its ingredients). Every coding is kept raw (CNK, ATC, SAM AMP/VMP group,
//!   SNOMED CT …); a line with neither a code nor a text is unreadable. A reference the
//!   answer does not resolve, or that points to a damaged entry, is kept as its display or
//!   raw: another entry never makes a line unreadable.
//! - The dosage: text, dose, frequency, moments (EventTiming, kept coded), clock times,
//!   weekdays, dates, duration of a step, route, "as needed", extra instructions; a timing
//!   abbreviation (`BID`, `QOD` …) without a repeat becomes a frequency.
//! - Dates: the statement's effective period; the prescription's validity period (else its
//!   date); the dispense's hand-over date.
//! - Suspensions: the Belgian `extension-MedicationSuspension` on `statusReason`.

use carnet_core::coding::{Coding, Quantity};
use carnet_core::date::PartialDate;
use carnet_core::item::Item;
use carnet_core::medication::{Dosage, Frequency, LineStatus, MedicationLine, MedicationRecordKind, Suspension};
use carnet_core::party::Party;
use serde_json::Value;

use crate::fhir::common::{
    Context, EVENT_TIMING, Reason, array, codings, concept_text, date, expect_type, extension, item_id, notes, object,
    objects, party, party_field, period, quantity, str_at, string, unknown_extensions, unreadable,
};

/// The Belgian recorder of a medication line (a Reference).
const EXT_RECORDER: &str = "https://www.ehealth.fgov.be/standards/fhir/medication/StructureDefinition/BeExtRecorder";
/// A period in which the line is suspended, on `statusReason`.
const EXT_SUSPENSION: &str =
    "https://www.ehealth.fgov.be/standards/fhir/medication/StructureDefinition/extension-MedicationSuspension";
/// The reason of a suspension, inside [`EXT_SUSPENSION`].
const EXT_SUSPENSION_REASON: &str = "http://ehealth.fgov.be/standards/fhir/MedicationSuspensionReason";

/// Extensions this reader reads, or deliberately does not show.
const KNOWN_EXTENSIONS: [&str; 7] = [
    EXT_RECORDER,
    // Bookkeeping of the medication record: version and registration state of the line, the
    // date it was recorded, adherence as recorded (only ever "unknown" in the examples).
    "http://hl7.org/fhir/StructureDefinition/artifact-version",
    "https://www.ehealth.fgov.be/standards/fhir/medication/StructureDefinition/BeExtMedicationLineRegistrationStatus",
    "https://www.ehealth.fgov.be/standards/fhir/medication/StructureDefinition/BeExtRecordedDate",
    "http://hl7.org/fhir/5.0/StructureDefinition/extension-MedicationStatement.adherence",
    // Links between records (the treatment a prescription belongs to): nothing to show.
    "http://hl7.org/fhir/StructureDefinition/event-basedOn",
    "http://hl7belgium.org/fhir/riziv-medicationrecord/StructureDefinition/related-tl",
];

/// Reads one resource that should be a MedicationRequest, MedicationDispense or
/// MedicationStatement.
pub fn read_medication(resource: &Value) -> Item<MedicationLine> {
    read_medication_in(resource, &Context::none())
}

/// Reads a medication resource that came in a Bundle: references to other entries resolve.
pub(crate) fn read_medication_in<'a>(resource: &'a Value, ctx: &Context<'a>) -> Item<MedicationLine> {
    match read(resource, ctx) {
        Ok(line) => Item::Read(line),
        Err(reason) => unreadable(resource, reason),
    }
}

fn read<'a>(resource: &'a Value, ctx: &Context<'a>) -> Result<MedicationLine, Reason> {
    expect_type(resource, &["MedicationRequest", "MedicationDispense", "MedicationStatement"])?;
    let kind = match resource.get("resourceType").and_then(Value::as_str) {
        Some("MedicationRequest") => MedicationRecordKind::Prescribed,
        Some("MedicationDispense") => MedicationRecordKind::Delivered,
        _ => MedicationRecordKind::Taken,
    };
    let (medicine, medicine_text) = medicine(resource, ctx)?;
    if medicine.is_empty() && medicine_text.is_none() {
        return Err("the medicine has neither a code nor a text".into());
    }
    let dosage_key = if kind == MedicationRecordKind::Taken { "dosage" } else { "dosageInstruction" };
    let dosage_elements = objects(resource, dosage_key)?;
    let dosage = dosage_elements
        .iter()
        .map(read_dosage)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{dosage_key}.{e}"))?;
    let (start, end) = dates(resource, kind)?;
    Ok(MedicationLine {
        id: item_id(resource),
        kind,
        status: status(string(resource, "status")?),
        medicine,
        medicine_text,
        dosage,
        start,
        end,
        author: author(resource, kind, ctx)?,
        reason: reason(resource)?,
        instructions: instructions(resource, dosage_elements),
        suspensions: suspensions(resource)?,
        unknown_extensions: unknown_extensions(resource, &KNOWN_EXTENSIONS)?,
        // Not carried by the FHIR medication profiles (the KMEHR schema has them).
        temporality: None,
        begin_condition: None,
        end_condition: None,
        delivery: None,
    })
}

fn status(value: Option<String>) -> LineStatus {
    match value.as_deref() {
        Some("active") => LineStatus::Active,
        Some("on-hold" | "suspended") => LineStatus::Suspended,
        Some("stopped") => LineStatus::Stopped,
        Some("completed") => LineStatus::Completed,
        Some("entered-in-error") => LineStatus::EnteredInError,
        Some("unknown") | None => LineStatus::Unknown,
        Some(other) => LineStatus::Other(other.to_owned()),
    }
}

// ---------------------------------------------------------------------------------------
// The medicine
// ---------------------------------------------------------------------------------------

/// The medicine's codes and text, from the concept or the referenced Medication.
///
/// A reference the answer does not resolve (no such entry, or an entry that is not a
/// readable Medication: another entry's damage must not hide this line) keeps the line
/// readable: the medicine is then the reference's display, else the reference itself, raw
/// (as a party that cannot be resolved is kept as its reference). A contained Medication
/// (`#id`) is part of this resource: damaged, it makes the line unreadable.
fn medicine<'a>(resource: &'a Value, ctx: &Context<'a>) -> Result<(Vec<Coding>, Option<String>), Reason> {
    if let Some(concept) = object(resource, "medicationCodeableConcept")? {
        return Ok((codings(concept), str_at(concept, "text")));
    }
    let Some(reference) = object(resource, "medicationReference")? else { return Ok((Vec::new(), None)) };
    let display = str_at(reference, "display");
    let target_reference = str_at(reference, "reference");
    let unresolved = || (Vec::new(), display.clone().or_else(|| target_reference.clone()));
    let target = target_reference.as_deref().and_then(|r| ctx.resolve(r, resource));
    let Some(medication) = target.filter(|m| m.get("resourceType").and_then(Value::as_str) == Some("Medication"))
    else {
        return Ok(unresolved());
    };
    match medication_codes(medication) {
        Ok((codes, text)) => Ok((codes, text.or_else(|| display.clone()))),
        Err(e) if target_reference.as_deref().is_some_and(|r| r.starts_with('#')) => Err(format!("Medication.{e}")),
        Err(_) => Ok(unresolved()),
    }
}

/// A Medication's codes and text: its code; a preparation without one (a magistral
/// prescription) is named by its ingredients, their codes kept and their texts joined.
fn medication_codes(medication: &Value) -> Result<(Vec<Coding>, Option<String>), Reason> {
    let code = object(medication, "code")?;
    let mut codes = code.map(codings).unwrap_or_default();
    let text = code.and_then(|c| str_at(c, "text"));
    if !codes.is_empty() || text.is_some() {
        return Ok((codes, text));
    }
    let mut texts: Vec<String> = Vec::new();
    for ingredient in objects(medication, "ingredient")? {
        let item = object(ingredient, "itemCodeableConcept").map_err(|e| format!("ingredient.{e}"))?;
        for c in item.map(codings).unwrap_or_default() {
            if !codes.contains(&c) {
                codes.push(c);
            }
        }
        let reference = object(ingredient, "itemReference").map_err(|e| format!("ingredient.{e}"))?;
        texts.extend(item.and_then(concept_text).or_else(|| reference.and_then(|r| str_at(r, "display"))));
    }
    Ok((codes, (!texts.is_empty()).then(|| texts.join(", "))))
}

// ---------------------------------------------------------------------------------------
// Dosage
// ---------------------------------------------------------------------------------------

fn read_dosage(element: &Value) -> Result<Dosage, Reason> {
    let timing = object(element, "timing")?;
    let repeat = timing.map(|t| object(t, "repeat")).transpose().map_err(|e| format!("timing.{e}"))?.flatten();
    let abbreviation = timing.and_then(|t| t.get("code")).map(codings).unwrap_or_default();
    let mut moments: Vec<Coding> = repeat
        .map(|r| array(r, "when"))
        .transpose()?
        .unwrap_or_default()
        .iter()
        .filter_map(Value::as_str)
        .map(|code| Coding { system: Some(EVENT_TIMING.to_owned()), code: Some(code.to_owned()), display: None })
        .collect();
    let mut frequency = repeat.and_then(frequency);
    let (day_number, instructions) = day_and_instructions(array(element, "additionalInstruction")?);
    for code in abbreviation.iter().filter_map(|c| c.code.as_deref()) {
        match abbreviated(code) {
            Some(Abbreviation::Every(count, period, unit)) if frequency.is_none() => {
                frequency = Some(Frequency { count, period, unit: unit.to_owned() });
            }
            Some(Abbreviation::At(when)) => {
                moments.push(Coding {
                    system: Some(EVENT_TIMING.to_owned()),
                    code: Some(when.to_owned()),
                    display: None,
                });
            }
            _ => {}
        }
    }
    Ok(Dosage {
        text: string(element, "text")?,
        amount: dose(element)?,
        moments,
        times: strings(repeat, "timeOfDay")?.iter().map(|t| clock_time(t)).collect(),
        frequency,
        weekdays: strings(repeat, "dayOfWeek")?,
        route: object(element, "route")?.and_then(|r| codings(r).into_iter().next()),
        as_needed: element.get("asNeededBoolean").and_then(Value::as_bool).unwrap_or(false)
            || element.get("asNeededCodeableConcept").is_some_and(Value::is_object),
        instructions,
        dates: timing.map(event_dates).transpose()?.unwrap_or_default(),
        duration: repeat.and_then(|r| r.get("boundsDuration")).and_then(quantity),
        day_number,
    })
}

/// The additional instructions' texts; "Day N of treatment cycle" (how the KMEHR regimen's
/// day number is written in FHIR by the Belgian converters) is read as the day number.
fn day_and_instructions(additional: &[Value]) -> (Option<u32>, Vec<String>) {
    let mut day = None;
    let mut texts = Vec::new();
    for text in additional.iter().filter_map(concept_text) {
        let number = text.strip_prefix("Day ").and_then(|rest| rest.strip_suffix(" of treatment cycle"));
        match number.and_then(|n| n.parse::<u32>().ok()) {
            Some(n) if day.is_none() => day = Some(n),
            _ => texts.push(text),
        }
    }
    (day, texts)
}

/// The strings of a list field of an optional element.
fn strings(element: Option<&Value>, key: &str) -> Result<Vec<String>, Reason> {
    let Some(element) = element else { return Ok(Vec::new()) };
    Ok(array(element, key)?.iter().filter_map(Value::as_str).map(str::to_owned).collect())
}

/// The dose per intake: the first `doseAndRate` with a dose quantity.
fn dose(element: &Value) -> Result<Option<Quantity>, Reason> {
    Ok(array(element, "doseAndRate")?.iter().find_map(|d| d.get("doseQuantity").and_then(quantity)))
}

/// `frequency` times per `period` `periodUnit`; a period alone means once per period.
fn frequency(repeat: &Value) -> Option<Frequency> {
    let period = repeat.get("period")?.as_f64()?;
    let unit = str_at(repeat, "periodUnit")?;
    let count = match repeat.get("frequency") {
        None => 1,
        Some(n) => u32::try_from(n.as_u64()?).ok()?,
    };
    Some(Frequency { count, period, unit })
}

/// "07:59:00" → "07:59"; other forms are kept as sent.
fn clock_time(time: &str) -> String {
    match time.strip_suffix(":00") {
        Some(short) if short.len() == 5 => short.to_owned(),
        _ => time.to_owned(),
    }
}

/// The dates of `timing.event` (a one-off or scheduled intake).
fn event_dates(timing: &Value) -> Result<Vec<PartialDate>, Reason> {
    array(timing, "event")?
        .iter()
        .map(|e| e.as_str().and_then(PartialDate::parse).ok_or_else(|| "timing.event is not a date".to_owned()))
        .collect()
}

/// What a timing abbreviation (HL7 `timing-abbreviation`) means.
enum Abbreviation {
    Every(u32, f64, &'static str),
    /// A moment of the day, as an EventTiming code.
    At(&'static str),
}

fn abbreviated(code: &str) -> Option<Abbreviation> {
    use Abbreviation::{At, Every};
    Some(match code {
        "QD" => Every(1, 1.0, "d"),
        "BID" => Every(2, 1.0, "d"),
        "TID" => Every(3, 1.0, "d"),
        "QID" => Every(4, 1.0, "d"),
        "QOD" => Every(1, 2.0, "d"),
        "Q1H" => Every(1, 1.0, "h"),
        "Q2H" => Every(1, 2.0, "h"),
        "Q3H" => Every(1, 3.0, "h"),
        "Q4H" => Every(1, 4.0, "h"),
        "Q6H" => Every(1, 6.0, "h"),
        "Q8H" => Every(1, 8.0, "h"),
        "WK" => Every(1, 1.0, "wk"),
        "MO" => Every(1, 1.0, "mo"),
        "AM" => At("MORN"),
        "PM" => At("AFT"),
        "BED" => At("HS"),
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Dates, author, reason, instructions, suspensions
// ---------------------------------------------------------------------------------------

/// When the line starts and ends, per kind of record.
fn dates(resource: &Value, kind: MedicationRecordKind) -> Result<(Option<PartialDate>, Option<PartialDate>), Reason> {
    match kind {
        MedicationRecordKind::Taken => {
            let (start, end) = period(resource, "effectivePeriod")?;
            Ok((start.or(date(resource, "effectiveDateTime")?), end))
        }
        MedicationRecordKind::Prescribed => {
            let validity = match object(resource, "dispenseRequest")? {
                Some(request) => period(request, "validityPeriod").map_err(|e| format!("dispenseRequest.{e}"))?,
                None => (None, None),
            };
            Ok((validity.0.or(date(resource, "authoredOn")?), validity.1))
        }
        MedicationRecordKind::Delivered => {
            Ok((date(resource, "whenHandedOver")?.or(date(resource, "whenPrepared")?), None))
        }
    }
}

/// The prescriber, the pharmacist (first performer) or who stated the line; else the
/// Belgian recorder.
fn author<'a>(resource: &'a Value, kind: MedicationRecordKind, ctx: &Context<'a>) -> Result<Option<Party>, Reason> {
    let stated = match kind {
        MedicationRecordKind::Prescribed => party_field(resource, "requester", ctx)?,
        MedicationRecordKind::Taken => party_field(resource, "informationSource", ctx)?,
        MedicationRecordKind::Delivered => objects(resource, "performer")?
            .iter()
            .find_map(|p| p.get("actor").filter(|a| a.is_object()).and_then(|a| party(a, resource, ctx))),
    };
    if stated.is_some() {
        return Ok(stated);
    }
    if let Some(recorder) = party_field(resource, "recorder", ctx)? {
        return Ok(Some(recorder));
    }
    Ok(extension(resource, EXT_RECORDER)
        .and_then(|e| e.get("valueReference"))
        .filter(|r| r.is_object())
        .and_then(|r| party(r, resource, ctx)))
}

/// Why it is taken: the reason codes' texts and the reason references' displays.
fn reason(resource: &Value) -> Result<Option<String>, Reason> {
    let mut texts: Vec<String> = array(resource, "reasonCode")?.iter().filter_map(concept_text).collect();
    texts.extend(array(resource, "reasonReference")?.iter().filter_map(|r| str_at(r, "display")));
    Ok((!texts.is_empty()).then(|| texts.join("; ")))
}

/// Instructions for the patient (per dosage) and notes, one per line.
fn instructions(resource: &Value, dosage: &[Value]) -> Option<String> {
    let mut lines: Vec<String> = dosage.iter().filter_map(|d| str_at(d, "patientInstruction")).collect();
    lines.extend(notes(resource, "note"));
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The Belgian suspensions on `statusReason` (a list on statements, one concept on
/// requests): period and reason (the reason extension, else the concept's text).
fn suspensions(resource: &Value) -> Result<Vec<Suspension>, Reason> {
    let reasons: Vec<&Value> = match resource.get("statusReason") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one @ Value::Object(_)) => vec![one],
        Some(_) => return Err("statusReason is neither a list nor an object".into()),
    };
    let mut out = Vec::new();
    for concept in reasons {
        let Some(suspension) = extension(concept, EXT_SUSPENSION) else { continue };
        let (from, until) = period(suspension, "valuePeriod").map_err(|e| format!("suspension.{e}"))?;
        let reason = extension(suspension, EXT_SUSPENSION_REASON)
            .and_then(|r| str_at(r, "valueString"))
            .or_else(|| str_at(concept, "text"));
        out.push(Suspension { from, until, reason });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fixture(name: &str) -> Value {
        crate::fixtures::json(&format!("fhir/medication/{name}"))
    }

    fn read_fixture(name: &str) -> MedicationLine {
        match read_medication(&fixture(name)) {
            Item::Read(line) => line,
            Item::Unreadable { reason, .. } => panic!("{name} was not read: {reason}"),
        }
    }

    /// The medication lines of a kmehrtests Bundle, read with the Bundle as context.
    fn bundle_lines(name: &str) -> Vec<MedicationLine> {
        let bundle = fixture(name);
        let ctx = Context::of_bundle(&bundle);
        let mut out = Vec::new();
        for entry in bundle.get("entry").and_then(Value::as_array).into_iter().flatten() {
            let resource = &entry["resource"];
            if resource["resourceType"] == "MedicationStatement" {
                match read_medication_in(resource, &ctx) {
                    Item::Read(line) => out.push(line),
                    Item::Unreadable { reason, .. } => panic!("{name}: a line was not read: {reason}"),
                }
            }
        }
        out
    }

    fn date(text: &str) -> Option<PartialDate> {
        PartialDate::parse(text)
    }

    fn first_code(line: &MedicationLine) -> (Option<&str>, Option<&str>, Option<&str>) {
        let c = line.medicine.first();
        (c.and_then(|c| c.system.as_deref()), c.and_then(|c| c.code.as_deref()), c.and_then(|c| c.display.as_deref()))
    }

    fn moments(d: &Dosage) -> Vec<&str> {
        d.moments.iter().filter_map(|c| c.code.as_deref()).collect()
    }

    fn freq(count: u32, period: f64, unit: &str) -> Option<Frequency> {
        Some(Frequency { count, period, unit: unit.into() })
    }

    fn amount(value: f64, unit: Option<&str>) -> Option<Quantity> {
        Some(Quantity { value, unit: unit.map(str::to_owned) })
    }

    #[test]
    fn a_community_pharmacy_dispense_gives_product_pharmacist_date_and_instruction() {
        let l = read_fixture("hl7be-medication-MedicationDispense-example-dispense-communitypharmacy-1med.json");
        assert_eq!(l.kind, MedicationRecordKind::Delivered);
        assert_eq!(l.status, LineStatus::Completed);
        assert_eq!(
            first_code(&l),
            (
                Some("https://www.ehealth.fgov.be/standards/fhir/medication/NamingSystem/cnk-codes"),
                Some("1439562"),
                Some("Topazolam tab 50x 1,0mg")
            )
        );
        assert_eq!(l.start, date("2020-03-10"));
        assert_eq!(l.author, Some(Party::Named("Jan Janssen".into())));
        assert_eq!(l.dosage.len(), 1);
        assert_eq!(l.dosage[0].text.as_deref(), Some("3 x par jour"));
    }

    #[test]
    fn a_hospital_dispense_takes_the_product_name_from_its_translation() {
        let l = read_fixture("hl7be-medication-MedicationDispense-example-dispense-hospital.json");
        assert_eq!(first_code(&l).1, Some("2055218"));
        assert_eq!(first_code(&l).2, Some("Crestor filmomh. tabl. 100x 10mg"));
        assert_eq!(l.dosage[0].frequency, freq(3, 1.0, "d"));
        assert_eq!(l.dosage[0].text.as_deref(), Some("3 x a day"));
        assert_eq!(l.author, Some(Party::Nihdi("123123123".into())));
        assert_eq!(l.start, date("2020-09-21"));
    }

    #[test]
    fn dispenses_keep_every_code_and_read_legacy_nihdi_systems() {
        let l = read_fixture("hl7be-medication-MedicationDispense-example-dispense-with-atc.json");
        let codes: Vec<_> = l.medicine.iter().filter_map(|c| c.code.as_deref()).collect();
        assert_eq!(codes, vec!["1439562", "N05BA12"]);
        assert_eq!(l.author, Some(Party::Named("Jan Janssen".into())));
        let minimal = read_fixture("hl7be-medication-MedicationDispense-example-minimal-dispense.json");
        assert_eq!(minimal.start, date("2020-03-10"));
        assert!(minimal.dosage.is_empty());
        let pharmacy = read_fixture("hl7be-medication-MedicationDispense-medicationdispense-example-1.json");
        assert_eq!(pharmacy.author, Some(Party::Named("Apotheek onder de toren".into())));
    }

    #[test]
    fn a_prescription_gives_the_contained_prescriber_validity_and_abbreviated_timing() {
        let l = read_fixture("hl7be-medication-MedicationRequest-example-01-lasix.json");
        assert_eq!(l.kind, MedicationRecordKind::Prescribed);
        assert_eq!(l.status, LineStatus::Active);
        assert_eq!(first_code(&l), (Some("urn:be:samv2:amppackage"), Some("067663-02"), Some("Lasix 40 mg tabl. 50")));
        assert_eq!(l.author, Some(Party::Nihdi("12345678004".into())));
        assert_eq!((l.start, l.end), (date("2025-10-19"), date("2026-01-18")));
        // QOD: every other day.
        assert_eq!(l.dosage[0].frequency, freq(1, 2.0, "d"));
    }

    #[test]
    fn a_stepped_prescription_keeps_each_step_with_its_dose_and_duration() {
        let l = read_fixture("hl7be-medication-MedicationRequest-example-02-hukyndra.json");
        assert_eq!(first_code(&l).2, Some("Hukyndra 40 mg inf. opl. s.c. voorgev. spuit 6 x 0.4 ml"));
        let steps: Vec<_> =
            l.dosage.iter().map(|d| (d.amount.clone(), d.duration.clone(), d.frequency.clone())).collect();
        assert_eq!(
            steps,
            vec![
                (amount(80.0, Some("mg")), amount(1.0, Some("week")), None),
                (amount(40.0, Some("mg")), amount(1.0, Some("week")), None),
                (amount(40.0, Some("mg")), None, freq(1, 2.0, "wk")),
            ]
        );
        let b = read_fixture("hl7be-medication-MedicationRequest-example-03-bisoprolol.json");
        assert_eq!(first_code(&b), (Some("urn:be:samv2:vmpgroup"), Some("3889"), Some("bisoprolol oraal 2,5 mg")));
        assert_eq!(b.dosage[0].amount, amount(2.5, Some("mg")));
        assert_eq!(b.dosage[0].frequency, freq(1, 1.0, "d"));
        assert_eq!(b.dosage[0].duration, amount(3.0, Some("month")));
    }

    #[test]
    fn a_medication_record_prescription_gives_weekdays_moment_route_and_prescriber() {
        let l = read_fixture("hl7be-medicationrecord-MedicationRequest-15-prescription.json");
        assert_eq!(first_code(&l).2, Some("Acidine 75 mg (20 pieces)"));
        assert_eq!(l.author, Some(Party::Named("GP".into())));
        assert_eq!(l.start, date("2021-08-10"));
        let d = &l.dosage[0];
        assert_eq!(d.weekdays, vec!["wed".to_owned(), "thu".to_owned()]);
        assert_eq!(moments(d), vec!["MORN"]);
        assert_eq!(d.moments[0].system.as_deref(), Some(EVENT_TIMING));
        assert_eq!(d.route.as_ref().and_then(|r| r.display.as_deref()), Some("Oral Route"));
        assert_eq!(d.amount, amount(1.0, Some("TAB")));
        assert!(l.unknown_extensions.is_empty(), "{:?}", l.unknown_extensions);
    }

    #[test]
    fn medication_record_statements_read() {
        let t = read_fixture("hl7be-medicationrecord-MedicationStatement-1-treatmentLine.json");
        assert_eq!(t.kind, MedicationRecordKind::Taken);
        assert_eq!(first_code(&t).1, Some("2399640"));
        let u = read_fixture("hl7be-medicationrecord-MedicationStatement-7-usage.json");
        assert_eq!(u.status, LineStatus::Other("not-taken".into()));
        // The patient stated it, identified by SSIN: shown as "a person", never the number.
        assert_eq!(u.author, Some(Party::Person));
        let a = read_fixture("hl7be-medicationrecord-MedicationStatement-Asaflow500mg1xACM.json");
        assert_eq!(first_code(&a), (None, Some("2542488"), Some("Asaflow (Tadeka), 168 x 80mg")));
        assert_eq!(a.start, date("2021-07-01"));
        assert_eq!(moments(&a.dosage[0]), vec!["ACM"]);
        assert_eq!(a.dosage[0].amount, amount(1.0, None));
        let d = read_fixture("hl7be-medicationrecord-MedicationStatement-Dafalgan500mgmix.json");
        let schedule: Vec<_> = d.dosage.iter().map(|x| (moments(x), x.amount.as_ref().map(|q| q.value))).collect();
        assert_eq!(schedule, vec![(vec!["CM"], Some(1.0)), (vec!["CD"], Some(1.0)), (vec!["CV"], Some(2.0))]);
        let c = read_fixture("hl7be-medicationrecord-MedicationStatement-Co-Bisoprolol25-625mg1xACMd.json");
        assert_eq!(first_code(&c).2, Some("Co-Bisoprolol EG, 98 x (2,5mg + 6,25mg)"));
    }

    #[test]
    fn a_medication_schema_bundle_gives_lines_with_their_prescriber_from_the_bundle() {
        let lines = bundle_lines("kmehrtests-fhir-ms-RIZIV_01.json");
        assert_eq!(lines.len(), 5);
        let first = &lines[0];
        assert_eq!(first_code(first).1, Some("3303948"));
        assert_eq!(first.medicine_text.as_deref(), Some("Pantoprazole EG 40 mg maagsapresist. tabl. 100"));
        assert_eq!(first.start, date("2020-06-10"));
        assert_eq!(first.author, Some(Party::Named("Devil Tasmanian".into())));
        assert_eq!(first.dosage[0].frequency, freq(1, 1.0, "d"));
        assert_eq!(moments(&first.dosage[0]), vec!["MORN"]);
        assert_eq!(first.dosage[0].amount, amount(1.0, Some("336624003")));
        assert!(first.unknown_extensions.is_empty(), "{:?}", first.unknown_extensions);
        let trixeo = &lines[2];
        assert_eq!(trixeo.dosage[0].day_number, Some(1));
        assert!(trixeo.dosage[0].instructions.is_empty());
        let tresiba = &lines[4];
        assert_eq!(tresiba.dosage[0].amount, amount(12.0, Some("[IU]")));
        assert_eq!(moments(&tresiba.dosage[0]), vec!["HS"]);
    }

    #[test]
    fn posologies_give_dates_times_weekdays_and_as_needed() {
        let lines = bundle_lines("kmehrtests-fhir-ms-TS-02-posologies.json");
        assert_eq!(lines.len(), 14);
        assert_eq!(lines[0].medicine_text.as_deref(), Some("Drug n°1"));
        assert_eq!(lines[0].dosage[0].dates, vec![PartialDate { year: 2021, month: Some(3), day: Some(22) }]);
        assert!(lines[2].dosage[0].as_needed);
        assert_eq!(lines[2].dosage[0].frequency, freq(1, 6.0, "h"));
        assert_eq!(lines[4].dosage[0].times, vec!["07:59".to_owned()]);
        assert_eq!(lines[5].end, date("2021-03-22"));
        assert_eq!(lines[6].dosage[0].amount, amount(2.0, Some("5.mL")));
        let times: Vec<_> = lines[9].dosage.iter().flat_map(|d| d.times.clone()).collect();
        assert_eq!(times, vec!["05:59", "07:30", "13:30", "19:30", "22:30"]);
        let weekly: Vec<_> =
            lines[13].dosage.iter().map(|d| (d.weekdays.clone(), d.amount.as_ref().map(|q| q.value))).collect();
        assert_eq!(weekly, vec![(vec!["tue".to_owned()], Some(2.5)), (vec!["fri".to_owned()], Some(2.0))]);
        assert_eq!(lines[13].dosage[0].frequency, freq(1, 1.0, "wk"));
        assert_eq!(lines[11].dosage[0].frequency, freq(1, 1.0, "a"));
        let cycle: Vec<_> = lines[7].dosage.iter().map(|d| d.day_number).collect();
        assert_eq!(cycle, vec![Some(1), Some(2)]);
        assert_eq!(lines[12].dosage[0].day_number, Some(15));
        assert_eq!(lines[12].dosage[0].frequency, freq(1, 1.0, "mo"));
    }

    #[test]
    fn begin_and_end_conditions_give_the_period() {
        let lines = bundle_lines("kmehrtests-fhir-ms-TS-07-BEGIN_END_CONDITIONS.json");
        assert_eq!(lines.len(), 8);
        assert_eq!((lines[0].start, lines[0].end), (date("2022-05-05"), None));
        assert_eq!((lines[1].start, lines[1].end), (date("2022-05-05"), date("2022-05-10")));
        assert_eq!(lines[1].dosage[0].text.as_deref(), Some("Free text posology"));
    }

    #[test]
    fn therapeutic_suspensions_are_read_with_their_periods_and_reasons() {
        let lines = bundle_lines("kmehrtests-fhir-ms-TS-08-THERAPEUTIC_SUSPENSIONS.json");
        let first = &lines[0];
        assert_eq!(first.medicine_text.as_deref(), Some("Drug 001"));
        assert_eq!(first.status, LineStatus::Unknown);
        let periods: Vec<_> = first.suspensions.iter().map(|s| (s.from, s.until)).collect();
        assert_eq!(
            periods,
            vec![
                (date("2022-07-04"), date("2022-07-05")),
                (date("2022-07-07"), date("2022-07-08")),
                (date("2022-07-10"), date("2022-07-11"))
            ]
        );
        assert_eq!(first.suspensions[0].reason.as_deref(), Some("Temporary suspension"));
        let definitive = &lines[6];
        assert_eq!(definitive.status, LineStatus::Stopped);
        assert_eq!(definitive.suspensions[1].from, date("2022-07-05"));
        assert_eq!(definitive.suspensions[1].until, None);
        assert_eq!(definitive.suspensions[1].reason.as_deref(), Some("Definitive suspension"));
        assert!(lines.iter().all(|l| !l.suspensions.is_empty()));
    }

    #[test]
    fn identifiers_and_medication_use_lines_read() {
        let lines = bundle_lines("kmehrtests-fhir-ms-TS-01-identifiers.json");
        assert_eq!(lines[0].medicine_text.as_deref(), Some("Free text drug"));
        assert_eq!(
            first_code(&lines[1]),
            (
                Some("https://www.ehealth.fgov.be/standards/fhir/medication/NamingSystem/be-ns-cnk-codes"),
                Some("3356102"),
                Some("Rhinathiol Naturactiv Pulmo 133Ml")
            )
        );
        assert_eq!(lines[2].medicine.len(), 2);
        let usage = bundle_lines("kmehrtests-fhir-ms-TS-15-medicationuse.json");
        assert_eq!(usage.len(), 2);
        assert_eq!(usage[1].dosage[0].text.as_deref(), Some("With medicationuse"));
        assert_eq!((usage[1].start, usage[1].end), (None, None));
    }

    #[test]
    fn a_contained_medication_gives_the_medicine() {
        let json = json!({
            "resourceType": "MedicationStatement", "id": "s", "status": "on-hold",
            "contained": [{"resourceType": "Medication", "id": "med",
                "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "C07AB07"}], "text": "bisoprolol 5 mg"}}],
            "medicationReference": {"reference": "#med"},
            "reasonCode": [{"text": "hypertension"}],
            "note": [{"text": "with breakfast"}],
            "dosage": [{"patientInstruction": "swallow whole", "timing": {"code": {"coding": [{"code": "BID"}]}},
                "additionalInstruction": [{"coding": [{"system": "http://snomed.info/sct", "code": "311504000", "display": "With or after food"}]}]}]
        });
        let Item::Read(l) = read_medication(&json) else { panic!("should read") };
        assert_eq!(l.status, LineStatus::Suspended);
        assert_eq!(l.medicine.first().and_then(|c| c.code.as_deref()), Some("C07AB07"));
        assert_eq!(l.medicine_text.as_deref(), Some("bisoprolol 5 mg"));
        assert_eq!(l.reason.as_deref(), Some("hypertension"));
        assert_eq!(l.instructions.as_deref(), Some("swallow whole\nwith breakfast"));
        assert_eq!(l.dosage[0].frequency, freq(2, 1.0, "d"));
        assert_eq!(l.dosage[0].instructions, vec!["With or after food".to_owned()]);
        assert_eq!(l.dosage[0].day_number, None);
    }

    /// The statement of the IPS minimal Bundle names its medicine by a reference to another
    /// entry (a Medication); read with its Bundle, and with that entry damaged.
    fn ips_statement(bundle: &Value) -> Item<MedicationLine> {
        let ctx = Context::of_bundle(bundle);
        read_medication_in(&bundle["entry"][5]["resource"], &ctx)
    }

    #[test]
    fn a_medicine_in_another_entry_is_read_and_a_damaged_one_hides_nothing() {
        let mut bundle = crate::fixtures::json("fhir/ips/hl7-ips-bundle-minimal.json");
        let Item::Read(l) = ips_statement(&bundle) else { panic!("the IPS statement should read") };
        let codes: Vec<_> = l.medicine.iter().filter_map(|c| c.code.as_deref()).collect();
        assert_eq!(codes, vec!["108774000", "99872", "2076667", "L02BG03"]);
        assert_eq!(l.start, date("2015-03"));
        let reference = "urn:uuid:6369a973-afc7-4617-8877-3e9811e05a5b";
        for damage in [
            json!(5),
            json!({"resourceType": "Patient", "name": 5}),
            json!({"resourceType": "Medication", "code": 5}),
            json!({"resourceType": "Medication", "ingredient": "x"}),
        ] {
            bundle["entry"][6]["resource"] = damage.clone();
            let Item::Read(l) = ips_statement(&bundle) else { panic!("{damage}: the statement should still read") };
            // The reference kept raw, as an unresolved party is: the rest of the line is shown.
            assert!(l.medicine.is_empty(), "{damage}");
            assert_eq!(l.medicine_text.as_deref(), Some(reference), "{damage}");
            assert_eq!(l.status, LineStatus::Active);
            assert_eq!(l.dosage[0].amount, amount(1.0, Some("tablet")));
        }
        // Its display, when the reference has one.
        bundle["entry"][5]["resource"]["medicationReference"]["display"] = json!("anastrozole 1 mg");
        let Item::Read(l) = ips_statement(&bundle) else { panic!("should read") };
        assert_eq!(l.medicine_text.as_deref(), Some("anastrozole 1 mg"));
        // Read alone, outside its Bundle: the same.
        let Item::Read(alone) = read_medication(&bundle["entry"][5]["resource"]) else { panic!("should read") };
        assert_eq!(alone.medicine_text.as_deref(), Some("anastrozole 1 mg"));
    }

    #[test]
    fn a_damaged_contained_medication_makes_its_line_unreadable() {
        let json = json!({"resourceType": "MedicationRequest", "id": "r",
            "contained": [{"resourceType": "Medication", "id": "m", "code": 5}],
            "medicationReference": {"reference": "#m"}});
        assert!(read_medication(&json).is_unreadable());
    }

    #[test]
    fn a_magistral_preparation_is_named_by_its_ingredients() {
        let bundle =
            crate::fixtures::json("fhir/prescription/kmehrtests-fhir-prescriptions-recipePP-1.28-example22.json");
        let Item::Read(l) = read_medication(&bundle["entry"][0]) else { panic!("the prescription should read") };
        assert_eq!(l.kind, MedicationRecordKind::Prescribed);
        assert_eq!(
            l.medicine_text.as_deref(),
            Some("PASSIFLORAE HERBAE TINCTURA, BALLOTAE NIGRAE HERBAE TINCTURA NORMATA, CRATAEGI TINCTURA")
        );
        let codes: Vec<_> = l.medicine.iter().filter_map(|c| c.code.as_deref()).collect();
        assert_eq!(codes, vec!["0539320", "magistral", "0517938"]);
        assert_eq!(l.dosage[0].text.as_deref(), Some("volgens instructies"));
        // The prescriber is named; their SSIN identifier is never read.
        assert_eq!(l.author, Some(Party::Named("Donald Duck".into())));
    }

    #[test]
    fn broken_lines_become_unreadable_with_their_id() {
        let ok = || json!({"resourceType": "MedicationStatement", "id": "x", "status": "active", "medicationCodeableConcept": {"text": "x"}});
        let mut cases = vec![
            json!({"resourceType": "Immunization", "id": "x"}),
            json!({"resourceType": "MedicationStatement", "id": "x"}),
        ];
        for (key, value) in [
            ("status", json!(5)),
            ("dosage", json!("x")),
            ("dosage", json!(["x"])),
            ("effectivePeriod", json!({"start": "2024-13-99"})),
            ("medicationCodeableConcept", json!("x")),
            ("informationSource", json!(true)),
            ("statusReason", json!(3)),
            ("extension", json!({})),
        ] {
            let mut case = ok();
            case[key] = value;
            cases.push(case);
        }
        let mut timing = ok();
        timing["dosage"] = json!([{"timing": {"event": ["tomorrow"]}}]);
        cases.push(timing);
        assert!(matches!(read_medication(&ok()), Item::Read(_)));
        for case in cases {
            match read_medication(&case) {
                Item::Unreadable { id, .. } => assert_eq!(id.as_deref(), Some("x")),
                Item::Read(_) => panic!("{case} should be unreadable"),
            }
        }
    }
}
