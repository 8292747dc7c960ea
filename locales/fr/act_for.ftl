## Quel dossier
act-for-title = Quel dossier voulez-vous ouvrir ?
act-for-what = Vous pouvez ouvrir votre propre dossier, ou le dossier d’une personne qui vous a donné un mandat. Vous ne voyez alors que ce qu’elle a permis.
act-for-own = Votre propre dossier
act-for-open-own = Ouvrir mon propre dossier
act-for-under-mandate = Avec le mandat que cette personne vous a donné.
act-for-as-parent = En tant que parent de cet enfant ({ $age } ans).
act-for-mandates-link = Mandats reçus et donnés
