//! Reads KMEHR medication items (`CD-ITEM` = `medication`) as [`MedicationLine`]s: the lines
//! of the Vitalink medication schema, of a Recip-e prescription, of a SumEHR.
//!
//! What a line says, and where KMEHR says it:
//! - the medicine: `medicinalproduct` (CNK product) or `substanceproduct` (INN cluster, VMP
//!   group), each with an intended and maybe a delivered code and name; a
//!   `compoundprescription` (a magistral preparation, as text); a `cd` in a `content` (ATC,
//!   EAN …); or only a text;
//! - when: `beginmoment`, `endmoment` (or a `duration`), the `temporality` (chronic …);
//! - how much and when in the day: either a `posology` (a text, or an amount with a unit and
//!   a number of intakes per day), with `dayperiod`s next to it in older messages; or a
//!   `regimen`: a series of intakes, each an optional day (`daynumber`, `date` or `weekday`),
//!   a moment (`daytime`: a `dayperiod` code or a `time`) and a `quantity`;
//! - how often: `frequency` (a `CD-PERIODICITY` code: "D" daily, "W" weekly, "DT" every two
//!   days …); the `route`; `instructionforpatient`;
//! - its state: `lifecycle` ("active", "suspended", "stopped" …).
//!
//! In the medication schema, the line's transaction also holds `healthcareelement` items
//! with a `CD-ITEM-MS` code that say why it is taken (`medicationuse`) and when to start or
//! stop (`begincondition`, `endcondition`), and `treatmentsuspension` transactions that point
//! at a line (`lnk TYPE="isplannedfor"`) to suspend it for a while or stop it for good.
//!
//! A line without any medicine, or with a date or number that does not read, becomes
//! [`Item::Unreadable`]; the others still read.

use carnet_core::coding::{Coding, Quantity};
use carnet_core::item::Item;
use carnet_core::medication::{Dosage, Frequency, LineStatus, MedicationLine, MedicationRecordKind, Suspension};
use carnet_core::party::Party;
use roxmltree::Node;

use crate::kmehr::common::{
    KMEHR, author, cd_code, cd_node, coding, content_codes, decimal, duration, item_id, item_texts, kmehr_id,
    lifecycle, localized, moment_of, period_end, text_of, texts, wrapped_cd,
};

/// Code systems that name a medicine (in `content/cd`); other codes there are kept in
/// `unknown_extensions` by system.
const MEDICINE_SYSTEMS: &[&str] = &[
    "CD-ATC",
    carnet_core::coding::CNK,
    "CD-EAN",
    "CD-INNCLUSTER",
    "CD-VMPGROUP",
    "CD-CNK-CLUSTER",
    "CD-AMP",
    "CD-VMP",
];

/// Every medication line of a transaction (medication schema element, prescription,
/// treatment suspension …), with the schema's notes of that transaction applied (why it is
/// taken, when to start or stop).
pub fn read_medication_lines(transaction: Node, kind: MedicationRecordKind) -> Vec<Item<MedicationLine>> {
    let transaction_id = kmehr_id(&transaction);
    let author = author(&transaction);
    let notes = SchemaNotes::of(&transaction);
    KMEHR
        .descendants(&transaction, "item")
        .filter(|item| cd_code(item, "CD-ITEM").as_deref() == Some("medication"))
        .map(|item| {
            let mut line = read_medication_item(item, transaction_id.as_deref(), kind, author.clone());
            if let Item::Read(line) = &mut line {
                notes.apply(line);
            }
            line
        })
        .collect()
}

/// One medication item.
pub fn read_medication_item(
    item: Node,
    transaction_id: Option<&str>,
    kind: MedicationRecordKind,
    author: Option<Party>,
) -> Item<MedicationLine> {
    let id = item_id(transaction_id, &item);
    match read_line(&item, id.clone(), kind, author) {
        Ok(line) => Item::Read(line),
        Err(reason) => Item::Unreadable { id, reason },
    }
}

fn read_line(
    item: &Node,
    id: Option<String>,
    kind: MedicationRecordKind,
    author: Option<Party>,
) -> Result<MedicationLine, String> {
    let Medicine { codes, text, unknown } = medicine(item);
    if codes.is_empty() && text.is_none() {
        return Err("medication item without a medicine".into());
    }
    let start = moment_of(item, "beginmoment")?;
    let end = match moment_of(item, "endmoment")? {
        Some(end) => Some(end),
        None => start.zip(duration(item)).and_then(|(s, (n, unit))| period_end(s, n, &unit)),
    };
    let mut unknown_extensions = unknown;
    let frequency = match frequency(item) {
        Ok(f) => f,
        Err(raw) => {
            unknown_extensions.push(raw);
            None
        }
    };
    let route = wrapped_cd(item, "route", "CD-DRUG-ROUTE");
    // The item's own texts are remarks on the line ("stopping of drug"), unless they only
    // repeat the medicine's name (as the schema does for a magistral preparation).
    let remarks = texts(item).into_iter().map(|t| t.text).filter(|t| Some(t) != text.as_ref());
    let instructions = remarks
        .chain(
            ["instructionforpatient", "instructionforoverdosing"]
                .iter()
                .filter_map(|name| KMEHR.child(item, name).and_then(|n| localized(&n)))
                .map(|t| t.text),
        )
        .collect::<Vec<_>>();
    Ok(MedicationLine {
        id,
        kind,
        status: line_status(lifecycle(item).as_deref()),
        medicine: codes,
        medicine_text: text,
        dosage: dosages(item, frequency, route)?,
        start,
        end,
        author,
        reason: None,
        instructions: (!instructions.is_empty()).then(|| instructions.join("\n")),
        suspensions: Vec::new(),
        unknown_extensions,
        temporality: KMEHR.child(item, "temporality").and_then(|t| cd_code(&t, "CD-TEMPORALITY")),
        begin_condition: None,
        end_condition: None,
        delivery: None,
    })
}

// ---- the medicine ---------------------------------------------------------------------

struct Medicine {
    codes: Vec<Coding>,
    text: Option<String>,
    /// Codes in the contents that do not name a medicine, by system.
    unknown: Vec<String>,
}

/// The medicine: product codes first (intended, then delivered), then other medicine codes;
/// its name from the product, else the magistral preparation, else the item's texts.
fn medicine(item: &Node) -> Medicine {
    let mut codes = Vec::new();
    let mut product_name = None;
    let mut compound = None;
    let mut unknown = Vec::new();
    for content in KMEHR.children(item, "content") {
        for product in content.children().filter(|n| KMEHR.is(n, "medicinalproduct") || KMEHR.is(n, "substanceproduct"))
        {
            for (code, name) in [("intendedcd", "intendedname"), ("deliveredcd", "deliveredname")] {
                let display = KMEHR.child_text(&product, name);
                if let Some(mut found) = KMEHR.child(&product, code).and_then(|n| coding(&n)) {
                    found.display = found.display.or_else(|| display.clone());
                    codes.push(found);
                }
                if code == "intendedcd" && product_name.is_none() {
                    product_name = display;
                }
            }
        }
        if compound.is_none() {
            compound = KMEHR.child(&content, "compoundprescription").and_then(|n| text_of(&n));
        }
    }
    for coding in content_codes(item) {
        match coding.system.as_deref() {
            Some(system) if MEDICINE_SYSTEMS.contains(&system) => codes.push(coding),
            system => unknown.push(system.unwrap_or("cd").to_owned()),
        }
    }
    let text = product_name.or(compound).or_else(|| item_texts(item).into_iter().next());
    Medicine { codes, text, unknown }
}

// ---- state ----------------------------------------------------------------------------

/// A KMEHR lifecycle as a line status. A line without one is active: the schema, a
/// prescription and a SumEHR list current treatments unless they say otherwise.
fn line_status(lifecycle: Option<&str>) -> LineStatus {
    match lifecycle {
        None | Some("active" | "prescribed" | "delivered" | "administrated") => LineStatus::Active,
        Some("suspended") => LineStatus::Suspended,
        Some("stopped" | "aborted" | "cancelled") => LineStatus::Stopped,
        Some("completed" | "inactive") => LineStatus::Completed,
        Some(other) => LineStatus::Other(other.to_owned()),
    }
}

// ---- dosage ---------------------------------------------------------------------------

/// The dosages of an item: its posologies, then one dosage per intake of its regimens.
/// Frequency and route apply to every dosage. A line with only a frequency or only moments
/// still gets one dosage, so they are not lost.
fn dosages(item: &Node, frequency: Option<Frequency>, route: Option<Coding>) -> Result<Vec<Dosage>, String> {
    let base = Dosage { frequency, route, ..Dosage::default() };
    let moments: Vec<Coding> = KMEHR
        .children(item, "dayperiod")
        .filter_map(|d| cd_node(&d, "CD-DAYPERIOD"))
        .filter_map(|n| coding(&n))
        .collect();
    let mut out = Vec::new();
    for posology in KMEHR.children(item, "posology") {
        out.push(posology_dosage(&posology, &base, &moments)?);
    }
    for regimen in KMEHR.children(item, "regimen") {
        out.extend(regimen_dosages(&regimen, &base)?);
    }
    if out.is_empty() && (!moments.is_empty() || base.frequency.is_some()) {
        out.push(Dosage { moments, ..base });
    }
    Ok(out)
}

/// A `posology`: a text, or an amount (`low`/`high` with a `unit`) taken a number of times
/// per day (`takes`).
fn posology_dosage(posology: &Node, base: &Dosage, moments: &[Coding]) -> Result<Dosage, String> {
    let number = |node: &Node, name: &str| -> Result<Option<f64>, String> {
        match KMEHR.child_text(node, name) {
            Some(text) => decimal(&text).map(Some).ok_or_else(|| format!("posology {name} is not a number")),
            None => Ok(None),
        }
    };
    let amount = number(posology, "high")?
        .or(number(posology, "low")?)
        .map(|value| Quantity { value, unit: unit_code(posology) });
    let takes = match KMEHR.child(posology, "takes") {
        Some(takes) => number(&takes, "high")?.or(number(&takes, "low")?),
        None => None,
    };
    let frequency = match takes.filter(|t| t.fract() == 0.0 && (1.0..=1000.0).contains(t)) {
        Some(count) => {
            let (period, unit) = base.frequency.as_ref().map_or((1.0, "d".to_owned()), |f| (f.period, f.unit.clone()));
            Some(Frequency { count: count as u32, period, unit })
        }
        None => base.frequency.clone(),
    };
    Ok(Dosage {
        text: KMEHR.child_text(posology, "text"),
        amount,
        moments: moments.to_vec(),
        frequency,
        ..base.clone()
    })
}

/// The code of the `unit` child (`CD-ADMINISTRATIONUNIT` "00005", "tbl" … or a `CD-UNIT`),
/// raw: pages translate it with the code table.
fn unit_code(node: &Node) -> Option<String> {
    KMEHR.child(node, "unit").and_then(|u| KMEHR.children(&u, "cd").find_map(|n| text_of(&n)))
}

/// A `regimen`: a series of intakes, each `(daynumber | date | weekday)? daytime quantity`.
/// An element that would repeat a part of the current intake starts the next one.
fn regimen_dosages(regimen: &Node, base: &Dosage) -> Result<Vec<Dosage>, String> {
    let mut out = Vec::new();
    for intake in intakes(regimen.children().filter(|n| n.is_element())) {
        if !is_intake(&intake) {
            continue;
        }
        let mut current = base.clone();
        for node in intake {
            match node.tag_name().name() {
                "daynumber" => {
                    let text = text_of(&node).unwrap_or_default();
                    current.day_number =
                        Some(text.parse::<u32>().map_err(|_| "regimen daynumber is not a number".to_owned())?);
                }
                "date" => {
                    let text = text_of(&node).unwrap_or_default();
                    current.dates.push(crate::kmehr::common::date(&text).ok_or("regimen date is not a date")?);
                }
                "weekday" => {
                    if let Some(day) = cd_code(&node, "CD-WEEKDAY") {
                        current.weekdays.push(weekday(&day));
                    }
                }
                "daytime" => {
                    if let Some(period) = KMEHR
                        .child(&node, "dayperiod")
                        .and_then(|d| cd_node(&d, "CD-DAYPERIOD"))
                        .and_then(|n| coding(&n))
                    {
                        current.moments.push(period);
                    }
                    if let Some(time) = KMEHR.child_text(&node, "time") {
                        current.times.push(clock(&time));
                    }
                }
                "quantity" => {
                    let value = KMEHR.child_text(&node, "decimal").ok_or("regimen quantity without a number")?;
                    let value = decimal(&value).ok_or("regimen quantity is not a number")?;
                    current.amount = Some(Quantity { value, unit: unit_code(&node) });
                }
                _ => {}
            }
        }
        out.push(current);
    }
    Ok(out)
}

/// The part of one intake a regimen element gives (KMEHR and the pharmacy data hub's
/// format share the shape `(daynumber | date | weekday)? daytime quantity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RegimenPart {
    Day,
    Time,
    Quantity,
}

fn regimen_part(node: &Node) -> Option<RegimenPart> {
    let name = node.tag_name().name();
    let named = |n: &str| name.eq_ignore_ascii_case(n);
    if named("daynumber") || named("date") || named("weekday") {
        Some(RegimenPart::Day)
    } else if named("daytime") {
        Some(RegimenPart::Time)
    } else if named("quantity") {
        Some(RegimenPart::Quantity)
    } else {
        None
    }
}

/// Splits a regimen's elements into intakes: an element that would repeat a part of the
/// current intake (or come before one it has) starts the next. Elements that are no part
/// stay with their intake; a trailing group with no part at all is returned too, so its
/// elements can still be kept as unknown, but callers make no dosage of it.
pub(crate) fn intakes<'a, 'i>(elements: impl Iterator<Item = Node<'a, 'i>>) -> Vec<Vec<Node<'a, 'i>>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    let mut seen: Vec<RegimenPart> = Vec::new();
    for node in elements {
        if let Some(part) = regimen_part(&node) {
            let starts_next = match part {
                RegimenPart::Day => !seen.is_empty(),
                RegimenPart::Time => seen.iter().any(|p| *p != RegimenPart::Day),
                RegimenPart::Quantity => seen.contains(&RegimenPart::Quantity),
            };
            if starts_next {
                out.push(std::mem::take(&mut current));
                seen.clear();
            }
            seen.push(part);
        }
        current.push(node);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Whether a group from [`intakes`] is an intake (has a day, a time or a quantity).
pub(crate) fn is_intake(group: &[Node]) -> bool {
    group.iter().any(|n| regimen_part(n).is_some())
}

/// "monday" or "MONDAY" → "mon" (the form of [`Dosage::weekdays`]); an unknown day is kept raw.
pub(crate) fn weekday(day: &str) -> String {
    match day.trim().to_ascii_lowercase().as_str() {
        "monday" => "mon",
        "tuesday" => "tue",
        "wednesday" => "wed",
        "thursday" => "thu",
        "friday" => "fri",
        "saturday" => "sat",
        "sunday" => "sun",
        _ => return day.trim().to_owned(),
    }
    .to_owned()
}

/// "09:59:00" → "09:59"; anything else is kept as sent.
pub(crate) fn clock(time: &str) -> String {
    let t = time.trim();
    match (t.get(..5), t.get(2..3)) {
        (Some(hm), Some(":")) if hm.bytes().enumerate().all(|(i, b)| i == 2 || b.is_ascii_digit()) => hm.to_owned(),
        _ => t.to_owned(),
    }
}

/// The item's frequency. `Err` carries an unknown periodicity code ("CD-PERIODICITY:O1"),
/// to be kept in `unknown_extensions`.
fn frequency(item: &Node) -> Result<Option<Frequency>, String> {
    let Some(frequency) = KMEHR.child(item, "frequency") else { return Ok(None) };
    if let Some(code) = KMEHR.child(&frequency, "periodicity").and_then(|p| cd_code(&p, "CD-PERIODICITY")) {
        return periodicity(&code).map(Some).ok_or(format!("CD-PERIODICITY:{code}"));
    }
    // nominator / denominator: "every <nominator> <unit>" over one <unit>.
    let quantity = |name: &str| {
        KMEHR.child(&frequency, name).and_then(|n| KMEHR.child(&n, "quantity")).and_then(|q| {
            Some((
                KMEHR.child_text(&q, "decimal").and_then(|d| decimal(&d))?,
                KMEHR.child(&q, "unit").and_then(|u| cd_code(&u, "CD-TIMEUNIT"))?,
            ))
        })
    };
    Ok(match (quantity("nominator"), quantity("denominator")) {
        (Some((n, unit)), Some((d, denominator_unit))) if unit == denominator_unit && d > 0.0 => {
            Some(Frequency { count: 1, period: n / d, unit: time_unit(&unit) })
        }
        _ => None,
    })
}

/// A KMEHR time unit as the frequency unit ("hr" → "h"; the others are already UCUM-like).
fn time_unit(unit: &str) -> String {
    match unit {
        "hr" => "h".to_owned(),
        other => other.to_owned(),
    }
}

/// A `CD-PERIODICITY` code as a frequency: once every `period` `unit`. The code is a unit
/// letter (U hour, D day, W week, M month, J year) and a multiplier letter (T 2, D 3, V 4,
/// Q 5, Z 6, S 7, A 8, N 9, X 10, E 11, W 12, C 18, P 24, H half); a trailing "2" only
/// distinguishes a second code for the same period ("MZ2" six months, "JH2" half a year).
pub fn periodicity(code: &str) -> Option<Frequency> {
    let code = code.trim().to_ascii_uppercase();
    let code = code.strip_suffix('2').unwrap_or(&code);
    let mut letters = code.chars();
    let unit = match letters.next()? {
        'U' => "h",
        'D' => "d",
        'W' => "wk",
        'M' => "mo",
        'J' => "a",
        _ => return None,
    };
    let factor = match letters.as_str() {
        "" => 1.0,
        "T" => 2.0,
        "D" => 3.0,
        "V" => 4.0,
        "Q" => 5.0,
        "Z" => 6.0,
        "S" => 7.0,
        "A" => 8.0,
        "N" => 9.0,
        "X" => 10.0,
        "E" => 11.0,
        "W" => 12.0,
        "C" => 18.0,
        "P" => 24.0,
        "H" => 0.5,
        _ => return None,
    };
    let (period, unit) = match (factor == 0.5, unit) {
        (true, "h") => (30.0, "min"),
        (true, "d") => (12.0, "h"),
        (true, "a") => (6.0, "mo"),
        _ => (factor, unit),
    };
    Some(Frequency { count: 1, period, unit: unit.to_owned() })
}

// ---- the schema's notes and suspensions -----------------------------------------------

/// The `healthcareelement` items of a medication schema transaction (`CD-ITEM-MS`).
#[derive(Default)]
struct SchemaNotes {
    use_: Option<String>,
    begin: Option<String>,
    end: Option<String>,
    /// The other notes (origin, adaptation flag, medication type), by code: kept raw.
    other: Vec<String>,
}

impl SchemaNotes {
    fn of(transaction: &Node) -> SchemaNotes {
        let mut notes = SchemaNotes::default();
        for item in KMEHR
            .descendants(transaction, "item")
            .filter(|i| cd_code(i, "CD-ITEM").as_deref() == Some("healthcareelement"))
        {
            let Some(kind) = KMEHR.children(&item, "content").find_map(|c| cd_code(&c, "CD-ITEM-MS")) else { continue };
            let text = item_texts(&item).into_iter().next();
            match kind.as_str() {
                "medicationuse" => notes.use_ = notes.use_.or(text),
                "begincondition" => notes.begin = notes.begin.or(text),
                "endcondition" => notes.end = notes.end.or(text),
                other => notes.other.push(format!("CD-ITEM-MS:{other}")),
            }
        }
        notes
    }

    fn apply(&self, line: &mut MedicationLine) {
        line.reason = line.reason.take().or_else(|| self.use_.clone());
        line.begin_condition = line.begin_condition.take().or_else(|| self.begin.clone());
        line.end_condition = line.end_condition.take().or_else(|| self.end.clone());
        line.unknown_extensions.extend(self.other.iter().cloned());
    }
}

/// A line of a `treatmentsuspension` transaction, and the id of the transaction holding the
/// line it suspends (its `lnk TYPE="isplannedfor"`), when it says.
pub(crate) struct SuspensionLine {
    pub target: Option<String>,
    pub line: Item<MedicationLine>,
}

/// The lines of a treatment suspension transaction. Each line's period (its begin and end)
/// becomes its suspension, with the transaction's reason; its status says temporary
/// (suspended) or definitive (stopped).
pub(crate) fn read_suspension_lines(transaction: &Node) -> Vec<SuspensionLine> {
    let reason = KMEHR
        .descendants(transaction, "item")
        .filter(|i| cd_code(i, "CD-ITEM").as_deref() == Some("transactionreason"))
        .flat_map(|i| item_texts(&i))
        .next();
    let targets: Vec<Option<String>> = KMEHR
        .descendants(transaction, "item")
        .filter(|item| cd_code(item, "CD-ITEM").as_deref() == Some("medication"))
        .map(|item| {
            KMEHR
                .children(&item, "lnk")
                .find(|l| l.attribute("TYPE") == Some("isplannedfor"))
                .and_then(|l| l.attribute("URL").and_then(link_target))
        })
        .collect();
    let lines = read_medication_lines(*transaction, MedicationRecordKind::Taken);
    lines
        .into_iter()
        .zip(targets)
        .map(|(mut line, target)| {
            if let Item::Read(line) = &mut line {
                let suspension = Suspension { from: line.start.take(), until: line.end.take(), reason: reason.clone() };
                if line.status == LineStatus::Stopped {
                    line.end = suspension.from;
                } else {
                    line.status = LineStatus::Suspended;
                }
                line.suspensions.push(suspension);
            }
            SuspensionLine { target, line }
        })
        .collect()
}

/// Applies a suspension line to the line it suspends: the suspension is added; a
/// definitive one (stopped) stops the line and ends it on that day.
pub(crate) fn apply_suspension(line: &mut MedicationLine, suspension: &MedicationLine) {
    for s in &suspension.suspensions {
        if suspension.status == LineStatus::Stopped && s.until.is_none() {
            line.status = LineStatus::Stopped;
            if let Some(from) = s.from {
                line.end = Some(line.end.map_or(from, |end| end.min(from)));
            }
        }
        line.suspensions.push(s.clone());
    }
}

/// The id a link points at: `//transaction[id[@S='ID-KMEHR']='11']` → "11"; a link that is
/// not such a path is taken as the id itself.
fn link_target(url: &str) -> Option<String> {
    let value = match url.rsplit_once("]=") {
        Some((_, after)) => after.trim_end_matches(']').trim().trim_matches(|c| c == '\'' || c == '"'),
        None => url.trim(),
    };
    (!value.is_empty()).then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kmehr::common::parse;
    use carnet_core::date::PartialDate;

    fn fixture(path: &str) -> String {
        crate::fixtures::text(&format!("kmehr/{path}"))
    }

    /// Every line of every transaction of a fixture, in order, all read.
    fn lines(path: &str, kind: MedicationRecordKind) -> Vec<MedicationLine> {
        let xml = fixture(path);
        let Ok(doc) = parse(&xml) else { panic!("{path} parses") };
        KMEHR
            .descendants(&doc.root_element(), "transaction")
            .flat_map(|t| read_medication_lines(t, kind))
            .map(|l| match l {
                Item::Read(l) => l,
                Item::Unreadable { reason, .. } => panic!("{path}: a line was not read: {reason}"),
            })
            .collect()
    }

    fn day(y: i32, m: u8, d: u8) -> PartialDate {
        PartialDate { year: y, month: Some(m), day: Some(d) }
    }

    fn line<'a>(lines: &'a [MedicationLine], text: &str) -> &'a MedicationLine {
        lines.iter().find(|l| l.medicine_text.as_deref() == Some(text)).unwrap_or_else(|| panic!("no line {text}"))
    }

    fn moments(d: &Dosage) -> Vec<&str> {
        d.moments.iter().filter_map(|m| m.code.as_deref()).collect()
    }

    #[test]
    fn riziv_scheme_gives_medicine_cnk_dose_moments_route_and_frequency() {
        let lines = lines("medicationschema/kmehrtests-ms-RIZIV_01.xml", MedicationRecordKind::Taken);
        assert_eq!(lines.len(), 5);
        let kredex = line(&lines, "Kredex 25 mg tabl. 56");
        let cnk = kredex.medicine.first();
        assert_eq!(cnk.and_then(|c| c.code.as_deref()), Some("0482554"));
        assert_eq!(cnk.and_then(|c| c.system.as_deref()), Some(carnet_core::coding::CNK));
        assert_eq!(kredex.start, Some(day(2020, 6, 10)));
        assert_eq!(kredex.temporality.as_deref(), Some("chronic"));
        assert_eq!(kredex.status, LineStatus::Active);
        assert_eq!(kredex.dosage.len(), 2);
        let breakfast = &kredex.dosage[0];
        assert_eq!(moments(breakfast), vec!["duringbreakfast"]);
        assert_eq!(breakfast.amount, Some(Quantity { value: 1.0, unit: Some("00005".into()) }));
        assert_eq!(breakfast.frequency, Some(Frequency { count: 1, period: 1.0, unit: "d".into() }));
        assert_eq!(breakfast.route.as_ref().and_then(|r| r.code.as_deref()), Some("00064"));
        assert_eq!(moments(&kredex.dosage[1]), vec!["duringdinner"]);
        let tresiba = line(&lines, "Tresiba 200 U/ml inj. opl. s.c. voorgev. pen 3 x 3 ml FlexTouch");
        assert_eq!(
            tresiba.dosage.first().and_then(|d| d.amount.clone()),
            Some(Quantity { value: 12.0, unit: Some("internationalunits".into()) })
        );
        assert_eq!(tresiba.author, Some(Party::Named("Devil Tasmanian".into())));
    }

    #[test]
    fn the_official_posology_forms_read() {
        let lines = lines("medicationschema/kmehrtests-ms-TS-02-posologies.xml", MedicationRecordKind::Taken);
        assert_eq!(lines.len(), 14);
        // Free text, no periodicity.
        let n1 = line(&lines, "Drug n°1");
        assert_eq!(n1.dosage.first().and_then(|d| d.text.as_deref()), Some("Free text posology"));
        assert_eq!(n1.dosage.first().and_then(|d| d.frequency.clone()), None);
        assert_eq!(
            n1.reason.as_deref(),
            Some("Free text without periodicity / temporality / endDate - only displayed the 22nd maart 2021")
        );
        // Every six hours, one shot.
        let n3 = line(&lines, "Drug n°3");
        assert_eq!(
            n3.dosage.first().and_then(|d| d.frequency.clone()),
            Some(Frequency { count: 1, period: 6.0, unit: "h".into() })
        );
        assert_eq!(n3.temporality.as_deref(), Some("oneshot"));
        // A dose on a given date.
        let n7 = line(&lines, "Drug n°7");
        assert_eq!(n7.dosage.first().map(|d| d.dates.clone()), Some(vec![day(2023, 2, 1)]));
        assert_eq!(n7.dosage.first().map(moments), Some(vec!["beforebreakfast"]));
        // Day 1 and day 2.
        let n8 = line(&lines, "Drug n°8");
        assert_eq!(n8.dosage.iter().map(|d| d.day_number).collect::<Vec<_>>(), vec![Some(1), Some(2)]);
        // Five intakes whose moment the generator left empty: five doses still.
        let n10 = line(&lines, "Drug n°10");
        assert_eq!(n10.dosage.len(), 5);
        assert!(n10.dosage.iter().all(|d| d.moments.is_empty() && d.amount.as_ref().map(|a| a.value) == Some(1.0)));
        // Yearly, monthly on day 15, weekly on Tuesday and Friday.
        let n12 = line(&lines, "Drug n°12");
        assert_eq!(
            n12.dosage.first().and_then(|d| d.frequency.clone()),
            Some(Frequency { count: 1, period: 1.0, unit: "a".into() })
        );
        let n13 = line(&lines, "Drug n°13");
        assert_eq!(n13.dosage.first().and_then(|d| d.day_number), Some(15));
        assert_eq!(
            n13.dosage.first().and_then(|d| d.frequency.as_ref().map(|f| f.unit.clone())).as_deref(),
            Some("mo")
        );
        let n14 = line(&lines, "Drug n°14");
        assert_eq!(
            n14.dosage.iter().map(|d| d.weekdays.clone()).collect::<Vec<_>>(),
            vec![vec!["tue".to_owned()], vec!["fri".to_owned()]]
        );
        assert_eq!(n14.dosage.first().and_then(|d| d.amount.as_ref().map(|a| a.value)), Some(2.5));
    }

    #[test]
    fn begin_and_end_conditions_and_dates_read() {
        let lines = lines("medicationschema/kmehrtests-ms-TS-07-BEGIN_END_CONDITIONS.xml", MedicationRecordKind::Taken);
        assert_eq!(lines.len(), 8);
        let d2 = line(&lines, "Drug 002");
        assert_eq!((d2.start, d2.end), (Some(day(2022, 5, 5)), Some(day(2022, 5, 10))));
        let d8 = line(&lines, "Drug 008");
        assert_eq!(d8.begin_condition.as_deref(), Some("Begin condition 008"));
        assert_eq!(d8.end_condition.as_deref(), Some("End condition 008"));
        assert_eq!(line(&lines, "Drug 001").begin_condition, None);
    }

    #[test]
    fn acceptance_data_reads_weekly_every_n_days_and_instructions() {
        let lines =
            lines("medicationschema/kmehrtests-ms-Vitalink_Acceptatie_Testdata.xml", MedicationRecordKind::Taken);
        let dafalgan = line(&lines, "Dafalgan 500 mg comp. 30");
        assert_eq!(
            dafalgan.dosage.iter().flat_map(|d| d.weekdays.clone()).collect::<Vec<_>>(),
            vec!["mon", "wed", "fri"]
        );
        assert_eq!(
            dafalgan.dosage.first().and_then(|d| d.frequency.clone()),
            Some(Frequency { count: 1, period: 1.0, unit: "wk".into() })
        );
        let marcoumar = line(&lines, "Marcoumar 3 mg comp. 25");
        assert_eq!(marcoumar.instructions.as_deref(), Some("volgens bloedanalyse"));
        let zinnat = line(&lines, "Zinnat 500 mg compr. pellic. 20");
        assert_eq!(zinnat.dosage.len(), 27);
        assert_eq!(
            zinnat.dosage.first().and_then(|d| d.frequency.clone()),
            Some(Frequency { count: 1, period: 9.0, unit: "d".into() })
        );
        assert_eq!(zinnat.dosage.last().and_then(|d| d.amount.as_ref().map(|a| a.value)), Some(0.25));
        let fasigyn = line(&lines, "Fasigyn 500 mg compr. pellic. 4");
        assert_eq!(fasigyn.end_condition.as_deref(), Some("wanneer niet nodig"));
        assert_eq!(fasigyn.dosage.first().and_then(|d| d.frequency.as_ref().map(|f| f.period)), Some(3.0));
        // "O1" is no periodicity code: kept raw, the line still reads.
        let penicilline = lines.iter().find(|l| l.medicine.iter().any(|c| c.code.as_deref() == Some("0066746")));
        assert!(penicilline.is_some_and(|l| l.unknown_extensions.contains(&"CD-PERIODICITY:O1".to_owned())));
        assert_eq!(penicilline.and_then(|l| l.instructions.as_deref()), Some("Stopping of drug"));
        let amoxicilline = line(&lines, "Amoxicilline EG 1000 mg compr. efferv. 8");
        assert_eq!(amoxicilline.author, Some(Party::Named("John Doe".into())));
        assert_eq!(amoxicilline.reason.as_deref(), Some("To treat bacterial infections"));
        assert_eq!(line(&lines, "magistrale bereiding").medicine, Vec::new());
    }

    #[test]
    fn intended_and_delivered_products_and_substances_read() {
        let lines = lines("medicationschema/kmehrtests-ms-TS-01-identifiers.xml", MedicationRecordKind::Taken);
        assert_eq!(lines.len(), 6);
        let both = lines
            .iter()
            .find(|l| l.medicine.len() == 2 && l.medicine_text.as_deref() == Some("Rhinathiol Naturactiv Pulmo 133Ml"));
        let delivered = both.and_then(|l| l.medicine.get(1));
        assert_eq!(delivered.and_then(|c| c.code.as_deref()), Some("3319522"));
        assert_eq!(delivered.and_then(|c| c.display.as_deref()), Some("Orgitan Care B+Pharma 90 Tabl"));
        let vmp = line(&lines, "aceclofenac oraal 100 mg, 20 tabletten");
        assert_eq!(vmp.medicine.first().and_then(|c| c.system.as_deref()), Some("CD-VMPGROUP"));
        assert_eq!(line(&lines, "Free text drug").medicine, Vec::new());
    }

    #[test]
    fn a_regimen_with_times_on_a_date_and_overdosing_instructions_reads() {
        let lines = lines("medicationschema/vitalink-evs-validator-03_valid.xml", MedicationRecordKind::Taken);
        let [topazolam] = lines.as_slice() else { panic!("one line") };
        assert_eq!(topazolam.medicine_text.as_deref(), Some("STOFNAAM: Topazolam tab 50x 0,5mg"));
        assert_eq!(
            topazolam.dosage.iter().map(|d| d.times.clone()).collect::<Vec<_>>(),
            vec![vec!["12:00"], vec!["15:00"], vec!["18:00"]]
        );
        assert_eq!(topazolam.dosage.get(1).and_then(|d| d.amount.as_ref().map(|a| a.value)), Some(1.5));
        assert_eq!(topazolam.dosage.first().map(|d| d.dates.clone()), Some(vec![day(2011, 12, 23)]));
        assert_eq!(topazolam.reason.as_deref(), Some("Voor maagpijn"));
        assert_eq!(topazolam.begin_condition.as_deref(), Some("medicijn innemen bij migraine aanval"));
        assert_eq!(topazolam.end_condition.as_deref(), Some("innemen tot doosje leeg is"));
        assert_eq!(topazolam.end, Some(day(2019, 1, 15)));
        assert_eq!(
            topazolam.instructions.as_deref(),
            Some("minimum 4 uur tussen 2 innames\nde overdosis van 4x per dag is wel degelijk correct")
        );
        assert!(topazolam.unknown_extensions.contains(&"CD-ITEM-MS:origin".to_owned()));
    }

    #[test]
    fn a_recipe_prescription_gives_medicine_and_posology() {
        let lines = lines("other/recipe-sample-prescription.xml", MedicationRecordKind::Prescribed);
        let [yasmin] = lines.as_slice() else { panic!("one line") };
        assert_eq!(yasmin.kind, MedicationRecordKind::Prescribed);
        assert_eq!(yasmin.medicine_text.as_deref(), Some("YASMIN DRAG 3 X 21"));
        assert_eq!(yasmin.medicine.first().and_then(|c| c.code.as_deref()), Some("1596915"));
        assert_eq!(yasmin.dosage.first().and_then(|d| d.text.as_deref()), Some("1 tablet per dag"));
        assert_eq!(yasmin.start, Some(day(2016, 9, 28)));
        assert_eq!(yasmin.author, Some(Party::Named("Dr. Duck Donald".into())));
        assert_eq!(yasmin.unknown_extensions, vec!["LOCAL:SAMPROOF".to_owned()]);
    }

    #[test]
    fn periodicity_codes_read() {
        let f = |code: &str| periodicity(code).map(|f| (f.period, f.unit));
        assert_eq!(f("D"), Some((1.0, "d".into())));
        assert_eq!(f("DT"), Some((2.0, "d".into())));
        assert_eq!(f("WD"), Some((3.0, "wk".into())));
        assert_eq!(f("MZ2"), Some((6.0, "mo".into())));
        assert_eq!(f("JH2"), Some((6.0, "mo".into())));
        assert_eq!(f("UH"), Some((30.0, "min".into())));
        assert_eq!(f("WP"), Some((24.0, "wk".into())));
        assert_eq!(f("O1"), None);
        assert_eq!(f(""), None);
    }

    #[test]
    fn a_definitive_suspension_stops_the_line_on_its_day() {
        let Ok(doc) = parse(
            r#"<transaction><id S="ID-KMEHR">1</id><item><id S="ID-KMEHR">1</id><cd S="CD-ITEM">medication</cd>
            <content><compoundprescription>X</compoundprescription></content><beginmoment><date>2022-01-01</date></beginmoment></item></transaction>"#,
        ) else {
            panic!("parses")
        };
        let lines = read_medication_lines(doc.root_element(), MedicationRecordKind::Taken);
        let Some(Item::Read(mut line)) = lines.into_iter().next() else { panic!("one line, read") };
        let temporary = MedicationLine {
            status: LineStatus::Suspended,
            suspensions: vec![Suspension { from: Some(day(2022, 7, 2)), until: Some(day(2022, 7, 3)), reason: None }],
            ..line.clone()
        };
        apply_suspension(&mut line, &temporary);
        assert_eq!(line.status, LineStatus::Active, "a temporary suspension leaves the line's own status");
        let stop = MedicationLine {
            status: LineStatus::Stopped,
            suspensions: vec![Suspension { from: Some(day(2022, 7, 5)), until: None, reason: None }],
            ..line.clone()
        };
        apply_suspension(&mut line, &stop);
        assert_eq!(line.status, LineStatus::Stopped);
        assert_eq!(line.end, Some(day(2022, 7, 5)));
        assert_eq!(line.suspensions.len(), 2);
        let on = |d| line.status_on(day(2022, 7, d).earliest());
        assert_eq!(
            (on(1), on(2), on(4), on(5)),
            (LineStatus::Active, LineStatus::Suspended, LineStatus::Active, LineStatus::Stopped)
        );
    }

    #[test]
    fn an_item_without_medicine_or_with_a_bad_number_is_unreadable_and_the_rest_reads() {
        let Ok(doc) = parse(
            r#"<transaction><id S="ID-KMEHR">4</id>
            <item><id S="ID-KMEHR">1</id><cd S="CD-ITEM">medication</cd><beginmoment><date>2022-01-01</date></beginmoment></item>
            <item><id S="ID-KMEHR">2</id><cd S="CD-ITEM">medication</cd><content><compoundprescription>X</compoundprescription></content>
              <regimen><daytime><time>08:00:00</time></daytime><quantity><decimal>one</decimal></quantity></regimen></item>
            <item><id S="ID-KMEHR">3</id><cd S="CD-ITEM">medication</cd><content><compoundprescription>Y</compoundprescription></content></item>
            </transaction>"#,
        ) else {
            panic!("parses")
        };
        let lines = read_medication_lines(doc.root_element(), MedicationRecordKind::Taken);
        assert!(matches!(lines.first(), Some(Item::Unreadable { id: Some(id), .. }) if id == "4/1"));
        assert!(matches!(lines.get(1), Some(Item::Unreadable { .. })));
        assert!(matches!(lines.get(2), Some(Item::Read(l)) if l.medicine_text.as_deref() == Some("Y")));
    }

    #[test]
    fn link_targets_read() {
        assert_eq!(link_target("//transaction[id[@S='ID-KMEHR']='11']").as_deref(), Some("11"));
        assert_eq!(
            link_target("/subject/1/medication-scheme/2/1").as_deref(),
            Some("/subject/1/medication-scheme/2/1")
        );
        assert_eq!(link_target("]="), None);
    }
}
