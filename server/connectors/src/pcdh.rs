//! Reads the pharmaceutical care data hub's (PCDH, run by the pharmacists' association APB)
//! "single message": the medicines a pharmacy delivered, as [`MedicationLine`]s of kind
//! [`MedicationRecordKind::Delivered`]. It is not KMEHR but APB's own XML ("SMOA"), in four
//! namespaces (`http://www.apb.be/standards/smoa/schema/…`: the message, the model, ids and
//! codes); elements are matched by local name (ignoring case, as the casing varies between
//! versions: `medicinalproduct`, `medicinalProduct`) in any of them.
//!
//! The shape: `single-message/unsigned/eventFolder/events/event`, one event per visit to the
//! pharmacy (`sessionDateTime`, `pharmacyId`, the patient), holding groups of deliveries —
//! `dispensedForSamePrescription` (with the prescriber's `hcparty`) or
//! `dispensedWithoutPrescription` — of `product`s. One line per product:
//!
//! - `kind` Delivered, `status` Completed (the delivery happened), `id` its
//!   `dispensationGUID`, `start` the day of the visit, `author` the pharmacy
//!   ([`Party::Nihdi`] of its `nihiiPharmacyNumber`, else the message's sender);
//! - the medicine, from the product's `description`: a CNK `productCode`; a
//!   `medicinalProduct` (delivered, then intended product: CNK codes and names, the
//!   delivered name preferred); a `substance` (its code, a CNK, and name); a
//!   `magistralPreparation` (its `magistralText`, else the `formularyReference` name, with its
//!   code as an [`FORMULA`] coding, then its compounds listed as text: "name [prefix]
//!   [quantity]; …", then its galenic form and quantity in brackets); an `unregisteredProduct`
//!   (a text);
//! - from the `dispensation`: `numberOfUnits`, the number of packages delivered
//!   ([`Delivery::packages`]); the `administrationInstructions`: a `posology` text (one
//!   [`Dosage`] with that text) or a `regimen` (one dosage per intake, as in KMEHR), the
//!   `route` (a `CD-DRUG-ROUTE` code) and `duration` on every dosage, `beginmoment` (when to
//!   start taking it: [`Delivery::take_from`], as `start` is the delivery day), `endmoment`
//!   (`end`; else the end of the duration counted from `beginmoment`), and
//!   `instructionforpatient` (the line's `instructions`);
//! - the prescriber, from the group's `hcparty`: "name familyName" ([`Party::Named`]), else
//!   the RIZIV number ([`Party::Nihdi`]), in [`Delivery::prescriber`].
//!
//! The patient (`max-Patient`: SSIN and name) is never read. The prescriber's address and
//! phone, the message's bookkeeping (header, ids) and the `onSubstanceName` flag are not
//! shown. Any other element is kept by local name in `unknown_extensions` of the lines it
//! concerns, never dropped. A product without any medicine, or with a date or number that
//! does not read, becomes [`Item::Unreadable`] (a technical reason, no health data); the
//! others still read.

use carnet_core::coding::{CNK, Coding, Quantity};
use carnet_core::date::PartialDate;
use carnet_core::item::Item;
use carnet_core::medication::{Delivery, Dosage, LineStatus, MedicationLine, MedicationRecordKind};
use carnet_core::party::Party;
use roxmltree::Node;

use crate::error::ConnectorError;
use crate::kmehr::common::{date, decimal, period_end};
use crate::medication::kmehr::{clock, intakes, is_intake, weekday};
use crate::xml::{Vocabulary, text_of};

/// The namespace of the single message itself (`smc:`).
pub const SMC_NS: &str = "http://www.apb.be/standards/smoa/schema/v1";
/// The namespaces of a single message's content: the message, its model, ids and codes.
/// Element names are matched regardless of case: the casing varies between versions.
const APB: Vocabulary = Vocabulary {
    namespaces: &[
        Some(SMC_NS),
        Some("http://www.apb.be/standards/smoa/schema/model/v1"),
        Some("http://www.apb.be/standards/smoa/schema/id/v1"),
        Some("http://www.apb.be/standards/smoa/schema/code/v1"),
    ],
    any_case: true,
};
/// The code system of a formula of a magistral formulary (`formularyReference/formulaCode`,
/// e.g. the Belgian Therapeutic Magistral Formulary), as the pharmacy data hub sends it.
pub const FORMULA: &str = "APB-FORMULA";
/// The route of administration: the same code table as KMEHR's.
const ROUTE: &str = "CD-DRUG-ROUTE";
/// Moments of the day in a regimen: the same codes as KMEHR's (sent in upper case).
const DAYPERIOD: &str = "CD-DAYPERIOD";

/// Reads a PCDH single message: one line per delivered product, in document order.
/// `Malformed` when the text is not XML or not a single message.
pub fn read_single_message(xml: &str) -> Result<Vec<Item<MedicationLine>>, ConnectorError> {
    let doc = crate::xml::parse(xml, "PCDH single message")?;
    let root = doc.root_element();
    if root.tag_name().name() != "single-message" || root.tag_name().namespace() != Some(SMC_NS) {
        return Err(ConnectorError::Malformed("not a PCDH single message".into()));
    }
    let sender = APB.descendant(&root, "header").and_then(|h| APB.descendant(&h, "sender")).and_then(|s| pharmacy(&s));
    Ok(root
        .descendants()
        .filter(|n| APB.is(n, "event"))
        .flat_map(|event| read_event(&event, sender.as_ref()))
        .collect())
}

// ---- elements -------------------------------------------------------------------------

/// The child elements of `node`.
fn elements<'a, 'i>(node: &Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(Node::is_element)
}

/// The local name of an element this reader does not know, kept once.
fn keep_unknown(unknown: &mut Vec<String>, node: &Node) {
    let name = node.tag_name().name();
    if !unknown.iter().any(|u| u == name) {
        unknown.push(name.to_owned());
    }
}

// ---- parties --------------------------------------------------------------------------

/// The pharmacy identified under `node` (`pharmacyId/nihiiPharmacyNumber`, or the number
/// alone).
fn pharmacy(node: &Node) -> Option<Party> {
    APB.descendant(node, "nihiiPharmacyNumber").and_then(|n| text_of(&n)).map(Party::Nihdi)
}

/// The prescriber of a group of deliveries: "name familyName", else the RIZIV number. Only
/// the RIZIV id is read: another id (a national register number) is never shown.
fn prescriber(hcparty: &Node) -> Option<Party> {
    let name = [APB.child_text(hcparty, "name"), APB.child_text(hcparty, "familyName")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    if !name.is_empty() {
        return Some(Party::Named(name.join(" ")));
    }
    APB.descendant(hcparty, "riziv").and_then(|n| text_of(&n)).map(Party::Nihdi)
}

// ---- events and groups ----------------------------------------------------------------

/// What every line of an event (or of a group of it) shares.
#[derive(Clone)]
struct Context {
    /// The day of the visit; `Err` when it does not read (its products are then unreadable).
    delivered: Result<Option<PartialDate>, String>,
    pharmacy: Option<Party>,
    prescriber: Option<Party>,
    unknown: Vec<String>,
}

/// The lines of one event: its groups' products.
fn read_event(event: &Node, sender: Option<&Party>) -> Vec<Item<MedicationLine>> {
    let delivered = match APB.child_text(event, "sessionDateTime") {
        Some(text) => date(&text).map(Some).ok_or_else(|| "sessionDateTime is not a date".to_owned()),
        None => Ok(None),
    };
    let pharmacy = APB.child(event, "pharmacyId").and_then(|p| pharmacy(&p)).or_else(|| sender.cloned());
    let mut context = Context { delivered, pharmacy, prescriber: None, unknown: Vec::new() };
    let mut groups = Vec::new();
    for node in elements(event) {
        match node.tag_name().name() {
            "dispensedForSamePrescription" | "dispensedWithoutPrescription" => groups.push(node),
            // Read above; the patient is deliberately never read.
            "id" | "sessionDateTime" | "pharmacyId" | "max-Patient" => {}
            _ => keep_unknown(&mut context.unknown, &node),
        }
    }
    groups.iter().flat_map(|group| read_group(group, &context)).collect()
}

/// The lines of one group of deliveries (on the same prescription, or without one).
fn read_group(group: &Node, event: &Context) -> Vec<Item<MedicationLine>> {
    let mut context = event.clone();
    let mut products = Vec::new();
    for node in elements(group) {
        if APB.is(&node, "product") {
            products.push(node);
        } else if APB.is(&node, "hcparty") {
            context.prescriber = prescriber(&node);
        } else {
            keep_unknown(&mut context.unknown, &node);
        }
    }
    products.iter().map(|product| read_product(product, &context)).collect()
}

/// One delivered product.
fn read_product(product: &Node, context: &Context) -> Item<MedicationLine> {
    let id = APB.child_text(product, "dispensationGUID");
    match read_line(product, context, id.clone()) {
        Ok(line) => Item::Read(line),
        Err(reason) => Item::Unreadable { id, reason },
    }
}

fn read_line(product: &Node, context: &Context, id: Option<String>) -> Result<MedicationLine, String> {
    let start = context.delivered.clone()?;
    let mut unknown = context.unknown.clone();
    let mut medicine = Medicine::default();
    let mut dispensed = Dispensed::default();
    for node in elements(product) {
        if APB.is(&node, "description") {
            medicine = describe(&node, &mut unknown);
        } else if APB.is(&node, "dispensation") {
            dispensed = read_dispensation(&node, &mut unknown)?;
        } else if !APB.is(&node, "dispensationGUID") {
            keep_unknown(&mut unknown, &node);
        }
    }
    if medicine.codes.is_empty() && medicine.text.is_none() {
        return Err("delivered product without a medicine".into());
    }
    let end = dispensed.end.or_else(|| {
        let (from, duration) = dispensed.take_from.zip(dispensed.duration.as_ref())?;
        period_end(from, duration.value, duration.unit.as_deref()?)
    });
    Ok(MedicationLine {
        id,
        kind: MedicationRecordKind::Delivered,
        status: LineStatus::Completed,
        medicine: medicine.codes,
        medicine_text: medicine.text,
        dosage: dispensed.dosage,
        start,
        end,
        author: context.pharmacy.clone(),
        reason: None,
        instructions: (!dispensed.instructions.is_empty()).then(|| dispensed.instructions.join("\n")),
        suspensions: Vec::new(),
        unknown_extensions: unknown,
        temporality: None,
        begin_condition: None,
        end_condition: None,
        delivery: Some(Delivery {
            prescriber: context.prescriber.clone(),
            packages: dispensed.packages,
            take_from: dispensed.take_from,
        }),
    })
}

// ---- the medicine ---------------------------------------------------------------------

/// The medicine's codes and its name (or description, for a magistral preparation).
#[derive(Default)]
struct Medicine {
    codes: Vec<Coding>,
    text: Option<String>,
}

impl Medicine {
    fn add(&mut self, other: Medicine) {
        self.codes.extend(other.codes);
        self.text = self.text.take().or(other.text);
    }
}

/// The product's `description`: whichever kinds of medicine it holds, in order.
fn describe(description: &Node, unknown: &mut Vec<String>) -> Medicine {
    let mut medicine = Medicine::default();
    for node in elements(description) {
        if APB.is(&node, "productCode") {
            let code = APB.descendant(&node, "cnk").or(Some(node)).and_then(|n| text_of(&n));
            medicine.add(Medicine { codes: code.map(|c| cnk(c, None)).into_iter().collect(), text: None });
        } else if APB.is(&node, "medicinalProduct") {
            medicine.add(medicinal_product(&node));
        } else if APB.is(&node, "substance") {
            medicine.add(substance(&node));
        } else if APB.is(&node, "magistralPreparation") {
            medicine.add(magistral(&node, unknown));
        } else if APB.is(&node, "unregisteredProduct") {
            medicine.add(Medicine { codes: Vec::new(), text: text_of(&node) });
        } else {
            keep_unknown(unknown, &node);
        }
    }
    medicine
}

fn cnk(code: String, display: Option<String>) -> Coding {
    Coding { system: Some(CNK.to_owned()), code: Some(code), display }
}

/// A `medicinalProduct`: the delivered product first (what the patient got), then the
/// intended one when it differs; the delivered name preferred.
fn medicinal_product(product: &Node) -> Medicine {
    let delivered_name = APB.child_text(product, "deliveredname");
    let intended_name = APB.child_text(product, "intendedname");
    let mut codes: Vec<Coding> = Vec::new();
    for (code, name) in [("deliveredProduct", &delivered_name), ("intendedProduct", &intended_name)] {
        if let Some(code) = APB.child_text(product, code)
            && !codes.iter().any(|c| c.code.as_deref() == Some(code.as_str()))
        {
            codes.push(cnk(code, name.clone()));
        }
    }
    Medicine { codes, text: delivered_name.or(intended_name) }
}

/// A `substance`: its code (a CNK) and name.
fn substance(substance: &Node) -> Medicine {
    let name = APB.child_text(substance, "substancename");
    let codes = APB.child_text(substance, "substancecode").map(|c| cnk(c, name.clone())).into_iter().collect();
    Medicine { codes, text: name }
}

/// A `magistralPreparation`: its formula's code, and a text made of its name (the free text,
/// else the formula's name), its compounds, its galenic form and quantity.
fn magistral(preparation: &Node, unknown: &mut Vec<String>) -> Medicine {
    let mut codes = Vec::new();
    let (mut name, mut formula_name) = (None, None);
    let mut compounds: Vec<(u32, String)> = Vec::new();
    let mut extras = Vec::new();
    for node in elements(preparation) {
        if APB.is(&node, "magistralText") {
            name = name.or(text_of(&node));
        } else if APB.is(&node, "formularyReference") {
            formula_name = formula_name.or(APB.child_text(&node, "formulaName"));
            if let Some(code) = APB.child_text(&node, "formulaCode") {
                codes.push(Coding {
                    system: Some(FORMULA.to_owned()),
                    code: Some(code),
                    display: formula_name.clone(),
                });
            }
        } else if APB.is(&node, "compound") {
            let order = APB.child_text(&node, "order").and_then(|o| o.parse().ok()).unwrap_or(u32::MAX);
            compounds.extend(compound(&node, unknown).map(|text| (order, text)));
        } else if APB.is(&node, "galenicform") {
            extras
                .extend(APB.child_text(&node, "galenicformtext").or_else(|| APB.child_text(&node, "galenicformcode")));
        } else if APB.is(&node, "quantity") {
            extras.extend(quantity_text(&node));
        } else {
            keep_unknown(unknown, &node);
        }
    }
    // Sorted by their `order`, those without one last, in document order (a stable sort).
    compounds.sort_by_key(|(order, _)| *order);
    let listing = compounds.into_iter().map(|(_, text)| text).collect::<Vec<_>>().join("; ");
    let mut text = match (name.or(formula_name), listing.is_empty()) {
        (Some(name), false) => format!("{name}: {listing}"),
        (Some(name), true) => name,
        (None, _) => listing,
    };
    if !extras.is_empty() {
        text = format!("{text} ({})", extras.join(", ")).trim_start().to_owned();
    }
    Medicine { codes, text: (!text.is_empty()).then_some(text) }
}

/// One compound of a magistral preparation, as text: its name (the delivered product's,
/// the intended product's, the substance's, else "CNK <code>"), its quantity prefix ("ad")
/// and quantity ("10 ml").
fn compound(compound: &Node, unknown: &mut Vec<String>) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut quantity = Vec::new();
    for node in elements(compound) {
        if APB.is(&node, "medicinalProduct") || APB.is(&node, "substance") {
            let medicine = if APB.is(&node, "substance") { substance(&node) } else { medicinal_product(&node) };
            let code = medicine.codes.into_iter().find_map(|c| c.code).map(|c| format!("CNK {c}"));
            parts.extend(medicine.text.or(code));
        } else if APB.is(&node, "quantityprefix") {
            quantity.extend(text_of(&node));
        } else if APB.is(&node, "quantity") {
            quantity.extend(quantity_text(&node));
        } else if !APB.is(&node, "order") {
            keep_unknown(unknown, &node);
        }
    }
    parts.extend(quantity);
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A `quantity` as text, number and unit as sent ("0.2 gm").
fn quantity_text(node: &Node) -> Option<String> {
    let parts: Vec<String> =
        [APB.child_text(node, "decimal"), APB.child_text(node, "unit")].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

// ---- the dispensation -----------------------------------------------------------------

/// What the `dispensation` says: how many packages, and how to take it.
#[derive(Default)]
struct Dispensed {
    packages: Option<u32>,
    take_from: Option<PartialDate>,
    end: Option<PartialDate>,
    duration: Option<Quantity>,
    dosage: Vec<Dosage>,
    instructions: Vec<String>,
}

fn read_dispensation(dispensation: &Node, unknown: &mut Vec<String>) -> Result<Dispensed, String> {
    let mut out = Dispensed::default();
    for node in elements(dispensation) {
        if APB.is(&node, "numberOfUnits") {
            let text = text_of(&node).unwrap_or_default();
            out.packages = Some(text.parse().map_err(|_| "numberOfUnits is not a whole number".to_owned())?);
        } else if APB.is(&node, "administrationInstructions") {
            administration(&node, &mut out, unknown)?;
        } else {
            keep_unknown(unknown, &node);
        }
    }
    Ok(out)
}

/// The `administrationInstructions`: dates, dosages and instructions.
fn administration(instructions: &Node, out: &mut Dispensed, unknown: &mut Vec<String>) -> Result<(), String> {
    let mut base = Dosage::default();
    let (mut posologies, mut regimens) = (Vec::new(), Vec::new());
    for node in elements(instructions) {
        if APB.is(&node, "beginmoment") {
            out.take_from = moment(&node).ok_or("beginmoment is not a date")?;
        } else if APB.is(&node, "endmoment") {
            out.end = moment(&node).ok_or("endmoment is not a date")?;
        } else if APB.is(&node, "duration") {
            let value = APB.child_text(&node, "decimal").and_then(|d| decimal(&d)).ok_or("duration is not a number")?;
            base.duration = Some(Quantity { value, unit: APB.child_text(&node, "unit") });
        } else if APB.is(&node, "posology") {
            posologies.push(posology_text(&node, unknown));
        } else if APB.is(&node, "regimen") {
            regimens.push(node);
        } else if APB.is(&node, "route") {
            base.route =
                text_of(&node).map(|code| Coding { system: Some(ROUTE.to_owned()), code: Some(code), display: None });
        } else if APB.is(&node, "instructionforpatient") {
            out.instructions.extend(text_of(&node));
        } else {
            keep_unknown(unknown, &node);
        }
    }
    out.duration = base.duration.clone();
    for text in posologies {
        out.dosage.push(Dosage { text, ..base.clone() });
    }
    for regimen in regimens {
        out.dosage.extend(regimen_dosages(&regimen, &base, unknown)?);
    }
    if out.dosage.is_empty() && (base.route.is_some() || base.duration.is_some()) {
        out.dosage.push(base);
    }
    Ok(())
}

/// A moment (`beginmoment`, `endmoment`): its `date` (or its own text). `None` when it does
/// not read; `Some(None)` when it is empty.
fn moment(node: &Node) -> Option<Option<PartialDate>> {
    match APB.child(node, "date").or(Some(*node)).and_then(|n| text_of(&n)) {
        Some(text) => date(&text).map(Some),
        None => Some(None),
    }
}

/// A `posology`'s text; its other children (a structured dose) are kept as unknown.
fn posology_text(posology: &Node, unknown: &mut Vec<String>) -> Option<String> {
    let mut texts = Vec::new();
    for node in elements(posology) {
        if APB.is(&node, "text") {
            texts.extend(text_of(&node));
        } else {
            keep_unknown(unknown, &node);
        }
    }
    (!texts.is_empty()).then(|| texts.join("\n"))
}

/// A `regimen`: a series of intakes, each `(daynumber | date | weekday)? daytime quantity`,
/// as in KMEHR (split the same way, [`intakes`]).
fn regimen_dosages(regimen: &Node, base: &Dosage, unknown: &mut Vec<String>) -> Result<Vec<Dosage>, String> {
    let mut out = Vec::new();
    for intake in intakes(elements(regimen)) {
        let mut current = base.clone();
        for node in &intake {
            match node.tag_name().name().to_ascii_lowercase().as_str() {
                "daynumber" => {
                    let text = text_of(node).unwrap_or_default();
                    current.day_number =
                        Some(text.parse::<u32>().map_err(|_| "regimen daynumber is not a number".to_owned())?);
                }
                "date" => {
                    let text = text_of(node).unwrap_or_default();
                    current.dates.push(date(&text).ok_or("regimen date is not a date")?);
                }
                "weekday" => current.weekdays.extend(text_of(node).map(|d| weekday(&d))),
                "daytime" => {
                    if let Some(period) = APB.child(node, "dayperiod").and_then(|d| text_of(&d)) {
                        let code = Some(period.to_ascii_lowercase());
                        current.moments.push(Coding { system: Some(DAYPERIOD.to_owned()), code, display: None });
                    }
                    current.times.extend(APB.child_text(node, "time").map(|t| clock(&t)));
                }
                "quantity" => {
                    let value = APB.child_text(node, "decimal").ok_or("regimen quantity without a number")?;
                    let value = decimal(&value).ok_or("regimen quantity is not a number")?;
                    current.amount = Some(Quantity { value, unit: APB.child_text(node, "unit") });
                }
                _ => keep_unknown(unknown, node),
            }
        }
        if is_intake(&intake) {
            out.push(current);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> String {
        crate::fixtures::text(&format!("kmehr/other/{name}"))
    }

    const DRUG_FORMATS: &str = "kmehrtests-pcdh-TS-01-drugs-formats.xml";
    const OPTIONAL_INFORMATION: &str = "kmehrtests-pcdh-TS-03-optional-information.xml";

    /// Every line of a text, all read.
    fn read_all(xml: &str) -> Vec<MedicationLine> {
        let Ok(items) = read_single_message(xml) else { panic!("a single message") };
        items
            .into_iter()
            .map(|item| match item {
                Item::Read(line) => line,
                Item::Unreadable { reason, .. } => panic!("a line was not read: {reason}"),
            })
            .collect()
    }

    fn day(y: i32, m: u8, d: u8) -> PartialDate {
        PartialDate { year: y, month: Some(m), day: Some(d) }
    }

    fn code(system: &str, code: &str, display: Option<&str>) -> Coding {
        Coding { system: Some(system.to_owned()), code: Some(code.to_owned()), display: display.map(str::to_owned) }
    }

    fn posologies(line: &MedicationLine) -> Vec<&str> {
        line.dosage.iter().filter_map(|d| d.text.as_deref()).collect()
    }

    /// What every line of both fixtures shares: a delivery on 2026-08-03 by pharmacy
    /// 80000551, on Dr Donald Duck's prescription, of one package, "Posology free text".
    fn assert_common(line: &MedicationLine) {
        assert_eq!(line.kind, MedicationRecordKind::Delivered);
        assert_eq!(line.status, LineStatus::Completed);
        assert_eq!(line.start, Some(day(2026, 8, 3)));
        assert_eq!(line.author, Some(Party::Nihdi("80000551".into())));
        let Some(delivery) = &line.delivery else { panic!("a delivery") };
        assert_eq!(delivery.prescriber, Some(Party::Named("Donald Duck".into())));
        assert_eq!(delivery.packages, Some(1));
        assert_eq!(posologies(line), vec!["Posology free text"]);
        assert!(line.unknown_extensions.is_empty(), "{:?}", line.unknown_extensions);
    }

    #[test]
    fn the_drug_formats_read_with_their_medicine() {
        let lines = read_all(&fixture(DRUG_FORMATS));
        assert_eq!(lines.len(), 5);
        lines.iter().for_each(assert_common);
        let [cnk_product, free_text, formulary, compounds, unregistered] = lines.as_slice() else { panic!("5 lines") };

        assert_eq!(cnk_product.id.as_deref(), Some("55c131ca-c7b7-4c71-8f11-1d29b831f393"));
        assert_eq!(cnk_product.medicine, vec![code(CNK, "1727395", None)]);
        assert_eq!(cnk_product.medicine_text, None);
        assert_eq!(cnk_product.instructions.as_deref(), Some("productCode"));

        assert!(free_text.medicine.is_empty());
        assert_eq!(free_text.medicine_text.as_deref(), Some("Free text drug"));
        assert_eq!(free_text.instructions.as_deref(), Some("magistralPreparation - magistralText"));

        let formula = "ERYTHROMYCINE SOL. HYDRO-ALC. 4% FTM2";
        assert_eq!(formulary.medicine, vec![code(FORMULA, "0589028", Some(formula))]);
        assert_eq!(formulary.medicine_text.as_deref(), Some(formula));

        assert!(compounds.medicine.is_empty());
        assert_eq!(
            compounds.medicine_text.as_deref(),
            Some("ATROVENT MONODOSE 0,25MG/2ML VIALS 20 ad 10 ml; Panadol 1 g comp. 50; GLYCEROL 0.2 gm")
        );
        assert_eq!(compounds.instructions.as_deref(), Some("magistralPreparation - compound (all cases)"));

        assert!(unregistered.medicine.is_empty());
        assert_eq!(unregistered.medicine_text.as_deref(), Some("unregisteredProduct"));
        assert_eq!(unregistered.id.as_deref(), Some("9b9fbcec-534c-4bef-afa5-80ae6817dd4e"));
    }

    #[test]
    fn the_optional_information_reads_as_dates_duration_and_route() {
        let lines = read_all(&fixture(OPTIONAL_INFORMATION));
        assert_eq!(lines.len(), 5);
        lines.iter().for_each(assert_common);
        let [begin, end, both, duration, route] = lines.as_slice() else { panic!("5 lines") };
        let take_from = |l: &MedicationLine| l.delivery.as_ref().and_then(|d| d.take_from);

        assert_eq!(begin.medicine_text.as_deref(), Some("administrationInstructions - beginmoment"));
        assert_eq!((take_from(begin), begin.end), (Some(day(2023, 9, 16)), None));
        assert_eq!(begin.instructions.as_deref(), Some("beginmoment case"));

        assert_eq!((take_from(end), end.end), (None, Some(day(2024, 12, 25))));
        assert_eq!(both.medicine_text.as_deref(), Some("administrationInstructions - beginmoment & endmoment"));
        assert_eq!((take_from(both), both.end), (Some(day(2023, 9, 16)), Some(day(2024, 12, 25))));
        assert_eq!(both.instructions.as_deref(), Some("beginmoment & endmoment case"));

        let Some(dosage) = duration.dosage.first() else { panic!("a dosage") };
        assert_eq!(dosage.duration, Some(Quantity { value: 5.0, unit: Some("wk".into()) }));
        assert_eq!(duration.end, None, "a duration without a begin gives no end");

        let Some(dosage) = route.dosage.first() else { panic!("a dosage") };
        assert_eq!(dosage.route, Some(code("CD-DRUG-ROUTE", "00001", None)));
        assert_eq!(route.instructions.as_deref(), Some("route case"));
    }

    #[test]
    fn the_patient_never_appears() {
        for name in [DRUG_FORMATS, OPTIONAL_INFORMATION] {
            let xml = fixture(name);
            assert!(xml.contains("<id:id>12345678901</id:id>"), "{name}: the fixture holds a patient SSIN");
            let Ok(lines) = read_single_message(&xml) else { panic!("{name}") };
            let shown = format!("{lines:?}");
            assert!(!shown.contains("12345678901"), "{name}: the SSIN appears");
            assert!(!shown.contains("John") && !shown.contains("Doe"), "{name}: the patient's name appears");
            // No run of 11 digits at all (an SSIN, whatever it is).
            let digits = shown.as_bytes().windows(11).any(|w| w.iter().all(u8::is_ascii_digit));
            assert!(!digits, "{name}: an 11-digit number appears");
        }
    }

    #[test]
    fn a_broken_product_is_unreadable_and_the_others_still_read() {
        // The first product loses its medicine; in the other file, a begin date does not exist.
        let broken = fixture(DRUG_FORMATS).replacen("<id:cnk>1727395</id:cnk>", "", 1);
        let Ok(items) = read_single_message(&broken) else { panic!("a single message") };
        assert_eq!(items.len(), 5);
        assert!(matches!(items.first(),
            Some(Item::Unreadable { id: Some(id), reason }) if id == "55c131ca-c7b7-4c71-8f11-1d29b831f393" && reason.contains("medicine")));
        assert!(items.iter().skip(1).all(|i| !i.is_unreadable()));

        let broken = fixture(OPTIONAL_INFORMATION).replacen(
            "<smc:date>2023-09-16</smc:date>",
            "<smc:date>2023-02-30</smc:date>",
            1,
        );
        let Ok(items) = read_single_message(&broken) else { panic!("a single message") };
        assert_eq!(items.iter().filter(|i| i.is_unreadable()).count(), 1);
        assert!(
            matches!(items.first(), Some(Item::Unreadable { reason, .. }) if reason == "beginmoment is not a date")
        );
        assert!(
            matches!(items.get(2), Some(Item::Read(l)) if l.delivery.as_ref().and_then(|d| d.take_from) == Some(day(2023, 9, 16)))
        );

        // A visit date that does not read: every product of the visit is unreadable.
        let broken =
            fixture(DRUG_FORMATS).replacen("<smc:sessionDateTime>2026-08-03", "<smc:sessionDateTime>2026-13-03", 1);
        let Ok(items) = read_single_message(&broken) else { panic!("a single message") };
        assert!(
            items.iter().all(|i| matches!(i, Item::Unreadable { reason, .. } if reason.contains("sessionDateTime")))
        );

        // A number of packages that is not a number.
        let broken = fixture(DRUG_FORMATS).replacen("<model:numberOfUnits>1<", "<model:numberOfUnits>one<", 1);
        let Ok(items) = read_single_message(&broken) else { panic!("a single message") };
        assert!(matches!(items.first(), Some(Item::Unreadable { reason, .. }) if reason.contains("numberOfUnits")));
        assert_eq!(items.iter().filter(|i| i.is_unreadable()).count(), 1);
    }

    #[test]
    fn what_is_not_a_single_message_is_malformed() {
        for text in [
            "",
            "not xml",
            "<single-message/>",
            r#"<kmehrmessage xmlns="http://www.ehealth.fgov.be/standards/kmehr/schema/v1"/>"#,
            r#"<!DOCTYPE x [<!ENTITY a "b">]><smc:single-message xmlns:smc="http://www.apb.be/standards/smoa/schema/v1"/>"#,
        ] {
            assert!(matches!(read_single_message(text), Err(ConnectorError::Malformed(_))), "{text}");
        }
        let empty = r#"<smc:single-message xmlns:smc="http://www.apb.be/standards/smoa/schema/v1"/>"#;
        assert!(matches!(read_single_message(empty), Ok(lines) if lines.is_empty()));
    }

    /// A message of one event with one group: `group` is its content.
    fn message(group: &str) -> String {
        format!(
            r#"<smc:single-message xmlns:smc="http://www.apb.be/standards/smoa/schema/v1" xmlns:model="http://www.apb.be/standards/smoa/schema/model/v1" xmlns:id="http://www.apb.be/standards/smoa/schema/id/v1" xmlns:code="http://www.apb.be/standards/smoa/schema/code/v1">
            <smc:unsigned><smc:header><smc:sender><model:refPharmacy><model:pharmacyId><id:nihiiPharmacyNumber>80000999</id:nihiiPharmacyNumber></model:pharmacyId></model:refPharmacy></smc:sender></smc:header>
            <smc:eventFolder><smc:events><smc:event><smc:sessionDateTime>2024-03-01T09:00:00+01:00</smc:sessionDateTime>
            <smc:loyaltyCard>7</smc:loyaltyCard>{group}</smc:event></smc:events></smc:eventFolder></smc:unsigned></smc:single-message>"#
        )
    }

    #[test]
    fn a_delivered_product_without_prescription_prefers_the_delivered_name_and_keeps_the_unknown() {
        let lines = read_all(&message(
            r#"<smc:dispensedWithoutPrescription><smc:product><model:description><model:medicinalProduct>
              <model:intendedProduct>1543305</model:intendedProduct><model:deliveredProduct>1484229</model:deliveredProduct>
              <model:intendedname>ATROVENT</model:intendedname><model:deliveredname>Panadol 1 g comp. 50</model:deliveredname>
            </model:medicinalProduct><model:colour>red</model:colour></model:description>
            <model:dispensation><model:numberOfUnits>2</model:numberOfUnits><model:batch>X</model:batch></model:dispensation>
            </smc:product></smc:dispensedWithoutPrescription>"#,
        ));
        let [line] = lines.as_slice() else { panic!("one line") };
        assert_eq!(line.medicine_text.as_deref(), Some("Panadol 1 g comp. 50"));
        assert_eq!(
            line.medicine,
            vec![code(CNK, "1484229", Some("Panadol 1 g comp. 50")), code(CNK, "1543305", Some("ATROVENT"))]
        );
        assert_eq!(line.author, Some(Party::Nihdi("80000999".into())), "the sender, when the event names no pharmacy");
        assert_eq!(line.start, Some(day(2024, 3, 1)));
        assert_eq!(line.delivery, Some(Delivery { prescriber: None, packages: Some(2), take_from: None }));
        assert_eq!(line.unknown_extensions, vec!["loyaltyCard", "colour", "batch"]);
        assert!(line.dosage.is_empty());
    }

    #[test]
    fn a_regimen_gives_one_dosage_per_intake_and_a_substance_its_code() {
        let lines = read_all(&message(
            r#"<smc:dispensedForSamePrescription><model:hcparty><model:id><id:riziv>10000000001</id:riziv></model:id></model:hcparty>
            <smc:product><model:description><model:substance><model:substancecode>0525337</model:substancecode>
              <model:substancename>GLYCEROL</model:substancename></model:substance></model:description>
            <model:dispensation><model:administrationInstructions>
              <model:beginmoment><smc:date>2024-03-02</smc:date></model:beginmoment>
              <model:duration><smc:decimal>10</smc:decimal><smc:unit>d</smc:unit></model:duration>
              <model:regimen>
                <model:daynumber>1</model:daynumber><model:daytime><model:dayperiod><code:cd>MORNING</code:cd></model:dayperiod></model:daytime>
                <model:quantity><model:decimal>2</model:decimal><model:unit><code:cd>00005</code:cd></model:unit></model:quantity>
                <model:weekday>FRIDAY</model:weekday><model:daytime><model:time>20:00:00</model:time></model:daytime>
                <model:quantity><model:decimal>1</model:decimal></model:quantity>
              </model:regimen>
            </model:administrationInstructions></model:dispensation></smc:product>
            </smc:dispensedForSamePrescription>"#,
        )
        .replace("<smc:loyaltyCard>7</smc:loyaltyCard>", ""));
        let [line] = lines.as_slice() else { panic!("one line") };
        assert_eq!(line.medicine, vec![code(CNK, "0525337", Some("GLYCEROL"))]);
        assert_eq!(line.medicine_text.as_deref(), Some("GLYCEROL"));
        assert_eq!(line.delivery.as_ref().and_then(|d| d.prescriber.clone()), Some(Party::Nihdi("10000000001".into())));
        assert_eq!(line.end, Some(day(2024, 3, 11)), "ten days from the begin");
        let [first, second] = line.dosage.as_slice() else { panic!("two intakes") };
        assert_eq!(first.day_number, Some(1));
        assert_eq!(first.moments, vec![code("CD-DAYPERIOD", "morning", None)]);
        assert_eq!(first.amount, Some(Quantity { value: 2.0, unit: Some("00005".into()) }));
        assert_eq!(first.duration, Some(Quantity { value: 10.0, unit: Some("d".into()) }));
        assert_eq!(second.weekdays, vec!["fri"]);
        assert_eq!(second.times, vec!["20:00"]);
        assert_eq!(second.amount, Some(Quantity { value: 1.0, unit: None }));
        assert!(line.unknown_extensions.is_empty());
    }

    #[test]
    fn a_regimen_with_a_bad_number_makes_its_product_unreadable() {
        let Ok(items) = read_single_message(&message(
            r#"<smc:dispensedWithoutPrescription>
            <smc:product><model:description><model:unregisteredProduct>X</model:unregisteredProduct></model:description>
            <model:dispensation><model:administrationInstructions><model:regimen><model:daytime><model:time>08:00:00</model:time></model:daytime>
              <model:quantity><model:decimal>one</model:decimal></model:quantity></model:regimen></model:administrationInstructions></model:dispensation></smc:product>
            <smc:product><model:description><model:unregisteredProduct>Y</model:unregisteredProduct></model:description></smc:product>
            </smc:dispensedWithoutPrescription>"#,
        )) else {
            panic!("a single message")
        };
        assert!(
            matches!(items.first(), Some(Item::Unreadable { id: None, reason }) if reason == "regimen quantity is not a number")
        );
        assert!(matches!(items.get(1), Some(Item::Read(l)) if l.medicine_text.as_deref() == Some("Y")));
    }

    #[test]
    fn a_magistral_preparation_lists_its_name_compounds_form_and_quantity() {
        let lines = read_all(&message(
            r#"<smc:dispensedWithoutPrescription><smc:product><model:description><model:magistralPreparation>
              <model:magistralText>Zalf</model:magistralText>
              <model:compound><model:order>2</model:order><model:substance><model:substancecode>1</model:substancecode></model:substance></model:compound>
              <model:compound><model:order>1</model:order><model:medicinalproduct><model:intendedProduct>2</model:intendedProduct>
                <model:intendedname>Vaseline</model:intendedname></model:medicinalproduct><model:quantityprefix>ad</model:quantityprefix>
                <model:quantity><smc:decimal>100</smc:decimal><smc:unit>g</smc:unit></model:quantity></model:compound>
              <model:galenicform><model:galenicformtext>cream</model:galenicformtext></model:galenicform>
              <model:quantity><smc:decimal>100</smc:decimal><smc:unit>g</smc:unit></model:quantity>
            </model:magistralPreparation></model:description></smc:product></smc:dispensedWithoutPrescription>"#,
        ));
        let [line] = lines.as_slice() else { panic!("one line") };
        assert_eq!(line.medicine_text.as_deref(), Some("Zalf: Vaseline ad 100 g; CNK 1 (cream, 100 g)"));
        assert!(line.medicine.is_empty());
    }
}
