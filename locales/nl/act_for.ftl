## Welk dossier
act-for-title = Welk dossier wilt u openen?
act-for-what = U kunt uw eigen dossier openen, of het dossier van iemand die u een mandaat heeft gegeven. U ziet dan alleen wat die persoon heeft toegestaan.
act-for-own = Uw eigen dossier
act-for-open-own = Mijn eigen dossier openen
act-for-under-mandate = Met het mandaat dat deze persoon u heeft gegeven.
act-for-as-parent = Als ouder van dit kind ({ $age } jaar oud).
act-for-mandates-link = Mandaten die u hebt gekregen en gegeven
