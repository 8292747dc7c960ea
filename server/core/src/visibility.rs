//! Who can see the record at the hubs, and why: the hubs' rule, once. A care provider sees
//! what a hub shares when they have a running care relationship with the citizen at that
//! hub, the citizen's consent at that hub is given, and the citizen has not excluded them
//! there. The "who can see" page shows this rule's verdict for everyone it concerns, with
//! the one change that would alter it.

use serde::{Deserialize, Serialize};

use crate::coding::Coding;
use crate::consent::ConsentRecord;
use crate::date::{Day, PartialDate};
use crate::exclusion::Exclusion;
use crate::item::Item;
use crate::party::Party;
use crate::relationship::TherapeuticLink;
use crate::source_answer::Answers;

/// Whether a care provider can see the record through one hub, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// A running relationship and the citizen's consent at this hub.
    CanSee,
    /// The relationship is there, but the citizen's consent at this hub is not given (or revoked).
    NoConsent,
    /// The citizen excluded them at this hub.
    Excluded,
    /// The hub did not say (its consent or exclusions could not be read).
    Unknown,
}

/// One care provider's access through one hub.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Through {
    pub source_id: String,
    pub source_name: String,
    pub verdict: Verdict,
    /// The relationship's dates, when there is one.
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    /// The relationship's token (to end it), when there is a running one.
    pub link: Option<String>,
    /// The exclusion's token (to lift it), when they are excluded here.
    pub exclusion: Option<String>,
}

/// A care provider or organisation the hubs know in relation to the citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub who: Party,
    pub role: Option<Coding>,
    pub institution: Option<String>,
    pub through: Vec<Through>,
}

impl Viewer {
    /// Can they see the record through at least one hub?
    pub fn can_see(&self) -> bool {
        self.through.iter().any(|t| t.verdict == Verdict::CanSee)
    }
}

/// Every care provider with a running relationship or an exclusion at some hub, with the
/// verdict per hub: those who can see first, then by name.
pub fn care_providers(
    consents: &Answers<ConsentRecord>,
    links: &Answers<TherapeuticLink>,
    exclusions: &Answers<Exclusion>,
    today: Day,
) -> Vec<Viewer> {
    let consent_at = |source: &str| -> Option<bool> {
        let answer = consents.iter().find(|a| a.source_id == source)?;
        let items = answer.result.as_ref().ok()?;
        Some(crate::consent::current(items).is_some_and(ConsentRecord::is_given))
    };
    let excluded_at = |source: &str, who: &Party| -> Option<Option<String>> {
        let answer = exclusions.iter().find(|a| a.source_id == source)?;
        let items = answer.result.as_ref().ok()?;
        Some(
            items
                .iter()
                .filter_map(Item::read)
                .find(|e| e.professional == *who)
                .map(|e| e.id.clone().unwrap_or_default()),
        )
    };
    let serves_exclusions = |source: &str| exclusions.iter().any(|a| a.source_id == source);
    let mut viewers: Vec<Viewer> = Vec::new();
    let viewer =
        |viewers: &mut Vec<Viewer>, who: &Party, role: &Option<Coding>, institution: &Option<String>| -> usize {
            if let Some(i) = viewers.iter().position(|v| v.who == *who) {
                if let Some(v) = viewers.get_mut(i) {
                    v.role = v.role.take().or_else(|| role.clone());
                    v.institution = v.institution.take().or_else(|| institution.clone());
                }
                return i;
            }
            viewers.push(Viewer {
                who: who.clone(),
                role: role.clone(),
                institution: institution.clone(),
                through: Vec::new(),
            });
            viewers.len() - 1
        };
    for answer in links {
        let Ok(items) = &answer.result else { continue };
        for link in items.iter().filter_map(Item::read) {
            if link.end.is_some_and(|end| end.latest() < today) {
                continue;
            }
            let excluded = if serves_exclusions(&answer.source_id) {
                excluded_at(&answer.source_id, &link.professional)
            } else {
                Some(None)
            };
            let verdict = match (excluded.as_ref(), consent_at(&answer.source_id)) {
                (Some(Some(_)), _) => Verdict::Excluded,
                (None, _) | (_, None) => Verdict::Unknown,
                (Some(None), Some(true)) => Verdict::CanSee,
                (Some(None), Some(false)) => Verdict::NoConsent,
            };
            let i = viewer(&mut viewers, &link.professional, &link.role, &link.institution);
            if let Some(v) = viewers.get_mut(i) {
                v.through.push(Through {
                    source_id: answer.source_id.clone(),
                    source_name: answer.source_name.clone(),
                    verdict,
                    since: link.start,
                    until: link.end,
                    link: link.id.clone(),
                    exclusion: excluded.flatten(),
                });
            }
        }
    }
    for answer in exclusions {
        let Ok(items) = &answer.result else { continue };
        for exclusion in items.iter().filter_map(Item::read) {
            let i = viewer(&mut viewers, &exclusion.professional, &exclusion.role, &exclusion.institution);
            let Some(v) = viewers.get_mut(i) else { continue };
            if v.through.iter().any(|t| t.source_id == answer.source_id) {
                continue;
            }
            v.through.push(Through {
                source_id: answer.source_id.clone(),
                source_name: answer.source_name.clone(),
                verdict: Verdict::Excluded,
                since: None,
                until: None,
                link: None,
                exclusion: exclusion.id.clone(),
            });
        }
    }
    viewers.sort_by_key(|v| (!v.can_see(), format!("{:?}", v.who)));
    viewers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consent::ConsentState;
    use crate::source_answer::SourceAnswer;

    fn answer<T>(source: &str, items: Vec<T>) -> SourceAnswer<Vec<Item<T>>> {
        SourceAnswer {
            source_id: source.into(),
            source_name: source.to_uppercase(),
            result: Ok(items.into_iter().map(Item::Read).collect()),
            stale: None,
        }
    }

    fn consent(state: ConsentState) -> ConsentRecord {
        ConsentRecord {
            id: None,
            state,
            category: Vec::new(),
            since: PartialDate::parse("2019-08-14"),
            until: None,
            author: None,
            actors: Vec::new(),
            status: None,
            terms: Vec::new(),
            unknown_extensions: Vec::new(),
        }
    }

    fn link(name: &str, end: Option<&str>) -> TherapeuticLink {
        TherapeuticLink {
            id: Some(format!("token-{name}")),
            professional: Party::Named(name.into()),
            role: None,
            institution: None,
            kind: None,
            start: PartialDate::parse("2012-01-16"),
            end: end.and_then(PartialDate::parse),
        }
    }

    fn excluded(name: &str) -> Exclusion {
        Exclusion {
            id: Some(format!("x-{name}")),
            professional: Party::Named(name.into()),
            role: None,
            institution: None,
            since: None,
            until: None,
        }
    }

    const TODAY: Day = Day { year: 2026, month: 12, day: 3 };

    #[test]
    fn a_provider_sees_with_a_running_link_and_consent_and_not_when_excluded() {
        let consents = vec![
            answer("cozo", vec![consent(ConsentState::Given)]),
            answer("rsw", vec![consent(ConsentState::Revoked)]),
        ];
        let links = vec![
            answer(
                "cozo",
                vec![link("Dr. Peeters", None), link("Dr. Verbiest", None), link("Dr. Old", Some("2020-01-01"))],
            ),
            answer("rsw", vec![link("Dr. Peeters", None)]),
        ];
        let exclusions =
            vec![answer("cozo", vec![excluded("Dr. Verbiest"), excluded("Dr. Never")]), answer("rsw", Vec::new())];
        let viewers = care_providers(&consents, &links, &exclusions, TODAY);
        let verdicts: Vec<(String, Vec<(String, Verdict)>)> = viewers
            .iter()
            .map(|v| (format!("{:?}", v.who), v.through.iter().map(|t| (t.source_id.clone(), t.verdict)).collect()))
            .collect();
        assert_eq!(
            verdicts,
            vec![
                (
                    "Named(\"Dr. Peeters\")".to_owned(),
                    vec![("cozo".to_owned(), Verdict::CanSee), ("rsw".to_owned(), Verdict::NoConsent)]
                ),
                ("Named(\"Dr. Never\")".to_owned(), vec![("cozo".to_owned(), Verdict::Excluded)]),
                ("Named(\"Dr. Verbiest\")".to_owned(), vec![("cozo".to_owned(), Verdict::Excluded)]),
            ],
            "an ended link gives nothing; an exclusion wins over a link"
        );
        assert_eq!(
            viewers.first().and_then(|v| v.through.first()).and_then(|t| t.link.clone()).as_deref(),
            Some("token-Dr. Peeters")
        );
    }

    #[test]
    fn a_hub_whose_consent_could_not_be_read_gives_no_verdict() {
        let mut consents = vec![answer("cozo", vec![consent(ConsentState::Given)])];
        if let Some(a) = consents.first_mut() {
            a.result = Err(crate::source_answer::SourceFailure::Timeout);
        }
        let links = vec![answer("cozo", vec![link("Dr. Peeters", None)])];
        let viewers = care_providers(&consents, &links, &vec![answer::<Exclusion>("cozo", Vec::new())], TODAY);
        assert_eq!(viewers.first().and_then(|v| v.through.first()).map(|t| t.verdict), Some(Verdict::Unknown));
    }
}
