## Welche Akte
act-for-title = Welche Akte möchten Sie öffnen?
act-for-what = Sie können Ihre eigene Akte öffnen oder die Akte einer Person, die Ihnen ein Mandat gegeben hat. Sie sehen dann nur, was diese Person erlaubt hat.
act-for-own = Ihre eigene Akte
act-for-open-own = Meine eigene Akte öffnen
act-for-under-mandate = Mit dem Mandat, das diese Person Ihnen gegeben hat.
act-for-as-parent = Als Elternteil dieses Kindes ({ $age } Jahre alt).
act-for-mandates-link = Mandate, die Sie bekommen und gegeben haben
