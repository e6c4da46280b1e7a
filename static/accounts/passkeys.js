// Once django-otp-webauthn has saved a new passkey, go on: where the user was going at
// enrolment, or back to the account's two-step page, which then lists it.
document.addEventListener("otp_webauthn.register_complete", (event) => {
  window.location.assign(event.target.dataset.nextUrl);
});
