## Whose record
act-for-title = Whose record do you want to open?
act-for-what = You can open your own record, or the record of someone who gave you a mandate. You then see only what they allowed.
act-for-own = Your own record
act-for-open-own = Open my own record
act-for-under-mandate = Under the mandate they gave you.
act-for-as-parent = As their parent ({ $age } years old).
act-for-mandates-link = Mandates given to you and by you
