//! Words for the values records carry: people, codes, dates. One place, so every page
//! says them the same way.

use carnet_core::coding::Coding;
use carnet_core::date::PartialDate;
use carnet_core::party::Party;

use crate::i18n::Lang;

/// Who: a name, else "Care provider (NIHDI no. …)", else "A care provider".
pub fn party(lang: Lang, party: &Party) -> String {
    match party {
        Party::Named(name) => name.clone(),
        Party::Nihdi(number) => lang.t_args("performer-nihdi", &[("number", number.clone().into())]),
        Party::Person => lang.t("performer-person"),
        Party::Other(text) => text.clone(),
        // People see names, not references.
        Party::Unresolved(_) => lang.t("party-unresolved"),
    }
}

pub fn party_opt(lang: Lang, p: Option<&Party>) -> String {
    p.map(|p| party(lang, p)).unwrap_or_default()
}

/// A coded concept in words: Carnet's own name for a known code in the page's language
/// (`code-<system>-<code>` in the locales), else the source's display text, else the
/// given text, else "<system> code <code>".
pub fn concept(lang: Lang, codes: &[Coding], text: Option<&str>) -> String {
    codes
        .iter()
        .find_map(|c| known(lang, c))
        .or_else(|| codes.iter().find_map(|c| c.display.clone()))
        .or_else(|| text.map(str::to_owned))
        .or_else(|| codes.first().map(|c| raw_code(lang, c)))
        .unwrap_or_default()
}

/// Carnet's name for a code, when the locales have one: SNOMED CT vaccines
/// (`vaccine-snomed-<code>`), kinds of care providers (`code-hcparty-<code>`) and reasons
/// (`code-actreason-<code>`, `code-vaccination-reason-<code>`).
pub fn known(lang: Lang, coding: &Coding) -> Option<String> {
    let code = coding.code.as_deref()?;
    let id = match coding.system.as_deref()? {
        carnet_core::coding::SNOMED_CT => format!("vaccine-snomed-{code}"),
        s if s.to_ascii_uppercase().ends_with("CD-HCPARTY") => format!("code-hcparty-{}", code.to_ascii_lowercase()),
        // Why something was not done (a vaccination not given): HL7's reasons, Belgium's.
        s if s.ends_with("/v3-ActReason") => format!("code-actreason-{}", code.to_ascii_lowercase()),
        s if s.ends_with("/be-cs-vaccination-status-reason") => {
            format!("code-vaccination-reason-{}", code.to_ascii_lowercase())
        }
        _ => return None,
    };
    lang.try_t(&id)
}

pub fn raw_code(lang: Lang, coding: &Coding) -> String {
    lang.t_args(
        "vaccination-unknown-code",
        &[
            ("system", coding.system_label().to_owned().into()),
            ("code", coding.code.clone().unwrap_or_default().into()),
        ],
    )
}

/// A date, or "Date unknown".
pub fn date_or_unknown(lang: Lang, date: Option<PartialDate>) -> String {
    match date {
        Some(d) => lang.date(d),
        None => lang.t("date-unknown"),
    }
}

/// `YYYY-MM-DD` for a `<time datetime>` attribute (partial dates as far as known).
pub fn machine_date(date: PartialDate) -> String {
    date.to_string()
}

/// A document's title: its own, else its type in words, else "Document".
pub fn document_title(lang: Lang, d: &carnet_core::document::DocumentEntry) -> String {
    d.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| {
        let kind = concept(lang, &d.doc_type, None);
        if kind.is_empty() { lang.t("document-untitled") } else { kind }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_code_is_said_in_carnets_words_in_every_language() {
        let code = |system: &str, code: &str| Coding {
            system: Some(system.into()),
            code: Some(code.into()),
            display: Some("Weigering door patiënt".into()),
        };
        let refused = code("http://terminology.hl7.org/CodeSystem/v3-ActReason", "PATOBJ");
        assert_eq!(concept(Lang::En, std::slice::from_ref(&refused), None), "the patient refused");
        assert_eq!(concept(Lang::Fr, std::slice::from_ref(&refused), None), "le patient a refusé");
        let precaution = code("http://terminology.hl7.org/CodeSystem/v3-ActReason", "MEDPREC");
        for lang in Lang::ALL {
            assert!(known(lang, &precaution).is_some(), "{lang:?}");
        }
        // An unknown code keeps the source's words.
        let unknown = code("http://terminology.hl7.org/CodeSystem/v3-ActReason", "XYZ");
        assert_eq!(concept(Lang::En, &[unknown], None), "Weigering door patiënt");
    }
}
