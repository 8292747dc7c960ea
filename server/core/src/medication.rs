//! Medication: what to take, when, how much, prescribed by whom.

use serde::{Deserialize, Serialize};

use crate::coding::{Coding, Quantity};
use crate::date::PartialDate;
use crate::party::Party;

/// Where a line comes from: FHIR MedicationRequest / MedicationDispense / MedicationStatement,
/// KMEHR medication schema or prescription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MedicationRecordKind {
    /// A prescription.
    Prescribed,
    /// A pharmacy delivered it.
    Delivered,
    /// A line of the medication schema / treatment the person takes.
    Taken,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineStatus {
    Active,
    /// Temporarily suspended (see `suspensions`).
    Suspended,
    Stopped,
    Completed,
    EnteredInError,
    Unknown,
    /// A status this version does not know, kept raw.
    Other(String),
}

/// How often: `count` times per `period` `unit` (UCUM-like: "h", "d", "wk", "mo").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frequency {
    pub count: u32,
    pub period: f64,
    pub unit: String,
}

/// One dosage instruction: how much, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Dosage {
    /// The instruction as free text, when the source gives one.
    pub text: Option<String>,
    /// How much per intake.
    pub amount: Option<Quantity>,
    /// Moments of the day (KMEHR CD-DAYPERIOD "morning", FHIR EventTiming "MORN" …), kept coded.
    pub moments: Vec<Coding>,
    /// Clock times ("08:00").
    pub times: Vec<String>,
    pub frequency: Option<Frequency>,
    /// Days of the week ("mon" … "sun").
    pub weekdays: Vec<String>,
    pub route: Option<Coding>,
    pub as_needed: bool,
    /// Extra instructions for this intake ("Day 1 of treatment cycle", "with food").
    pub instructions: Vec<String>,
    /// Specific dates of intake, for a one-off or scheduled dose (FHIR `timing.event`).
    pub dates: Vec<PartialDate>,
    /// How long this dosage applies ("1 wk", "7 d"): the first of several dosage steps
    /// (FHIR `timing.repeat.boundsDuration`).
    pub duration: Option<Quantity>,
    /// The day of the treatment this intake is for, counted from the start (day 1 is the
    /// start date): KMEHR regimen `daynumber` ("day 1: 2 tablets, day 2: 1 tablet").
    pub day_number: Option<u32>,
}

/// A period in which the line is suspended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suspension {
    pub from: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub reason: Option<String>,
}

/// One medication line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MedicationLine {
    pub id: Option<String>,
    pub kind: MedicationRecordKind,
    pub status: LineStatus,
    /// Codes of the medicine (CNK, ATC, SNOMED CT, VMP group …), displays as sent.
    pub medicine: Vec<Coding>,
    /// The medicine as text (product name, or the free-text medicine of KMEHR).
    pub medicine_text: Option<String>,
    pub dosage: Vec<Dosage>,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    /// Prescriber, pharmacist or author of the line.
    pub author: Option<Party>,
    /// Why it is taken, or instructions for the patient, as text.
    pub reason: Option<String>,
    pub instructions: Option<String>,
    pub suspensions: Vec<Suspension>,
    /// Extensions this version does not understand, by URL: kept so nothing is dropped silently.
    pub unknown_extensions: Vec<String>,
    /// How long the treatment is meant to last, raw: "chronic", "acute", "oneshot" (KMEHR
    /// CD-TEMPORALITY).
    pub temporality: Option<String>,
    /// When to start taking it, as text ("at a migraine attack"): the Vitalink medication
    /// schema's begin condition.
    pub begin_condition: Option<String>,
    /// When to stop, as text ("until the box is empty"): the schema's end condition.
    pub end_condition: Option<String>,
    /// What a pharmacy delivery adds to a [`MedicationRecordKind::Delivered`] line (the
    /// pharmacy itself is the `author`, the day of the delivery the `start`).
    #[serde(default)]
    pub delivery: Option<Delivery>,
}

/// What a pharmacy delivery says beyond the line itself (the pharmaceutical care data hub's
/// dispensations).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Delivery {
    /// Who prescribed what was delivered, when it was delivered on a prescription.
    pub prescriber: Option<Party>,
    /// How many packages were delivered.
    pub packages: Option<u32>,
    /// When to start taking it, when the pharmacist said so (the delivery day is `start`).
    pub take_from: Option<PartialDate>,
}

crate::simple_kind!(
    /// The kind: medication lines (schemes, prescriptions, deliveries).
    Medications, Medication, MedicationLine);
