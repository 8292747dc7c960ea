//! Taking the record along: the sections of the International Patient Summary (HL7 IPS
//! 2.0.0) a citizen's export holds, the kinds of the record that fill each, and which the
//! IPS requires (a required section with nothing in it says "no information", never
//! nothing). The Bundle itself is written by the connectors' `ips` module.

use crate::kind::Scope;

/// One section of the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpsSection {
    /// Its LOINC code (`Composition.section.code`).
    pub loinc: &'static str,
    /// LOINC's display of that code.
    pub display: &'static str,
    /// Its title in the document (the reader's words are the page's, not these).
    pub title: &'static str,
    /// The kinds of the record it is made of.
    pub from: &'static [Scope],
    /// The IPS requires it: empty, it carries the "no information" statement.
    pub required: bool,
    /// The IPS's code for "no information about …" (`absent-unknown-uv-ips`), for a
    /// required section.
    pub absent: Option<&'static str>,
}

/// The IPS code system of "no information" statements.
pub const ABSENT_UNKNOWN: &str = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";

/// The summary's sections, in the order the document lists them: the three the IPS
/// requires, then those it recommends that Carnet reads today. Results, vital signs,
/// procedures and advance directives come with the kinds that hold them.
pub const IPS_SECTIONS: &[IpsSection] = &[
    IpsSection {
        loinc: "10160-0",
        display: "History of Medication use Narrative",
        title: "Medication Summary",
        from: &[Scope::Medication],
        required: true,
        absent: Some("no-medication-info"),
    },
    IpsSection {
        loinc: "48765-2",
        display: "Allergies and adverse reactions Document",
        title: "Allergies and Intolerances",
        from: &[Scope::Allergies],
        required: true,
        absent: Some("no-allergy-info"),
    },
    IpsSection {
        loinc: "11450-4",
        display: "Problem list - Reported",
        title: "Problem List",
        from: &[Scope::SumEhr],
        required: true,
        absent: Some("no-problem-info"),
    },
    IpsSection {
        loinc: "11369-6",
        display: "History of Immunization Narrative",
        title: "History of Immunizations",
        from: &[Scope::Vaccinations],
        required: false,
        absent: None,
    },
];

/// The IPS document's own code (`Composition.type`): "Patient summary Document".
pub const IPS_DOCUMENT: &str = "60591-5";

/// The audit log's action of an export: `export:<scope>,<scope>…` (a read of each part,
/// made to be taken along).
pub const EXPORT_PREFIX: &str = "export:";

/// How long an export's file can be downloaded after it was made; then it is deleted.
pub const EXPORT_KEPT_MS: i64 = 30 * 60 * 1000;

/// An export still running after this long was lost (its instance stopped): the page says
/// so and offers to start again.
pub const EXPORT_LOST_AFTER_MS: i64 = 2 * 60 * 1000;

/// The kinds an export can hold, in the document's order.
pub fn exportable() -> Vec<Scope> {
    IPS_SECTIONS.iter().flat_map(|section| section.from.iter().copied()).collect()
}

/// The files an export is made into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFile {
    /// The International Patient Summary, a FHIR R4 document Bundle (JSON).
    Ips,
    /// The same parts, for people to read and print.
    SummaryPdf,
    /// The vaccinations given and the status against the Belgian basic schedule.
    VaccinationProof,
}

impl ExportFile {
    pub const ALL: [ExportFile; 3] = [ExportFile::Ips, ExportFile::SummaryPdf, ExportFile::VaccinationProof];

    /// Its name in the file's address (`/export/<key>/<name>`), and what it is saved as.
    pub fn name(self) -> &'static str {
        match self {
            ExportFile::Ips => "patient-summary.json",
            ExportFile::SummaryPdf => "patient-summary.pdf",
            ExportFile::VaccinationProof => "vaccination-proof.pdf",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            ExportFile::Ips => "application/fhir+json",
            ExportFile::SummaryPdf | ExportFile::VaccinationProof => "application/pdf",
        }
    }
}

/// The section a kind's items go into, if the summary holds that kind.
pub fn section_of(scope: Scope) -> Option<&'static IpsSection> {
    IPS_SECTIONS.iter().find(|section| section.from.contains(&scope))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_required_sections_come_first_each_with_its_no_information_code() {
        let required: Vec<&str> = IPS_SECTIONS.iter().filter(|s| s.required).map(|s| s.loinc).collect();
        assert_eq!(required, ["10160-0", "48765-2", "11450-4"], "IPS 2.0.0: medication, allergies, problems");
        for section in IPS_SECTIONS {
            assert_eq!(section.required, section.absent.is_some(), "{}", section.title);
        }
        assert_eq!(section_of(Scope::Vaccinations).map(|s| s.loinc), Some("11369-6"));
        assert_eq!(section_of(Scope::Consent), None, "consent is not part of a summary");
    }

    #[test]
    fn each_kind_fills_one_section_at_most() {
        for scope in Scope::ALL {
            assert!(IPS_SECTIONS.iter().filter(|s| s.from.contains(scope)).count() <= 1, "{scope:?}");
        }
    }
}
