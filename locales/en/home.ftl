home-title = Your health data, in one place
home-intro = Carnet shows you what hospitals, doctors and pharmacists have shared about you in the Belgian health networks: your vaccinations today, and soon your documents, medication and allergies. You decide who may see them.
home-login-explain = Log in with your eID card or itsme. On this local demo, a demo login page asks for a username and password.
home-login-button = Log in to see my data

## The page after logging out
logged-out-title = You are logged out
logged-out-text = You have been logged out of Carnet and of the login service. If you use a shared computer, close the browser as well.
